"""An edited agreement folder read as a change to a checked revision: only the files that changed are parsed.

A commit of a few clauses should cost what those clauses cost, not what the agreement costs. The
caller (the workspace) knows which files still hold the bytes of the revision they change (same
blob id) and the facts of that revision (a :class:`~mou_kit.model.facts.Checked`, which
:func:`~mou_kit.model.check` found consistent); :func:`parse_change` parses and validates
``agreement.yaml`` and the changed article files, and runs the cross-node check limited to what
they can affect. The problems it reports are those :func:`~.folder.parse_agreement` and
:func:`~.folder.dump_agreement` would report for the same folder (ADR 0089).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..errors import Problem, ValidationFailed
from ..model import Agreement, Article
from ..model.facts import Checked, PartFacts, article_facts, check_change, head_facts
from ..model.references import fill_problems
from .folder import (
    AGREEMENT_FILE,
    ARTICLES_DIR,
    Files,
    _dump_model,
    _place,
    _read,
    _read_articles,
    _read_head,
    _refuse_control,
    _unlisted_problems,
    _validate,
)
from .schema import AgreementFile


@dataclass(frozen=True, slots=True)
class ParsedChange:
    """What a changed folder holds beyond its revision: the head, the changed articles (to write), and the
    facts of every article read (the changed ones, and any the revision did not have)."""

    head: AgreementFile
    articles: dict[str, Article]
    facts: dict[str, PartFacts]


def parse_head(data: bytes) -> AgreementFile:
    """Return the validated content of ``agreement.yaml``.

    :raises ValidationFailed: the file does not parse or breaks a rule.
    """
    problems: list[Problem] = []
    head = _validate(AgreementFile, _read({AGREEMENT_FILE: data}, AGREEMENT_FILE, problems), AGREEMENT_FILE,
                     data, problems)
    if problems or head is None:
        raise ValidationFailed(problems)
    return head  # type: ignore[no-any-return]


def dump_file(model: AgreementFile | Article, previous: bytes | None) -> bytes:
    """Return ``agreement.yaml`` or an article file as the bytes a commit writes (``previous``'s comments kept)."""
    if isinstance(model, AgreementFile):
        return _dump_model(model, "agreement", 0, previous)
    return _dump_model(model, "article", 1, previous)


def parse_change(files: Files, unchanged: Collection[str], before: Checked) -> ParsedChange:
    """Return the change ``files`` make to the revision ``before``, fully checked.

    ``unchanged`` names the files whose bytes are the revision's; those article files are not read.

    :raises ValidationFailed: with every problem of the changed files and of the check.
    """
    problems: list[Problem] = []
    head_raw, head, rels = _read_head(files, problems)
    had = set(before.order)
    articles = _read_articles(files, [r for r in rels if r not in unchanged or _stem(r) not in had], problems)
    _unlisted_problems(files, head, head_raw, [_stem(r) for r in rels], problems)
    if problems or head is None:
        raise ValidationFailed(problems)
    assert isinstance(head, AgreementFile)
    _refuse_control({"head": head.model_dump(), "articles": [a.model_dump() for a in articles.values()]})
    facts = {stem: article_facts(article) for stem, article in articles.items() if stem in head.articles}
    head_changed = AGREEMENT_FILE not in unchanged
    new_head = head_facts(head) if head_changed else before.head
    found = check_change(before, new_head, [(stem, facts.get(stem)) for stem in head.articles],
                         head_changed=head_changed)
    if found:
        raise ValidationFailed([_place(p, files) for p in found])
    # a text that cannot be filled in is never committed: the changed texts, and every text with
    # markup when the languages or values it is filled with changed
    again = set(facts)
    if new_head.values != before.head.values:
        again |= {s for s in before.templated() if s in head.articles}
    articles |= _read_articles(files, [f"{ARTICLES_DIR}/{s}.yaml" for s in sorted(again - set(articles))], problems)
    fields = {k: getattr(head, k) for k in head.model_fields_set if k != "articles"}
    partial = Agreement.model_construct(**fields, articles=[articles[s] for s in head.articles if s in again])
    found = problems or fill_problems(partial)
    if found:
        raise ValidationFailed(found)
    return ParsedChange(head, {s: articles[s] for s in facts if f"{ARTICLES_DIR}/{s}.yaml" not in unchanged}, facts)


def _stem(rel: str) -> str:
    return rel[len(ARTICLES_DIR) + 1:].removesuffix(".yaml")

