"""What a signature shows on the page: who signed, the document's date of signing, and the real time.

The appearance names the date of signing the document itself states (its opening, recorded as
``/MouSigningDate`` from the lifecycle), so the stamp and the text agree. The time the signature
was made is never moved: it is the machine's clock, in the CMS ``signingTime``, and the stamp
prints that same time (pyHanko's ``%(ts)s``) whenever it falls on another day (ADR 0067).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import SigningError
from ..model.words import long_date

SIGNING_DATE_KEY = "/MouSigningDate"
"""The metadata entry of a rendered PDF naming the date of signing its opening states."""

_LABELS = {
    "id": ("Ditandatangani secara elektronik oleh", "Tanggal penandatanganan", "Waktu tanda tangan elektronik"),
    "en": ("Signed electronically by", "Date of signing", "Time of the electronic signature"),
}
_SLACK = dt.timedelta(days=1)
"""How far the date of signing may lie after the machine's date: the signer's day may have begun
east of the machine's time zone (Indonesia is UTC+7 to +9)."""


def stated_facts(reader: Any) -> tuple[dt.date | None, list[str]]:
    """Return the date of signing and the languages a rendered PDF states in its metadata.

    The date is ``None`` when the PDF states none (an opening with dots); the languages come from
    ``/MouRender`` (``["id"]`` when it is absent or names none this module knows).
    """
    from ..render.pdf import parse_render_options

    try:
        ref = reader.trailer_view.get("/Info")  # an indirect reference: dereferenced here
        info = ref.get_object() if ref is not None else {}
        raw = str(info[SIGNING_DATE_KEY]) if SIGNING_DATE_KEY in info else None
        render = str(info["/MouRender"]) if "/MouRender" in info else ""
    except Exception:  # untrusted bytes: a damaged /Info states nothing
        return None, ["id"]
    langs = [x for x in parse_render_options(render).get("lang", "").split("+") if x in _LABELS] or ["id"]
    try:
        return (dt.date.fromisoformat(raw) if raw else None), langs
    except ValueError:
        return None, langs


def signing_date(given: dt.date | None, stated: dt.date | None, today: dt.date, *, shown: str) -> dt.date:
    """Return the date of signing a signature shows: ``given``, else the one the PDF states, else ``today``.

    :raises SigningError: ``given`` differs from the date the PDF states, or the date lies after
        today (code ``signing-failed``): the stamp must not contradict the text or the clock.
    """
    if given is not None and not isinstance(given, dt.date):
        raise SigningError(f"the date of signing must be a datetime.date, not {type(given).__name__}",
                           code="signing-failed")
    if given is not None and stated is not None and given != stated:
        raise SigningError(f"{shown}: its opening states the date of signing {stated.isoformat()}, not "
                           f"{given.isoformat()}; sign with that date, or record the new date of signing and "
                           "render the PDF again", code="signing-failed", file=shown)
    day = given or stated or today
    if day > today + _SLACK:
        raise SigningError(f"{shown}: the date of signing {day.isoformat()} is after today ({today.isoformat()}); "
                           "a signature cannot be made before its date: sign on that day, or record another "
                           "date of signing and render the PDF again", code="signing-failed", file=shown)
    return day


def stamp_text(day: dt.date, today: dt.date, langs: list[str]) -> str:
    """Return pyHanko's template of the stamp: the signer, ``day`` in words and, when ``day`` is not
    ``today``, the real time of the signature (``%(ts)s``, the CMS signing time)."""
    def label(i: int) -> str:
        return " / ".join(_LABELS[lang][i] for lang in langs)

    dates = " / ".join(long_date(day, lang) for lang in langs)
    lines = [f"{label(0)}:", "%(signer)s", f"{label(1)}:", dates]
    if day != today:
        lines += [f"{label(2)}:", "%(ts)s"]
    return "\n".join(line.replace("%", "%%") if "%(" not in line else line for line in lines)


def stamp_style(day: dt.date, today: dt.date, langs: list[str]) -> Any:
    """Return the pyHanko stamp style of a signature dated ``day`` (see :func:`stamp_text`)."""
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    return TextStampStyle(stamp_text=stamp_text(day, today, langs), border_width=1,
                          text_box_style=TextBoxStyle(font_size=7, leading=9),
                          timestamp_format="%Y-%m-%d %H:%M:%S %Z")


def local_now() -> dt.datetime:
    """Return the machine's time in its own zone, as pyHanko takes it for the signing time."""
    return dt.datetime.now().astimezone()
