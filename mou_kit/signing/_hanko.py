"""The one place that checks pyHanko is installed (the ``sign`` extra) and loads it quietly."""

from __future__ import annotations

import warnings

from ..errors import RenderError

# Third-party warnings that say nothing a mou_kit user can act on, each by exact message and the
# module that triggers it. cryptography 51 deprecates DSA (pyca/cryptography#15597) and pyHanko
# imports DSAPrivateKey when ``pyhanko.sign`` loads; mou_kit never signs or verifies with DSA.
_UPSTREAM_NOISE = (("DSA is deprecated", r"pyhanko\.sign\.signers\.pdf_cms\Z"),)


def require_pyhanko() -> None:
    """Return nothing when pyHanko can be imported, with its known import-time noise filtered.

    :raises RenderError: the ``sign`` extra is not installed (code ``signing-unavailable``).
    """
    try:
        import pyhanko  # noqa: F401
        import pyhanko_certvalidator  # noqa: F401
    except ImportError as e:
        raise RenderError("signing and verifying need pyHanko: install the 'sign' extra "
                          "(pip install 'mou-kit[sign]')", code="signing-unavailable") from e
    _quiet_upstream_noise()


def _quiet_upstream_noise() -> None:
    """Ignore only the listed warnings from only their modules; every other warning still shows."""
    from cryptography.utils import CryptographyDeprecationWarning

    for message, module in _UPSTREAM_NOISE:
        warnings.filterwarnings("ignore", message=message, category=CryptographyDeprecationWarning, module=module)
