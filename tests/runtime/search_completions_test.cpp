// tests/runtime/search_completions_test.cpp: enumeration's completions by
// inverse semantics (runtime/search/completions.h): the last calls a task's
// train pairs admit, a value's text checked against a sample
// (runtime/exec/completion_check.h), the flags of values run through the
// specs engine, an enumeration round that finds a fill one call past its
// last level, one that fills a stamp around a pooled point, crops around a
// patch, makes a canvas of a colour or follows a rule over the input's
// parts (part_rules.h), and one that completes a fragment of the seeds'
// library.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <unordered_set>

#include "generator/enumerate/enumerator.h"
#include "generator/enumerate/library.h"
#include "generator/mutate/program_text.h"
#include "generator/mutate/typed_program.h"
#include "runtime/exec/completion_check.h"
#include "runtime/search/completions.h"
#include "runtime/search/enumeration.h"
#include "runtime/search/part_rules.h"
#include "tests/test_support.h"
#include "tests/typed_programs.h"

using namespace battc;
using namespace battc::runtime;
using namespace battc::runtime::search;
using battc::generator::Enumerator;
using battc::generator::PoolValue;
using battc::test::TempDir;

namespace {

GridData grid(int h, int w, std::vector<int> cells) { return GridData{h, w, std::move(cells)}; }

// Cells of 1 become 3; 2 stays.
Task recolour_task() {
  Task t;
  t.id = "recolour";
  t.train.push_back({grid(3, 3, {0, 1, 0, 0, 1, 2, 1, 0, 2}), grid(3, 3, {0, 3, 0, 0, 3, 2, 3, 0, 2})});
  t.train.push_back({grid(2, 3, {1, 1, 0, 2, 0, 1}), grid(2, 3, {3, 3, 0, 2, 0, 3})});
  t.test.push_back({grid(2, 2, {1, 0, 0, 1}), std::nullopt});
  return t;
}

// Cells of 1 become 3 and cells of 2 become 4, in every pair.
Task two_fills_task() {
  Task t;
  t.id = "two_fills";
  t.train.push_back({grid(2, 3, {1, 0, 2, 0, 1, 2}), grid(2, 3, {3, 0, 4, 0, 3, 4})});
  t.train.push_back({grid(2, 2, {2, 1, 1, 0}), grid(2, 2, {4, 3, 3, 0})});
  t.test.push_back({grid(1, 2, {1, 2}), std::nullopt});
  return t;
}

// Cells of 1 take the colour of the one cell that is neither 0 nor 1 (the
// least common colour): 3 in the first pair, 4 in the second.
Task least_colour_task() {
  Task t;
  t.id = "least_colour";
  t.train.push_back({grid(3, 3, {1, 0, 0, 1, 1, 0, 0, 0, 3}), grid(3, 3, {3, 0, 0, 3, 3, 0, 0, 0, 3})});
  t.train.push_back({grid(2, 4, {4, 1, 1, 0, 0, 0, 1, 0}), grid(2, 4, {4, 4, 4, 0, 0, 0, 4, 0})});
  t.test.push_back({grid(2, 2, {1, 6, 0, 1}), std::nullopt});
  return t;
}

Candidate candidate_of(const Enumerator& en, const std::vector<PoolValue>& pool, const PoolValue& v) {
  Candidate c;
  c.program = battc::generator::canonical_program(en.program(pool, v));
  c.source = battc::generator::program_text(c.program, kStoredName);
  c.mutation = "enumerate";
  return c;
}

// A sample over the given cells (they must outlive it), its output known.
abi::SampleIn sample_in(const std::vector<dsl::Int>& in, int h, int w, const std::vector<dsl::Int>& out, int out_h,
                        int out_w) {
  abi::SampleIn s{};
  s.input = dsl::Grid{in.data(), h, w, nullptr};
  s.expected = dsl::Grid{out.data(), out_h, out_w, nullptr};
  s.has_expected = 1;
  return s;
}

// What running enumerated programs needs: the checker, the enumerator, a
// compile cache of its own and the search's shapes and spec library.
struct EnumerationBench {
  TempDir dir;
  battc::generator::TypeTable tt;
  battc::generator::Signatures sig{tt};
  Enumerator en{sig};
  std::unordered_set<std::string> shapes;
  std::shared_ptr<battc::runtime::jit::SpecLibrary> specs;
  SearchOptions o;
  RoundBattOptions ro;
  EnumerationBench() {
    o.jit.cache_dir = dir.path + "/cache";
    o.jobs = 1;
    ro.shapes = &shapes;
    ro.specs = &specs;
  }
};

int leaf(const std::vector<PoolValue>& pool, const char* name) {
  int i = Enumerator::leaf_index(pool, name);
  REQUIRE(i >= 0);
  return i;
}

}  // namespace

TEST_CASE("completions: the last calls a task's train pairs admit", "[search][enumerate]") {
  std::vector<CompletionTarget> t = completion_targets(recolour_task());
  REQUIRE(t.size() == 3);
  CHECK((t[0].prim == "fill" && t[0].colour == 3 && t[0].flag == kCompletesFill));
  CHECK((t[1].prim == "underfill" && t[1].colour == 3 && t[1].flag == kCompletesUnderfill));
  CHECK((t[2].prim == "paint" && t[2].colour == -1 && t[2].flag == kCompletesPaint));

  Task two_colours = recolour_task();
  two_colours.train[1].output->cells[5] = 4;  // a cell becomes 4, not 3: no single fill colour
  t = completion_targets(two_colours);
  REQUIRE(t.size() == 1);
  CHECK(t[0].prim == "paint");

  // A smaller output: a part of the input, subgrid; a larger one: nothing.
  Task resized = recolour_task();
  resized.train[0].output = grid(1, 1, {3});
  t = completion_targets(resized);
  REQUIRE(t.size() == 1);
  CHECK((t[0].prim == "subgrid" && t[0].flag == kCompletesSubgrid));
  resized.train[1].output = grid(4, 4, std::vector<int>(16, 3));
  CHECK(completion_targets(resized).empty());
  Task unchanged = recolour_task();
  for (Sample& s : unchanged.train) s.output = s.input;
  CHECK(completion_targets(unchanged).empty());
}

TEST_CASE("completions: a value's text checked against a sample's goal, cells off the grid skipped",
          "[search][enumerate]") {
  // Input 0 2 0 / 0 0 1 (background 0); the output turns every 0 to 3.
  const std::vector<dsl::Int> in{0, 2, 0, 0, 0, 1}, out{3, 2, 3, 3, 3, 1};
  abi::SampleIn s = sample_in(in, 2, 3, out, 2, 3);
  CompletionGoal g = completion_goal(s);
  REQUIRE(g.usable);
  CHECK((g.colour == 3 && g.background == 0 && g.changed == 4));
  const std::string zeros = R"({"set":[[0,0],[0,2],[1,0],[1,1]]})";
  CHECK(completion_flags(zeros.c_str(), g) == (kCompletesFill | kCompletesUnderfill));
  // Every cell: underfill leaves the 2 and the 1; fill would not.
  const std::string all = R"({"set":[[0,0],[0,1],[0,2],[1,0],[1,1],[1,2],[5,5]]})";
  CHECK(completion_flags(all.c_str(), g) == kCompletesUnderfill);
  // An object: paint needs its colours to be the output's.
  const std::string painted = R"({"set":[[2,[0,1]],[3,[0,0]],[3,[0,2]],[3,[1,0]],[3,[1,1]]]})";
  CHECK(completion_flags(painted.c_str(), g) == (kCompletesPaint | kCompletesUnderfill));
  const std::string wrong = R"({"set":[[3,[0,0]],[3,[0,2]],[3,[1,0]],[4,[1,1]]]})";
  CHECK(completion_flags(wrong.c_str(), g) == (kCompletesFill | kCompletesUnderfill));  // fill reads no colour
  // A cell missing: nothing completes; other values are no patches.
  CHECK(completion_flags(R"({"set":[[0,0],[0,2],[1,0]]})", g) == 0);
  for (const char* other : {"4", "3x", R"({"set":[1,2]})", R"({"set":[]})", "[[0,0]]", R"({"set":[[0,0]})"})
    CHECK(completion_flags(other, g) == 0);
  // An integer equal to the colour the cells became: fill's colour as a value.
  CHECK(completion_flags("3", g) == kCompletesColour);
  // Per colour: the zeros fill 3 and nothing else; the empty set fills every
  // colour no cell became; a set of cells ending 3 and 1 fills none.
  CHECK(completion_check(zeros.c_str(), g).fill_colours == 1u << 3);
  CHECK(completion_check(R"({"set":[]})", g).fill_colours == (0x3ffu & ~(1u << 3)));
  CHECK(completion_check(all.c_str(), g).fill_colours == 0);
  // A part of the input: subgrid crops it to the value's bounding box.
  const std::vector<dsl::Int> big{1, 0, 0, 0, 2, 3, 0, 4, 5}, part{2, 3, 4, 5};
  CompletionGoal cg = completion_goal(sample_in(big, 3, 3, part, 2, 2));
  REQUIRE(cg.usable);
  CHECK_FALSE(cg.same_shape);
  CHECK(completion_flags(R"({"set":[[1,1],[2,2]]})", cg) == kCompletesSubgrid);
  CHECK(completion_flags(R"({"set":[[2,[1,1]],[5,[2,2]]]})", cg) == kCompletesSubgrid);
  CHECK(completion_flags(R"({"set":[[1,1],[2,1]]})", cg) == 0);        // a 2x1 box
  CHECK(completion_flags(R"({"set":[[0,0],[1,1]]})", cg) == 0);        // the wrong cells
  CHECK(completion_flags(R"({"set":[[1,1],[2,2],[3,3]]})", cg) == 0);  // off the grid
  CHECK(completion_flags(R"({"set":[]})", cg) == 0);

  // A tied background: no underfill.
  const std::vector<dsl::Int> tied{0, 2, 0, 2, 2, 0};
  s.input = dsl::Grid{tied.data(), 2, 3, nullptr};
  CHECK(completion_goal(s).background == -1);
}

TEST_CASE("completions: chains of fills and colours as values, from the train pairs", "[search][enumerate]") {
  // One colour, the same in every pair: single completions only.
  TaskCompletions one = task_completions(recolour_task());
  CHECK(one.single.size() == 3);
  CHECK(one.fill_chain.empty());
  CHECK_FALSE(one.colour_by_value);
  // 1s become 3 and 2s become 4 in every pair: a chain of two fills.
  TaskCompletions two = task_completions(two_fills_task());
  CHECK(two.fill_chain == std::vector<int>{3, 4});
  CHECK_FALSE(two.colour_by_value);
  // One colour a pair, not the same one: the colour as a value (and a chain).
  TaskCompletions varying = task_completions(least_colour_task());
  CHECK(varying.colour_by_value);
  CHECK(varying.fill_chain == std::vector<int>{3, 4});
  // A resized output: neither.
  Task resized = two_fills_task();
  resized.train[0].output = grid(1, 1, {3});
  TaskCompletions none = task_completions(resized);
  CHECK((none.fill_chain.empty() && !none.colour_by_value));
}

TEST_CASE("completions: values run through the specs engine carry their completions", "[search][enumerate]") {
  EnumerationBench b;
  const Enumerator& en = b.en;
  std::vector<PoolValue> pool = en.leaves({0, 1, 2, 3});
  const int I = leaf(pool, "I");
  auto value = [&](const std::string& prim, std::vector<int> args) {
    PoolValue v = en.call(pool, prim, std::move(args), 1);
    REQUIRE(v.type);
    pool.push_back(v);
    return static_cast<int>(pool.size() - 1);
  };
  const int ones = value("ofcolor", {I, leaf(pool, "ONE")});
  const int as_object = value("toobject", {ones, I});
  const int recoloured = value("recolor", {leaf(pool, "THREE"), ones});
  const int twos = value("ofcolor", {I, leaf(pool, "TWO")});
  std::vector<Candidate> cands;
  for (int v : {ones, as_object, recoloured, twos}) {
    cands.push_back(candidate_of(en, pool, pool[std::size_t(v)]));
    b.ro.names.push_back("solve_cand" + std::to_string(cands.size()));
  }
  b.ro.new_shapes = 100;
  b.ro.value_hashes = true;
  b.ro.completions = true;
  const std::vector<Task> tasks{recolour_task()};
  auto rb = run_round_batt(cands, tasks, b.ro, b.o);
  REQUIRE(rb.ok());
  REQUIRE(rb.value());
  const RoundBatt& round = *rb.value();
  const std::vector<CompletionTarget> targets = completion_targets(tasks[0]);
  REQUIRE(targets.size() == 3);
  const TaskResult& result = round.out.result.tasks[0];
  // Targets fill, underfill, paint (of 3). The 1s become 3, and 1 is no
  // background, so underfill completes nothing; fill takes the cells, as
  // indices or an object; paint needs the object in the output's colours.
  const bool expected[4][3] = {{true, false, false}, {true, false, false}, {true, false, true}, {false, false, false}};
  for (std::size_t k = 0; k < 4; ++k) {
    REQUIRE(round.kept[k] >= 0);
    for (std::size_t t = 0; t < targets.size(); ++t) {
      INFO("candidate " << k << ", target " << t);
      CHECK(completes(result, round.kept[k], targets[t]) == expected[k][t]);
    }
  }
}

// Whether an enumeration round over `tasks` (two levels, the second grids
// only) ends with a completion whose source holds `needle` and that is right
// on every train pair of the first task.
bool round_completes(const std::vector<Task>& tasks, const std::vector<int>& colours, const std::string& needle) {
  EnumerationBench b;
  b.o.enumerate_depth = 2;
  b.ro.new_shapes = 1000;
  auto e = enumerate_round(b.en, tasks, colours, b.ro, b.o, 400, 7);
  REQUIRE(e.ok());
  CHECK(e->counts.completions >= 1);
  REQUIRE_FALSE(e->levels.empty());
  const EnumeratedLevel& last = e->levels.back();
  REQUIRE(last.batt);
  bool fits = false;
  for (std::size_t c = 0; c < last.candidates.size(); ++c) {
    int p = last.batt->kept[c];
    if (p < 0 || last.candidates[c].source.find(needle) == std::string::npos) continue;
    bool all = true;
    for (const SampleResult& s : last.batt->out.result.tasks[0].samples)
      if (!s.is_test) all = all && s.evals[std::size_t(p)].matches();
    fits = fits || all;
  }
  return fits;
}

TEST_CASE("completions: an enumeration round completes a value of its first level", "[search][enumerate]") {
  // The first level pools ofcolor(I, ONE); the completion
  // fill(I, THREE, ofcolor(I, ONE)) runs after the last and fits.
  CHECK(round_completes({recolour_task()}, {0, 1, 2, 3}, "fill(I, THREE, x1)"));
}

TEST_CASE("completions: a round chains two fills, and fills by a colour it computed", "[search][enumerate]") {
  // fill(fill(I, THREE, ofcolor(I, ONE)), FOUR, ofcolor(I, TWO)), two calls
  // past the first level, in either order of the patches.
  CHECK(round_completes({two_fills_task()}, {0, 1, 2, 3, 4}, "O = fill(x3, FOUR, x"));
  // fill(I, leastcolor(I), ofcolor(I, ONE)): the colour differs by pair.
  CHECK(round_completes({least_colour_task()}, {0, 1, 3, 4}, "O = fill(I, x"));
}

namespace {

// A plus of 3 around the point midway between the two 1s (the 1s stay).
Task plus_task() {
  Task t;
  t.id = "plus";
  t.train.push_back({grid(5, 5, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                     grid(5, 5, {0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, 3, 3, 3, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0})});
  t.train.push_back({grid(5, 5, {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}),
                     grid(5, 5, {0, 1, 0, 0, 0, 0, 3, 0, 0, 0, 3, 3, 3, 0, 0, 0, 3, 0, 0, 0, 0, 1, 0, 0, 0})});
  t.test.push_back({grid(3, 5, {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), std::nullopt});
  return t;
}

// Each 2 becomes an X of 4s, itself included.
Task cross_task() {
  Task t;
  t.id = "cross";
  t.train.push_back({grid(4, 4, {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                     grid(4, 4, {4, 0, 4, 0, 0, 4, 0, 0, 4, 0, 4, 0, 0, 0, 0, 0})});
  t.train.push_back({grid(3, 5, {2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0}),
                     grid(3, 5, {4, 0, 0, 0, 0, 0, 4, 4, 0, 4, 0, 0, 0, 4, 0})});
  t.test.push_back({grid(3, 3, {0, 0, 0, 0, 2, 0, 0, 0, 0}), std::nullopt});
  return t;
}

}  // namespace

TEST_CASE("completions: stamps around a point or around each cell of a set", "[search][enumerate]") {
  const Task plus = plus_task();
  const Sample& first = plus.train[0];
  const std::vector<dsl::Int> in(first.input.cells.begin(), first.input.cells.end()),
      out(first.output->cells.begin(), first.output->cells.end());
  const CompletionGoal g = completion_goal(sample_in(in, 5, 5, out, 5, 5));
  REQUIRE(g.colour == 3);
  CHECK(completion_flags("[2,2]", g) == kCompletesStampPlus);  // the midpoint
  CHECK(completion_flags(R"({"set":[[2,2]]})", g) == kCompletesStampPlus);
  CHECK(completion_flags("[2,1]", g) == 0);
  CHECK(completion_flags("[2,2,1]", g) == 0);  // no point
  // Cells off the grid are skipped, as fill skips them.
  const Task cross = cross_task();
  const Sample& second = cross.train[1];
  const std::vector<dsl::Int> cin(second.input.cells.begin(), second.input.cells.end()),
      cout_(second.output->cells.begin(), second.output->cells.end());
  const CompletionGoal cg = completion_goal(sample_in(cin, 3, 5, cout_, 3, 5));
  CHECK(completion_flags(R"({"set":[[0,0],[2,3]]})", cg) == kCompletesStampCross);
  CHECK(completion_flags(R"({"set":[[0,0]]})", cg) == 0);  // a changed cell left out
  CHECK(completion_flags(R"({"set":[[2,[0,0]],[2,[2,3]]]})", cg) == 0);  // an object: no stamp
  // The targets: one colour, every cell that changed.
  const TaskCompletions tc = task_completions(plus);
  REQUIRE(tc.stamps.size() == 3);
  CHECK((tc.stamps[0].prim == "dneighbors" && tc.stamps[0].colour == 3 && tc.stamps[0].flag == kCompletesStampPlus));
  CHECK(task_completions(two_fills_task()).stamps.empty());
}

TEST_CASE("completions: a round fills a stamp three calls past a pooled value", "[search][enumerate]") {
  // fill(I, FOUR, combine(x1, mapply(ineighbors, x1))), x1 = ofcolor(I, TWO).
  CHECK(round_completes({cross_task()}, {0, 2, 4}, "mapply(ineighbors, x1)"));
}

namespace {

// The output is the part of the input around the 5s, one row more above and
// below them (the 5s' columns only).
Task crop_task() {
  Task t;
  t.id = "crop";
  t.train.push_back({grid(6, 5, {1, 0, 0, 0, 0, 0, 5, 0, 5, 0, 0, 5, 2, 5, 0, 0, 5, 0, 5, 1, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0}),
                     grid(5, 3, {0, 0, 0, 5, 0, 5, 5, 2, 5, 5, 0, 5, 0, 1, 0})});
  t.train.push_back({grid(5, 6, {0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 5, 3, 5, 0, 0, 0, 5, 0, 5, 0, 0, 0, 0, 0, 0, 3}),
                     grid(4, 3, {0, 0, 0, 5, 3, 5, 5, 0, 5, 0, 0, 0})});
  t.test.push_back({grid(4, 4, {0, 2, 0, 0, 5, 0, 5, 0, 5, 5, 5, 0, 0, 0, 0, 2}), std::nullopt});
  return t;
}

}  // namespace

TEST_CASE("completions: crop margins, packed and checked against the output's one place in the input",
          "[search][enumerate]") {
  for (const CropMargins m : {CropMargins{1, 0, 1, 0}, CropMargins{-8, 7, -1, 3}, CropMargins{0, 0, 0, -2}}) {
    const std::uint16_t code = crop_code(m);
    REQUIRE(code != 0);
    const CropMargins back = crop_margins(code);
    CHECK((back.up == m.up && back.left == m.left && back.down == m.down && back.right == m.right));
  }
  CHECK(crop_code({0, 0, 0, 0}) == 0);  // subgrid's case
  CHECK(crop_code({8, 0, 0, 0}) == 0);  // out of range
  CHECK(crop_code({0, -9, 0, 0}) == 0);
  // The first pair: the 5s span rows 1..3 and column 1..3; the output is
  // rows 0..4 of those columns.
  const Task t = crop_task();
  const Sample& first = t.train[0];
  const std::vector<dsl::Int> in(first.input.cells.begin(), first.input.cells.end()),
      out(first.output->cells.begin(), first.output->cells.end());
  const CompletionGoal g = completion_goal(sample_in(in, 6, 5, out, 5, 3));
  CHECK((g.place_i == 0 && g.place_j == 1));
  const std::uint16_t around_fives = crop_code({1, 0, 1, 0});
  CHECK(completion_check(R"({"set":[[1,1],[1,3],[2,1],[2,3],[3,1],[3,3]]})", g).crop_margins == around_fives);
  CHECK(completion_check(R"({"set":[[5,[1,1]],[5,[3,3]]]})", g).crop_margins == around_fives);  // an object
  CHECK(completion_check(R"({"set":[[2,2]]})", g).crop_margins == crop_code({2, 1, 2, 1}));
  CHECK(completion_check(R"({"set":[[0,1],[4,3]]})", g).crop_margins == 0);  // the box itself: subgrid's
  CHECK(completion_check("[2,2]", g).crop_margins == 0);                      // a point: no box
  CHECK(completion_check(R"({"set":[[2,2],[2,20]]})", g).crop_margins == 0);  // margins out of range
  // An output found twice in its input has no place, nor has one of the
  // input's shape.
  const std::vector<dsl::Int> twice{1, 0, 1, 0}, one{1};
  CHECK(completion_goal(sample_in(twice, 2, 2, one, 1, 1)).place_i == -1);
  CHECK(completion_goal(sample_in(in, 6, 5, in, 6, 5)).place_i == -1);
  CHECK(task_completions(t).crop);
  CHECK_FALSE(task_completions(plus_task()).crop);
}

namespace {

// A 1x1 output of the input's least common colour.
Task least_canvas_task() {
  Task t;
  t.id = "least_canvas";
  t.train.push_back({grid(3, 3, {0, 0, 2, 0, 1, 1, 0, 1, 0}), grid(1, 1, {2})});
  t.train.push_back({grid(2, 3, {3, 3, 0, 0, 0, 4}), grid(1, 1, {4})});
  t.test.push_back({grid(2, 2, {1, 1, 1, 6}), std::nullopt});
  return t;
}

}  // namespace

TEST_CASE("completions: a canvas of a colour the round computed, of the train outputs' one shape",
          "[search][enumerate]") {
  const Task t = least_canvas_task();
  const Sample& first = t.train[0];
  const std::vector<dsl::Int> in(first.input.cells.begin(), first.input.cells.end()), out{2};
  const CompletionGoal g = completion_goal(sample_in(in, 3, 3, out, 1, 1));
  CHECK(g.colour == 2);
  CHECK(completion_flags("2", g) == kCompletesColour);
  CHECK(completion_flags("1", g) == 0);
  const TaskCompletions tc = task_completions(t);
  CHECK((tc.canvas_h == 1 && tc.canvas_w == 1));
  // Outputs all of one colour: no canvas (a constant answer).
  Task same = t;
  same.train[1].output = grid(1, 1, {2});
  CHECK(task_completions(same).canvas_h == 0);
  CHECK(task_completions(recolour_task()).canvas_h == 0);
  // canvas(leastcolor(I), UNITY), one call past the first level.
  CHECK(round_completes({t}, {0, 1, 2, 3, 4}, "O = canvas(x1, UNITY)"));
}

namespace {

// The halves left and right of a column of 5s; an output cell is 2 where
// both halves' cells are 0, else 0.
Task halves_task() {
  Task t;
  t.id = "halves";
  t.train.push_back({grid(3, 7, {1, 0, 0, 5, 0, 1, 0, 0, 1, 0, 5, 0, 0, 0, 0, 0, 1, 5, 1, 0, 1}),
                     grid(3, 3, {0, 0, 2, 2, 0, 2, 0, 2, 0})});
  t.train.push_back({grid(3, 7, {0, 0, 0, 5, 1, 1, 0, 1, 1, 0, 5, 0, 0, 0, 0, 0, 0, 5, 0, 1, 0}),
                     grid(3, 3, {0, 0, 2, 0, 0, 2, 2, 0, 2})});
  t.test.push_back({grid(3, 7, {0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 5, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0}), std::nullopt});
  return t;
}

}  // namespace

TEST_CASE("completions: a cellwise rule over the input's halves, read from the train pairs", "[search][enumerate]") {
  const TaskCompletions tc = task_completions(halves_task());
  REQUIRE(tc.halves.size() == 1);  // tophalf is one row: no rule by rows
  const HalvesRule& r = tc.halves[0];
  CHECK_FALSE(r.rows);
  // Of the two ways to say it (2 where both are 0; 0 where either is not)
  // the one with one cells set.
  CHECK((r.bg == 0 && r.fg == 2 && r.minterms == 0b0001));
  // A pair that disagrees (two cells of one minterm, different outputs):
  // no rule.
  Task odd = halves_task();
  odd.train[1].output->cells[0] = 2;
  CHECK(task_completions(odd).halves.empty());
  CHECK(task_completions(crop_task()).halves.empty());
  CHECK(round_completes({halves_task()}, {0, 1, 2, 5}, "intersection(x"));
}

namespace {

// Three 2x3 parts between columns of 2s, laid over each other: the first
// on top, then the third, then the second.
Task overlay_task() {
  Task t;
  t.id = "overlay";
  t.train.push_back({grid(2, 11, {4, 0, 0, 2, 0, 9, 0, 2, 1, 1, 0, 0, 0, 4, 2, 9, 9, 0, 2, 0, 1, 1}),
                     grid(2, 3, {4, 1, 0, 9, 1, 4})});
  t.train.push_back({grid(2, 11, {0, 4, 4, 2, 0, 0, 9, 2, 1, 0, 0, 0, 0, 0, 2, 9, 0, 0, 2, 0, 1, 1}),
                     grid(2, 3, {1, 4, 4, 9, 1, 1})});
  t.test.push_back({grid(2, 11, {4, 4, 0, 2, 9, 0, 0, 2, 0, 0, 1, 0, 0, 0, 2, 0, 9, 0, 2, 1, 1, 1}), std::nullopt});
  return t;
}

}  // namespace

TEST_CASE("completions: parts of the input laid over each other in the order the train pairs agree on",
          "[search][enumerate]") {
  // arc-dsl's cuts: hsplit of 11 columns in 3 skips a column between parts.
  const GridData g = grid(2, 11, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21});
  CHECK(part_of(g, {Cut::Kind::Columns, 3}, 1) == grid(2, 3, {4, 5, 6, 15, 16, 17}));
  CHECK(part_of(g, {Cut::Kind::Columns, 2}, 1) == grid(2, 5, {6, 7, 8, 9, 10, 17, 18, 19, 20, 21}));
  CHECK(part_of(g, {Cut::Kind::Rows, 2}, 0) == grid(1, 11, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  CHECK(part_of(grid(3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9}), {Cut::Kind::Quarters, 4}, 3) == grid(1, 1, {9}));
  const std::vector<OverlayRule> rules = overlay_rules(overlay_task());
  REQUIRE(rules.size() == 1);
  CHECK((rules[0].cut.kind == Cut::Kind::Columns && rules[0].cut.n == 3));
  CHECK(rules[0].order == std::vector<int>{0, 2, 1});
  // An output that is one of the parts is the levels' to find.
  Task one = overlay_task();
  for (Sample& s : one.train) s.output = part_of(s.input, {Cut::Kind::Columns, 3}, 2);
  CHECK(overlay_rules(one).empty());
  CHECK(round_completes({overlay_task()}, {0, 1, 2, 4, 9}, "toobject("));
}

TEST_CASE("completions: a round crops around a pooled patch by the margins its train pairs agree on",
          "[search][enumerate]") {
  // crop(I, add(ulcorner(x1), UP), add(shape(x1), TWO_BY_ZERO)), x1 =
  // ofcolor(I, FIVE): a row more above and below.
  CHECK(round_completes({crop_task()}, {0, 1, 2, 3, 5}, "add(x2, UP)"));
}

namespace {

// The largest object's outline becomes 4 (a 3x3 block keeps its centre).
Task outline_task() {
  Task t;
  t.id = "outline";
  t.train.push_back({grid(5, 5, {1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}),
                     grid(5, 5, {4, 4, 4, 0, 0, 4, 1, 4, 0, 0, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3})});
  t.train.push_back({grid(4, 4, {0, 0, 0, 5, 2, 2, 2, 0, 2, 2, 2, 0, 0, 0, 0, 0}),
                     grid(4, 4, {0, 0, 0, 5, 4, 4, 4, 0, 4, 4, 4, 0, 0, 0, 0, 0})});
  t.test.push_back({grid(3, 3, {6, 6, 0, 6, 6, 0, 0, 0, 7}), std::nullopt});
  return t;
}

// Seeds whose statements are the library: the first outlines the largest
// object in 2; the second computes the same objects another way, an empty
// patch, and a value that fails on every input (first of it), with a user.
const char* kOutlineSeeds = R"PY(
def solve_outline_two(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = box(x2)
    O = fill(I, TWO, x3)
    return O


def solve_nines(I):
    x1 = objects(I, T, T, T)
    x2 = ofcolor(I, NINE)
    x3 = first(x2)
    x4 = initset(x3)
    O = fill(I, ONE, x4)
    return O
)PY";

// A seed whose point, the midpoint of the 1s, is a fragment (plus_task).
const char* kMidpointSeeds = R"PY(
def solve_midpoint(I):
    x1 = ofcolor(I, ONE)
    x2 = center(x1)
    x3 = initset(x2)
    O = fill(I, TWO, x3)
    return O
)PY";

// Whether some candidate of an enumeration round of one level (grids only)
// over `task` is right on all its train pairs, its source holding `needle`;
// the round's counts. With `seeds`, their statements are its fragments.
bool one_level_fits(const Task& task, const char* seeds, EnumerationCounts& counts, const std::string& needle = "") {
  EnumerationBench b;
  b.o.enumerate_depth = 1;
  b.ro.new_shapes = 1000;
  const battc::generator::Library lib =
      seeds ? battc::generator::seed_library(
                  battc::test::typed_programs(seeds, battc::generator::Dialect::ArcDsl, b.sig), b.sig)
            : battc::generator::Library{};
  auto e = enumerate_round(b.en, {task}, {0, 1, 2, 3, 4, 5}, b.ro, b.o, 400, 7, seeds ? &lib : nullptr);
  REQUIRE(e.ok());
  counts = e->counts;
  for (const EnumeratedLevel& lv : e->levels) {
    if (!lv.batt || !lv.keep) continue;
    for (std::size_t c = 0; c < lv.candidates.size(); ++c) {
      const int p = lv.batt->kept[c];
      if (p < 0 || lv.candidates[c].source.find(needle) == std::string::npos) continue;
      bool all = true;
      for (const SampleResult& s : lv.batt->out.result.tasks[0].samples)
        if (!s.is_test) all = all && s.evals[std::size_t(p)].matches();
      if (all) return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("library: a seed's deep value, pooled as a fragment, is completed where the levels cannot reach",
          "[search][enumerate]") {
  EnumerationCounts without, with;
  // fill(I, FOUR, box(argmax(objects(I, T, F, T), size))): three calls from
  // I, past one level and its completions.
  CHECK_FALSE(one_level_fits(outline_task(), nullptr, without));
  CHECK(without.fragments == 0);
  CHECK(one_level_fits(outline_task(), kOutlineSeeds, with));
  CHECK(with.completions > without.completions);
  // Runnable fragments: solve_outline_two's four; solve_nines' objects
  // (the same value: one), the empty patch, and three that fail everywhere.
  CHECK(with.fragments == 5);
}

TEST_CASE("library: a stamp around a seed's point: fill(I, THREE, insert(p, dneighbors(p)))", "[search][enumerate]") {
  EnumerationCounts without, with;
  CHECK_FALSE(one_level_fits(plus_task(), nullptr, without));
  CHECK(one_level_fits(plus_task(), kMidpointSeeds, with, "dneighbors(x2)"));
}
