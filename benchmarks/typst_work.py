"""Count the instructions typst spends on one cold layout of the 300-clause agreement (valgrind).

Wall time on a shared machine varies by a third from run to run; instruction counts vary by
well under 1%, so template changes are compared with this. Usage::

    python benchmarks/typst_work.py [TEMPLATE.typ ...]   # default: the packaged template

For each template it runs a fresh interpreter under ``valgrind --tool=cachegrind`` twice, once
stopping before the compile and once after it, and prints the difference. Needs valgrind.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHILD = """
import json, sys
sys.path.insert(0, {root!r})
from benchmarks.generate import synthetic
from mou_kit.render._data import document_data
from mou_kit.render._document import prepare
from mou_kit.render._typeset import font_book
import typst
docs, info, layout = prepare(synthetic(30, 10), None, revision="r1", folder=None)
data = json.dumps(document_data(docs, info, layout=layout, logos=[None] * len(info.logos)))
compiler = typst.Compiler({template!r}, font_paths=font_book(), sys_inputs={{"data": data}})
if {compile}:
    compiler.compile(format="pdf")
"""


def instructions(template: Path, compile_it: bool) -> int:
    """Return the instructions a fresh interpreter executes, with or without the compile."""
    code = CHILD.format(root=str(ROOT), template=str(template), compile=compile_it)
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", code], capture_output=True, text=True, check=True)
    match = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if match is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{run.stderr[-2000:]}")
    return int(match.group(1).replace(",", ""))


def main(paths: list[str]) -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        return 1
    templates = [Path(p).resolve() for p in paths] or [ROOT / "mou_kit" / "templates" / "agreement.typ"]
    for template in templates:
        work = instructions(template, True) - instructions(template, False)
        print(json.dumps({"template": str(template), "million_instructions": round(work / 1e6, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
