// python/src/module.cpp: the native half of the battc Python package
// (battc._battc): JSON in, JSON out, over the run, check, search, store
// merge and doctor APIs. battc/__init__.py builds the requests and the
// result objects; this layer only converts, releases the GIL while battc
// works and turns every failure into battc.BattcError with battc's own
// message.
#include <nanobind/nanobind.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "python/src/outcome.h"
#include "python/src/request.h"
#include "runtime/api/doctor.h"
#include "runtime/search/report_json.h"
#include "runtime/search/store.h"
#include "runtime/search/store_merge.h"
#include "runtime/jit/cuda_libraries.h"

namespace nb = nanobind;
using nlohmann::json;

namespace {

// What battc.BattcError carries: battc's message, as the CLI would print it.
struct BattcError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

json parse_request(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) throw BattcError("battc: internal error: the request is not JSON");
  return j;
}

// Runs `work` with the GIL released (battc's threads never touch Python);
// any failure becomes BattcError once the GIL is held again.
template <class Work>
std::string unlocked(Work&& work) {
  std::string out, error;
  {
    nb::gil_scoped_release released;
    try {
      out = work();
    } catch (const BattcError& e) {
      error = e.what();
    } catch (const battc::python::RequestError& e) {
      error = e.what();
    } catch (const std::exception& e) {  // escaped every library boundary: a bug
      error = battc::runtime::api::describe({battc::runtime::api::ErrorKind::Internal, e.what()}) + "\n" +
              battc::runtime::api::report_request();
    }
  }
  if (!error.empty()) throw BattcError(error);
  return out;
}

// An API error as BattcError: the message alone for bad input or usage (as
// the CLI prints it after "error: "), and for a bug of battc's the CLI's two
// lines.
[[noreturn]] void raise(const battc::runtime::api::ApiError& e) {
  namespace api = battc::runtime::api;
  if (e.kind != api::ErrorKind::Internal) throw BattcError(e.message);
  throw BattcError(api::describe(e) + "\n" + api::report_request());
}

std::string run(const std::string& request) {
  return unlocked([&] {
    const auto j = parse_request(request);
    auto outcome = battc::runtime::api::run_batt(battc::python::run_request(j));
    if (!outcome.ok()) raise(outcome.error());
    return battc::python::outcome_json(outcome.value(), battc::python::attempt_order(j)).dump();
  });
}

std::string check(const std::string& request) {
  return unlocked([&] {
    auto g = battc::runtime::api::check_programs(battc::python::program_input(parse_request(request)));
    return battc::python::check_json(*g).dump();
  });
}

std::string search(const std::string& request) {
  return unlocked([&] {
    auto report = battc::runtime::search::run_search(battc::python::search_request(parse_request(request)));
    if (!report.ok()) raise(report.error());
    return battc::runtime::search::report_json(report.value()).dump();
  });
}

// battc store merge: a store that is no search store, or of other seeds or
// options, is bad input (BattcError with the merge's message), as in the CLI.
std::string merge_stores(const std::vector<std::string>& inputs, const std::string& out) {
  return unlocked([&] {
    try {
      auto r = battc::runtime::search::merge_stores(inputs, out);
      return json{{"stores", r.stores}, {"programs", r.programs}, {"tasks", r.tasks}, {"rounds", r.rounds}}.dump();
    } catch (const battc::runtime::search::StoreError& e) {
      throw BattcError(e.what());
    }
  });
}

std::string doctor(const std::string& cache_dir) {
  auto r = battc::runtime::api::doctor(cache_dir);
  json items = json::array();
  for (const auto& i : r.items)
    items.push_back({{"name", i.name}, {"ok", i.ok}, {"needed", i.needed}, {"gpu", i.gpu}, {"detail", i.detail}});
  return json{{"items", std::move(items)}, {"mode", r.mode}, {"cpu_ready", r.cpu_ready},
              {"gpu_ready", r.gpu_ready}}
      .dump();
}

}  // namespace

NB_MODULE(_battc, m) {
  m.doc() = "battc's native module: JSON requests in, JSON results out (use the battc package, not this)";
  nb::exception<BattcError>(m, "BattcError");
  m.def("run", &run, nb::arg("request"));
  m.def("check", &check, nb::arg("request"));
  m.def("search", &search, nb::arg("request"));
  m.def("merge_stores", &merge_stores, nb::arg("inputs"), nb::arg("out"));
  m.def("doctor", &doctor, nb::arg("cache_dir") = "");
  m.def("set_python_paths", &battc::runtime::jit::set_python_paths, nb::arg("paths"),
        "Where the NVIDIA wheels may be (sys.path); before the first GPU use");
}
