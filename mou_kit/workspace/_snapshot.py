"""Which files a revision holds, and which of them a new agreement changes, read straight from git objects."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ..errors import WorkspaceError
from ..files import AGREEMENT_FILE, dump_agreement, dump_meeting
from ..files.folder import ARTICLES_DIR, MEETINGS_DIR, article_path, meeting_path
from ..files.schema import AgreementFile, schema_bytes
from ..files.yaml_read import parse_yaml
from ..model import Agreement, Meeting
from ._storage import Storage

SCHEMA_FILES = tuple(f".mou/schema/{kind}.json" for kind in ("agreement", "article", "meeting"))
Changes = dict[str, bytes | None]


def is_agreement_file(path: str) -> bool:
    """Return whether ``path`` is part of the agreement itself (not a meeting or another file)."""
    return path == AGREEMENT_FILE or path.startswith(ARTICLES_DIR + "/") or path in SCHEMA_FILES


def blob_id(data: bytes) -> str:
    """Return the git object id ``data`` gets as a blob."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class Snapshots:
    """A per-workspace cache of trees, blobs and parsed files, keyed by immutable git ids."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        self._trees: dict[str, dict[str, str]] = {}
        self._blobs: dict[str, bytes] = {}
        self._models: dict[str, Any] = {}
        self._schemas = {path: schema_bytes(path.split("/")[-1].removesuffix(".json"))
                         for path in SCHEMA_FILES}
        self._schema_ids = {path: blob_id(data) for path, data in self._schemas.items()}

    def schema_files(self) -> dict[str, bytes]:
        """Return the JSON Schemas every revision carries under ``.mou/schema/``, as ``{path: bytes}``."""
        return dict(self._schemas)

    def blob_ids(self, commit: str | None) -> dict[str, str]:
        """Return ``{path: blob id}`` of a commit (empty for ``None``)."""
        if commit is None:
            return {}
        if commit not in self._trees:
            if len(self._trees) > 64:
                self._trees.clear()
            self._trees[commit] = self._storage.blob_ids(commit)
        return self._trees[commit]

    def remember(self, commit: str, parent: str | None, changes: Changes) -> None:
        """Record the tree of a commit just made from ``parent`` and ``changes``, without reading it back."""
        ids = dict(self.blob_ids(parent))
        for path, data in changes.items():
            if data is None:
                ids.pop(path, None)
            else:
                ids[path] = blob_id(data)
                self._blobs[ids[path]] = data
        self._trees[commit] = ids

    def blob(self, blob: str) -> bytes:
        """Return the bytes of a blob."""
        data = self._blobs.get(blob)
        if data is None:
            if len(self._blobs) > 4096:
                self._blobs.clear()
            data = self._blobs[blob] = self._storage.blob(blob)
        return data

    def parsed(self, blob: str) -> Any:
        """Return the plain data of a YAML blob (``None`` when it does not parse)."""
        if blob not in self._models:
            if len(self._models) > 4096:
                self._models.clear()
            try:
                self._models[blob] = parse_yaml(self.blob(blob), blob)
            except Exception:
                self._models[blob] = None
        return self._models[blob]

    def files(self, commit: str | None, *, meetings: bool = True) -> dict[str, bytes]:
        """Return the agreement (and meeting) files of a commit as ``{path: bytes}``."""
        return {path: self.blob(b) for path, b in self.blob_ids(commit).items()
                if path == AGREEMENT_FILE or path.startswith(ARTICLES_DIR + "/")
                or (meetings and path.startswith(MEETINGS_DIR + "/"))}

    def content(self, commit: str | None, path: str) -> bytes | None:
        """Return the bytes of ``path`` at ``commit``, or ``None`` when it is not there."""
        b = self.blob_ids(commit).get(path)
        return None if b is None else self.blob(b)

    def agreement_changes(self, agreement: Agreement, commit: str | None, *,
                          previous: Mapping[str, bytes] | None = None) -> Changes:
        """Return the files to write so that ``commit``'s tree holds ``agreement`` (``None`` = delete).

        Only files whose model differs (or whose ``previous`` bytes differ) are serialised again.

        :raises ValidationFailed: the agreement breaks a rule.
        """
        ids = self.blob_ids(commit)
        previous = previous or {}
        wanted: set[str] = set()
        try:
            head = AgreementFile.model_validate(
                {**agreement.model_dump(exclude_unset=True, exclude={"articles"}),
                 "articles": [a.id for a in agreement.articles]})
        except ValidationError:
            dump_agreement(agreement, only=())  # raises ValidationFailed with every problem
            raise
        from ..model import Article

        dumps: dict[str, tuple[Any, dict[str, Any]]] = {AGREEMENT_FILE: (AgreementFile, head.model_dump())}
        if self._differs(ids.get(AGREEMENT_FILE), dumps[AGREEMENT_FILE][1], AgreementFile,
                         previous.get(AGREEMENT_FILE)):
            wanted.add(AGREEMENT_FILE)
        same: set[str] = set()
        edited: set[str] = set()
        for article in agreement.articles:
            rel = article_path(article.id)
            dumps[rel] = (Article, article.model_dump())
            if self._differs(ids.get(rel), dumps[rel][1], Article, previous.get(rel)):
                wanted.add(rel)
                edited.add(article.id)
            else:
                same.add(article.id)  # equal to the validated article of ``commit``
        for path, schema_id in self._schema_ids.items():
            if ids.get(path) != schema_id:
                wanted.add(path)
        old = {path: previous.get(path) or self.blob(ids[path]) for path in wanted if path in ids}
        changes: Changes = dict(dump_agreement(agreement, previous=old, only=wanted, unchanged=same - edited))
        for path, data in changes.items():
            if data is not None and path in dumps:
                # the data just passed validation and was written as these bytes: the next commit
                # compares with it without parsing the file back
                model, dump = dumps[path]
                self._models.setdefault(f"{blob_id(data)}:{model.__name__}", dump)
        keep = {article_path(a.id) for a in agreement.articles}
        for path in ids:
            if path.startswith(ARTICLES_DIR + "/") and path not in keep:
                changes[path] = None
        return {path: data for path, data in changes.items()
                if data is None or ids.get(path) != blob_id(data)}

    def _differs(self, blob: str | None, new: dict[str, Any], model: Any, previous: bytes | None) -> bool:
        if blob is None:
            return True
        if previous is not None:  # the file's bytes as read: the same blob is the same model, no parse needed
            return blob_id(previous) != blob
        key = f"{blob}:{model.__name__}"
        if key not in self._models:
            raw = self.parsed(blob)
            try:
                self._models[key] = model.model_validate(raw).model_dump()
            except Exception:
                self._models[key] = None
        return bool(self._models[key] != new)

    def file_changes(self, base: str | None, tip: str | None, other: Changes) -> Changes:
        """Return the files of ``other`` that ``tip`` does not hold yet.

        :raises WorkspaceError: a file was changed since ``base`` by ``tip`` (code ``merge-conflict``).
        """
        changes: Changes = {}
        for path, data in other.items():
            now = self.content(tip, path)
            if now == data:
                continue
            if tip != base and now != self.content(base, path):
                raise WorkspaceError(f"{path}: changed meanwhile by revision {str(tip)[:10]}; read it again and "
                                     "redo the edit", code="merge-conflict", file=path)
            changes[path] = data
        return changes

    def meeting_changes(self, meeting: Meeting, commit: str | None) -> Changes:
        """Return the file to write so that ``commit``'s tree holds ``meeting``."""
        path = meeting_path(meeting.id)
        data = dump_meeting(meeting, previous=self.content(commit, path))
        return {} if self.content(commit, path) == data else {path: data}
