# cmake/battc_system_libs.cmake: the system libraries battc's runtime links
# (libcrypto for the JIT cache keys, SQLite for the search store), found the
# same way by the main build (runtime/CMakeLists.txt) and by the Python
# module built alone over a core build (python/CMakeLists.txt), whose
# imported battc_runtime names these targets. With BATTC_STATIC_DEPS (the
# GPU bundle, the manylinux wheels) both come from their static archives,
# libcrypto.a and libsqlite3.a, followed by the system libraries SQLite needs.
# BATTC_SQLITE_SHARED keeps SQLite shared even so: Debian's libsqlite3.a is
# not position-independent, so a shared object (the Python module) cannot
# take it in; the wheel's repair (auditwheel) bundles libsqlite3.so instead.
if(BATTC_STATIC_DEPS)
  set(OPENSSL_USE_STATIC_LIBS TRUE)
  if(NOT BATTC_SQLITE_SHARED)
    find_library(BATTC_SQLITE3_STATIC NAMES libsqlite3.a REQUIRED)
    set(SQLite3_LIBRARY ${BATTC_SQLITE3_STATIC} CACHE FILEPATH "SQLite's static archive (BATTC_STATIC_DEPS)" FORCE)
  endif()
  find_package(Threads REQUIRED)
endif()
find_package(OpenSSL REQUIRED)
find_package(SQLite3 REQUIRED)
