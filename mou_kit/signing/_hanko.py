"""The one place that checks pyHanko is installed (the ``sign`` extra), loads it quietly, and runs its async
API from sync code."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from ..errors import SigningError

_T = TypeVar("_T")

# Third-party warnings that say nothing a mou_kit user can act on, each by exact message and the
# module that triggers it. cryptography 51 deprecates DSA (pyca/cryptography#15597) and pyHanko
# imports DSAPrivateKey when ``pyhanko.sign`` loads; mou_kit never signs or verifies with DSA.
_UPSTREAM_NOISE = (("DSA is deprecated", r"pyhanko\.sign\.signers\.pdf_cms\Z"),)


def require_pyhanko() -> None:
    """Return nothing when pyHanko can be imported, with its known import-time noise filtered.

    :raises SigningError: the ``sign`` extra is not installed (code ``signing-unavailable``).
    """
    try:
        import pyhanko  # noqa: F401
        import pyhanko_certvalidator  # noqa: F401
    except ImportError as e:
        raise SigningError("signing and verifying need pyHanko: install the 'sign' extra "
                           "(pip install 'mou-kit[sign]')", code="signing-unavailable") from e
    _quiet_upstream_noise()


def _quiet_upstream_noise() -> None:
    """Ignore only the listed warnings from only their modules; every other warning still shows."""
    from cryptography.utils import CryptographyDeprecationWarning

    for message, module in _UPSTREAM_NOISE:
        warnings.filterwarnings("ignore", message=message, category=CryptographyDeprecationWarning, module=module)


def run_sync(work: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
    """Return the result of the coroutine ``work()`` from sync code, also when called inside a running event loop.

    pyHanko's sync wrappers call ``asyncio.run``, which fails inside a running loop (a web
    handler); there the coroutine runs on a helper thread with its own loop instead.
    """
    import asyncio  # here: ~70 ms that importing mou_kit.signing must not cost a command that never signs

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work())
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mou-kit-sign") as pool:
        return pool.submit(lambda: asyncio.run(work())).result()
