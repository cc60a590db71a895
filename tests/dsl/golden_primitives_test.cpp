// tests/dsl/golden_primitives_test.cpp: every arc-dsl primitive against the
// reference. tests/golden/primitives/cases.jsonl holds argument lists and
// expected.jsonl what arc-dsl (canonical set order, shared/reference/
// canonical_ref.py) made of them; tools/golden/make_primitive_golden.py
// writes both (tests/golden/README.md). Each case runs through the invoker
// registered for its key (golden_registry.h; the registrations are in the
// golden_reg_*_test.cpp files): a reference value must be ours too, and a
// reference error or timeout must make ours fail. A case marked "divergence"
// (a difference docs/semantics.md records) must make ours fail.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/dsl/golden_registry.h"

namespace {

using namespace battc::test::golden;

const std::string kDir = std::string(BATTC_SOURCE_DIR) + "/tests/golden/primitives/";

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

TEST_CASE("golden: every primitive matches arc-dsl on the golden cases", "[dsl][golden]") {
  std::vector<json> cases = read_jsonl(kDir + "cases.jsonl");
  std::vector<json> expected = read_jsonl(kDir + "expected.jsonl");
  REQUIRE(!cases.empty());
  std::map<std::string, json> want;
  for (const json& e : expected) want[e["id"].get<std::string>()] = e;

  CHECK(registry().duplicates.empty());
  for (const std::string& k : registry().duplicates) FAIL_CHECK("invoker registered twice: " << k);

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

TEST_CASE("golden: the cases cover every primitive", "[dsl][golden]") {
  std::set<std::string> covered;
  for (const json& c : read_jsonl(kDir + "cases.jsonl")) covered.insert(c["prim"].get<std::string>());
  std::vector<std::string> missing;
#define BATTC_PRIM(N, CXX, PARAMS, RET) \
  if (!covered.count(#N)) missing.push_back(#N);
#include "dsl/primitives.def"
#undef BATTC_PRIM
  for (const std::string& m : missing) FAIL_CHECK("no golden case for " << m);
  CHECK(covered.size() >= 160);
}
