"""What typesetting hands to finishing: the PDF bytes and the place where each signatory signs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SignatureSpot:
    """Where one signatory signs: page (1-based) and box in points from the page's top left."""

    party: str
    page: int
    x: float
    y: float
    width: float
    height: float



@dataclass(frozen=True, slots=True)
class Laid:
    """A typeset document before finishing: the PDF bytes and where each signatory signs."""

    pdf: bytes
    spots: list[SignatureSpot]
