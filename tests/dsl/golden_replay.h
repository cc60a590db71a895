// tests/dsl/golden_replay.h: replaying a folder of golden primitive cases
// (cases.jsonl + expected.jsonl, tests/golden/README.md) through the invokers
// of golden_registry.h; shared by the arc-dsl and the tokpidjin goldens.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "tests/dsl/golden_registry.h"

namespace battc::test::golden {

inline std::vector<json> read_jsonl(const std::string& path) {
  std::ifstream in(path);
  std::vector<json> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

inline std::string key_of(const json& c) {
  auto list = [](const json& types) {
    std::string s = "(";
    for (size_t i = 0; i < types.size(); ++i) s += (i ? "," : "") + types[i].get<std::string>();
    return s + ")";
  };
  std::string k = c["prim"].get<std::string>() + list(c["types"]);
  if (c.contains("call_types")) k += list(c["call_types"]);
  return k;
}

inline std::string describe(const json& c) {
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

// Replays every case of `dir` (with a trailing slash); each mismatch is a
// failed check naming the case. Returns the number of failed cases.
inline int replay_golden_cases(const std::string& dir) {
  std::vector<json> cases = read_jsonl(dir + "cases.jsonl");
  std::vector<json> expected = read_jsonl(dir + "expected.jsonl");
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
  return failed;
}

}  // namespace battc::test::golden
