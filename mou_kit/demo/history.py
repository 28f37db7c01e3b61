"""The negotiation history of the bundled TPPO Kalbar example, rebuilt as revisions, proposals and meetings.

The agreed text is the example folder; the earlier drafts are derived from it by small,
realistic edits (a scope point missing, data exchange worded more narrowly), so that the
history ends exactly at the text in the folder. The first meeting follows the public report
of 18 July 2023; the second meeting is illustrative and says so in its record.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import load
from ..model import Attendee, Decision, Meeting
from ..workspace.merge import set_at
from ..workspace.proposals import merge_branch, propose, switch
from ..workspace.revision import Revision
from ..workspace.workspace import Workspace, agreement_data, agreement_from

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
PLACE = "Ruang Rapat Biro Operasi Polda Kalbar, Pontianak"
SCOPE = ("articles", "ruang-lingkup", "clauses", "ruang-lingkup-meliputi", "points")
DATA = ("articles", "pertukaran-data", "clauses")


@dataclass(slots=True)
class DemoHistory:
    """What :func:`build_example_history` made: the folder and the named revisions in order."""

    path: Path
    revisions: dict[str, Revision] = field(default_factory=dict)
    meetings: list[str] = field(default_factory=list)


def _at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2023, 7, day, hour, 0, tzinfo=WIB)


def _text(id_text: str, en_text: str) -> dict[str, str]:
    return {"id": id_text, "en": en_text}


def _first_draft(final: dict[str, Any]) -> dict[str, Any]:
    """Return Polda Kalbar's first draft: narrower scope and data exchange than the agreed text."""
    d = set_at(final, (*SCOPE, "lingkup-sdm"), None)
    d = set_at(d, (*SCOPE, "lingkup-pencegahan", "text"),
               _text("pencegahan penempatan ilegal;", "the prevention of illegal placement;"))
    d = set_at(d, (*SCOPE, "lingkup-sarana-prasarana", "text"),
               _text("pemanfaatan sarana dan prasarana; dan", "the use of facilities and infrastructure; and"))
    d = set_at(d, (*SCOPE, "lingkup-lainnya", "text"),
               _text("kegiatan lain yang disepakati oleh PARA PIHAK.", "other activities agreed by the PARTIES."))
    d = set_at(d, (*DATA, "data-pelindungan", "text"), _text(
        "PARA PIHAK wajib menjaga kerahasiaan data dan informasi yang dipertukarkan.",
        "The PARTIES shall keep the data and information exchanged confidential."))
    mechanism = (*DATA, "data-mekanisme", "points")
    d = set_at(d, (*mechanism, "data-elektronik"), None)
    d = set_at(d, (*mechanism, "data-surat", "text"), _text(
        "surat resmi antarpimpinan PARA PIHAK; dan", "official letters between the heads of the PARTIES; and"))
    out: dict[str, Any] = set_at(d, (*mechanism, "data-rapat", "text"),
                                 _text("rapat koordinasi berkala.", "regular coordination meetings."))
    return out


def _take(draft: dict[str, Any], final: dict[str, Any], *paths: tuple[str, ...]) -> dict[str, Any]:
    """Return ``draft`` with the nodes at ``paths`` as they are in ``final`` (order from ``final``)."""
    from ..workspace.proposals import _sibling_ids

    for path in paths:
        value: Any = final
        for step in path:
            value = value[step] if isinstance(value, dict) else next(v for v in value if v["id"] == step)
        draft = set_at(draft, path, value, order_hint=_sibling_ids(final, path[:-1]))
    return draft


def _meetings() -> tuple[Meeting, Meeting]:
    chair = Attendee(name="Kompol Abdul Rachman", institution="Biro Operasi Polda Kalbar",
                     role="Kabag Kerja Sama Biro Operasi Polda Kalbar", party="polda-kalbar")
    people = [
        Attendee(name="Harniati", institution="Kanwil Kemenkumham Kalbar", role="Plh Kakanwil",
                 party="kanwil-kemenkumham-kalbar"),
        Attendee(name="Muhammad Nur Mansyur", institution="Kanwil Kemenkumham Kalbar",
                 role="Kasubid Penindakan Keimigrasian", party="kanwil-kemenkumham-kalbar"),
        Attendee(name="Ary Widya Anitasari", institution="Kanwil Kemenkumham Kalbar",
                 role="Analis Hukum Ahli Madya", party="kanwil-kemenkumham-kalbar"),
        Attendee(name="Intan Hernia", institution="BP3MI Kalbar", role="Perwakilan BP3MI Kalbar",
                 party="bp3mi-kalbar"),
        Attendee(name="Ahmad Siddiq", institution="Polda Kalbar", role="Perwakilan Polda Kalbar",
                 party="polda-kalbar"),
        Attendee(name="Adi Heriadi", institution="Kantor Imigrasi Kelas I TPI Pontianak",
                 role="Perwakilan Kantor Imigrasi"),
    ]
    first = Meeting(
        id="rapat-2023-07-18", title="Rapat pembahasan Nota Kesepahaman pencegahan dan penegakan hukum TPPO",
        date=dt.date(2023, 7, 18), place=PLACE, chair=chair, attendees=people,
        agenda=["Pembukaan oleh Kabag Kerja Sama Biro Operasi Polda Kalbar",
                "Pembahasan rancangan Nota Kesepahaman dan usulan BP3MI Kalbar serta Kanwil Kemenkumham Kalbar"],
        decisions=[
            Decision(text="Usulan BP3MI Kalbar: pencegahan penempatan ilegal disertai pelindungan Pekerja Migran "
                          "Indonesia, dan pelindungan data pribadi PMI yang dipertukarkan, diterima.",
                     node="lingkup-pencegahan", result="agreed"),
            Decision(text="Usulan Kanwil Kemenkumham Kalbar: peningkatan kapasitas sumber daya manusia dan "
                          "pertukaran data melalui sarana elektronik, diterima.", node="lingkup-sdm",
                     result="agreed"),
            Decision(text="Rumusan kegiatan lain yang disepakati dibahas lagi pada rapat berikutnya.",
                     node="lingkup-lainnya", result="pending"),
        ],
        outcome="Kesepakatan untuk bekerja sama erat dalam pencegahan dan penegakan hukum TPPO "
                "dalam rangka pelindungan Pekerja Migran Indonesia.")
    second = Meeting(
        id="rapat-2023-07-25", title="Rapat finalisasi naskah (ilustratif)", date=dt.date(2023, 7, 25),
        place=PLACE, chair=chair, attendees=[people[0], people[3], people[4]],
        agenda=["Finalisasi naskah Nota Kesepahaman"],
        decisions=[Decision(text="Kegiatan lain yang disepakati dilaksanakan sesuai dengan ketentuan peraturan "
                                 "perundang-undangan.", node="lingkup-lainnya", result="reformulated")],
        outcome="Naskah disepakati untuk diparaf. Catatan: rapat ini ilustratif, disusun untuk contoh riwayat; "
                "tidak ada sumber publik tentang rapat kedua.")
    return first, second


def build_example_history(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> DemoHistory:
    """Return the history built at ``target`` (a new folder) for the example agreement in ``source``.

    Revisions: Polda Kalbar's first draft; BP3MI Kalbar's and Kanwil Kemenkumham Kalbar's
    counter-proposals on ``proposal/<party>`` branches; both merged into ``main``; the meeting
    of 18 July 2023 (tag ``meeting/rapat-2023-07-18``); the agreed draft with an illustrative
    second meeting (tag ``meeting/rapat-2023-07-25``), which equals the text in ``source``.

    :raises ValidationFailed: the source is not a valid agreement.
    :raises WorkspaceError: ``target`` is not a new or empty folder.
    """
    final_agreement = load(source)
    final = agreement_data(final_agreement)
    first = _first_draft(final)
    out = DemoHistory(Path(target))
    ws = Workspace.init(target, agreement_from(first), proposed_by="polda-kalbar", stage="draft", when=_at(10, 10),
                        message="Rancangan awal Nota Kesepahaman TPPO (usulan Polda Kalbar)")
    with ws:
        out.revisions["first-draft"] = ws.resolve("HEAD")
        propose(ws, "bp3mi-kalbar")
        bp3mi = _take(first, final, (*SCOPE, "lingkup-pencegahan"), (*DATA, "data-pelindungan"))
        out.revisions["bp3mi"] = ws.commit(
            agreement_from(bp3mi), "Usulan BP3MI: pelindungan PMI dan data pribadi PMI",
            proposed_by="bp3mi-kalbar", stage="negotiation", when=_at(13, 14), base=out.revisions["first-draft"].id)
        switch(ws, "main")
        propose(ws, "kanwil-kemenkumham-kalbar")
        mechanism = (*DATA, "data-mekanisme", "points")
        kanwil = _take(first, final, (*SCOPE, "lingkup-sarana-prasarana"), (*SCOPE, "lingkup-sdm"),
                       (*mechanism, "data-surat"), (*mechanism, "data-rapat"), (*mechanism, "data-elektronik"))
        out.revisions["kanwil"] = ws.commit(
            agreement_from(kanwil), "Usulan Kanwil: peningkatan kapasitas SDM dan sarana elektronik",
            proposed_by="kanwil-kemenkumham-kalbar", stage="negotiation", when=_at(14, 11),
            base=out.revisions["first-draft"].id)
        switch(ws, "main")
        merge_branch(ws, "proposal/bp3mi-kalbar", when=_at(18, 9))
        merged = merge_branch(ws, "proposal/kanwil-kemenkumham-kalbar", when=_at(18, 9),
                              message="Rancangan gabungan usulan BP3MI dan Kanwil untuk rapat 18 Juli 2023")
        assert merged.revision is not None and not merged.conflicts
        out.revisions["merged"] = merged.revision
        meeting_1, meeting_2 = _meetings()
        out.revisions["meeting-1"] = ws.add_meeting(meeting_1, stage="negotiation", when=_at(18, 16))
        out.revisions["agreed"] = ws.add_meeting(meeting_2, agreement=final_agreement, stage="agreed",
                                                 when=_at(25, 15))
        out.meetings = [meeting_1.id, meeting_2.id]
    return out
