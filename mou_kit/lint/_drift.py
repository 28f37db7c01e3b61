"""Which articles came from a template that has since changed, what changed, and how to take it in."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..assemble import Answers, Library, assemble
from ..assemble.template import version_key
from ..errors import TemplateError, ValidationFailed
from ..model import Agreement, Article, text_in
from ..model.walk import iter_body
from .finding import Finding, finding


@dataclass(frozen=True, slots=True)
class Source:
    """Where a node came from: ``id@version`` and, when not the first, ``#alternative``."""

    template: str
    version: str
    alternative: str | None = None

    @classmethod
    def parse(cls, text: str) -> Source | None:
        """Return the source written as ``id@1.0.0#alt``, or ``None`` when it is not in that form."""
        ref, _, alt = text.partition("#")
        template, sep, version = ref.partition("@")
        if not sep or not template or not version:
            return None
        return cls(template, version, alt or None)

    def __str__(self) -> str:
        return f"{self.template}@{self.version}" + (f"#{self.alternative}" if self.alternative else "")


def check_drift(agreement: Agreement, library: Library, *, answers: Answers | None = None) -> list[Finding]:
    """Return a finding for each article whose template has a newer version (MOU301) or is not in the
    library (MOU302); with ``answers``, each finding lists the clauses the newer version words differently."""
    out: list[Finding] = []
    fresh: dict[str, Article] | None = None
    for a, article in enumerate(agreement.articles):
        source = Source.parse(article.source) if article.source else None
        if source is None:
            continue
        latest = library.latest(source.template)
        if latest is None:
            out.append(finding("MOU302", f"article {article.id!r} came from {source}, which is not in the library",
                               path=f"articles[{a}]", node=article.id,
                               hint="add the library that holds it (MOU_LIBRARY_PATH)"))
            continue
        if version_key(latest.version) <= version_key(source.version):
            continue
        notes = [f"{c.version}: {text_in(c.note, agreement.main_language, main=None, fallback='any')}"
                 for c in latest.changelog if version_key(c.version) > version_key(source.version)]
        if answers is not None and fresh is None:
            fresh = _fresh(answers, library)
        changes = _changes(article, fresh.get(article.id), agreement.main_language) if fresh else []
        out.append(finding("MOU301", f"article {article.id!r} came from {source}; version {latest.version} is "
                           "available", path=f"articles[{a}]", node=article.id,
                           hint=f"review it, then take the new version into {article.id} from the library",
                           details=tuple(notes + changes)))
    return out


def _fresh(answers: Answers, library: Library) -> dict[str, Article]:
    try:
        return {a.id: a for a in assemble(answers, library).articles}
    except (TemplateError, ValidationFailed):  # the answers no longer fit: no preview then
        return {}


def _changes(old: Article, new: Article | None, lang: str) -> list[str]:
    if new is None:
        return []
    out: list[str] = []
    before = {c.id: c for c in old.clauses}
    after = {c.id: c for c in new.clauses}
    for clause_id, clause in after.items():
        if clause_id not in before:
            out.append(f"clause {clause_id!r} is added")
            continue
        was = text_in(before[clause_id].text, lang, main=lang) or ""
        now = text_in(clause.text, lang, main=lang) or ""
        if was != now or before[clause_id].points != clause.points:
            out.append(f"clause {clause_id!r} is re-worded: {_word_diff(was, now)}")
    out.extend(f"clause {clause_id!r} is removed" for clause_id in before if clause_id not in after)
    return out


def _word_diff(old: str, new: str) -> str:
    a, b = old.split(), new.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        removed, added = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        parts.append(f"[-{removed}-]{{+{added}+}}" if removed and added else
                     f"[-{removed}-]" if removed else f"{{+{added}+}}")
    return "; ".join(parts) or "points changed"


def update_article(agreement: Agreement, node: str, library: Library, answers: Answers) -> Agreement:
    """Return ``agreement`` with the article holding ``node`` made again from the newest version of its
    template, using ``answers`` for its values; every other article is left as it is.

    :raises TemplateError: the node is not in an article made from a template, or the answers do not make it.
    :raises ValidationFailed: the answers no longer fit the newer template (every problem at once).
    """
    article = _article_of(agreement, node)
    if article.source is None:
        raise TemplateError(f"article {article.id!r} was not made from a library template (it has no 'source')",
                            code="template-unknown")
    fresh = {a.id: a for a in assemble(answers, library).articles}
    if article.id not in fresh:
        raise TemplateError(f"the answers make no article {article.id!r}: add it to the answers' articles",
                            code="template-unknown")
    articles = [fresh[a.id] if a.id == article.id else a for a in agreement.articles]
    return agreement.model_copy(update={"articles": articles})


def _article_of(agreement: Agreement, node: str) -> Article:
    for found in iter_body(agreement):
        if found.id == node and found.kind != "recital":
            return agreement.articles[found.positions[0]]
    raise TemplateError(f"no article, clause or point {node!r} in agreement {agreement.id!r}",
                        code="template-unknown")

