// runtime/jit/sha256.h: sha256 as lowercase hex, over bytes or a file's
// content, through OpenSSL's EVP API (libcrypto). Cache keys are built on it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace battc::runtime::jit {

std::string sha256_hex(std::string_view bytes);

// The file's content hash; nullopt when it cannot be read.
std::optional<std::string> sha256_file(const std::string& path);

// Incremental hashing, for keys made of several parts.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // A length-prefixed field, so that ("ab","c") and ("a","bc") differ.
  void field(std::string_view bytes);
  std::string hex();  // finishes; call once

 private:
  void* ctx_;  // EVP_MD_CTX
};

}  // namespace battc::runtime::jit
