// runtime/api/timing_json.cpp
#include "runtime/api/timing_json.h"

#include "runtime/api/options.h"
#include "runtime/exec/sample_times.h"

namespace battc::runtime::api {
namespace {

using nlohmann::ordered_json;

ordered_json cpu_samples(const RunResult& result) {
  SampleTimes st = sample_times(result);
  ordered_json slowest = ordered_json::array();
  for (const SampleTime& s : st.slowest)
    slowest.push_back({{"task", s.task}, {"sample", s.sample}, {"seconds", s.seconds}, {"evaluations", s.evaluations}});
  return {{"count", st.samples},
          {"seconds", st.total_seconds},
          {"slowest_0.1%_share", st.slowest_permille_share},
          {"slowest", std::move(slowest)}};
}

ordered_json gpu_counts(const GpuRunStats& g) {
  return {{"devices", g.devices},
          {"rounds", g.rounds},
          {"launches", g.launches},
          {"items", g.items},
          {"fallback_evaluations", g.fallback_evaluations},
          {"fallback_samples", g.fallback_samples},
          {"bytes_up", g.bytes_up},
          {"bytes_down", g.bytes_down},
          {"device_seconds", g.device_seconds},
          {"cpu_rerun_seconds", g.cpu_seconds}};
}

}  // namespace

ordered_json timing_json(const RunOutcome& r) {
  const RunTimes& t = r.times;
  ordered_json j = {
      {"phases",
       {{"parse", t.parse}, {"typecheck", t.typecheck}, {"generate", t.generate}, {"compile", t.compile}, {"run", t.run}}},
      {"backend", r.backend},
      {"engine", engine_name(r.engine)},
      {"engine_why", r.engine_why},
      {"compile_split", {{"host", t.compile_host}, {"cuda", t.compile_cuda}}},
      {"specializations",
       {{"needed", r.spec_compile.needed}, {"compiled", r.spec_compile.missing}, {"packs", r.spec_compile.packs}}},
      {"to_first_evaluation", t.to_first_evaluation},
      {"to_results", t.total},
      {"evaluations", r.result.evaluations},
      {"skipped", r.result.skipped},
      {"evaluation", r.result.until_train_fails ? "until-train-fails" : "all"},
      {"compile_cache_hit", r.cache_hit}};
  if (r.backend == "cpu") j["samples"] = cpu_samples(r.result);
  if (r.backend == "cuda") {
    j["gpu"] = gpu_counts(r.gpu);
    j["gpu"]["engine"] = r.gpu_engine;
    if (r.gpu_engine == "device specs")
      j["gpu"]["device_specializations"] = {{"needed", r.cuda_spec_compile.needed},
                                            {"compiled", r.cuda_spec_compile.missing},
                                            {"packs", r.cuda_spec_compile.packs},
                                            {"seconds", r.cuda_spec_compile.seconds}};
  }
  return j;
}

}  // namespace battc::runtime::api
