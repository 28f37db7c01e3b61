"""The secretariat's workflow across layers: lifecycle moves as revisions, status, verifying, portfolio.

Sits above ``workspace/``, ``render/``, ``signing/`` and ``lint/``; the rules themselves live in
the pure ``lifecycle/`` package. Each name below is imported on first use (PEP 562): a command
that only reads a draft through ``workflow.sources`` must not pay for pyHanko, asyncio and the
linter that verifying and the portfolio need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .portfolio import portfolio as portfolio, portfolio_html as portfolio_html
    from .provenance import (
        Verification as Verification,
        verify_document as verify_document,
        verify_document_async as verify_document_async,
    )
    from .stages import advance_revision as advance_revision
    from .status import Status as Status, agreement_status as agreement_status

_HOME = {
    "portfolio": ".portfolio", "portfolio_html": ".portfolio",
    "Verification": ".provenance", "verify_document": ".provenance", "verify_document_async": ".provenance",
    "advance_revision": ".stages",
    "Status": ".status", "agreement_status": ".status",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> object:
    """Import the public ``name`` on first use and keep it as a module attribute."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value
