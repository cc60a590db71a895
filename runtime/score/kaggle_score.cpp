// runtime/score/kaggle_score.cpp
#include "runtime/score/kaggle_score.h"

#include "runtime/score/submission.h"

namespace battc::runtime {
namespace {

bool attempt_matches(const nlohmann::json& entry, const char* key, const GridData& want) {
  return entry.is_object() && entry.contains(key) && entry[key] == grid_json(want);
}

}  // namespace

SubmissionScore score_submission(const nlohmann::json& submission, const std::vector<Task>& tasks) {
  SubmissionScore out;
  for (const Task& t : tasks) {
    bool known = !t.test.empty();
    for (const Sample& s : t.test) known = known && s.output.has_value();
    if (!known) {
      ++out.unscored;
      continue;
    }
    ++out.scored;
    auto entries = submission.find(t.id);
    int matched = 0;
    for (std::size_t i = 0; i < t.test.size(); ++i) {
      if (entries == submission.end() || !entries->is_array() || i >= entries->size()) continue;
      const nlohmann::json& e = (*entries)[i];
      matched += attempt_matches(e, "attempt_1", *t.test[i].output) || attempt_matches(e, "attempt_2", *t.test[i].output);
    }
    out.score += double(matched) / double(t.test.size());
    if (matched == static_cast<int>(t.test.size())) {
      ++out.verified;
      out.verified_tasks.push_back(t.id);
    }
  }
  return out;
}

}  // namespace battc::runtime
