"""The secretariat's workflow across layers: lifecycle moves as revisions, status, verifying, portfolio.

Sits above ``workspace/``, ``render/``, ``signing/`` and ``lint/``; the rules themselves live in
the pure ``lifecycle/`` package. Each name below is imported on first use: a command that only
reads a draft through ``workflow.sources`` must not pay for pyHanko, asyncio and the linter that
verifying and the portfolio need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_package

if TYPE_CHECKING:
    from .portfolio import portfolio as portfolio, portfolio_html as portfolio_html
    from .provenance import (
        Verification as Verification,
        verify_document as verify_document,
        verify_document_async as verify_document_async,
    )
    from .stages import advance_revision as advance_revision
    from .status import Status as Status, agreement_status as agreement_status

_HOMES = {
    "portfolio": ".portfolio", "portfolio_html": ".portfolio",
    "Verification": ".provenance", "verify_document": ".provenance", "verify_document_async": ".provenance",
    "advance_revision": ".stages",
    "Status": ".status", "agreement_status": ".status",
}
__all__ = sorted(_HOMES)
lazy_package(__name__, _HOMES)
