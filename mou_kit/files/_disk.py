"""Writing an agreement folder to disk: canonical files replaced atomically, what is replaced backed up first."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import Problem, ValidationFailed
from ..model import Agreement
from ._entries import listing, read_plain
from ._limits import MAX_ARTICLES, MAX_YAML_BYTES
from .folder import AGREEMENT_FILE, ARTICLES_DIR, BACKUP_DIR, dump_agreement


def save(agreement: Agreement, path: str | os.PathLike[str]) -> list[str]:
    """Write ``agreement`` into the folder ``path`` and return the relative paths that changed.

    The agreement is validated first, so an invalid one writes nothing. Files are replaced
    atomically; comments in the existing files survive; an article file the agreement no
    longer has is removed. Every file overwritten or removed is first copied under
    ``.mou/backup/``, so nothing is lost that is not in git.

    :raises ValidationFailed: the agreement breaks a rule, or the folder cannot be written (``file-unreadable``).
    """
    root = Path(path)
    try:
        current = _current_files(root)
        new = dump_agreement(agreement, previous=current)
        stale = [rel for rel in current if rel.startswith(ARTICLES_DIR + "/") and rel not in new]
        changed = [rel for rel, data in new.items() if current.get(rel) != data]
        for rel in [*changed, *stale]:
            if rel in current and not rel.startswith(".mou/"):
                _write(root / BACKUP_DIR / rel, current[rel])
        for rel in changed:
            _write(root / rel, new[rel])
        for rel in stale:
            (root / rel).unlink()
        if changed or stale:
            _write(root / ".mou/.gitignore", b"backup/\n", only_if_missing=True)
        return sorted([*changed, *stale])
    except OSError as e:
        raise ValidationFailed([Problem("file-unreadable", f"cannot write the agreement folder ({e.strerror or e})",
                                        file=str(e.filename or root))]) from e


def write_files(root: str | os.PathLike[str], files: Mapping[str, bytes]) -> None:
    """Write ``files`` under ``root``, each atomically, creating folders as needed.

    :raises ValueError: a path would leave ``root``.
    """
    base = Path(root).resolve()
    for rel, data in files.items():
        target = (base / rel).resolve()
        if base != target and base not in target.parents:
            raise ValueError(f"path {rel!r} leaves the agreement folder")
        _write(target, data)


def _current_files(root: Path) -> dict[str, bytes]:
    if not (root / AGREEMENT_FILE).is_file():
        return {}
    out: dict[str, bytes] = {}
    for rel in [AGREEMENT_FILE, *listing(root, ARTICLES_DIR, MAX_ARTICLES), *_schema_files(root)]:
        data = read_plain(root / rel, MAX_YAML_BYTES)
        if isinstance(data, bytes):
            out[rel] = data
    return out


def _schema_files(root: Path) -> Iterable[str]:
    base = root / ".mou" / "schema"
    return [f".mou/schema/{p.name}" for p in base.iterdir()] if base.is_dir() else []


def _write(target: Path, data: bytes, *, only_if_missing: bool = False) -> None:
    if only_if_missing and target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
