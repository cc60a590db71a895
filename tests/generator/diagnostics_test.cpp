// tests/generator/diagnostics_test.cpp: diagnostics as data. Each case is
// tests/generator/diagnostics/<case>.py with <case>.err holding the exact text
// of Diagnostics::render followed by "accepted N, rejected M". Files named
// <case>.<k>.py are read after <case>.py, in order (cases that span files).
// A case without its .err (or an .err without its case) fails: no case goes
// unregistered. BATTC_UPDATE_DIAGNOSTICS=1 rewrites the .err files instead of
// comparing (review every change by eye before committing it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "generator/pipeline.h"

namespace fs = std::filesystem;
using namespace battc::generator;

namespace {

fs::path cases_dir() { return fs::path(BATTC_SOURCE_DIR) / "tests" / "generator" / "diagnostics"; }

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Restores the current directory when it goes out of scope.
struct CwdGuard {
  fs::path old = fs::current_path();
  explicit CwdGuard(const fs::path& to) { fs::current_path(to); }
  ~CwdGuard() {
    std::error_code ec;
    fs::current_path(old, ec);
  }
};

struct Case {
  std::vector<std::string> files;  // <case>.py, then <case>.<k>.py
  bool has_err = false;
};

// The cases by name, and the files that belong to none.
std::map<std::string, Case> scan(std::vector<std::string>& orphans) {
  std::map<std::string, Case> cases;
  std::vector<std::string> extra;
  for (const auto& e : fs::directory_iterator(cases_dir())) {
    std::string name = e.path().filename().string();
    std::string ext = e.path().extension().string();
    std::string stem = e.path().stem().string();
    if (ext == ".py" && stem.find('.') == std::string::npos) cases[stem].files.insert(cases[stem].files.begin(), name);
    else if (ext == ".py") extra.push_back(name);
    else if (ext == ".err") cases[stem].has_err = true;
    else orphans.push_back(name + " (neither a case nor its .err)");
  }
  std::sort(extra.begin(), extra.end());
  for (const std::string& x : extra) {
    std::string owner = x.substr(0, x.find('.'));
    auto it = cases.find(owner);
    if (it == cases.end() || it->second.files.empty() || it->second.files[0] != owner + ".py")
      orphans.push_back(x + " (no " + owner + ".py)");
    else
      it->second.files.push_back(x);
  }
  for (auto it = cases.begin(); it != cases.end();) {
    if (it->second.files.empty() || it->second.files[0] != it->first + ".py") {
      orphans.push_back(it->first + ".err (no " + it->first + ".py)");
      it = cases.erase(it);
    } else if (!it->second.has_err) {
      orphans.push_back(it->first + ".py (no " + it->first + ".err)");
      it = cases.erase(it);
    } else {
      ++it;
    }
  }
  return cases;
}

// What the pipeline says about a case, as the .err file holds it.
std::string run_case(const Case& c) {
  CwdGuard cwd(cases_dir());
  PipelineOptions opt;
  opt.program_files = c.files;
  opt.emit = false;
  std::unique_ptr<Generated> g = run_pipeline(opt);
  return g->diags.render(g->sources) +
         "accepted " + std::to_string(g->report.programs) + ", rejected " + std::to_string(g->report.rejected) + "\n";
}

}  // namespace

TEST_CASE("every diagnostics case has its expected output", "[generator][diagnostics]") {
  std::vector<std::string> orphans;
  auto cases = scan(orphans);
  INFO("unregistered or orphaned files in " << cases_dir().string());
  for (const std::string& o : orphans) {
    INFO(o);
    CHECK(false);
  }
  CHECK(cases.size() >= 30);
}

TEST_CASE("diagnostics cases render exactly as expected", "[generator][diagnostics]") {
  const bool update = std::getenv("BATTC_UPDATE_DIAGNOSTICS") != nullptr;
  if (update)  // a new case gets its .err written
    for (const auto& e : fs::directory_iterator(cases_dir()))
      if (e.path().extension() == ".py" && e.path().stem().string().find('.') == std::string::npos &&
          !fs::exists(fs::path(e.path()).replace_extension(".err")))
        std::ofstream(fs::path(e.path()).replace_extension(".err"));
  std::vector<std::string> orphans;
  auto cases = scan(orphans);
  const fs::path before = fs::current_path();
  for (const auto& [name, c] : cases) {
    DYNAMIC_SECTION("case " << name) {
      std::string actual;
      try {
        actual = run_case(c);
      } catch (const std::exception& e) {
        FAIL("the pipeline threw (a battc bug) on " << name << ": " << e.what());
      }
      CHECK(fs::current_path() == before);
      CHECK(actual.find("battc bug") == std::string::npos);
      fs::path err = cases_dir() / (name + ".err");
      if (update) {
        std::ofstream(err, std::ios::binary) << actual;
      } else {
        INFO("case " << name << " (regenerate with BATTC_UPDATE_DIAGNOSTICS=1, then review)");
        CHECK(actual == read_text(err));
      }
    }
  }
}

TEST_CASE("an unreadable program file is a diagnostic, not a crash", "[generator][diagnostics]") {
  PipelineOptions opt;
  opt.program_files = {(cases_dir() / "no_such_file_here.py").string()};
  opt.emit = false;
  auto g = run_pipeline(opt);
  REQUIRE(g->diags.error_count() == 1);
  CHECK(g->diags.render(g->sources).find("cannot read program file") != std::string::npos);
  CHECK(g->report.programs == 0);
}
