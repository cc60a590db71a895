// runtime/tasks/parse_task.cpp: the validation behind parse_task.h. Checks
// run in document order, and the first problem found is the one reported.
#include "runtime/tasks/parse_task.h"

#include <fmt/core.h>

#include <cstdint>

#include "runtime/tasks/task_error.h"

namespace battc::runtime {
namespace {

using nlohmann::json;

const json& require_array(const json& j, const JsonSource& src, const std::string& path, const char* what) {
  if (!j.is_array()) fail_at(src, path, fmt::format("expected {}, got {}", what, describe_json(j)));
  return j;
}

int parse_cell(const json& j, const JsonSource& src, const std::string& path) {
  if (j.is_number_unsigned()) {
    auto v = j.get<std::uint64_t>();
    if (v <= static_cast<std::uint64_t>(kMaxColor)) return static_cast<int>(v);
  } else if (j.is_number_integer()) {
    auto v = j.get<std::int64_t>();
    if (v >= kMinColor && v <= kMaxColor) return static_cast<int>(v);
  } else {
    fail_at(src, path, fmt::format("expected a color (an integer {}..{}), got {}", kMinColor, kMaxColor, describe_json(j)));
  }
  fail_at(src, path, fmt::format("cell value {} is outside {}..{}", j.dump(), kMinColor, kMaxColor));
}

Sample parse_sample(const json& j, const JsonSource& src, const std::string& path, bool need_output) {
  if (!j.is_object()) fail_at(src, path, fmt::format("expected a sample object, got {}", describe_json(j)));
  Sample s;
  auto in = j.find("input");
  if (in == j.end()) fail_at(src, path, "missing \"input\"");
  s.input = parse_grid(*in, src, path + ".input");
  auto out = j.find("output");
  if (out != j.end()) {
    s.output = parse_grid(*out, src, path + ".output");
  } else if (need_output) {
    fail_at(src, path, "missing \"output\" (train samples need one)");
  }
  return s;
}

std::vector<Sample> parse_samples(const json& task, const JsonSource& src, const char* key, bool need_output) {
  auto it = task.find(key);
  if (it == task.end()) fail_at(src, "", fmt::format("missing \"{}\"", key));
  require_array(*it, src, key, "an array of samples");
  if (it->empty()) fail_at(src, key, "has no samples (a task needs at least one)");
  std::vector<Sample> out;
  out.reserve(it->size());
  for (std::size_t i = 0; i < it->size(); ++i)
    out.push_back(parse_sample((*it)[i], src, fmt::format("{}[{}]", key, i), need_output));
  return out;
}

}  // namespace

void fail_at(const JsonSource& src, const std::string& path, const std::string& problem) {
  std::string where = src.name_task ? fmt::format("task {}: ", src.task_id) : std::string();
  if (!path.empty()) where += path + ": ";
  throw TaskError(src.file, where + problem);
}

namespace {

// A value as JSON text for a message; bytes that are no UTF-8 become U+FFFD
// (dump() would throw on them).
std::string json_text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// The first n bytes of s, not cutting a UTF-8 sequence in two (found by
// fuzzing: a cut sequence made the message's dump() throw).
std::string utf8_prefix(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // s[n] continues a sequence
  return s.substr(0, n);
}

}  // namespace

std::string describe_json(const json& j) {
  switch (j.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::null: return "null";
    case json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      if (s.size() <= 20) return "a string " + json_text(j);
      return "a string " + json_text(json(utf8_prefix(s, 20))) + "...";
    }
    case json::value_t::boolean: return "a boolean " + json_text(j);
    case json::value_t::number_float:
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a number " + json_text(j);
    default: return json_text(j);
  }
}

GridData parse_grid(const json& j, const JsonSource& src, const std::string& path) {
  require_array(j, src, path, "a grid (an array of rows)");
  if (j.size() < kMinGridSide || j.size() > kMaxGridSide)
    fail_at(src, path, fmt::format("grid has {} rows; a grid has {}..{} rows", j.size(), kMinGridSide, kMaxGridSide));
  GridData g;
  g.h = static_cast<int>(j.size());
  for (std::size_t r = 0; r < j.size(); ++r) {
    std::string row_path = fmt::format("{}[{}]", path, r);
    const json& row = require_array(j[r], src, row_path, "a row (an array of colors)");
    if (r == 0) {
      if (row.size() < kMinGridSide || row.size() > kMaxGridSide)
        fail_at(src, row_path, fmt::format("row has {} cells; a grid is {}..{} wide", row.size(), kMinGridSide, kMaxGridSide));
      g.w = static_cast<int>(row.size());
      g.cells.reserve(static_cast<std::size_t>(g.h) * g.w);
    } else if (row.size() != static_cast<std::size_t>(g.w)) {
      fail_at(src, row_path, fmt::format("ragged grid: row has {} cell{} but row 0 has {}", row.size(), row.size() == 1 ? "" : "s", g.w));
    }
    for (std::size_t c = 0; c < row.size(); ++c) g.cells.push_back(parse_cell(row[c], src, fmt::format("{}[{}]", row_path, c)));
  }
  return g;
}

Task parse_task(const json& j, const JsonSource& src, const std::string& id) {
  if (!j.is_object()) fail_at(src, "", fmt::format("expected a task object with \"train\" and \"test\", got {}", describe_json(j)));
  Task t;
  t.id = id;
  t.train = parse_samples(j, src, "train", /*need_output=*/true);
  t.test = parse_samples(j, src, "test", /*need_output=*/false);
  return t;
}

}  // namespace battc::runtime
