"""The agreement repository as users see it: read, commit, log, resolve and blame revisions, record meetings."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from .._guard import guard_methods
from ..errors import WorkspaceError
from ..files import dump_agreement, parse_agreement, parse_meetings, read_folder
from ..model import Agreement, Meeting
from ..model.revision import RevisionInfo
from . import _history as history
from ._checked import FolderChange, remember
from ._freeze import check_commit, check_state
from ._languages import keep_languages
from ._publish import Plan, Published, publish, settled_tip
from ._records import (
    _at_revision,
    agreement_data as agreement_data,
    agreement_from as agreement_from,
    validated as validated,
)
from ._snapshot import Changes, Snapshots
from ._storage import RefUpdate, Storage
from .merge import merged_edit
from .revision import BlameEntry, Revision, revision_of, with_trailers

TIP = "tip"
"""``Workspace.commit(..., base=TIP)``: replace the branch as it is now, without merging."""
GITATTRIBUTES = b"*.yaml text eol=lf\n*.json text eol=lf\n"
MOU_GITIGNORE = b"backup/\n"


@guard_methods
class Workspace:
    """One agreement and its git repository: every revision, meeting and proposal.

    Not constructed directly: use :meth:`Workspace.init` or :meth:`Workspace.open`, best as a
    context manager so the repository is closed. A workspace is not shared between threads:
    open one per thread (several processes and threads may write to one repository safely).
    """

    def __init__(self, storage: Storage, *, branch: str | None = None) -> None:
        self._storage = storage
        self._snapshots = Snapshots(storage)
        self._branch = f"refs/heads/{branch}" if branch is not None else None

    # ------------------------------------------------------------ opening

    @classmethod
    def init(cls, path: str | os.PathLike[str], agreement: Agreement, *, message: str = "First draft",
             proposed_by: str | None = None, stage: str | None = None, branch: str = "main",
             when: dt.datetime | None = None) -> Workspace:
        """Return a new workspace at ``path`` (a new or empty folder) whose first revision is ``agreement``.

        Two processes creating the same folder at once cannot both succeed: one makes the
        repository, the other gets code ``exists``. A failed init leaves the folder as it was.

        :raises ValidationFailed: the agreement breaks a rule; nothing is created.
        :raises WorkspaceError: the folder is not empty (``exists``) or git cannot create the repository.
        """
        from ._initialize import create_repository

        files: Changes = dict(dump_agreement(agreement))  # validates before anything is created
        files.update({".gitattributes": GITATTRIBUTES, ".mou/.gitignore": MOU_GITIGNORE})
        text = with_trailers(message, proposed_by=proposed_by, meeting=None, stage=stage or agreement.state.value)
        ws = cls(create_repository(Path(path), files, message=text, branch=branch, when=when))
        remember(ws.storage.git_dir, ws._sha("HEAD"), agreement)  # the next commit reads what changed
        return ws

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, branch: str | None = None) -> Workspace:
        """Return the workspace of the agreement folder (or bare repository) at ``path``.

        With ``branch`` (``proposal/bp3mi-kalbar``), the workspace reads and commits that branch
        ("HEAD" is its tip) without checking it out: the working tree and the checked-out branch
        stay as they are, so a server can write several parties' branches at once.

        :raises WorkspaceError: there is no repository at ``path``, or no branch ``branch``.
        """
        from ._backend import open_storage

        storage = open_storage(Path(path))
        if branch is not None and (not isinstance(branch, str) or storage.ref_sha(f"refs/heads/{branch}") is None):
            storage.close()
            raise WorkspaceError(f"{path}: no branch named {branch!r}", code="revision-unknown", file=str(path))
        return cls(storage, branch=branch)

    def close(self) -> None:
        """Release the repository's helper processes and files."""
        self._storage.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def path(self) -> Path:
        """The agreement folder (the working tree), or the git directory of a bare repository."""
        return self._storage.work_tree or self._storage.git_dir

    @property
    def branch(self) -> str:
        """The branch revisions are committed to (``main``, ``proposal/bp3mi-kalbar``)."""
        return self._branch_ref().removeprefix("refs/heads/")

    def _branch_ref(self) -> str:
        if self._branch is not None:
            return self._branch
        ref = self._storage.head_ref()
        if ref is None:
            raise WorkspaceError(f"{self.path}: HEAD is detached; switch to a branch first", file=str(self.path))
        return ref

    def _sha(self, ref: str) -> str:
        if not isinstance(ref, str) or not ref.strip():
            raise WorkspaceError(f"a revision is named by a non-empty string, not {ref!r}", code="revision-unknown")
        if ref == "HEAD":
            sha = self._storage.ref_sha(self._branch_ref())
            if sha is None:
                raise WorkspaceError(f"{self.path}: the branch {self.branch} has no revision yet",
                                     code="revision-unknown")
            return sha
        return history.resolve_sha(self._storage, ref)

    # ------------------------------------------------------------ reading

    def read(self, ref: str = "HEAD") -> Agreement:
        """Return the agreement at the revision ``ref`` names, read without a checkout.

        :raises WorkspaceError: ``ref`` names nothing.
        :raises ValidationFailed: the files at that revision are not a valid agreement.
        """
        sha = self._sha(ref)
        agreement = _at_revision(sha, lambda: parse_agreement(self._snapshots.files(sha, meetings=False)))
        agreement._read_at = sha
        return agreement

    def meetings(self, ref: str = "HEAD") -> list[Meeting]:
        """Return the meetings recorded at the revision ``ref`` names, in date order.

        :raises WorkspaceError: ``ref`` names nothing.
        """
        sha = self._sha(ref)
        return _at_revision(sha, lambda: parse_meetings(self._snapshots.files(sha)))

    def resolve(self, name: str) -> Revision:
        """Return the revision ``name`` stands for: commit id, tag, branch, meeting id, ``HEAD~2`` or a date.

        :raises WorkspaceError: nothing has that name; the message lists the closest names.
        """
        return history.revisions(self._storage, self._sha(name), limit=1)[0]

    def revision_info(self, name: str) -> RevisionInfo:
        """Return the facts a diff shows about the revision ``name``: id, date, party and meeting.

        :raises WorkspaceError: nothing has that name.
        """
        return self.resolve(name).info()

    def proposers(self, old: str, new: str, nodes: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Return node id -> the parties whose proposals, after ``old`` and up to ``new``, gave the node
        its text: followed through merges, so a compromise is credited to every party whose text
        competed, not to whoever committed the merge (see :mod:`mou_kit.workspace._attribution`).

        A node no party's revision changed is left out, so a reader falls back to the new revision's party.

        :raises WorkspaceError: ``old`` or ``new`` names nothing.
        """
        from ._attribution import attribute

        found = attribute(self._storage, self._snapshots, self._sha(old), self._sha(new), nodes=nodes)
        return found.credits

    def log(self, node: str | None = None, *, ref: str = "HEAD", limit: int | None = None) -> list[Revision]:
        """Return the revisions reachable from ``ref``, newest first; with ``node``, only those changing it.

        :raises WorkspaceError: ``ref`` names nothing, or no node has the id ``node``.
        """
        sha = self._sha(ref)
        if node is None:
            return history.revisions(self._storage, sha, limit=limit)
        found = history.node_history(self._storage, self._snapshots, node, sha)
        return found[:limit] if limit is not None else found

    def blame(self, ref: str = "HEAD") -> list[BlameEntry]:
        """Return, for each clause, the revision (with its party and meeting) that last changed it.

        :raises WorkspaceError: ``ref`` names nothing.
        """
        sha = self._sha(ref)
        return history.blame(self._storage, self._snapshots, self.read(sha), sha)

    # ------------------------------------------------------------ writing

    def commit(self, agreement: Agreement, message: str, *, proposed_by: str | None = None,
               meeting: str | None = None, stage: str | None = None, base: str | None = None,
               when: dt.datetime | None = None) -> Revision:
        """Return the new revision holding ``agreement`` on the current branch.

        The edit is merged, clause by clause, with what was committed since the revision it was
        read at (``agreement.read_at``, or ``base``), so a concurrent writer's edit is never
        reverted; ``base=TIP`` replaces the branch as it is, on purpose. After a commit without
        a merge, ``read_at`` is the new revision (the agreement can be edited and committed again).

        :raises ValidationFailed: the agreement breaks a rule; nothing is committed.
        :raises WorkspaceError: no base is known (``base-unknown``) or found (``revision-unknown``),
            nothing changed (``nothing-to-commit``), a node was changed differently meanwhile
            (``merge-conflict``, naming it), a text lost a language (``language-dropped``), or
            the working tree holds uncommitted edits to a file this revision changes.
        :raises LifecycleError: the branch is agreed, signed or in force and the text changes
            (code ``text-frozen``): move it back to negotiation first.
        """
        if base is None:
            base = agreement.read_at
            if base is None:
                raise WorkspaceError(
                    "the agreement was not read from this workspace, so edits committed meanwhile could be "
                    f"reverted; edit what Workspace.read() returns, pass base=<the revision it came from>, or "
                    f"base={TIP!r} to replace the branch as it is", code="base-unknown")
        if base == TIP:
            base = None
        return self._commit(agreement, message, base=base, other={}, previous=None,
                            trailers=(proposed_by, meeting, stage), when=when)[1]

    def commit_folder(self, message: str, *, proposed_by: str | None = None, stage: str | None = None,
                      when: dt.datetime | None = None, extra_parent: str | None = None) -> Revision:
        """Return the new revision holding the agreement and meetings as they are in the working tree.

        On top of a revision mou committed, files that still hold its bytes are not parsed again
        and the cross-node check covers what the change can affect (ADR 0089).

        :raises ValidationFailed: a file breaks a rule; nothing is committed.
        :raises WorkspaceError: the repository is bare, or nothing changed.
        """
        from ..files import dump_meeting
        from ..files.folder import meeting_path
        from ._checked import changed_meetings, folder_change

        root = self._storage.work_tree
        if root is None:
            raise WorkspaceError(f"{self.path}: a bare repository has no folder to commit")
        self._check_checked_out()
        # the folder is read once a killed write is finished, and the edit is based on the tip it holds
        read_at = settled_tip(self._storage, self._snapshots, self._branch_ref())
        files = read_folder(root)
        other: Changes = {meeting_path(m.id): dump_meeting(m, previous=files.get(meeting_path(m.id)))
                          for m in parse_meetings(changed_meetings(self._snapshots, read_at, files))}
        parent = self._sha(extra_parent) if extra_parent is not None else None  # a second parent must exist
        git_dir = self._storage.git_dir
        quick = folder_change(git_dir, self._snapshots, read_at, files) if read_at and parent is None else None
        whole: list[Agreement] = [] if quick is not None else [parse_agreement(files)]

        def agreement() -> Agreement:  # parsed whole only when the quick way does not apply
            if not whole:
                whole.append(parse_agreement(files))
            return whole[0]

        done, revision = self._commit(agreement, message, base=None, other=other, previous=files,
                                      trailers=(proposed_by, None, stage), when=when, extra_parent=parent,
                                      read_at=read_at, quick=quick)
        if done.previous == read_at:  # no merge: the commit holds this folder, checked
            remember(git_dir, done.commit, whole[0] if whole else quick)
        return revision

    def _commit(self, agreement: Agreement | Callable[[], Agreement], message: str, *, base: str | None,
                other: Changes, previous: dict[str, bytes] | None,
                trailers: tuple[str | None, str | None, str | None], when: dt.datetime | None,
                extra_parent: str | None = None, extra_refs: Any = None, read_at: str | None = None,
                quick: FolderChange | None = None) -> tuple[Published, Revision]:
        branch = self._branch_ref()
        base_sha: str | None = self._sha(base) if base is not None else \
            read_at if read_at is not None else self._storage.ref_sha(branch)
        proposed_by, meeting, stage = trailers
        text = with_trailers(message, proposed_by=proposed_by, meeting=meeting, stage=stage)
        ours = agreement if isinstance(agreement, Agreement) else None

        if base is not None and base_sha is not None and ours is not None and len(ours.languages) > 1:
            keep_languages(parse_agreement(self._snapshots.files(base_sha, meetings=False)), ours)

        def plan(tip: str | None) -> Plan:
            parents = [extra_parent] if extra_parent else []
            if quick is not None and tip == quick.tip:
                check_state(self._snapshots, tip, quick.state, stage=stage, others=parents)
                changes = dict(quick.changes)
            else:
                edit = agreement if isinstance(agreement, Agreement) else agreement()
                target = edit if tip == base_sha else merged_edit(self._snapshots, base_sha, edit, tip)
                self._check_edit(tip, target, stage=stage, others=parents)
                changes = self._snapshots.agreement_changes(target, tip,
                                                            previous=previous if tip == base_sha else None)
            changes.update(self._snapshots.file_changes(base_sha, tip, other))
            return Plan(changes, parents=parents, allow_empty=bool(extra_parent))

        done = publish(self._storage, self._snapshots, branch=branch, message=text, plan=plan,
                       extra_refs=extra_refs or (lambda c: ()), accept=previous, when=when)
        history.remember_commit(self._storage, self._snapshots, done.previous, done.commit)
        if done.previous == base_sha and ours is not None:
            ours._read_at = done.commit  # it now holds exactly this revision
        return done, self._revision(done, text)

    @property
    def checked_out(self) -> bool:
        """Whether the working tree holds this workspace's branch (false for ``open(..., branch=)`` of another)."""
        return self._storage.work_tree is not None and self._storage.head_ref() == self._branch_ref()

    def _check_checked_out(self) -> None:
        if not self.checked_out:
            raise WorkspaceError(f"{self.path}: the folder holds another branch than {self.branch}; commit the "
                                 "agreement itself, not the folder", code="base-unknown", file=str(self.path))

    def _check_edit(self, tip: str | None, target: Agreement, *, stage: str | None,
                    others: Sequence[str] = ()) -> None:
        """Refuse what only the lifecycle may do, on every path that commits (see :func:`.freeze.check_commit`)."""
        check_commit(self._snapshots, tip, target, stage=stage, others=others)

    def _revision(self, done: Published, message: str) -> Revision:
        return revision_of(done.commit, parents=done.parents, author=self._storage.author(), date=done.date,
                           message=message)

    # ------------------------------------------------------------ meetings

    def add_meeting(self, meeting: Meeting, *, agreement: Agreement | None = None, message: str | None = None,
                    stage: str | None = None, when: dt.datetime | None = None,
                    from_folder: bool = False) -> Revision:
        """Return the revision recording ``meeting`` (and the draft it settled), tagged ``meeting/<id>``.

        The draft is ``agreement``, or the agreement in the folder with ``from_folder``, or the
        current revision's. The branch and the annotated tag move in one ref transaction: both
        or neither.

        :raises WorkspaceError: a meeting with that id is already recorded.
        :raises ValidationFailed: the agreement or the meeting breaks a rule.
        """
        tag_ref = history.MEETING_TAGS + meeting.id
        if self._storage.ref_sha(tag_ref) is not None:
            raise WorkspaceError(f"meeting {meeting.id!r} is already recorded (tag meeting/{meeting.id}); "
                                 "choose another id", code="meeting-exists")
        from ..files import dump_meeting
        from ..files.folder import meeting_path

        previous = None
        if from_folder and self._storage.work_tree is not None:
            self._check_checked_out()
            settled_tip(self._storage, self._snapshots, self._branch_ref())
            previous = read_folder(self._storage.work_tree)
            draft = parse_agreement(previous)
        else:
            draft = agreement if agreement is not None else self.read()
        summary = message or f"Meeting {meeting.id} on {meeting.date.isoformat()}: {meeting.title or meeting.place}"
        moment = when or dt.datetime.now().astimezone().replace(microsecond=0)

        def tag(commit: str) -> list[RefUpdate]:
            obj = self._storage.write_tag(name=f"meeting/{meeting.id}", target=commit, message=summary + "\n",
                                          when=moment)
            return [RefUpdate(tag_ref, obj, None)]

        return self._commit(draft, summary, base=None, other={meeting_path(meeting.id): dump_meeting(meeting)},
                            previous=previous, trailers=(None, meeting.id, stage), when=moment, extra_refs=tag)[1]

    def meeting(self, meeting_id: str) -> tuple[Meeting, Revision]:
        """Return the meeting ``meeting_id`` and the revision its tag points at.

        :raises WorkspaceError: no meeting has that id.
        """
        revision = self.resolve(meeting_id)
        for found in self.meetings(revision.id):
            if found.id == meeting_id:
                return found, revision
        raise WorkspaceError(f"no meeting has the id {meeting_id!r}", code="revision-unknown", node=meeting_id)

    def meeting_tags(self) -> dict[str, str]:
        """Return ``{meeting id: commit id}`` for every meeting tag."""
        return {ref.removeprefix(history.MEETING_TAGS): sha
                for ref, sha in self._storage.refs(history.MEETING_TAGS).items()}

    def files(self, ref: str = "HEAD") -> dict[str, bytes]:
        """Return the agreement and meeting files at ``ref`` as ``{path: bytes}``."""
        return self._snapshots.files(self._sha(ref))

    @property
    def storage(self) -> Storage:
        """The git backend (for the modules of this package; not part of the public API)."""
        return self._storage

    @property
    def snapshots(self) -> Snapshots:
        """The cache of trees and blobs (for the modules of this package)."""
        return self._snapshots

