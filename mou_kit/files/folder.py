"""How an agreement folder (``agreement.yaml``, ``articles/``, ``meetings/``) becomes a model and back.

Every function here works on a mapping of relative paths to bytes, so the same code reads a
folder on disk and a revision straight out of git; :func:`load` and :func:`save` add the disk.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, ValidationFailed
from ..model import Agreement, Article, Meeting, check
from ..model.references import fill_problems
from ..model.text import control_character
from ..model.walk import format_path, parse_path
from ._entries import listing, read_plain
from ._limits import MAX_ARTICLES, MAX_MEETINGS, MAX_YAML_BYTES
from .problems import problems_from
from .schema import AgreementFile, FileKind, schema_bytes, schema_header
from .yaml_read import YamlProblem, locate, parse_yaml

AGREEMENT_FILE = "agreement.yaml"
ARTICLES_DIR = "articles"
MEETINGS_DIR = "meetings"
BACKUP_DIR = ".mou/backup"
Files = Mapping[str, bytes]


def article_path(article_id: str) -> str:
    """Return the relative path of the file holding the article ``article_id``."""
    return f"{ARTICLES_DIR}/{article_id}.yaml"


def meeting_path(meeting_id: str) -> str:
    """Return the relative path of the file holding the meeting ``meeting_id``."""
    return f"{MEETINGS_DIR}/{meeting_id}.yaml"


# ---------------------------------------------------------------- reading


def read_folder(path: str | os.PathLike[str]) -> dict[str, bytes]:
    """Return the agreement files under ``path`` as ``{relative path: bytes}``.

    Files over the size limit are not read; they map to a short marker that parsing reports.

    :raises ValidationFailed: the folder or its ``agreement.yaml`` does not exist.
    """
    root = Path(path)
    top = root / AGREEMENT_FILE
    if not top.is_file() and not top.is_symlink():
        raise ValidationFailed([Problem(
            "not-an-agreement", f"no {AGREEMENT_FILE} in {root}", file=str(top),
            hint="give the folder of an agreement (it holds agreement.yaml), or create one")])
    files: dict[str, bytes] = {}
    shared_ok = not (root / ".git").exists()  # see files/_entries.py: hard links are refused in a repository
    for rel in [AGREEMENT_FILE, *listing(root, ARTICLES_DIR, MAX_ARTICLES),
                *listing(root, MEETINGS_DIR, MAX_MEETINGS)]:
        data = read_plain(root / rel, MAX_YAML_BYTES, hard_links=shared_ok)
        if isinstance(data, int):
            files[rel] = _TOO_LARGE + str(data).encode()
        elif isinstance(data, str):
            files[rel] = _REFUSED + data.encode()
        else:
            files[rel] = data
    return files


_TOO_LARGE = b"\0mou-too-large:"
_REFUSED = b"\0mou-refused:"


class _Unreadable:
    """Marks a file whose bytes could not be parsed; its problem is already reported."""


UNREADABLE = _Unreadable()


def _read(files: Files, rel: str, problems: list[Problem]) -> Any:
    data = files[rel]
    if data.startswith(_TOO_LARGE):
        size = int(data[len(_TOO_LARGE):])
        problems.append(Problem(
            "file-too-large", f"file is {size / 1_048_576:.1f} MiB, over the limit of "
            f"{MAX_YAML_BYTES // 1_048_576} MiB", file=rel,
            hint="split long texts into several clauses or move annexes to annexes/"))
        return UNREADABLE
    if data.startswith(_REFUSED):
        problems.append(Problem("file-unreadable", f"file {data[len(_REFUSED):].decode()}", file=rel,
                                hint="replace it by a plain file inside the agreement folder"))
        return UNREADABLE
    try:
        return parse_yaml(data, rel)
    except YamlProblem as e:
        problems.append(e.problem)
        return UNREADABLE


def _validate(model: type[BaseModel], raw: Any, rel: str, data: bytes,
              problems: list[Problem]) -> Any:
    if raw is UNREADABLE:
        return None
    if raw is None:
        raw = {}
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        problems.extend(problems_from(e, model, rel, data))
        return None


def parse_agreement(files: Files) -> Agreement:
    """Return the agreement held in ``files`` (relative path -> bytes), fully checked.

    :raises ValidationFailed: with every problem found, each naming file, place and fix.
    """
    problems: list[Problem] = []
    if AGREEMENT_FILE not in files:
        raise ValidationFailed([Problem("not-an-agreement", f"no {AGREEMENT_FILE}", file=AGREEMENT_FILE,
                                        hint="an agreement starts with agreement.yaml")])
    head_raw, head, article_files = _read_head(files, problems)
    articles = _read_articles(files, article_files, problems)
    listed = _unlisted_problems(files, head, head_raw, list(articles), problems)
    if problems or head is None:
        raise ValidationFailed(problems)
    fields = {k: getattr(head, k) for k in head.model_fields_set if k != "articles"}
    agreement = Agreement.model_construct(**fields, articles=[articles[a] for a in listed])
    problems = [_place(p, files) for p in check(agreement)]
    if problems:
        raise ValidationFailed(problems)
    return agreement


def _read_head(files: Files, problems: list[Problem]) -> tuple[Any, Any, list[str]]:
    """Return ``agreement.yaml`` as read, as validated (``None``: invalid, reported), and the article files."""
    head_raw = _read(files, AGREEMENT_FILE, problems)
    head = _validate(AgreementFile, head_raw, AGREEMENT_FILE, files[AGREEMENT_FILE], problems)
    article_files = sorted(r for r in files if r.startswith(ARTICLES_DIR + "/"))
    if len(article_files) > MAX_ARTICLES:
        problems.append(Problem("invalid-value", f"more than {MAX_ARTICLES} article files", file=ARTICLES_DIR))
        article_files = article_files[:MAX_ARTICLES]
    return head_raw, head, article_files


def _read_articles(files: Files, rels: Iterable[str], problems: list[Problem]) -> dict[str, Any]:
    """Return ``{stem: Article}`` of the article files ``rels`` (``None`` for one read but invalid, reported)."""
    articles: dict[str, Any] = {}
    for rel in rels:
        stem = rel[len(ARTICLES_DIR) + 1:].removesuffix(".yaml")
        raw = _read(files, rel, problems)
        article = _validate(Article, raw, rel, files[rel], problems)
        if article is not None and article.id != stem:
            problems.append(Problem(
                "id-mismatch", f"article id {article.id!r} does not match the file name", file=rel,
                path="id", line=_line(files[rel], ("id",)),
                hint=f"rename the file to {article_path(article.id)} or set 'id: {stem}'"))
        articles[stem] = article
    return articles


def _unlisted_problems(files: Files, head: Any, head_raw: Any, stems: Iterable[str],
                       problems: list[Problem]) -> list[str]:
    """Report listed articles without a file and article files not listed; return the listed order."""
    listed = list(head.articles) if head is not None else _listed_anyway(head_raw)
    present = set(stems)
    for i, article_id in enumerate(listed):
        if article_id not in present:
            pos = locate(files[AGREEMENT_FILE], ("articles", i))
            problems.append(Problem(
                "article-file-missing", f"article {article_id!r} is listed but {article_path(article_id)} "
                "does not exist", file=AGREEMENT_FILE, path=f"articles[{i}]",
                line=pos[0] if pos else None, column=pos[1] if pos else None,
                hint=f"create {article_path(article_id)} or remove it from the list"))
    wanted = set(listed)
    for stem in stems if head_raw is not UNREADABLE else ():
        if stem not in wanted and not files[article_path(stem)].startswith((_REFUSED, _TOO_LARGE)):
            problems.append(Problem(
                "article-file-unlisted", f"{article_path(stem)} is not listed under 'articles' in "
                f"{AGREEMENT_FILE}", file=article_path(stem),
                hint=f"add '- {stem}' to 'articles' in {AGREEMENT_FILE} or delete the file"))
    return listed


def _listed_anyway(raw: Any) -> list[str]:
    """Return the article order from an ``agreement.yaml`` that failed validation, if readable."""
    items = raw.get("articles") if isinstance(raw, dict) else None
    return [a for a in items if isinstance(a, str)] if isinstance(items, list) else []


def parse_meetings(files: Files) -> list[Meeting]:
    """Return the meetings held in ``files``, in date order.

    :raises ValidationFailed: with every problem found in the meeting files.
    """
    problems: list[Problem] = []
    meetings: list[Meeting] = []
    for rel in sorted(r for r in files if r.startswith(MEETINGS_DIR + "/")):
        raw = _read(files, rel, problems)
        meeting = _validate(Meeting, raw, rel, files[rel], problems)
        if meeting is None:
            continue
        stem = rel[len(MEETINGS_DIR) + 1:].removesuffix(".yaml")
        if meeting.id != stem:
            problems.append(Problem(
                "id-mismatch", f"meeting id {meeting.id!r} does not match the file name", file=rel,
                path="id", hint=f"rename the file to {meeting_path(meeting.id)} or set 'id: {stem}'"))
        meetings.append(meeting)
    if problems:
        raise ValidationFailed(problems)
    return sorted(meetings, key=lambda m: (m.date, m.id))


def _line(data: bytes, path: tuple[str | int, ...]) -> int | None:
    pos = locate(data, path)
    return pos[0] if pos else None


def _place(problem: Problem, files: Files) -> Problem:
    """Return ``problem`` (with a path into the whole agreement) pointed at its file and line."""
    path = problem.path or ""
    parts = list(parse_path(path))
    agreement_keys = set(AgreementFile.model_fields)
    file = AGREEMENT_FILE
    if len(parts) >= 2 and parts[0] == "articles" and isinstance(parts[1], int):
        head = parse_yaml(files[AGREEMENT_FILE], AGREEMENT_FILE)
        article_id = head["articles"][parts[1]]
        file = article_path(article_id)
        parts = parts[2:]
    elif parts and parts[0] not in agreement_keys:
        return problem
    pos = locate(files[file], tuple(parts)) if file in files else None
    return Problem(problem.code, problem.message, file=file, path=format_path(tuple(parts)) or None,
                   line=pos[0] if pos else None, column=pos[1] if pos else None, hint=problem.hint)


# ---------------------------------------------------------------- writing


def _dump_model(model: BaseModel, kind: FileKind, depth: int, previous: bytes | None) -> bytes:
    from ._yaml_write import dump_yaml

    data = model.model_dump(mode="python", exclude_unset=True)
    if "id" in data:
        data = {"id": data.pop("id"), **data}
    return dump_yaml(data, header=schema_header(kind, depth), previous=previous)


def dump_agreement(agreement: Agreement, *, previous: Files | None = None,
                   only: Collection[str] | None = None, unchanged: Collection[str] = ()) -> dict[str, bytes]:
    """Return the files of ``agreement`` as ``{relative path: canonical bytes}``.

    ``previous`` holds the files as they are now, whose comments are kept. The result also
    carries the JSON Schemas under ``.mou/schema/`` that the files' first lines point to.
    ``only`` limits the result to those paths (the whole agreement is still validated), so a
    caller that knows which files changed does not pay for writing the others.

    ``unchanged`` names articles the caller has compared with an article that was validated
    before (the workspace: the revision the agreement was read from) and found equal; their
    fields are not validated again. The head, every other article, the agreement's own
    validators and the cross-node rules (:func:`~mou_kit.model._check`) still run on the
    whole agreement.

    :raises ValidationFailed: the agreement breaks a rule; nothing should be written then.
    """
    validated = _revalidate(agreement, frozenset(unchanged))
    previous = previous or {}
    wanted = (lambda rel: True) if only is None else set(only).__contains__
    out: dict[str, bytes] = {}
    if wanted(AGREEMENT_FILE):
        head = AgreementFile.model_validate(
            {**validated.model_dump(exclude_unset=True, exclude={"articles"}),
             "articles": [a.id for a in validated.articles]})
        out[AGREEMENT_FILE] = _dump_model(head, "agreement", 0, previous.get(AGREEMENT_FILE))
    for article in validated.articles:
        rel = article_path(article.id)
        if wanted(rel):
            out[rel] = _dump_model(article, "article", 1, previous.get(rel))
    for kind in ("agreement", "article", "meeting"):
        if wanted(f".mou/schema/{kind}.json"):
            out[f".mou/schema/{kind}.json"] = schema_bytes(kind)
    return out


def dump_meeting(meeting: Meeting, *, previous: bytes | None = None) -> bytes:
    """Return ``meeting`` as the canonical bytes of ``meetings/<id>.yaml``."""
    # absent facts stay out of the file (no "party: null" for an attendee who speaks for no party)
    return _dump_model(Meeting.model_validate(meeting.model_dump(exclude_none=True)), "meeting", 1, previous)


def _revalidate(agreement: Agreement, unchanged: frozenset[str] = frozenset()) -> Agreement:
    try:
        if unchanged:  # the model instances are taken as they are (pydantic does not revalidate instances)
            data = agreement.model_dump(exclude_unset=True, exclude={"articles"})
            data["articles"] = [a if a.id in unchanged else a.model_dump(exclude_unset=True)
                                for a in agreement.articles]
        else:
            data = agreement.model_dump(exclude_unset=True)
        _refuse_control(data)
        fresh = Agreement.model_validate(data)
    except ValidationError as e:
        raise ValidationFailed(problems_from(e, Agreement, "<agreement>", b"")) from None
    problems = check(fresh) or fill_problems(fresh)  # a text that cannot be filled in is never written
    if problems:
        raise ValidationFailed(problems)
    return fresh


def _refuse_control(data: Any) -> None:
    """Raise when a string of the agreement holds a character no file may hold (see :data:`CONTROL`)."""
    found = control_character(data)
    if found is not None:
        raise ValidationFailed([Problem(
            "invalid-value", f"control character U+{ord(found[1]):04X} is not allowed", file="<agreement>",
            path=format_path(found[0]) or None, hint="delete it; only tab and newline may appear in a text")])


def load(path: str | os.PathLike[str] | Mapping[str, bytes]) -> Agreement:
    """Return the agreement in the folder ``path``, fully validated.

    ``path`` may also be the files as ``{relative path: bytes}`` (as :func:`dump_agreement` gives them).

    :raises ValidationFailed: with every problem in every file, each naming the file, the
        place in it and the fix.
    """
    if isinstance(path, Mapping):
        from ._uploaded import agreement_files
        return parse_agreement(agreement_files(path))
    return parse_agreement(read_folder(path))


def load_meetings(path: str | os.PathLike[str]) -> list[Meeting]:
    """Return the meetings recorded in the folder ``path``, in date order.

    :raises ValidationFailed: a meeting file breaks a rule.
    """
    return parse_meetings(read_folder(path))
