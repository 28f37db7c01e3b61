"""Which facts about a rendered document sit beside the text: revision, fingerprint, draft mark, files.

The outline says what the agreement reads; this module says what the *document* (the rendered
manifestation) carries around it — the revision it was made from, the fingerprint of the
canonical content, the DRAFT watermark while the agreement is unsigned, the paraf and page
labels, and which files under the agreement folder (logos, house style) it uses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RenderError
from ..model import Agreement, LifecycleState
from ..model.identity import DocumentId
from ..model.locale import locale_for
from ..model.revision import Revision, RevisionInfo

if TYPE_CHECKING:
    from .outline import Outline

UNSIGNED = frozenset({LifecycleState.DRAFT, LifecycleState.NEGOTIATION})
"""States in which a document is still a draft and carries the watermark.

An agreed text is the one the parties sign, so from "agreed" on the copy is clean.
"""

WORKING = "working-folder"
"""The revision name of a document rendered from the working folder rather than a commit."""

RevisionLike = str | Revision | RevisionInfo
"""What the renderers take as the revision a document is made from: its name, or the model's revision."""

REFERENCE_DOCX = "assets/reference.docx"
"""Where an agreement folder keeps its house-style DOCX (fonts, margins), as pandoc's reference-doc."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a rendered document carries besides the text; build it with :func:`document_info`."""

    title: str
    subject: str
    parties: list[str]
    revision: RevisionInfo
    """The revision the document was made from (``WORKING`` for the working folder)."""
    fingerprint: str
    date: dt.date
    state: str
    watermark: str | None
    page: str
    initials: str
    logos: list[Path | None]
    revision_footer: bool = True
    signing_date: dt.date | None = None
    """The date of signing the opening states (the lifecycle's), or ``None`` while it has dots."""
    work: str = ""
    """The agreement's id (``""``: not known to whoever built the info)."""
    lang: str = ""
    """The document's first language (``""``: not known)."""

    @property
    def identity(self) -> DocumentId | None:
        """The document's name, ``/mou/<agreement>/<lang>@<revision>`` (``None`` when the agreement is not known)."""
        if not self.work:
            return None
        return DocumentId(self.work, self.lang or None, self.revision.id)

    @property
    def short(self) -> str:
        """The footer line naming the revision and the first 16 hex digits of the fingerprint, or ""
        on a signing copy (the fingerprint stays in the metadata, see :attr:`keywords`)."""
        return f"{self.revision.id} · sha256:{self.fingerprint[:16]}" if self.revision_footer else ""

    @property
    def keywords(self) -> str:
        """The keywords of the document's metadata: revision, fingerprint and state."""
        return f"revision={self.revision.id}; fingerprint=sha256:{self.fingerprint}; state={self.state}"


def fingerprint(agreement: Agreement) -> str:
    """Return the sha256 (hex) of the agreement's canonical content.

    The content is the agreement's data as JSON with sorted keys and no whitespace, so two
    agreements holding the same data have the same fingerprint, whatever their history or
    the layout of their files.
    """
    import json

    canonical = json.dumps(agreement.model_dump(mode="json"), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _logo(folder: Path | None, logo: str | None, party: str) -> Path | None:
    if logo is None:
        return None
    if folder is None:
        raise RenderError(f"party {party!r}: logo {logo!r} needs the agreement folder; pass folder=",
                          code="asset-missing")
    path = (folder / logo).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise RenderError(f"party {party!r}: logo {logo!r} lies outside the agreement folder; "
                          "put it under assets/", code="asset-missing")
    if not path.is_file():
        raise RenderError(f"party {party!r}: logo file {logo} not found in {folder}; "
                          "add it or remove 'logo' from agreement.yaml", code="asset-missing")
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg", ".svg", ".gif"):
        raise RenderError(f"party {party!r}: logo {logo} is not a PNG, JPEG, GIF or SVG image",
                          code="asset-missing")
    return path


def document_info(agreement: Agreement, lang: str, *, revision: RevisionLike | None = None,
                  folder: Path | None = None, today: dt.date | None = None, second: str | None = None,
                  revision_footer: bool | None = None) -> DocumentInfo:
    """Return the facts a document of ``agreement`` in ``lang`` carries besides its text.

    ``lang`` is the first language of the document ("id" for "id+en"), ``second`` the other one
    of a bilingual document (the paraf and page labels then read "Paraf / Initials"). ``revision``
    names the commit it was made from: its name, a :class:`~mou_kit.model.Revision` or a
    :class:`~mou_kit.model.RevisionInfo` (``None``: the working folder). The watermark reads e.g.
    "RANCANGAN · working-folder · 2026-11-28" while the agreement is not signed.
    ``revision_footer`` prints the revision and fingerprint at the foot of each page; by default
    only on drafts (draft, negotiation), not on the signing copy.

    :raises MouKitError: ``lang`` has no form defined (code ``unknown-language``).
    :raises RenderError: a logo named in agreement.yaml is missing (code ``asset-missing``).
    """
    from ..model import text_in

    loc = locale_for(lang)
    main = agreement.main_language

    def pick(value: str | dict[str, str]) -> str:
        return text_in(value, lang, main=main, fallback="main") or ""

    day = today or agreement.date or dt.date.today()
    rev = RevisionInfo.of(revision or WORKING)
    state = str(agreement.state)
    watermark = f"{loc.phrases['draft']} · {rev.id} · {day.isoformat()}" if agreement.state in UNSIGNED else None
    kind = loc.kinds[agreement.kind]["title"]
    page, initials = loc.phrases["page"], loc.phrases["initials"]
    if second is not None and second != lang:
        other = locale_for(second)
        page, initials = f"{page} / {other.phrases['page']}", f"{initials} / {other.phrases['initials']}"
    footer = agreement.state in UNSIGNED if revision_footer is None else revision_footer
    return DocumentInfo(
        title=f"{kind} {pick(agreement.title)}", subject=pick(agreement.title),
        parties=[pick(p.name) for p in agreement.parties], revision=rev, fingerprint=fingerprint(agreement),
        date=day, state=state, watermark=watermark, page=page, initials=initials,
        logos=[_logo(folder, p.logo, p.id) for p in agreement.parties], revision_footer=footer,
        signing_date=agreement.date,
        work=agreement.id, lang=lang,
    )


def languages(agreement: Agreement, spec: str | None) -> list[str]:
    """Return the languages a document is rendered in: ``"id"`` -> ["id"], ``"id+en"`` -> ["id", "en"].

    ``None`` means the agreement's main language.

    :raises MouKitError: a language has no form defined (code ``unknown-language``), or is named twice.
    """
    from ..errors import MouKitError

    langs = [x.strip() for x in (spec or agreement.main_language).split("+")]
    if len(langs) > 2 or len(set(langs)) != len(langs) or not all(langs):
        raise MouKitError(f"language {spec!r} must be one language such as 'id' or two joined by '+' "
                          "such as 'id+en'", code="unknown-language")
    for lang in langs:
        locale_for(lang)
    return langs


def layout_for(agreement: Agreement, langs: list[str], layout: str | None = None) -> str:
    """Return "single", "side-by-side" or "sequential": how the languages are laid out.

    :raises RenderError: ``layout`` is none of the bilingual layouts.
    """
    if len(langs) == 1:
        return "single"
    chosen = layout or agreement.style.bilingual_layout
    if chosen not in ("side-by-side", "sequential"):
        raise RenderError(f"layout {chosen!r} is not 'side-by-side' or 'sequential'", code="render-failed")
    return chosen


def prepare(agreement: Agreement, lang: str | None, *, revision: RevisionLike | None, folder: Path | None,
            layout: str | None = None, revision_footer: bool | None = None) -> tuple[list[Outline], DocumentInfo, str]:
    """Return the outlines (one per language), the document facts and the layout of a document.

    :raises MouKitError: unknown language.
    :raises RenderError: a logo is missing.
    :raises TemplateError: a text cannot be rendered.
    """
    from ..model import number
    from .outline import outline

    langs = languages(agreement, lang)
    numbering = number(agreement)
    docs = [outline(agreement, x, numbering=numbering) for x in langs]
    info = document_info(agreement, langs[0], revision=revision, folder=folder,
                         second=langs[1] if len(langs) > 1 else None, revision_footer=revision_footer)
    return docs, info, layout_for(agreement, langs, layout)
