// tests/dsl/golden_tk_primitives_test.cpp: tokpidjin's cell-free primitives
// (dsl/tk_containers.h, dsl/tk_grids.h) against tokpidjin's dsl.py run with
// canonical sets. tests/golden/tk_primitives/ holds the cases and outcomes
// tools/golden/make_tk_primitive_golden.py writes; the invokers are in
// golden_reg_tk_test.cpp. The replay is golden_primitives_test.cpp's.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/dsl/golden_registry.h"

namespace {

using namespace battc::test::golden;

const std::string kDir = std::string(BATTC_SOURCE_DIR) + "/tests/golden/tk_primitives/";

std::vector<json> read_jsonl(const std::string& path) {
  std::ifstream in(path);
  std::vector<json> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

std::string key_of(const json& c) {
  auto list = [](const json& types) {
    std::string s = "(";
    for (size_t i = 0; i < types.size(); ++i) s += (i ? "," : "") + types[i].get<std::string>();
    return s + ")";
  };
  std::string k = c["prim"].get<std::string>() + list(c["types"]);
  if (c.contains("call_types")) k += list(c["call_types"]);
  return k;
}

std::string describe(const json& c) {
  std::string s = c["id"].get<std::string>() + ": " + c["prim"].get<std::string>() + "(";
  for (size_t i = 0; i < c["args"].size(); ++i) s += (i ? ", " : "") + c["args"][i].dump();
  s += ")";
  if (c.contains("call")) {
    s += "(";
    for (size_t i = 0; i < c["call"].size(); ++i) s += (i ? ", " : "") + c["call"][i].dump();
    s += ")";
  }
  return s + "  [" + key_of(c) + "]";
}

}  // namespace

TEST_CASE("golden: tokpidjin's cell-free primitives match its dsl.py", "[dsl][golden]") {
  std::vector<json> cases = read_jsonl(kDir + "cases.jsonl");
  std::vector<json> expected = read_jsonl(kDir + "expected.jsonl");
  REQUIRE(!cases.empty());
  std::map<std::string, json> want;
  for (const json& e : expected) want[e["id"].get<std::string>()] = e;

    std::vector<unsigned char> mem(16u << 20);
  int passed = 0, failed = 0;
  for (const json& c : cases) {
    const std::string id = c["id"].get<std::string>();
    auto w = want.find(id);
    auto inv = registry().invokers.find(key_of(c));
    std::string problem;
    Outcome got;
    if (w == want.end()) {
      problem = "no expected outcome";
    } else if (inv == registry().invokers.end()) {
      problem = "no invoker registered";
    } else {
      battc::dsl::Ctx ctx{mem.data(), mem.size(), 10'000'000};
      try {
        got = inv->second(ctx, c["args"], c.contains("call") ? c["call"] : json::array());
      } catch (const std::exception& e) {
        problem = std::string("arguments do not decode: ") + e.what();
      }
    }
    if (problem.empty()) {
      const json& exp = w->second;
      const std::string status = exp["status"].get<std::string>();
      bool ours_ok = got.status == battc::dsl::Status::Ok;
      if (c.contains("divergence")) {
        if (ours_ok)
          problem = "documented divergence (" + c["divergence"].get<std::string>() + "): expected battc to fail, ours " +
                    got.value.dump();
      } else if (status == "ok") {
        if (!ours_ok)
          problem = "expected " + exp["value"].dump() + ", ours failed (" + battc::dsl::status_name(got.status) + ")";
        else if (got.value != exp["value"])
          problem = "expected " + exp["value"].dump() + ", ours " + got.value.dump();
      } else if (ours_ok) {
        problem = "expected " + status + ", ours " + got.value.dump();
      }
    }
    if (problem.empty()) {
      ++passed;
    } else {
      ++failed;
      FAIL_CHECK(describe(c) << "\n  " << problem);
    }
  }
  INFO(passed << " golden cases passed, " << failed << " failed");
  CHECK(failed == 0);
}
