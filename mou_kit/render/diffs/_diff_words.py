"""The words every diff report uses: kinds of change, headings, notes, read from ``locale/*.toml`` ``[report]``."""

from __future__ import annotations

from typing import Any

from ...diff import AgreementDiff, Change, ChangeKind, RevisionInfo
from ...errors import MouKitError
from ...model.locale import locale_for


def _report(lang: str) -> dict[str, Any]:
    try:
        return locale_for(lang).report
    except MouKitError:  # a report in a language without a form reads in English
        return locale_for("en").report


def results(lang: str) -> dict[str, str]:
    """Return what a meeting decided about a node, as the matrix, the HTML report and the DIM say it."""
    return dict(_report(lang)["results"])


def matrix_headings(lang: str) -> tuple[str, ...]:
    """Return the column headings of the comparison matrix in ``lang``."""
    return tuple(_report(lang)["matrix"])


def dim_words(lang: str) -> dict[str, str]:
    """Return the DIM's words in ``lang`` (English for a language without its own)."""
    return dict(_report(lang)["dim"])


def field_label(name: str | None, lang: str) -> str:
    """Return how a reader calls a changed field ("nama penanda tangan"), or the field name itself."""
    if name is None:
        return ""
    return str(_report(lang)["fields"].get(name, name))


def words(lang: str) -> dict[str, str]:
    """Return the report words in ``lang`` (English for a language without its own)."""
    return dict(_report(lang)["words"])


def kind_label(kind: ChangeKind, lang: str) -> str:
    """Return what a reader calls this kind of change in ``lang``."""
    return str(_report(lang)["kinds"][kind.value])


def where(change: Change, lang: str) -> str:
    """Return where the change is, as a reader says it: "Pasal 3 ayat (2)", "variabel jangka_waktu"."""
    w = words(lang)
    if change.node_type.value == "variable":
        return f"{w['variable']} {change.node}"
    if change.node_type.value == "term":
        return f"{w['term']}: {field_label(change.field, lang)}"
    if change.node_type.value == "title":
        return w["title_node"]
    if change.node_type.value == "date":
        return w["place"] if change.node == "place" else w["date"]
    base = change.ref
    if change.field and change.node_type.value == "party":
        base = f"{base} ({field_label(change.field, lang)})"
    return base


def describe(change: Change, lang: str) -> str:
    """Return a one-line note on the change: its kind, where it came from, and the match confidence."""
    w = words(lang)
    text = kind_label(change.kind, lang)
    if change.kind in (ChangeKind.MOVED, ChangeKind.RENUMBERED) and change.old_ref:
        text += f" ({w['from']} {change.old_ref})"
        if change.also_reworded:
            text += f" {w['also_reworded']}"
    elif change.kind == ChangeKind.REWORDED and change.old_ref and change.old_ref != change.new_ref:
        text += f" ({w['was']} {change.old_ref})"
    if change.confidence < 1.0:
        text += f"; {w['confidence']} {round(change.confidence * 100)}%"
    return text


def revision_line(agreement_id: str, info: RevisionInfo | None, diff: AgreementDiff) -> str:
    """Return one side of the diff as a reader names it: "tppo-kalbar @ rapat-2 (2023-07-18, BP3MI)"."""
    if info is None:
        return agreement_id
    bits = [b for b in (info.date.isoformat() if info.date else None,
                        diff.party_names.get(info.proposed_by or "", info.proposed_by)) if b]
    name = info.meeting or info.id
    return f"{agreement_id} @ {name}" + (f" ({', '.join(bits)})" if bits else "")


def proposer(diff: AgreementDiff, change: Change) -> str:
    """Return the names of the parties that proposed ``change`` ("BP3MI Kalbar, Kanwil ..."), or ""."""
    return ", ".join(diff.party_names.get(party, party) for party in diff.proposers_of(change))
