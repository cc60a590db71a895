// runtime/jit/loaded_module.cpp: dlopen/dlsym/dlclose behind RAII. RTLD_LOCAL
// keeps one unit's symbols from satisfying another's; RTLD_NOW makes a
// missing symbol a load error here rather than a crash later.
#include "runtime/jit/loaded_module.h"

#include <dlfcn.h>

#include <utility>

namespace battc::runtime::jit {

LoadedModule::~LoadedModule() {
  if (handle_) dlclose(handle_);
}

LoadedModule::LoadedModule(LoadedModule&& o) noexcept
    : handle_(std::exchange(o.handle_, nullptr)), path_(std::move(o.path_)) {}

LoadedModule& LoadedModule::operator=(LoadedModule&& o) noexcept {
  if (this != &o) {
    if (handle_) dlclose(handle_);
    handle_ = std::exchange(o.handle_, nullptr);
    path_ = std::move(o.path_);
  }
  return *this;
}

Result<LoadedModule> LoadedModule::open(const std::string& so_path) {
  dlerror();
  void* h = dlopen(so_path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char* e = dlerror();
    return jit_error("load", "cannot load " + so_path, e ? e : "");
  }
  LoadedModule m;
  m.handle_ = h;
  m.path_ = so_path;
  return m;
}

void* LoadedModule::symbol(const char* name, std::string* error) const {
  if (!handle_) {
    if (error) *error = "module not open";
    return nullptr;
  }
  dlerror();
  void* p = dlsym(handle_, name);
  if (!p && error) {
    const char* e = dlerror();
    *error = e ? e : "symbol is null";
  }
  return p;
}

}  // namespace battc::runtime::jit
