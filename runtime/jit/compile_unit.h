// runtime/jit/compile_unit.h: the compile stage: an EmittedUnit (C++ source
// text) becomes a CompiledObject (a shared object on disk, with the exact
// command, the compiler's identity and its log kept beside it).
#pragma once

#include <string>
#include <vector>

#include "runtime/jit/dsl_runtime_paths.h"
#include "runtime/jit/host_compiler.h"
#include "runtime/jit/result.h"

namespace battc::runtime::jit {

struct EmittedUnit {
  std::string name;    // for logs and the source file's name ("batt" if empty)
  std::string source;  // one C++ translation unit following runtime/abi/batt_abi.h
};

struct CompiledObject {
  std::string so_path;
  std::vector<std::string> command;  // argv, exactly as run: the compile, or the link of the parts (empty on a cache hit: see log)
  std::vector<std::vector<std::string>> part_commands;  // a split compile's part compiles
  std::string compiler_id;
  std::string log;                   // the compiler's stdout+stderr (warnings)
  double compiler_seconds = 0;       // time in the compiler (0 on a cache hit)
};

// The argv that builds `source_path` into `so_path`:
//   <cxx> -std=c++20 -O1 -fPIC -shared -fvisibility=hidden -I<include> <extra…>
//         <source> <libbattc_dsl.a> -Wl,--exclude-libs,ALL -o <so>
// Extra flags come after the defaults, so they win (e.g. -O0).
std::vector<std::string> compile_command(const HostCompiler& cxx, const DslRuntime& rt,
                                         const std::vector<std::string>& extra_flags,
                                         const std::string& source_path, const std::string& so_path);

// How many parts to compile a unit in: `parts` (0: one per hardware
// thread), at most one per emitted chunk (`#if BATTC_IN_PART(k)` in the
// source, templates/host_unit.cpp), and 1 for a unit without chunks.
unsigned unit_parts(const std::string& source, unsigned parts);

// Every command of a compile, one "$ argv" line each, for its log.
std::string commands_text(const CompiledObject& obj);

// A safe file stem from the unit's name: [A-Za-z0-9_-], at most 64 chars.
std::string unit_file_stem(const std::string& name);

// Writes the source as <work_dir>/<stem>.cpp and compiles it to `so_path`.
// With parts > 1, each part (-DBATTC_PARTS=n -DBATTC_PART=k -c) compiles on
// its own thread, then one link: the compiler is single-threaded, and the
// 400-solver batt is 50 s of it. Errors are stage "compile"; the log holds
// the compiler's output.
Result<CompiledObject> compile_unit(const EmittedUnit& unit, const HostCompiler& cxx, const DslRuntime& rt,
                                    const std::vector<std::string>& extra_flags, const std::string& work_dir,
                                    const std::string& so_path, unsigned parts = 1);

}  // namespace battc::runtime::jit
