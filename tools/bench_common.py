"""What the benchmark scripts share: program files split by def (they make
variants and leave-one-out seed files from them), and running battc for the
JSON figures it writes."""
import json
import re
import subprocess
import sys


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
