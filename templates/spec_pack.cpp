// templates/spec_pack.cpp: the translation unit a set of specializations
// becomes (runtime/abi/spec_abi.h). It is real C++: with the default fill-ins
// between the @BATTC markers it compiles alone as an empty pack, and the
// generator (generator/emit/emit_specs.cpp) replaces each marked region.
// Every spec is the code the whole-batt unit inlines for the same statement
// (runtime/abi/unit_support.h), so both paths compute the same values.
#include <type_traits>

#include "dsl/dsl.h"
#include "dsl/encode.h"
#include "runtime/abi/spec_abi.h"
#include "runtime/abi/unit_support.h"

using namespace battc::dsl;
namespace abi = battc::abi;

#define BATTC_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

// Operand k of a statement, as type T.
template <class T>
const T& arg(const void* const* a, int k) {
  return *static_cast<const T*>(a[k]);
}

// A value slot is raw memory of the engine's state: its types must be
// copyable as bytes (they are handles into the arena).
template <class T>
T& slot(void* out) {
  static_assert(std::is_trivially_copyable_v<T>, "a batt value type must be trivially copyable");
  return *static_cast<T*>(out);
}

template <class T>
void record(Ctx& c, const abi::SampleIn& s, const void* v, abi::ProgramOut& out, int encode) {
  abi::record_value(c, s, *static_cast<const T*>(v), out, encode);
}

// @BATTC:BEGIN SPECS
// @BATTC:END SPECS

const abi::SpecEntry kSpecs[] = {
// @BATTC:BEGIN TABLE
    {nullptr, abi::SpecKind::Statement, nullptr, 0, 0},
// @BATTC:END TABLE
};
// @BATTC:BEGIN COUNT
constexpr int kCount = 0;
// @BATTC:END COUNT

}  // namespace

BATTC_EXPORT int battc_spec_abi() { return abi::kSpecAbiVersion; }
BATTC_EXPORT int battc_spec_count() { return kCount; }
BATTC_EXPORT const abi::SpecEntry* battc_spec_table() { return kSpecs; }
