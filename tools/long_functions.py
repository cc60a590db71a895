#!/usr/bin/env python3
"""Functions and Catch2 test cases over 80 lines in battc's C++ and Python (issue 30).

The rule: no function is longer than 80 lines, outside the tables in EXEMPT.
Lists each one that breaks it as `path:first-last<TAB>lines<TAB>kind<TAB>name`
and exits 1 if there is any; prints nothing and exits 0 otherwise.

C++ (.cpp .h .cu .cuh .hpp .cc): comments, string and character literals (raw
strings too) and preprocessor lines are blanked, then each '{' is classified
by the text since the previous statement: a ')' closing a call-like head
(optionally followed by const, noexcept, override, final, mutable, '-> type'
or a constructor's initializer list) opens a function body, unless the word
before the '(' is a control keyword (if, for, while, switch, catch) or
SECTION; a '](...)' head is a lambda; TEST_CASE(...) is a test case. Python:
every def, by ast. A body's length runs from its head's first line to its
closing line, inclusive (the usual "the function is N lines").

Files: those git tracks or would track (build outputs are ignored), or, out
of a git checkout, every file under ROOT but in hidden folders and ROOT/build*.

Usage: tools/long_functions.py [--limit N] [--show-exempt] [ROOT]
"""
import argparse
import ast
import os
import re
import subprocess
import sys

# What may be longer, and why: (path regex, kind, name regex, reason).
# Only tables of data, where one entry a few lines long per primitive is the
# clearest form and splitting would scatter a table across functions.
EXEMPT = [
    (r"generator/types/rules_\w+\.cpp", "function", r"add_\w+_rules",
     "the primitive type-rule tables: one entry per primitive"),
    (r"tools/golden/make_primitive_golden\.py", "function", r"containers|grids",
     "the primitive golden case tables: the cases of each primitive in turn"),
]

LIMIT = 80
CPP_EXTS = (".cpp", ".h", ".cu", ".cuh", ".hpp", ".cc")
CONTROL = {"if", "for", "while", "switch", "catch", "SECTION", "return", "sizeof", "decltype", "alignof",
           "static_assert", "defined", "WHEN", "THEN", "GIVEN", "AND_THEN", "AND_WHEN"}


# ------------------------------------------------------------------ C++ --

def blank(src):
    """The source with comments, literals' contents and preprocessor lines as
    spaces (newlines kept, so offsets and line numbers stay)."""
    out = list(src)
    i, n = 0, len(src)

    def wipe(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    line_start = True
    while i < n:
        c = src[i]
        if line_start and c == "#":
            j = i
            while j < n and src[j] != "\n":
                j += 2 if src[j] == "\\" and j + 1 < n and src[j + 1] == "\n" else 1
            wipe(i, j)
            i = j
            continue
        if c == "\n":
            line_start = True
            i += 1
            continue
        if c not in " \t":
            line_start = False
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            wipe(i, j)
            i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            wipe(i, j)
            i = j
        elif c == "R" and src.startswith('R"', i) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            k = src.find("(", i + 2)
            delim = src[i + 2:k]
            end = src.find(")" + delim + '"', k)
            end = n if end < 0 else end + len(delim) + 2
            wipe(i + 1, end)
            i = end
        elif c == '"' or (c == "'" and not (i > 0 and src[i - 1].isalnum() and i + 1 < n and src[i + 1].isalnum())):
            # a ' between alphanumerics is a digit separator (1'000)
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            wipe(i + 1, min(j, n))
            i = j + 1
        else:
            i += 1
    return "".join(out)


HEAD_TAIL = re.compile(r"\)\s*((const|noexcept|override|final|mutable|volatile|&&|&)\s*)*(->\s*[\w:<>,\s*&\[\]]+)?\s*$")


def matching_open(text, close):
    """The index of the '(' that the ')' at `close` closes, or -1."""
    depth = 0
    for k in range(close, -1, -1):
        if text[k] == ")":
            depth += 1
        elif text[k] == "(":
            depth -= 1
            if depth == 0:
                return k
    return -1


def parameter_list_end(h):
    """The index of the ')' that closes a function head's parameters, or None."""
    # a constructor's initializer list: the parameters' ')' followed by ':'
    m = re.search(r"\)\s*(noexcept\s*)?:(?!:)", h)
    if m and (h.endswith(")") or h.endswith("}")) and "?" not in h:
        return m.start()
    m = HEAD_TAIL.search(h)
    return m.start() if m else None


def classify(head, orig):
    """('function'|'lambda'|'test', name), or None, for a '{' preceded by
    `head` (blanked); `orig` is the same span unblanked, for test names."""
    h = head.rstrip()
    close = parameter_list_end(h) if h else None
    if close is None:
        return None
    open_ = matching_open(h, close)
    if open_ < 0:
        return None
    before = h[:open_].rstrip()
    if before.endswith("]"):
        return ("lambda", "lambda")
    w = re.search(r"([~\w:<>]+)\s*$", before)
    if not w:
        return None
    name = w.group(1)
    base = name.split("::")[-1]
    if base in CONTROL or name in CONTROL:
        return None
    if base in ("TEST_CASE", "TEST_CASE_METHOD", "SCENARIO"):
        return ("test", orig[open_ + 1:close].split('",')[0].strip() + '"')
    if re.fullmatch(r"[A-Z_0-9]+", base):
        return None  # a macro call followed by a block (BATTC_ASSERT-like)
    return ("function", name)


def cpp_bodies(text):
    """(kind, name, first line, last line, lines) of each function, lambda and test case."""
    b = blank(text)
    line_of = []
    ln = 1
    for ch in b:
        line_of.append(ln)
        ln += ch == "\n"
    stack = []  # per open '{': (its head's first line, its kind and name or None)
    stmt_start = 0
    for i, ch in enumerate(b):
        if ch == "{":
            head = b[stmt_start:i]
            kind = classify(head, text[stmt_start:i])
            first = line_of[stmt_start + len(head) - len(head.lstrip())] if kind else 0
            stack.append((first, kind))
            stmt_start = i + 1
        elif ch == "}":
            if stack:
                first, kind = stack.pop()
                if kind:
                    yield kind[0], kind[1], first, line_of[i], line_of[i] - first + 1
            stmt_start = i + 1
        elif ch == ";":
            stmt_start = i + 1


# --------------------------------------------------------------- Python --

def py_bodies(text):
    """(kind, name, first line, last line, lines) of each def; none for a file
    that is not Python 3 (the diagnostics cases include broken programs)."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield "function", node.name, node.lineno, node.end_lineno, node.end_lineno - node.lineno + 1


# ---------------------------------------------------------------- files --

def source_files(root):
    """Paths relative to root: git's files (tracked or not ignored), else a walk."""
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             check=True, capture_output=True, text=True).stdout
        return sorted(p for p in set(out.split("\0")) if p and os.path.isfile(os.path.join(root, p)))
    except (OSError, subprocess.CalledProcessError):
        pass
    paths = []
    for d, dirs, files in os.walk(root):
        top = os.path.samefile(d, root)
        dirs[:] = sorted(x for x in dirs
                         if not x.startswith(".") and x != "__pycache__" and not (top and x.startswith("build")))
        paths += [os.path.relpath(os.path.join(d, f), root) for f in files]
    return sorted(paths)


def exemption(rel, kind, name):
    """The reason `name` in `rel` may be long, or None."""
    for path_re, exempt_kind, name_re, why in EXEMPT:
        if kind == exempt_kind and re.fullmatch(path_re, rel) and re.fullmatch(name_re, name):
            return why
    return None


def long_bodies(root, limit):
    """(path, first, last, lines, kind, name, reason exempt or None) over `limit` lines."""
    rows = []
    for rel in source_files(root):
        if rel.endswith(CPP_EXTS):
            bodies = cpp_bodies
        elif rel.endswith(".py"):
            bodies = py_bodies
        else:
            continue
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for kind, name, first, last, n in bodies(text):
            if n > limit:
                rows.append((rel, first, last, n, kind, name, exemption(rel.replace(os.sep, "/"), kind, name)))
    return sorted(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=LIMIT, help=f"the most lines a body may have ({LIMIT})")
    ap.add_argument("--show-exempt", action="store_true", help="list the exempt long bodies too")
    ap.add_argument("root", nargs="?", default=".", help="the repository root")
    args = ap.parse_args()
    broken = 0
    for rel, first, last, n, kind, name, why in long_bodies(args.root, args.limit):
        if why is None or args.show_exempt:
            print(f"{rel}:{first}-{last}\t{n}\t{kind}\t{name}" + (f"\t(exempt: {why})" if why else ""))
        broken += why is None
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
