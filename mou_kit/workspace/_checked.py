"""What a commit of the folder needs of the revision it builds on, so it parses only the files that changed.

After each commit it makes, mou stores the check's facts of that revision's articles
(:class:`~mou_kit.model.facts.PartFacts`, keyed by blob id) in ``.git/mou/checked.json``, under
the running code's key and the commit's id. The next ``mou commit`` on top of that commit
recognises unchanged files by blob id, takes their facts from the store, and parses, validates,
checks and writes only what changed (ADR 0089). Any other tip, key or a damaged store means the
whole folder is read as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .._code import code_key
from ..errors import ValidationFailed
from ..files import AGREEMENT_FILE
from ..files.change import dump_file, parse_change, parse_head
from ..files.folder import ARTICLES_DIR, MEETINGS_DIR, article_path
from ..model import Agreement
from ..model.facts import AgreementFacts, PartFacts, article_facts, head_facts
from ._freeze import recorded_state
from ._snapshot import Changes, Snapshots, blob_id

STORE = "mou/checked.json"
FORMAT = "1"
LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FolderChange:
    """The files a commit of the folder writes on top of ``tip``, its lifecycle state, and every article's facts."""

    tip: str
    changes: Changes
    state: str
    facts: dict[str, PartFacts]


def _key() -> str:
    return hashlib.sha256(f"{code_key()}\0{FORMAT}".encode("utf-8", "surrogateescape")).hexdigest()


def _load(git_dir: Path, tip: str) -> dict[str, PartFacts] | None:
    """Return the stored facts by blob id when they describe ``tip`` under this code, else ``None``."""
    try:
        with open(git_dir / STORE, "rb") as f:
            raw = f.read(LIMIT + 1)
        data = json.loads(raw) if len(raw) <= LIMIT else None
        if not isinstance(data, dict) or data.get("commit") != tip or data.get("key") != _key():
            return None
        return {str(blob): PartFacts.from_json(part) for blob, part in data["articles"].items()}
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return None


def remember(git_dir: Path, snapshots: Snapshots, commit: str, checked: Agreement | FolderChange | None) -> None:
    """Store the facts of the articles of ``commit``, made from what the check passed for it; a failure is ignored.

    ``checked`` is the whole agreement ``commit`` holds, or the change it was made from.
    """
    ids = snapshots.blob_ids(commit)
    if isinstance(checked, FolderChange):
        parts = {ids[article_path(stem)]: part for stem, part in checked.facts.items() if article_path(stem) in ids}
    elif isinstance(checked, Agreement):
        parts = {ids[article_path(a.id)]: article_facts(a) for a in checked.articles if article_path(a.id) in ids}
    else:
        return
    data = json.dumps({"key": _key(), "commit": commit, "articles": {blob: p.to_json() for blob, p in parts.items()}},
                      ensure_ascii=False, separators=(",", ":")).encode()
    target = git_dir / STORE
    try:
        target.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".checked-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def folder_change(git_dir: Path, snapshots: Snapshots, tip: str, files: Mapping[str, bytes]) -> FolderChange | None:
    """Return what committing the folder's ``files`` on top of ``tip`` writes, reading only the changed files.

    ``None`` when the store does not describe ``tip`` or its text is frozen (the caller reads the
    whole folder then).

    :raises ValidationFailed: a changed file, or the agreement as changed, breaks a rule.
    """
    from ..lifecycle.transitions import FROZEN

    stored = _load(git_dir, tip)
    ids = snapshots.blob_ids(tip)
    if stored is None or AGREEMENT_FILE not in ids or recorded_state(snapshots, tip) in {s.value for s in FROZEN}:
        return None  # a frozen text is compared whole with the new one (check_commit)
    try:
        old_head = parse_head(snapshots.blob(ids[AGREEMENT_FILE]))
    except ValidationFailed:
        return None
    known: dict[str, PartFacts] = {}
    for stem in old_head.articles:
        part = stored.get(ids.get(article_path(stem), ""))
        if part is None:
            return None
        known[stem] = part
    before = AgreementFacts(head_facts(old_head), tuple((s, known[s]) for s in old_head.articles))
    unchanged = {rel for rel, data in files.items() if ids.get(rel) == blob_id(data)}
    parsed = parse_change(files, unchanged, before, known)
    changes: Changes = {}
    if AGREEMENT_FILE not in unchanged:
        changes[AGREEMENT_FILE] = dump_file(parsed.head, files[AGREEMENT_FILE])
    for stem, article in parsed.articles.items():
        changes[article_path(stem)] = dump_file(article, files[article_path(stem)])
    listed = {article_path(stem) for stem in parsed.head.articles}
    changes |= {path: None for path in ids if path.startswith(ARTICLES_DIR + "/") and path not in listed}
    changes |= {path: data for path, data in snapshots.schema_files().items() if ids.get(path) != blob_id(data)}
    changes = {path: data for path, data in changes.items() if data is None or ids.get(path) != blob_id(data)}
    return FolderChange(tip, changes, parsed.head.state.value, parsed.facts)


def changed_meetings(snapshots: Snapshots, tip: str | None, files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the meeting files of the folder whose bytes are not ``tip``'s (the others were checked)."""
    ids = snapshots.blob_ids(tip)
    return {rel: data for rel, data in files.items()
            if rel.startswith(MEETINGS_DIR + "/") and ids.get(rel) != blob_id(data)}

