"""Compare two drafts of an agreement and write every diff document (docs/diff.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from mou_kit import RevisionInfo, diff, load
from mou_kit.render.diffs.diff_bundle import write_diff_bundle
from mou_kit.render.diffs.diff_text import render_diff_text


def main(old_folder: str, new_folder: str, out: str) -> list[Path]:
    """Print the changes between two agreement folders and write the HTML, matrix and redline."""
    old, new = load(old_folder), load(new_folder)
    proposal = RevisionInfo("draft-2", dt.date(2023, 7, 18), proposed_by=new.parties[1].id, meeting="rapat-2")
    print(render_diff_text(diff(old, new, new_revision=proposal), markup=False))
    return write_diff_bundle(old, new, out, new_revision=proposal)


if __name__ == "__main__":
    main(*sys.argv[1:4])
