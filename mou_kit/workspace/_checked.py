"""What a commit of the folder needs of the revision it builds on, so it parses only the files that changed.

After each commit it makes, mou stores the check's facts of that revision's articles in
``.git/mou/checked``, under the running code's key and the commit's id: a line with the key and
commit, which articles cite each id and which hold template markup, then a line per article
with its ids and its :class:`~mou_kit.model.facts.PartFacts` as JSON, decoded only when the
check asks for it. The next ``mou commit`` on top of that commit recognises unchanged files by
blob id and parses, validates, checks and writes only what changed (ADR 0089). Any other tip,
key or a damaged store means the whole folder is read as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .._code import code_key
from .._io import remember_file
from ..errors import ValidationFailed
from ..files import AGREEMENT_FILE
from ..files.change import dump_file, parse_change, parse_head
from ..files.folder import ARTICLES_DIR, MEETINGS_DIR, article_path
from ..model import Agreement
from ..model.facts import AgreementFacts, HeadFacts, PartFacts, article_facts, head_facts
from ._freeze import recorded_state
from ._snapshot import Changes, Snapshots, blob_id

STORE = "mou/checked"
FORMAT = "1"
LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FolderChange:
    """The files a commit of the folder writes on top of ``tip``, its lifecycle state, and what the store
    becomes once it is committed (``stored``: the tip's; ``order`` and ``facts``: the new articles)."""

    tip: str
    changes: Changes
    state: str
    stored: Stored
    order: tuple[str, ...]
    facts: dict[str, PartFacts]


class _Damaged(Exception):
    """The store does not hold what its index says."""


class Stored:
    """The facts of a checked revision as stored: which articles cite each id and hold template markup, and
    per article its ids (read whole) and its facts (decoded only when asked for); a
    :class:`~mou_kit.model.facts.Checked`."""

    def __init__(self, head: HeadFacts, order: tuple[str, ...], cited: dict[str, list[str]], templated: list[str],
                 rows: dict[str, tuple[str, str]]) -> None:
        self.head, self.order = head, order
        self._cited, self._templated, self._rows = cited, templated, rows
        self._owners: dict[str, str] | None = None
        self._parts: dict[str, PartFacts] = {}

    def part(self, article: str) -> PartFacts:
        """Return the facts of the article ``article``, decoded now."""
        if article not in self._parts:
            try:
                self._parts[article] = PartFacts.from_json(json.loads(self._rows[article][1]))
            except (KeyError, ValueError) as e:
                raise _Damaged(article) from e
        return self._parts[article]

    def owner(self, node: str) -> str | None:
        """Return the id of the article holding ``node``."""
        if self._owners is None:
            self._owners = {}
            for article, (ids, _) in reversed(self._rows.items()):
                self._owners.update(dict.fromkeys(ids.split(" "), article))
        return self._owners.get(node)

    def citing(self, target: str) -> Collection[str]:
        """Return the ids of the articles citing ``target``."""
        return self._cited.get(target, [])

    def templated(self) -> Collection[str]:
        """Return the ids of the articles with template markup."""
        return self._templated

    def lines(self, order: Sequence[str], facts: Mapping[str, PartFacts]) -> list[str]:
        """Return the store of a revision with the articles ``order``, where ``facts`` replace this one's."""
        kept = set(order) - set(facts)
        cited = {t: [i for i in ids if i in kept] for t, ids in self._cited.items()}
        templated = [i for i in self._templated if i in kept]
        rows = {i: self._rows[i] for i in order if i in kept}
        for i, part in facts.items():
            for target in {r for text in part.texts for r in text.refs}:
                cited.setdefault(target, []).append(i)
            if any(text.template for text in part.texts):
                templated.append(i)
            rows[i] = (" ".join(n for _, n in part.ids), json.dumps(part.to_json(), ensure_ascii=False))
        return [json.dumps({t: ids for t, ids in cited.items() if ids}, ensure_ascii=False), json.dumps(templated),
                *(f"{i}\t{ids}\t{data}" for i, (ids, data) in rows.items())]


def _key() -> str:
    return hashlib.sha256(f"{code_key()}\0{FORMAT}".encode("utf-8", "surrogateescape")).hexdigest()


def _load(git_dir: Path, tip: str, head: HeadFacts, order: tuple[str, ...]) -> Stored | None:
    """Return the store when it describes ``tip`` under this code, else ``None``."""
    try:
        with open(git_dir / STORE, "rb") as f:
            raw = f.read(LIMIT + 1)
        if len(raw) > LIMIT:
            return None
        first, cited, templated, *rest = raw.decode("utf-8").split("\n")
        if json.loads(first) != {"key": _key(), "commit": tip}:
            return None
        rows = {article: (ids, data) for article, ids, data in (line.split("\t", 2) for line in rest if line)}
        citing, with_templates = json.loads(cited), json.loads(templated)
        if not isinstance(citing, dict) or not isinstance(with_templates, list):
            return None
        store = Stored(head, order, citing, with_templates, rows)
    except (OSError, ValueError, TypeError):
        return None
    return store if set(order) <= set(rows) else None


def remember(git_dir: Path, commit: str, checked: Agreement | FolderChange | None) -> None:
    """Store the facts of the articles of ``commit``, made from what the check passed for it; a failure is ignored.

    ``checked`` is the whole agreement ``commit`` holds, or the change it was made from.
    """
    if isinstance(checked, FolderChange):
        lines = checked.stored.lines(checked.order, checked.facts)
    elif isinstance(checked, Agreement):
        whole = AgreementFacts(head_facts(checked), [(a.id, article_facts(a)) for a in checked.articles])
        lines = Stored(whole.head, whole.order, {}, [], {}).lines(whole.order, dict(whole.articles))
    else:
        return
    remember_file(git_dir / STORE, "\n".join([json.dumps({"key": _key(), "commit": commit}), *lines, ""]).encode())


def folder_change(git_dir: Path, snapshots: Snapshots, tip: str, files: Mapping[str, bytes]) -> FolderChange | None:
    """Return what committing the folder's ``files`` on top of ``tip`` writes, reading only the changed files.

    ``None`` when the store does not describe ``tip`` or its text is frozen (the caller reads the
    whole folder then).

    :raises ValidationFailed: a changed file, or the agreement as changed, breaks a rule.
    """
    from ..lifecycle.transitions import FROZEN

    ids = snapshots.blob_ids(tip)
    if AGREEMENT_FILE not in ids or recorded_state(snapshots, tip) in {s.value for s in FROZEN}:
        return None  # a frozen text is compared whole with the new one (check_commit)
    try:
        old_head = parse_head(snapshots.blob(ids[AGREEMENT_FILE]))
    except ValidationFailed:
        return None
    stored = _load(git_dir, tip, head_facts(old_head), tuple(old_head.articles))
    if stored is None:
        return None
    unchanged = {rel for rel, data in files.items() if ids.get(rel) == blob_id(data)}
    try:
        parsed = parse_change(files, unchanged, stored)
    except _Damaged:
        return None
    changes: Changes = {}
    if AGREEMENT_FILE not in unchanged:
        changes[AGREEMENT_FILE] = dump_file(parsed.head, files[AGREEMENT_FILE])
    for stem, article in parsed.articles.items():
        changes[article_path(stem)] = dump_file(article, files[article_path(stem)])
    listed = {article_path(stem) for stem in parsed.head.articles}
    changes |= {path: None for path in ids if path.startswith(ARTICLES_DIR + "/") and path not in listed}
    changes |= {path: data for path, data in snapshots.schema_files().items() if ids.get(path) != blob_id(data)}
    changes = {path: data for path, data in changes.items() if data is None or ids.get(path) != blob_id(data)}
    return FolderChange(tip, changes, parsed.head.state.value, stored, tuple(parsed.head.articles), parsed.facts)


def changed_meetings(snapshots: Snapshots, tip: str | None, files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the meeting files of the folder whose bytes are not ``tip``'s (the others were checked)."""
    ids = snapshots.blob_ids(tip)
    return {rel: data for rel, data in files.items()
            if rel.startswith(MEETINGS_DIR + "/") and ids.get(rel) != blob_id(data)}

