// runtime/jit/compile_unit.cpp: writes the unit to a file and runs the host
// compiler on it through run_process (no shell). --exclude-libs keeps the
// DSL library's symbols out of the .so's dynamic table: only the ABI is seen.
#include "runtime/jit/compile_unit.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "runtime/jit/get_or_build.h"
#include "runtime/jit/run_process.h"

namespace battc::runtime::jit {

std::vector<std::string> compile_command(const HostCompiler& cxx, const DslRuntime& rt,
                                         const std::vector<std::string>& extra_flags,
                                         const std::string& source_path, const std::string& so_path) {
  std::vector<std::string> argv = {cxx.path, "-std=c++20", "-O1", "-fPIC", "-shared", "-fvisibility=hidden",
                                   "-I" + rt.include_dir};
  argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
  argv.insert(argv.end(), {source_path, rt.library, "-Wl,--exclude-libs,ALL", "-o", so_path});
  return argv;
}

std::string unit_file_stem(const std::string& name) {
  std::string s;
  for (char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    s += keep ? c : '_';
    if (s.size() == 64) break;
  }
  return s.empty() ? "batt" : s;
}

unsigned unit_parts(const std::string& source, unsigned parts) {
  if (parts == 0) parts = std::max(1u, std::thread::hardware_concurrency());
  unsigned chunks = 0;
  for (std::size_t at = source.find("#if BATTC_IN_PART("); at != std::string::npos;
       at = source.find("#if BATTC_IN_PART(", at + 1))
    ++chunks;
  return std::max(1u, std::min(parts, chunks));
}

std::string commands_text(const CompiledObject& obj) {
  std::string out;
  for (const auto& argv : obj.part_commands) out += "$ " + command_line(argv) + "\n";
  return out + "$ " + command_line(obj.command) + "\n";
}

namespace {

JitError compile_failure(const ProcessResult& r, const std::vector<std::string>& argv, const std::string& unit) {
  std::string why = !r.started ? "the compiler could not be run"
                    : r.signal ? "the compiler was killed by signal " + std::to_string(r.signal)
                               : "the compiler failed (exit " + std::to_string(r.exit_code) + ")";
  return JitError{"compile", why + " on unit '" + unit + "': " + command_line(argv), r.output};
}

}  // namespace

Result<CompiledObject> compile_unit(const EmittedUnit& unit, const HostCompiler& cxx, const DslRuntime& rt,
                                    const std::vector<std::string>& extra_flags, const std::string& work_dir,
                                    const std::string& so_path, unsigned parts) {
  std::string source_path = work_dir + "/" + unit_file_stem(unit.name) + ".cpp";
  {
    std::ofstream out(source_path, std::ios::binary | std::ios::trunc);
    out << unit.source;
    out.close();
    if (!out) return jit_error("compile", "cannot write the unit to " + source_path);
  }
  CompiledObject obj;
  obj.so_path = so_path;
  obj.compiler_id = cxx.id;
  auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  if (parts <= 1) {
    obj.command = compile_command(cxx, rt, extra_flags, source_path, so_path);
    ProcessResult r = run_process(obj.command);
    obj.compiler_seconds = seconds();
    obj.log = r.output;
    if (!r.succeeded()) return compile_failure(r, obj.command, unit.name);
    return obj;
  }

  // The parts, one thread each, then the link.
  std::vector<std::string> objects;
  for (unsigned k = 0; k < parts; ++k) {
    std::string o = work_dir + "/part" + std::to_string(k) + ".o";
    std::vector<std::string> argv = {cxx.path, "-std=c++20", "-O1", "-fPIC", "-fvisibility=hidden", "-I" + rt.include_dir};
    argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
    argv.insert(argv.end(), {"-DBATTC_PARTS=" + std::to_string(parts), "-DBATTC_PART=" + std::to_string(k), "-c",
                             source_path, "-o", o});
    obj.part_commands.push_back(std::move(argv));
    objects.push_back(std::move(o));
  }
  std::vector<ProcessResult> results(parts);
  // A throw in a part's thread is rethrown here after the join.
  run_in_threads(parts, [&](std::size_t k) { results[k] = run_process(obj.part_commands[k]); });
  for (unsigned k = 0; k < parts; ++k) {
    obj.log += results[k].output;
    if (!results[k].succeeded()) {
      obj.compiler_seconds = seconds();
      return compile_failure(results[k], obj.part_commands[k], unit.name);
    }
  }
  obj.command = {cxx.path, "-shared", "-fPIC"};
  obj.command.insert(obj.command.end(), extra_flags.begin(), extra_flags.end());
  obj.command.insert(obj.command.end(), objects.begin(), objects.end());
  obj.command.insert(obj.command.end(), {rt.library, "-Wl,--exclude-libs,ALL", "-o", so_path});
  ProcessResult r = run_process(obj.command);
  obj.compiler_seconds = seconds();
  obj.log += r.output;
  if (!r.succeeded()) return compile_failure(r, obj.command, unit.name);
  return obj;
}

}  // namespace battc::runtime::jit
