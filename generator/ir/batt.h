// generator/ir/batt.h: the typed IR. A batt is one DAG of values shared by
// every program: nodes are immutable once added and are numbered in an order
// where operands come first, so the node list is already a valid schedule.
//
// Semantics (what passes must preserve):
// - A node's value fails when an operand failed or its own call failed; the
//   failure is a status (error, budget), never an exception.
// - A program's status is that of its first failing statement in program
//   order (Python stops at the first exception), else ok; its value is the
//   value of its returned node. So every statement of a program counts, used
//   or not: `stmts` lists them in order.
// - Equal nodes (same kind, callee, operands, type, constant) are one node:
//   adding a node that exists returns the existing number (value numbering).
// - Parameters: S (train pairs), I (the sample input), C (the expected output,
//   for differs) and CNone (C in a solver: Python's None, so any use fails).
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "generator/diag/diagnostics.h"
#include "generator/types/constants.h"
#include "generator/types/type.h"

namespace battc::generator {

// Convert: its one operand widened to the node's type (dsl convert_to), as
// the checker asked for (CallType::unify).
enum class NodeKind { Param, Const, Prim, Call, CallValue, Convert };
enum class ParamKind { S, I, C, CNone };

struct Origin {
  std::string program;
  SrcLoc loc;
};

struct Node {
  explicit Node(NodeKind k = NodeKind::Param, TypeRef t = nullptr) : kind(k), type(t) {}

  NodeKind kind;
  TypeRef type;
  ParamKind param = ParamKind::I;  // Param
  ConstantValue value{};           // Const
  std::string prim;                // Prim (the primitive as a value), Call (the callee)
  std::vector<int> args;           // Call: operands; CallValue: callee node, then operands
  Origin origin;                   // where it was first written
  int uses = 0;                    // statements of programs that name it
  bool hoisted = false;            // depends only on S: computed once per task
};

struct BattProgram {
  std::string name;
  bool differ = false;
  SrcLoc loc;
  std::vector<int> stmts;  // the node of each statement, in program order
  int result = -1;         // the returned node
  // Per statement: where it was written and the callee's name as written
  // (what a failed evaluation reports: RunResult::statements).
  std::vector<SrcLoc> stmt_locs;
  std::vector<std::string> stmt_callees;
};

class Batt {
 public:
  // Adds a node or returns the number of its equal twin.
  int intern(Node n);
  const std::vector<Node>& nodes() const { return nodes_; }
  std::vector<Node>& mutable_nodes() { return nodes_; }
  std::vector<BattProgram>& programs() { return programs_; }
  const std::vector<BattProgram>& programs() const { return programs_; }
  int merged_duplicates() const { return merged_; }
  // Replaces the node list (passes that renumber); rebuilds the index.
  void reset_nodes(std::vector<Node> nodes);

 private:
  using Key = std::tuple<int, TypeRef, int, int, int, int, std::string, std::vector<int>>;
  static Key key_of(const Node& n);
  std::vector<Node> nodes_;
  std::vector<BattProgram> programs_;
  std::map<Key, int> index_;
  int merged_ = 0;
};

// Drops the nodes no program reaches (after programs were removed: search
// drops duplicate candidates), renumbering the rest in their order. Returns
// how many were dropped.
int remove_unreachable(Batt& batt);

// The nodes program p needs computed per sample: its statements and their
// operands, transitively, less what the prologue computes (hoisted); in
// ascending order. The unit's need tables and the spec engine share it.
std::vector<int> sample_needs(const Batt& batt, const BattProgram& p);

}  // namespace battc::generator
