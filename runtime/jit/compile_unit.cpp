// runtime/jit/compile_unit.cpp: writes the unit to a file and runs the host
// compiler on it through run_process (no shell). --exclude-libs keeps the
// DSL library's symbols out of the .so's dynamic table: only the ABI is seen.
#include "runtime/jit/compile_unit.h"

#include <chrono>
#include <fstream>

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

Result<CompiledObject> compile_unit(const EmittedUnit& unit, const HostCompiler& cxx, const DslRuntime& rt,
                                    const std::vector<std::string>& extra_flags, const std::string& work_dir,
                                    const std::string& so_path) {
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
  obj.command = compile_command(cxx, rt, extra_flags, source_path, so_path);

  auto t0 = std::chrono::steady_clock::now();
  ProcessResult r = run_process(obj.command);
  obj.compiler_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  obj.log = r.output;
  if (!r.succeeded()) {
    std::string why = !r.started ? "the compiler could not be run"
                      : r.signal ? "the compiler was killed by signal " + std::to_string(r.signal)
                                 : "the compiler failed (exit " + std::to_string(r.exit_code) + ")";
    return jit_error("compile", why + " on unit '" + unit.name + "': " + command_line(obj.command), r.output);
  }
  return obj;
}

}  // namespace battc::runtime::jit
