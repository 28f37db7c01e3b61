"""Which lifecycle states an agreement can be in (the transitions live in ``lifecycle/``)."""

from __future__ import annotations

from enum import StrEnum


class LifecycleState(StrEnum):
    """Where an agreement stands, from first draft to its end."""

    DRAFT = "draft"
    NEGOTIATION = "negotiation"
    AGREED = "agreed"
    SIGNED = "signed"
    IN_FORCE = "in-force"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    RENEWED = "renewed"
