"""Program files as the benchmark scripts read them: each top-level def's
text by its name (the scripts make variants and leave-one-out seed files
from them)."""
import re


def split_programs(text):
    """{name: source} for each top-level def, in file order."""
    out = {}
    for block in re.split(r'\n(?=def )', text):
        m = re.match(r'def (\w+)\(', block)
        if m:
            out[m.group(1)] = block.rstrip() + '\n'
    return out
