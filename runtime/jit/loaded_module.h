// runtime/jit/loaded_module.h: the load stage: a shared object opened with
// dlopen (RTLD_NOW | RTLD_LOCAL), closed when the last owner lets go. Move-only;
// symbols found in it stay valid only while it is alive.
#pragma once

#include <string>

#include "runtime/jit/result.h"

namespace battc::runtime::jit {

class LoadedModule {
 public:
  LoadedModule() = default;
  ~LoadedModule();
  LoadedModule(LoadedModule&& o) noexcept;
  LoadedModule& operator=(LoadedModule&& o) noexcept;
  LoadedModule(const LoadedModule&) = delete;
  LoadedModule& operator=(const LoadedModule&) = delete;

  // Errors are stage "load", with dlerror()'s text as the log.
  static Result<LoadedModule> open(const std::string& so_path);

  // nullptr when absent; `error` (if given) gets dlerror()'s text.
  void* symbol(const char* name, std::string* error = nullptr) const;

  const std::string& path() const { return path_; }
  bool is_open() const { return handle_ != nullptr; }

 private:
  void* handle_ = nullptr;
  std::string path_;
};

}  // namespace battc::runtime::jit
