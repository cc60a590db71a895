// runtime/search/report_json.h: a search's report as JSON, the one writer
// behind `battc search --report-json` and battc.search()'s return value.
#pragma once

#include <nlohmann/json.hpp>

#include "runtime/search/search.h"

namespace battc::runtime::search {

nlohmann::ordered_json report_json(const SearchReport& report);

}  // namespace battc::runtime::search
