// runtime/jit/install_layout.h: where battc's run-time files are, found from
// battc's own location, so an install prefix can be moved anywhere and no
// path of the machine that built it is compiled in. One layout serves the
// build tree (its share/battc/include links to the source's headers) and an
// install prefix P (cmake --install, or the Python wheel's battc/ folder):
//   P/share/battc/include/{dsl,runtime/abi}   what a unit compiles against
//   P/share/battc/demo/                       the demo tasks and programs
//   P/lib/battc/libbattc_dsl.a                the DSL runtime library
//   P/lib/battc/device/libbattc_dsl_device_sm_XX.a   the DSL device libraries
// P is the first of the folder of the file holding this code (the battc
// executable, a test, the Python module), its parent and its grandparent that
// holds share/battc/include/runtime/abi/batt_abi.h. $BATTC_HOME names P
// instead; each path also has its own override ($BATTC_INCLUDE_DIR,
// $BATTC_DSL_LIBRARY, $BATTC_DSL_DEVICE_DIR, $BATTC_DEMO_DIR).
#pragma once

#include <string>

namespace battc::runtime::jit {

struct InstallLayout {
  std::string prefix;   // P, "" when none was found
  std::string binary;   // the file holding battc's code (executable or module)
  std::string searched; // one line: where P was looked for, for error messages
};

// Found once per process.
const InstallLayout& install_layout();

std::string layout_include_dir();   // P/share/battc/include
std::string layout_dsl_library();   // P/lib/battc/libbattc_dsl.a
std::string layout_device_dir();    // P/lib/battc/device
std::string layout_demo_dir();      // P/share/battc/demo

}  // namespace battc::runtime::jit
