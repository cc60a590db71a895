// runtime/jit/cubin_cache.cpp
#include "runtime/jit/cubin_cache.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace battc::runtime::jit {

RemoveDirOnExit::~RemoveDirOnExit() {
  std::error_code ec;
  if (!dir.empty()) std::filesystem::remove_all(dir, ec);
}

bool is_elf(const std::vector<char>& bytes) {
  return bytes.size() > 4 && std::memcmp(bytes.data(), "\x7f" "ELF", 4) == 0;
}

std::optional<std::vector<char>> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<char> out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return out;
}

Result<bool> write_bytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  out.close();
  if (!out) return jit_error("cache", "cannot write " + path);
  return true;
}

std::optional<std::pair<std::vector<char>, std::string>> sound_entry(const FileCache& cache, const std::string& key) {
  auto path = cache.lookup(key);
  if (!path) return std::nullopt;
  auto bytes = read_bytes(*path);
  if (!bytes || !is_elf(*bytes)) {
    cache.forget(key);
    return std::nullopt;
  }
  return std::make_pair(std::move(*bytes), *path);
}

void publish_entry(const FileCache& cache, const std::string& key, const std::vector<char>& bytes,
                   const std::string& log) {
  auto tmp = cache.make_temp_dir(key);
  if (!tmp) return;
  RemoveDirOnExit cleanup{*tmp};
  std::string file = *tmp + "/entry";
  if (write_bytes(file, bytes)) (void)cache.publish(key, file, log);
}

}  // namespace battc::runtime::jit
