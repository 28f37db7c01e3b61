"""An agreement's files given as ``{relative path: bytes}`` (an upload, a database row) rather than a folder."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import Problem, ValidationFailed
from ._limits import MAX_YAML_BYTES
from .folder import _TOO_LARGE, AGREEMENT_FILE, ARTICLES_DIR, MEETINGS_DIR


def agreement_files(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the agreement and meeting files of ``files``, as :func:`~mou_kit.files.folder.read_folder` would.

    Other paths are left out; a file over the size limit becomes the marker parsing reports
    (``file-too-large``), so it is never parsed.

    :raises ValidationFailed: a key is not a path or a value not bytes (``file-unreadable``).
    """
    out: dict[str, bytes] = {}
    for rel, data in files.items():
        if not isinstance(rel, str) or not isinstance(data, bytes | bytearray):
            raise ValidationFailed([Problem("file-unreadable", f"expected relative path -> bytes, not {rel!r} -> "
                                            f"{type(data).__name__}", file=str(rel))])
        folder, _, name = rel.rpartition("/")
        if rel == AGREEMENT_FILE or (folder in (ARTICLES_DIR, MEETINGS_DIR) and name):
            out[rel] = _TOO_LARGE + str(len(data)).encode() if len(data) > MAX_YAML_BYTES else bytes(data)
    return out
