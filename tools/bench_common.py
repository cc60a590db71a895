"""What the benchmark scripts share: their argument parser with --battc,
program files split by def (they make variants and leave-one-out seed files
from them), and running battc for the JSON figures it writes."""
import argparse
import json
import os
import re
import subprocess
import sys


def argument_parser(doc):
    """A parser described by the first line of `doc`, with --battc defaulting
    to the build tree's binary."""
    ap = argparse.ArgumentParser(description=doc.split('\n')[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--battc', default=os.path.join(here, '..', 'build', 'battc'))
    return ap


def split_programs(text):
    """{name: source} for each top-level def, in file order."""
    out = {}
    for block in re.split(r'\n(?=def )', text):
        m = re.match(r'def (\w+)\(', block)
        if m:
            out[m.group(1)] = block.rstrip() + '\n'
    return out


def run_for_json(cmd, json_path):
    """Runs a battc command; exits with its stderr when it fails, else
    returns the JSON file it wrote (--timing-json or --report-json)."""
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit('battc failed (%d): %s\n%s' % (r.returncode, ' '.join(cmd), r.stderr[-3000:]))
    with open(json_path) as f:
        return json.load(f)
