"""The one place that checks pyHanko is installed (the ``sign`` extra)."""

from __future__ import annotations

from ..errors import RenderError


def require_pyhanko() -> None:
    """Return nothing when pyHanko can be imported.

    :raises RenderError: the ``sign`` extra is not installed (code ``signing-unavailable``).
    """
    try:
        import pyhanko  # noqa: F401
        import pyhanko_certvalidator  # noqa: F401
    except ImportError as e:
        raise RenderError("signing and verifying need pyHanko: install the 'sign' extra "
                          "(pip install 'mou-kit[sign]')", code="signing-unavailable") from e
