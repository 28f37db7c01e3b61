"""Read a Word file from the other side against the agreement it was made from, and list what changed."""

from __future__ import annotations

import sys
from pathlib import Path

import mou_kit


def main(example: Path, received: Path) -> list[str]:
    agreement = mou_kit.load(example)
    result = mou_kit.import_docx(received, base=agreement)
    changes = mou_kit.diff(agreement, result.agreement)
    lines = [f"{c.kind.value} {c.node}" for c in changes.changes if c.kind.value != "renumbered"]
    return lines + result.report()


if __name__ == "__main__":
    print("\n".join(main(Path(sys.argv[1]), Path(sys.argv[2]))))
