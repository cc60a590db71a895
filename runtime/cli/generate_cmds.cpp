// runtime/cli/generate_cmds.cpp: `battc check`, `battc generate` and
// `battc compile`: the generator half of battc, without running anything.
//   check    --programs FILE...              diagnostics; exit 1 if any program is rejected
//   generate --programs FILE... [-o FILE] [--report-json FILE] [--target host|cuda]
//   compile  --programs FILE... [--cache-dir DIR] [--target host|cuda] [--arch sm_XX]
//            [--engine unit|specs]  (--target cuda: the CUDA unit, or the device spec packs)
//            [--specs-out DIR]   (prebuilt spec packs, runtime/jit/prebuilt_specs.h)
#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <thread>
#include <nlohmann/json.hpp>

#include "generator/emit/emit_host.h"
#include "generator/emit/emit_specs.h"
#include "generator/ir/program_groups.h"
#include "generator/pipeline.h"
#include "runtime/api/cuda_unit.h"
#include "runtime/api/run_batt.h"
#include "runtime/exec/device_plan.h"
#include "runtime/cli/commands.h"
#include "runtime/cli/filter_options.h"
#include "runtime/cli/input_paths.h"
#include "runtime/cli/report_error.h"
#include "runtime/jit/compile_host.h"
#include "runtime/jit/cuda_jit.h"
#include "runtime/jit/cuda_spec_library.h"
#include "runtime/jit/spec_library.h"

namespace battc::runtime {
namespace {

struct GenOptions {
  std::vector<std::string> programs;
  std::vector<std::string> disabled;
  std::string dialect = "auto";
  std::string target = "host";
  std::string out;
  std::string report_json;
  std::string cache_dir;
  std::vector<std::string> cxx_flags;
  std::string arch;
  std::string specs_out;  // compile: prebuilt spec packs into this root
  std::string engine = "unit";  // compile --target cuda: the CUDA unit, or the device specs engine's packs
  int cuda_parts = 0;  // 0: cuda_parts_for()
  int cuda_modules = 0;  // 0: CudaJitOptions' default
  int group_size = kDefaultGroupPrograms;  // programs per group of the CUDA unit
  FilterOptions filter;  // --program GLOB
};

// The CUDA unit over groups of o.group_size programs.
std::string cuda_source(const generator::Generated& g, const GenOptions& o) {
  return cuda_unit_source(g, generator::program_groups(g.batt, o.group_size));
}

void add_group_size_option(CLI::App* cmd, GenOptions& o) {
  cmd->add_option("--group-size", o.group_size,
                  "--target cuda: programs per group (a GPU thread runs one group on one sample; `battc run` "
                  "chooses the size for its devices and tasks)")
      ->capture_default_str()
      ->check(CLI::Range(1, abi::kMaxGroupPrograms));
}

void add_program_options(CLI::App* cmd, GenOptions& o) {
  cmd->add_option("--programs", o.programs, "Program files (solve_*/differ_* functions)")->required()->check(input_file());
  cmd->add_option("--disable-pass", o.disabled, "Turn a generator pass off")->check(CLI::IsMember(generator::pass_names()));
  add_dialect_option(cmd, o.dialect);
  add_filter_options(cmd, o.filter, false);
}

// Runs the pipeline (the run API's generate_programs) and prints its
// diagnostics to stderr.
std::unique_ptr<generator::Generated> generate(const GenOptions& o, bool emit) {
  api::ProgramInput in;
  in.files = o.programs;
  in.disabled_passes = {o.disabled.begin(), o.disabled.end()};
  in.dialect = generator::parse_dialect(o.dialect);  // "auto": each program's own
  in.program_globs = o.filter.programs;
  auto g = api::generate_programs(in, emit);
  std::string text = g->diags.render(g->sources);
  if (!text.empty()) fmt::print(stderr, "{}", text);
  return g;
}

nlohmann::ordered_json report_json(const generator::GenerateReport& r) {
  return {{"programs", r.programs},
          {"rejected", r.rejected},
          {"nodes", r.nodes},
          {"hoisted_s_invariant", r.hoisted_s_invariant},
          {"fused_object_groups", r.fused_object_groups},
          {"merged_duplicates", r.merged_duplicates},
          {"phases", {{"parse", r.parse_s}, {"typecheck", r.typecheck_s}, {"generate", r.generate_s}}}};
}

// compile --specs-out ROOT: the programs' specializations compiled into the
// cache's spec folder (what is missing), then every pack of that folder
// copied into ROOT/<key>/, where a battc with this DSL runtime loads them as
// prebuilt packs. So a search run first with the same cache leaves the
// shapes it made there too (tools/build_wheels.sh).
void compile_prebuilt_specs(const GenOptions& o) {
  auto g = generate(o, false);
  if (g->report.programs == 0) return set_exit_code(report_error(api::input_error("no program was accepted")));
  jit::JitOptions jo;
  if (!o.cache_dir.empty()) jo.cache_dir = o.cache_dir;
  jo.extra_flags = o.cxx_flags;
  jo.prebuilt_specs = o.specs_out;  // what is there already is not compiled again
  auto lib = jit::SpecLibrary::open(jo);
  if (!lib.ok()) return set_exit_code(report_error(api::jit_failure(lib.error(), !jo.extra_flags.empty())));
  if (!(*lib)->can_compile())
    return set_exit_code(report_error(api::usage_error("--specs-out needs a C++ compiler")));
  auto stats = (*lib)->ensure(generator::batt_specs(g->batt), 0);
  if (!stats.ok()) return set_exit_code(report_error(api::jit_failure(stats.error(), !jo.extra_flags.empty())));
  auto copied = (*lib)->export_prebuilt(o.specs_out);
  if (!copied.ok()) return set_exit_code(report_error(api::input_error(copied.error().what())));
  fmt::print("{} programs need {} specializations ({} compiled now); {} packs copied into {}\n", g->report.programs,
             stats->needed, stats->missing, *copied, o.specs_out);
  set_exit_code(0);
}

// compile --target cuda: NVRTC + nvJitLink into the cache (jit::compile_cuda).
void compile_cuda_target(const GenOptions& o) {
  if (!o.cxx_flags.empty()) {
    fmt::print(stderr, "battc: error: --cxx-flag applies to --target host; NVRTC takes no host compiler flags\n");
    set_exit_code(1);
    return;
  }
  auto g = generate(o, false);  // the host unit is not needed
  std::string source = cuda_source(*g, o);
  jit::CudaJitOptions co;
  if (!o.arch.empty()) co.arch = o.arch;
  if (!o.cache_dir.empty()) co.cache_dir = o.cache_dir;
  co.parts = o.cuda_parts > 0 ? o.cuda_parts : cuda_parts_for(*g);
  co.max_group_modules = o.cuda_modules;
  auto r = jit::compile_cuda(jit::EmittedUnit{"batt", source}, co);
  if (!r.ok()) return set_exit_code(report_error(api::jit_failure(r.error(), false)));
  const jit::CudaObject& obj = r.value();
  std::string where = obj.cubin_path.empty() ? "memory (cache off)" : obj.cubin_path;
  if (obj.cache_hit) {
    fmt::print("compiled {} programs for {} into {} (cache hit, {:.3f} s)\n", g->report.programs, obj.arch, where,
               obj.seconds);
  } else {
    fmt::print(
        "compiled {} programs for {} into {} (compiled, {:.1f} s: NVRTC {:.1f} s for the main module in {} part{} and "
        "{} program groups, {} of them cached, the others in {} module{}; nvJitLink {:.1f} s)\n",
        g->report.programs, obj.arch, where, obj.seconds, obj.nvrtc_seconds, obj.parts, obj.parts == 1 ? "" : "s",
        obj.groups, obj.groups_cached, obj.modules_compiled, obj.modules_compiled == 1 ? "" : "s",
        obj.nvjitlink_seconds);
  }
  if (!obj.cache_note.empty()) fmt::print(stderr, "battc: note: the cache was not used: {}\n", obj.cache_note);
  set_exit_code(0);
}

// compile --target cuda --engine specs: the programs' statement shapes as
// device spec packs, linked with the spec kernels, into the cache
// (jit::CudaSpecLibrary): a GPU run of these programs then compiles nothing.
void compile_cuda_specs_target(const GenOptions& o) {
  auto g = generate(o, false);
  const std::vector<generator::SpecDef> specs = generator::batt_specs(g->batt);
  std::vector<std::string> keys;
  for (const generator::SpecDef& d : specs) keys.push_back(d.key);
  std::optional<std::string> cache;
  if (!o.cache_dir.empty()) cache = o.cache_dir;
  auto lib = jit::CudaSpecLibrary::open(o.arch.empty() ? "sm_75" : o.arch, cache);
  if (!lib.ok()) return set_exit_code(report_error(api::jit_failure(lib.error(), false)));
  auto stats = (*lib)->ensure(specs, std::max(1u, std::thread::hardware_concurrency()));
  if (!stats.ok()) return set_exit_code(report_error(api::jit_failure(stats.error(), false)));
  auto linked = (*lib)->link(keys);
  if (!linked.ok()) return set_exit_code(report_error(api::jit_failure(linked.error(), false)));
  fmt::print("{} programs need {} statement shapes for {}: {} compiled now in {} device spec pack(s) ({:.1f} s); "
             "linked {} pack(s) with the spec kernels ({})\n",
             g->report.programs, stats->needed, (*lib)->arch(), stats->missing, stats->packs, stats->seconds,
             (*linked)->packs, (*linked)->cache_hit ? "cached" : fmt::format("{:.2f} s", (*linked)->seconds));
  set_exit_code(0);
}

// Writes `text` to `path`; false, with exit code 1 and a message, when it
// cannot be written.
bool write_text(const char* flag, const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.flush();
  if (out) return true;
  fmt::print(stderr, "battc: error: {} {}: cannot write it\n", flag, path);
  set_exit_code(1);
  return false;
}

}  // namespace

// The generator's CUDA emission: templates/cuda_unit.cu filled with the same
// statements as the host unit.
void add_generate_commands(CLI::App& app) {
  static GenOptions check_o, gen_o, comp_o;

  auto* check = app.add_subcommand("check", "Parse and type-check program files; exit 1 if any program is rejected");
  add_program_options(check, check_o);
  check->callback([] {
    auto g = generate(check_o, false);
    fmt::print("{} programs accepted, {} rejected{}\n", g->report.programs, g->report.rejected,
               g->report.filtered_out ? fmt::format(", {} left out by --program", g->report.filtered_out) : "");
    set_exit_code(g->report.rejected > 0 || g->diags.has_errors() ? 1 : 0);
  });

  auto* gen = app.add_subcommand("generate", "Write the batt translation unit of program files");
  add_program_options(gen, gen_o);
  gen->add_option("--target", gen_o.target, "host or cuda")->check(CLI::IsMember({"host", "cuda"}));
  gen->add_option("-o,--out", gen_o.out, "Write the unit here (default: stdout)");
  add_group_size_option(gen, gen_o);
  gen->add_option("--report-json", gen_o.report_json, "Write pass statistics as JSON here");
  gen->callback([] {
    auto g = generate(gen_o, true);
    const std::string unit = gen_o.target == "cuda" ? cuda_source(*g, gen_o) : g->unit;
    if (gen_o.out.empty()) {
      fmt::print("{}", unit);
    } else if (!write_text("--out", gen_o.out, unit)) {
      return;
    }
    if (!gen_o.report_json.empty() && !write_text("--report-json", gen_o.report_json, report_json(g->report).dump(2) + "\n"))
      return;
    fmt::print(stderr, "battc: {} programs ({} rejected), {} values, {} merged, {} hoisted\n", g->report.programs,
               g->report.rejected, g->report.nodes, g->report.merged_duplicates, g->report.hoisted_s_invariant);
    set_exit_code(0);
  });

  auto* comp = app.add_subcommand("compile", "Generate and compile the batt of program files (fills the cache)");
  add_program_options(comp, comp_o);
  comp->add_option("--target", comp_o.target, "host or cuda")->check(CLI::IsMember({"host", "cuda"}));
  comp->add_option("--cache-dir", comp_o.cache_dir, "Compiled-unit cache (default: $BATTC_CACHE_DIR or ~/.cache/battc)");
  comp->add_option("--cxx-flag", comp_o.cxx_flags, "Extra flag for the host compiler (repeatable)")->allow_extra_args(false);
  comp->add_option("--arch", comp_o.arch, "GPU architecture for --target cuda (sm_75, sm_90, ...)");
  comp->add_option("--cuda-parts", comp_o.cuda_parts,
                   "Parts the CUDA unit's main module is compiled as, in parallel (default: 1 per 1000 values, at most 1 per hardware thread and 8)")
      ->check(CLI::Range(1, 64));
  comp->add_option("--cuda-modules", comp_o.cuda_modules,
                   "The most NVRTC programs the program groups not in the cache are compiled as (default: about 16 groups each, at least 2 per hardware thread)")
      ->check(CLI::Range(1, 1024));
  comp->add_option("--engine", comp_o.engine,
                   "--target cuda: the batt's CUDA unit (unit), or the device specs engine's packs of its statement "
                   "shapes (specs)")
      ->check(CLI::IsMember({"unit", "specs"}));
  comp->add_option("--specs-out", comp_o.specs_out,
                   "Compile the programs' spec packs instead of the unit, and copy the cache's packs into DIR as "
                   "prebuilt packs (the wheel's lib/battc/specs; tools/build_wheels.sh)");
  add_group_size_option(comp, comp_o);
  comp->callback([] {
    if (comp_o.target == "cuda") return comp_o.engine == "specs" ? compile_cuda_specs_target(comp_o)
                                                                  : compile_cuda_target(comp_o);
    if (!comp_o.specs_out.empty()) return compile_prebuilt_specs(comp_o);
    if (!comp_o.arch.empty()) {
      fmt::print(stderr, "battc: error: --arch {} applies to --target cuda; the host target has no architecture\n",
                 comp_o.arch);
      set_exit_code(1);
      return;
    }
    auto g = generate(comp_o, true);
    jit::JitOptions jo;
    if (!comp_o.cache_dir.empty()) jo.cache_dir = comp_o.cache_dir;
    jo.extra_flags = comp_o.cxx_flags;
    auto r = jit::compile_host(jit::EmittedUnit{"batt", g->unit}, jo);
    if (!r.ok()) return set_exit_code(report_error(api::jit_failure(r.error(), !jo.extra_flags.empty())));
    fmt::print("compiled {} programs into {} ({}, {:.1f} s)\n", g->report.programs, r.value().compiled.so_path,
               r.value().cache_hit ? "cache hit" : "compiled", r.value().seconds);
    set_exit_code(0);
  });
}

}  // namespace battc::runtime
