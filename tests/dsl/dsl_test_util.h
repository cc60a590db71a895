// tests/dsl/dsl_test_util.h: what DSL unit tests share: an evaluation context
// with its own arena, values written as JSON text, and results compared as
// the JSON the evaluation dump would print.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "dsl/dsl.h"
#include "runtime/values/json_values.h"

namespace battc::test {

namespace d = battc::dsl;
using runtime::json;

// One evaluation context per test, with a 16 MiB arena and a large budget.
struct Eval {
  std::vector<unsigned char> mem = std::vector<unsigned char>(16u << 20);
  d::Ctx c{mem.data(), mem.size(), 100'000'000};

  // A value of type T written as dump JSON: val<d::Grid>("[[1,2],[3,4]]").
  template <class T>
  T val(const std::string& text) {
    return runtime::decode<T>(c, json::parse(text));
  }
  // Clears the status before the next primitive call.
  void reset() { c.status = d::Status::Ok; }
};

// The dump JSON of a value, as text, for CHECK(enc(x) == "...").
template <class T>
std::string enc(const T& v) {
  return runtime::encode(v).dump();
}

// Normalizes JSON text so expectations may be written with any spacing.
inline std::string J(const std::string& text) { return json::parse(text).dump(); }

}  // namespace battc::test
