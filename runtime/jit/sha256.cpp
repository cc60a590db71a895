// runtime/jit/sha256.cpp: thin wrapper over EVP_sha256. A failing EVP call is
// an out-of-memory condition, so it aborts with "battc bug"-style clarity
// rather than producing a wrong key.
#include "runtime/jit/sha256.h"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace battc::runtime::jit {
namespace {

void check(int ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "battc: internal error: %s failed (libcrypto)\n", what);
    std::abort();
  }
}

}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  check(ctx_ != nullptr, "EVP_MD_CTX_new");
  check(EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr), "EVP_DigestInit_ex");
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void Sha256::update(std::string_view bytes) {
  check(EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), bytes.data(), bytes.size()), "EVP_DigestUpdate");
}

void Sha256::field(std::string_view bytes) {
  std::string len = std::to_string(bytes.size()) + ":";
  update(len);
  update(bytes);
}

std::string Sha256::hex() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  check(EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), md, &n), "EVP_DigestFinal_ex");
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (unsigned int i = 0; i < n; ++i) {
    s += digits[md[i] >> 4];
    s += digits[md[i] & 15];
  }
  return s;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex();
}

std::optional<std::string> sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Sha256 h;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    if (in.gcount() > 0) h.update(std::string_view(buf, size_t(in.gcount())));
  }
  if (in.bad()) return std::nullopt;
  return h.hex();
}

}  // namespace battc::runtime::jit
