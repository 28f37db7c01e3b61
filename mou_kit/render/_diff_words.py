"""The words every diff report uses, in Indonesian and English: kinds of change, headings, notes."""

from __future__ import annotations

from ..diff import AgreementDiff, Change, ChangeKind, RevisionInfo

_KIND = {
    "id": {
        ChangeKind.ADDED: "ditambahkan", ChangeKind.REMOVED: "dihapus", ChangeKind.REWORDED: "diubah",
        ChangeKind.MOVED: "dipindahkan", ChangeKind.RENUMBERED: "nomor berubah",
        ChangeKind.VARIABLE_CHANGED: "nilai variabel berubah", ChangeKind.PARTY_CHANGED: "data pihak berubah",
        ChangeKind.SIGNATORY_CHANGED: "penanda tangan berubah", ChangeKind.DATE_CHANGED: "tanggal/tempat berubah",
        ChangeKind.TERM_CHANGED: "jangka waktu berubah", ChangeKind.TITLE_CHANGED: "judul berubah",
    },
    "en": {
        ChangeKind.ADDED: "added", ChangeKind.REMOVED: "removed", ChangeKind.REWORDED: "reworded",
        ChangeKind.MOVED: "moved", ChangeKind.RENUMBERED: "renumbered",
        ChangeKind.VARIABLE_CHANGED: "variable value changed", ChangeKind.PARTY_CHANGED: "party changed",
        ChangeKind.SIGNATORY_CHANGED: "signatory changed", ChangeKind.DATE_CHANGED: "date/place changed",
        ChangeKind.TERM_CHANGED: "term changed", ChangeKind.TITLE_CHANGED: "title changed",
    },
}

WORDS = {
    "id": {
        "title": "Perbandingan Rumusan", "changes": "perubahan", "renumbered": "penomoran bergeser",
        "warning": "peringatan", "was": "semula", "from": "dari", "to": "ke", "none": "Tidak ada perubahan.",
        "inline": "Sebaris", "side": "Berdampingan", "old": "Rumusan Semula", "new": "Usulan Perubahan",
        "variable": "variabel", "term": "jangka waktu", "title_node": "judul", "date": "tanggal",
        "place": "tempat", "confidence": "kecocokan", "also_reworded": "dan rumusannya diubah",
        "matrix": "Matriks Perubahan", "list": "Daftar perubahan", "deleted": "(dihapus)",
        "proposed_by": "Pengusul", "meeting": "rapat", "revision": "revisi", "decision": "Hasil rapat",
    },
    "en": {
        "title": "Comparison of Drafts", "changes": "changes", "renumbered": "renumbered only",
        "warning": "warning", "was": "was", "from": "from", "to": "to", "none": "No changes.",
        "inline": "Inline", "side": "Side by side", "old": "Original Wording", "new": "Proposed Change",
        "variable": "variable", "term": "term", "title_node": "title", "date": "date",
        "place": "place", "confidence": "match", "also_reworded": "and reworded",
        "matrix": "Comparison Matrix", "list": "List of changes", "deleted": "(deleted)",
        "proposed_by": "Proposed by", "meeting": "meeting", "revision": "revision", "decision": "Decision",
    },
}

MATRIX_HEADINGS = {
    "id": ("No", "Pasal/Ayat", "Rumusan Semula", "Usulan Perubahan", "Pengusul", "Alasan/Keterangan",
           "Hasil Pembahasan"),
    "en": ("No", "Article/Clause", "Original Wording", "Proposed Change", "Proposed by", "Reason/Remarks",
           "Outcome of Discussion"),
}

RESULTS = {
    "id": {"agreed": "Disepakati", "agreed-with-changes": "Disepakati dengan perubahan",
           "not-agreed": "Tidak disepakati", "pending": "Pending", "deleted": "Dihapus",
           "reformulated": "Dirumuskan kembali"},
    "en": {"agreed": "Agreed", "agreed-with-changes": "Agreed with changes", "not-agreed": "Not agreed",
           "pending": "Pending", "deleted": "Deleted", "reformulated": "Reformulated"},
}
"""What a meeting decided about a node, as the matrix, the HTML report and the DIM say it."""


FIELDS = {
    "id": {"name": "nama", "short_name": "nama singkat", "number": "nomor", "address": "kedudukan",
           "represented_by": "mewakili", "logo": "logo", "signatory": "penanda tangan",
           "signatory.name": "nama penanda tangan", "signatory.position": "jabatan penanda tangan",
           "signatory.rank": "pangkat penanda tangan", "signatory.id_label": "jenis nomor induk",
           "signatory.id_number": "nomor induk", "effective_date": "tanggal berlaku",
           "duration_years": "lama (tahun)", "duration_months": "lama (bulan)", "end_date": "tanggal berakhir",
           "renewal": "perpanjangan", "notice_days": "pemberitahuan (hari)",
           "evaluation_months": "evaluasi (bulan)"},
    "en": {"name": "name", "short_name": "short name", "number": "number", "address": "seat",
           "represented_by": "represented by", "logo": "logo", "signatory": "signatory",
           "signatory.name": "signatory's name", "signatory.position": "signatory's position",
           "signatory.rank": "signatory's rank", "signatory.id_label": "registration kind",
           "signatory.id_number": "registration number", "effective_date": "effective date",
           "duration_years": "duration (years)", "duration_months": "duration (months)", "end_date": "end date",
           "renewal": "renewal", "notice_days": "notice (days)", "evaluation_months": "evaluation (months)"},
}


def field_label(name: str | None, lang: str) -> str:
    """Return how a reader calls a changed field ("nama penanda tangan"), or the field name itself."""
    if name is None:
        return ""
    return FIELDS.get(lang, FIELDS["en"]).get(name, name)


def words(lang: str) -> dict[str, str]:
    """Return the report words in ``lang`` (English for a language without its own)."""
    return WORDS.get(lang, WORDS["en"])


def kind_label(kind: ChangeKind, lang: str) -> str:
    """Return what a reader calls this kind of change in ``lang``."""
    return _KIND.get(lang, _KIND["en"])[kind]


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
