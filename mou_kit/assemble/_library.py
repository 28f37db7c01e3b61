"""Where templates come from: the bundled clause library, a user's folders, and what each holds.

A :class:`Library` is built from folders of YAML templates. Every template is checked when
the library is read (markup, safety, languages, example values), and every problem of every
file is reported at once.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._shipped import shipped_folder
from ..errors import Problem, TemplateError, ValidationFailed
from ..files import YamlDocument, read_yaml_file
from ..model.walk import parse_path
from ._fill import Environments, needed_names, parse, template_texts, unsafe_constructs
from .template import BUILT_INS, AgreementTemplate, ClauseTemplate, Template, version_key

LIBRARY_PATH_VARIABLE = "MOU_LIBRARY_PATH"
"""Environment variable naming extra library folders, separated like ``PATH`` (``:`` or ``;``)."""
MAX_TEMPLATES = 2000


def bundled_library_path() -> Path:
    """Return the folder of the clause library shipped with mou_kit.

    Installed from a wheel it is the package ``mou_kit.clause_library``; in an editable install
    or a source checkout, the ``clause_library/`` folder at the top of the repository.
    """
    return shipped_folder("mou_kit.clause_library", "clause_library")


def configured_paths(environ: Mapping[str, str] | None = None) -> list[Path]:
    """Return the user library folders named by ``MOU_LIBRARY_PATH`` (empty when unset)."""
    value = (environ if environ is not None else os.environ).get(LIBRARY_PATH_VARIABLE, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


class Library:
    """The templates available to an assembly: build it with :func:`load_library`."""

    def __init__(self, templates: Iterable[Template], *, files: Mapping[str, str] | None = None) -> None:
        self._by_id: dict[str, list[Template]] = {}
        for template in templates:
            self._by_id.setdefault(template.id, []).append(template)
        for versions in self._by_id.values():
            versions.sort(key=lambda t: version_key(t.version))
        self.files: dict[str, str] = dict(files or {})
        """Where each template was read from, keyed by ``id@version``."""

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, template_id: object) -> bool:
        return template_id in self._by_id

    def templates(self, *, kind: str | None = None) -> list[Template]:
        """Return the newest version of every template (of ``kind``: article or agreement), by category and id."""
        latest = [versions[-1] for versions in self._by_id.values()]
        chosen = [t for t in latest if kind is None or t.kind == kind]
        return sorted(chosen, key=lambda t: (t.kind != "agreement", t.category, t.id))

    def versions(self, template_id: str) -> list[Template]:
        """Return every version of ``template_id``, oldest first (empty when it is unknown)."""
        return list(self._by_id.get(template_id, []))

    def latest(self, template_id: str) -> Template | None:
        """Return the newest version of ``template_id``, or ``None`` when the library lacks it."""
        versions = self._by_id.get(template_id)
        return versions[-1] if versions else None

    def get(self, ref: str) -> Template:
        """Return the template ``ref``: ``id`` (its newest version) or ``id@1.2.0``.

        :raises TemplateError: no template has that id or that version.
        """
        template_id, _, version = ref.partition("@")
        versions = self._by_id.get(template_id)
        if not versions:
            close = difflib.get_close_matches(template_id, list(self._by_id), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "the library lists its templates"
            raise TemplateError(f"no template {template_id!r} in the library: {hint}", code="template-unknown",
                                template=template_id)
        if not version:
            return versions[-1]
        for template in versions:
            if template.version == version:
                return template
        known = ", ".join(t.version for t in versions)
        raise TemplateError(f"template {template_id!r} has no version {version!r} (versions: {known})",
                            code="template-unknown")

    def article(self, ref: str) -> ClauseTemplate:
        """Return the article template ``ref``.

        :raises TemplateError: it is unknown or a whole-agreement template.
        """
        template = self.get(ref)
        if not isinstance(template, ClauseTemplate):
            raise TemplateError(f"{ref!r} is a whole-agreement template; an article entry needs an article "
                                "template", code="template-unknown")
        return template

    def search(self, query: str) -> list[Template]:
        """Return the templates whose words (ids, titles, keywords, headings, texts in every
        language) hold every word of ``query``, best first."""
        words = [w for w in query.lower().split() if w]
        scored: list[tuple[int, Template]] = []
        for template in self.templates():
            head, body = _search_text(template)
            if all(w in head or w in body for w in words):
                scored.append((-sum(w in head for w in words), template))
        scored.sort(key=lambda pair: (pair[0], pair[1].id))
        return [t for _, t in scored]


def _search_text(template: Template) -> tuple[str, str]:
    head = " ".join([template.id, template.category, *template.keywords, *_strings(template.title)])
    return head.lower(), _strings_of(template.model_dump()).lower()


def _strings(text: Any) -> list[str]:
    if isinstance(text, str):
        return [text]
    if isinstance(text, dict):
        return [str(v) for v in text.values()]
    return []


def _strings_of(data: Any) -> str:
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        return " ".join(_strings_of(v) for v in data.values())
    if isinstance(data, list):
        return " ".join(_strings_of(v) for v in data)
    return ""


def load_library(paths: Iterable[str | os.PathLike[str]] = (), *, bundled: bool = True,
                 environ: Mapping[str, str] | None = None) -> Library:
    """Return the library: the bundled templates, the folders in ``MOU_LIBRARY_PATH``, then ``paths``.

    A user folder may add templates and newer versions of bundled ones; the same ``id@version``
    twice is an error.

    :raises ValidationFailed: with every problem of every template file.
    """
    folders = ([bundled_library_path()] if bundled else []) + configured_paths(environ) + [Path(p) for p in paths]
    problems: list[Problem] = []
    templates: list[Template] = []
    files: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            problems.append(Problem("file-missing", "library folder does not exist", file=str(folder),
                                    hint=f"fix the path in {LIBRARY_PATH_VARIABLE} or the 'library' key"))
            continue
        for file in _template_files(folder):
            template = _read_template(file, problems)
            if template is None:
                continue
            if template.ref in files:
                problems.append(Problem(
                    "template-invalid", f"template {template.ref!r} is also in {files[template.ref]}",
                    file=str(file), path="version", hint="raise the version of the newer one"))
                continue
            files[template.ref] = str(file)
            templates.append(template)
    if problems:
        raise ValidationFailed(problems)
    return Library(templates, files=files)


def _template_files(folder: Path) -> list[Path]:
    found = sorted(p for p in folder.rglob("*.yaml") if not any(part.startswith(".") for part in
                                                                  p.relative_to(folder).parts))
    return found[:MAX_TEMPLATES]


def _read_template(file: Path, problems: list[Problem]) -> Template | None:
    try:
        doc = read_yaml_file(file)
    except ValidationFailed as e:
        problems.extend(e.problems)
        return None
    if not isinstance(doc.value, dict):
        problems.append(doc.problem("template-invalid", "a template file holds a mapping (id, version, ...)",
                                    hint="see docs/templates.md"))
        return None
    model: type[Template] = AgreementTemplate if doc.value.get("kind") == "agreement" else ClauseTemplate
    try:
        template = model.model_validate(doc.value)
    except ValidationError as e:
        problems.extend(_as_template_problems(e, model, doc))
        return None
    if isinstance(template, ClauseTemplate):
        problems.extend(check_template(template, doc))
    return template


def _as_template_problems(error: ValidationError, model: type[Template], doc: YamlDocument) -> list[Problem]:
    out: list[Problem] = []
    shorthand = isinstance(doc.value, dict) and "article" in doc.value
    for p in doc.problems_from(error, model):
        path = p.path
        line, column = p.line, p.column
        if shorthand and path and path.startswith("alternatives[0].article"):
            path = path.removeprefix("alternatives[0].")
            found = doc.problem("template-invalid", p.message, parse_path(path))
            line, column = found.line, found.column
        hint = "see docs/templates.md" if p.hint and "json_schema" in p.hint else p.hint
        out.append(Problem("template-invalid", p.message, file=p.file, path=path, line=line, column=column,
                           hint=hint))
    return out


def check_template(template: ClauseTemplate, doc: YamlDocument | None = None) -> list[Problem]:
    """Return every problem of ``template``'s texts: bad markup, unsafe constructs, undeclared
    names, missing languages, and example values that do not fit their variables."""
    from ..model.sandbox import failure

    shorthand = doc is not None and isinstance(doc.value, dict) and "article" in doc.value
    file = doc.file if doc else template.ref

    def problem(code: Any, message: str, where: tuple[str | int, ...], hint: str) -> Problem:
        if shorthand and where[:2] == ("alternatives", 0):
            where = where[2:]
        if doc is not None:
            return doc.problem(code, message, where, hint=hint)
        return Problem(code, message, file=file, path=".".join(str(w) for w in where), hint=hint)

    envs = Environments()
    declared = {v.name for v in template.variables}
    known = declared | set(BUILT_INS)
    types = {v.name: v.type for v in template.variables}
    out: list[Problem] = []
    def checked(make_tree: Any, where: tuple[str | int, ...], markup: str, hint: str) -> Any:
        """Return the parsed tree, or ``None`` after noting why it cannot be parsed or is unsafe."""
        try:
            tree = make_tree()
        except Exception as e:  # untrusted text: whatever Jinja2 raised becomes one problem
            reason = failure(e, "template-invalid").message
            out.append(problem("template-invalid", f"{markup} markup error: {reason}", where, hint))
            return None
        for reason in unsafe_constructs(tree):
            out.append(problem("template-unsafe", reason, where, "remove it; see docs/templates.md"))
        return tree

    for item in template_texts(template):
        lang = item.lang or template.languages[0]
        tree = checked(lambda lang=lang, item=item: parse(envs.template(lang), item), item.where, "template",
                       "write values as << name >> and conditions as <% if name %>...<% endif %>")
        if tree is None:
            continue
        for name in sorted(needed_names(tree) - known):
            out.append(problem("template-invalid", f"<< {name} >> is used but not declared under 'variables'",
                               item.where, f"add a variable named {name!r} or fix the name"))
        if not item.expression:
            checked(lambda lang=lang, item=item: envs.agreement(lang).parse(item.text), item.where, "agreement",
                    "write agreement variables as {{ name }}")
    for a, alt in enumerate(template.alternatives):
        out.extend(_language_gaps(template, alt.model_dump(), ("alternatives", a), problem))
        for c, clause in enumerate(alt.article.clauses):
            for p, point in enumerate(clause.points):
                if point.each is not None and types.get(point.each) != "points":
                    out.append(problem("template-invalid", f"'each: {point.each}' needs a variable of type 'points'",
                                       ("alternatives", a, "article", "clauses", c, "points", p, "each"),
                                       "declare it with 'type: points'"))
    examples = {v.name: v.example for v in template.variables}
    try:
        template.values_model().model_validate(examples)
    except ValidationError as e:
        for err in e.errors(include_url=False):
            name = str(err["loc"][0]) if err["loc"] else "?"
            index = next((i for i, v in enumerate(template.variables) if v.name == name), 0)
            out.append(problem("template-invalid", f"example of {name!r} does not fit its type: {err['msg']}",
                               ("variables", index, "example"), "give an example of the declared type"))
    return out


def _language_gaps(template: ClauseTemplate, data: Any, where: tuple[str | int, ...], problem: Any) -> list[Problem]:
    out: list[Problem] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("text", "heading", "title") and value is not None:
                have = {template.languages[0]} if isinstance(value, str) else set(value)
                missing = [lang for lang in template.languages if lang not in have]
                if missing and len(template.languages) > 1:
                    out.append(problem("template-invalid", f"text has no {', '.join(missing)} version",
                                       (*where, key), f"write it as {{{', '.join(template.languages)}: ...}}"))
            else:
                out.extend(_language_gaps(template, value, (*where, key), problem))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out.extend(_language_gaps(template, value, (*where, i), problem))
    return out
