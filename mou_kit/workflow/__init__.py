"""The secretariat's workflow across layers: lifecycle moves as revisions, status, verifying, portfolio.

Sits above ``workspace/``, ``render/``, ``signing/`` and ``lint/``; the rules themselves live in
the pure ``lifecycle/`` package.
"""

from .portfolio import portfolio as portfolio, portfolio_html as portfolio_html
from .provenance import (
    Verification as Verification,
    verify_document as verify_document,
    verify_document_async as verify_document_async,
)
from .stages import advance_revision as advance_revision
from .status import Status as Status, agreement_status as agreement_status
