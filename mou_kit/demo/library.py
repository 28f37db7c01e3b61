"""The clause-library step of ``mou demo``: the founding MoU assembled from the library, compared and linted."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..assemble import assemble, load_library, read_answers
from ..files import load
from ..lint import lint
from ..model import Article

PathLike = str | os.PathLike[str]


def library_demo(answers_path: PathLike, example: PathLike) -> list[str]:
    """Return the lines ``mou demo`` prints for the clause library: the example assembled from the
    library and its answers, compared with the example folder, and linted.

    :raises ValidationFailed: the answers, the library or the example cannot be read.
    """
    library = load_library()
    answers = read_answers(answers_path)
    assembled = assemble(answers, library)
    reference = load(example)
    lines = [f"library: {len(library.templates(kind='article'))} article templates, "
             f"{len(library.templates(kind='agreement'))} agreement templates"]
    same = [_without_sources(a) == _without_sources(b) for a, b in
            zip(reference.articles, assembled.articles, strict=False)]
    lines.append(f"assembled {assembled.id} from {Path(answers_path).name}: {len(assembled.articles)} articles, "
                 f"{sum(same)} identical to {Path(example).name}")
    findings = lint(assembled, library=library, answers=answers)
    lines.append(f"lint: {len(findings)} finding(s)")
    lines.extend(f"  {f}" for f in findings)
    return lines


def _without_sources(article: Article) -> dict[str, Any]:
    data = article.model_dump(exclude={"source"})
    for clause in data["clauses"]:
        clause.pop("source", None)
    return data
