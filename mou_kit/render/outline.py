"""What a rendered agreement says, block by block, in one language, before any format is chosen.

Every renderer (terminal text, Markdown, DOCX, PDF) lays out the same outline, so the words
and numbers of every format agree. Runs carry emphasis and cross-reference targets, never markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Agreement, Point, number
from ..model.locale import Locale, locale_for
from ..model.numbering import Numbering
from ..model.printed import PrintedText
from ..model.words import opening_sentence, with_words


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one emphasis; ``ref`` is the id a cross-reference points at."""

    text: str
    bold: bool = False
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """The centred title: kind, parties joined by ANTARA/DENGAN/DAN, NOMOR lines, TENTANG, subject."""

    lines: list[str]
    numbers: list[str]
    about: str
    subject: str


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of running text; ``label`` is its number ("1.", "a.") if it has one."""

    role: str
    runs: list[Run]
    label: str = ""
    node: str | None = None


@dataclass(frozen=True, slots=True)
class PointBlock:
    """A point (huruf, angka) with its label, depth (1 = huruf) and sub-points."""

    node: str
    label: str
    depth: int
    runs: list[Run]
    points: list[PointBlock] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClauseBlock:
    """A clause (ayat) with its label, empty when it is its article's only clause."""

    node: str
    label: str
    runs: list[Run]
    points: list[PointBlock] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleBlock:
    """An article: "Pasal 3" and its heading, then its clauses."""

    node: str
    label: str
    heading: str
    clauses: list[ClauseBlock]


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """What is printed where one party signs."""

    party: str
    label: str
    institution: str
    position: str
    name: str
    rank_line: str
    on_behalf: str = ""
    """"For and on behalf of ..." when the position does not already name the institution."""
    above: tuple[str, ...] = ()
    """The agreement's own block (``closing.signature_lines``): the lines above the signing space ..."""
    below: tuple[str, ...] = ()
    """... and below it. Both empty: the form's block (label, position, space, name, rank)."""

    @property
    def custom(self) -> bool:
        """Whether the block is the agreement's own lines rather than the form's."""
        return bool(self.above or self.below)


@dataclass(frozen=True, slots=True)
class AnnexBlock:
    """An annex heading and its inline text, if any."""

    node: str
    label: str
    title: str
    runs: list[Run]
    file: str | None


@dataclass(frozen=True, slots=True)
class Outline:
    """The whole agreement in one language, in reading order."""

    lang: str
    locale: Locale
    title: TitleBlock
    opening: Para
    parties: list[Para]
    together: Para
    recitals_intro: Para | None
    recitals: list[Para]
    formula: Para
    articles: list[ArticleBlock]
    closing: Para
    signatures: list[SignatureBlock]
    annexes: list[AnnexBlock]
    meterai: bool
    stamp: bool


_MARK = re.compile(r"\x01(.*?)\x02", re.S)


def _bold(text: str) -> str:
    return f"\x01{text}\x02"


def _runs(marked: str) -> list[Run]:
    """Return ``marked`` split into runs, text between \\x01 and \\x02 bold."""
    out: list[Run] = []
    pos = 0
    for m in _MARK.finditer(marked):
        if m.start() > pos:
            out.append(Run(marked[pos:m.start()]))
        out.append(Run(m.group(1), bold=True))
        pos = m.end()
    if pos < len(marked):
        out.append(Run(marked[pos:]))
    return out


def _fill(line: str, fields: dict[str, str]) -> str:
    """Return a signature line with its ``{field}``s filled in (a value is never read as a field)."""
    return re.sub(r"\{([A-Za-z_]+)\}", lambda m: fields.get(m.group(1), m.group(0)), line)


def _join_labels(labels: list[str], loc: Locale) -> str:
    if len(labels) <= 2:
        return f" {loc.list_and} ".join(labels)
    return ", ".join(labels[:-1]) + f", {loc.list_and} " + labels[-1]


def outline(agreement: Agreement, lang: str, *, numbering: Numbering | None = None) -> Outline:
    """Return the outline of ``agreement`` in ``lang``.

    A text missing in ``lang`` falls back to the main language, so a half-translated draft
    still renders; the linter reports the gap.

    :raises MouKitError: ``lang`` has no form defined (code ``unknown-language``).
    :raises TemplateError: a text cannot be rendered (undefined variable, dangling reference).
    """
    loc = locale_for(lang)
    numbering = numbering or number(agreement)
    printed = PrintedText(agreement, lang, numbering=numbering)

    def text(value: str | dict[str, str] | None, node: str | None = None) -> str:
        return printed.render(value, context=node)

    def runs(value: str | dict[str, str] | None, node: str | None = None) -> list[Run]:
        renderer = printed.renderer(value)
        chosen = renderer.pick(value)
        if chosen is None:
            return []
        return [Run(s.text, ref=s.ref) for s in renderer.segments(chosen, context=node)]

    first = agreement.style.first_party_label
    labels = [loc.label(i, first=first) for i in range(len(agreement.parties))]
    kind = loc.kinds[agreement.kind]
    all_parties, one_party = loc.all_parties, loc.one_party

    names = [text(p.name).upper() for p in agreement.parties]
    title_lines = [kind["title"], loc.title["between"], names[0]]
    for i, name in enumerate(names[1:], 1):
        title_lines += [loc.title["with"] if i == 1 else loc.title["and"], name]
    numbers = [f"{loc.title['number']}: {p.number}" for p in agreement.parties if p.number]
    title = TitleBlock(title_lines, numbers, loc.title["about"], text(agreement.title).upper())

    place = text(agreement.place) if agreement.place else "........"
    opening = Para("opening", [Run(opening_sentence(agreement.date, place, lang, kind=agreement.kind,
                                                    digits=agreement.style.date_digits))])

    parties: list[Para] = []
    count = len(agreement.parties)
    for i, party in enumerate(agreement.parties):
        sig = party.signatory
        rank_bits = []
        if sig and sig.rank:
            rank_bits.append(text(sig.rank))
        if sig and sig.id_label and sig.id_number:
            rank_bits.append(f"{sig.id_label} {sig.id_number}")
        rank_and_number = (" ".join(rank_bits) + ", ") if rank_bits else ""
        marked = loc.phrase(
            "party_identity",
            name=_bold(sig.name if sig else "........"),
            rank_and_number=rank_and_number,
            position=text(sig.position) if sig else "........",
            institution=text(party.name),
            address=loc.phrase("party_address", address=text(party.address)) if party.address else "",
            label=_bold(labels[i]),
        )
        end = loc.phrases["list_last"] if i == count - 1 else (
            loc.phrases["list_penultimate"] if i == count - 2 else loc.phrases["list_separator"])
        parties.append(Para("party", _runs(marked + end), label=f"{i + 1}.", node=party.id))

    together = Para("together", _runs(loc.phrase(
        "parties_together", labels=_join_labels([_bold(x) for x in labels], loc),
        all=_bold(all_parties), one=_bold(one_party))))
    recitals = [Para("recital", runs(r.text, r.id), label=numbering.label(r.id, lang), node=r.id)
                for r in agreement.recitals]
    recitals_intro = Para("recitals-intro", _runs(loc.phrase("recitals_intro", all=_bold(all_parties)))) \
        if recitals else None
    formula = Para("formula", _runs(loc.phrase(
        "agreement_formula", all=_bold(all_parties), kind=kind["running"], title=text(agreement.title))))

    def point_blocks(points: list[Point], depth: int) -> list[PointBlock]:
        return [PointBlock(p.id, numbering.label(p.id, lang), depth, runs(p.text, p.id),
                           point_blocks(p.points, depth + 1)) for p in points]

    articles = [
        ArticleBlock(
            a.id, numbering.label(a.id, lang), text(a.heading, a.id).upper(),
            [ClauseBlock(c.id, numbering.label(c.id, lang), runs(c.text, c.id), point_blocks(c.points, 1))
             for c in a.clauses],
        )
        for a in agreement.articles
    ]
    copies = agreement.closing.copies or count
    closing = Para("closing", runs(agreement.closing.text)) if agreement.closing.text else Para("closing", _runs(
        loc.phrase("closing", kind=kind["running"], copies=with_words(copies, lang),
                   meterai=loc.phrases["closing_meterai"] if agreement.closing.meterai else "",
                   all=_bold(all_parties))))
    lines = [text(line) for line in agreement.closing.signature_lines]
    space = next((k for k, line in enumerate(lines) if "{name}" in line), len(lines))
    signatures = []
    for i, party in enumerate(agreement.parties):
        sig = party.signatory
        rank_line = " ".join(x for x in [
            text(sig.rank) if sig and sig.rank else "",
            f"{sig.id_label} {sig.id_number}" if sig and sig.id_label and sig.id_number else "",
        ] if x)
        institution, position = text(party.name), text(sig.position) if sig else ""
        on_behalf = "" if institution.lower() in position.lower() else \
            loc.phrase("signature_for", institution=institution)
        fields = {"party": institution, "PARTY": institution.upper(), "label": labels[i],
                  "name": sig.name if sig else "........", "position": position or "........"}
        own = [_fill(line, fields) for line in lines]
        signatures.append(SignatureBlock(
            party.id, labels[i], institution.upper(), position.upper(), sig.name if sig else "", rank_line,
            on_behalf, tuple(own[:space]), tuple(own[space:])))
    annexes = [AnnexBlock(a.id, loc.annex.format(n=i), text(a.title).upper(),
                          runs(a.text, a.id) if a.text else [], a.file)
               for i, a in enumerate(agreement.annexes, 1)]
    return Outline(lang, loc, title, opening, parties, together, recitals_intro, recitals, formula,
                   articles, closing, signatures, annexes, agreement.closing.meterai, agreement.closing.stamp)


def plain(runs: list[Run]) -> str:
    """Return the text of ``runs`` without emphasis."""
    return "".join(r.text for r in runs)
