"""The house drawn in docs/adr/0070 matches the code: no package imports outside its row, no new circle."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mou_kit"
ADR = ROOT / "docs" / "adr" / "0070-one-concept-one-place.md"

KNOWN_CIRCLES = {
    ("model", frozenset({"_agreement", "walk"})),  # Agreement checks its ids through walk, on first use
    ("files", frozenset({"_uploaded", "folder"})),
    ("cli", frozenset({"_schema_docs", "_schemas"})),
    ("cli", frozenset({"importer", "revisions"})),
}
"""Module circles inside one package that were there when the house was drawn; the list only shrinks."""


def _house() -> dict[str, set[str]]:
    text = ADR.read_text(encoding="utf-8")
    table = text.split("<!-- house -->", 1)[1].split("<!-- /house -->", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3:
            continue
        names = re.findall(r"`([\w.]+)`", cells[0])
        allowed = set(re.findall(r"`([\w.]+)`", cells[2]))
        for name in names:
            rows[name] = allowed | set(names) | ({"*"} if cells[2] in ("everything",) else set())
            if "front door `__init__`" in cells[2]:
                rows[name] |= {"__init__"}
            if "every package above" in cells[2]:
                rows[name] |= {"*above*"}
    return rows


def _imports() -> Iterator[tuple[str, str, int, str]]:
    """Yield (module, imported mou_kit module, line, file) for every import in the package, nested ones too."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_init = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_init else parts)
        package = parts[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[:len(package) - node.level + 1]
                    target = ".".join([*base, node.module] if node.module else base)
                    targets = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
                elif node.module and node.module.startswith("mou_kit"):
                    targets = [node.module]
                else:
                    continue
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("mou_kit")]
            else:
                continue
            for target in targets:
                yield module, target, node.lineno, str(path.relative_to(ROOT))


def _top(module: str) -> str:
    """Return the first-level name under mou_kit (``render``, ``errors``), or ``__init__`` for the root."""
    parts = module.split(".")
    if len(parts) < 2:
        return "__init__"
    name = parts[1]
    return name if (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file() else "__init__"


def test_every_import_stays_inside_the_house() -> None:
    house = _house()
    order = list(house)
    wrong = []
    for module, target, line, file in _imports():
        source, goal = _top(module), _top(target)
        if source == goal:
            continue
        assert source in house, f"{file}: package {source!r} is not in the house of {ADR.name}; add its row"
        allowed = house[source]
        if "*" in allowed or goal in allowed:
            continue
        if "*above*" in allowed and goal in order and order.index(goal) <= order.index(source):
            continue
        wrong.append(f"{file}:{line}: {source} imports {goal} ({target})")
    assert not wrong, "imports outside the house drawn in ADR 0070:\n" + "\n".join(wrong)


def _circles(package: str, edges: dict[str, set[str]]) -> list[frozenset[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(frozenset(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_package_grows_an_import_circle() -> None:
    edges: dict[tuple[str, str], set[str]] = {}
    for module, target, _, _ in _imports():
        parts, goal = module.split("."), target.split(".")
        if len(parts) >= 3 and len(goal) >= 3 and parts[1] == goal[1] and parts[2] != goal[2]:
            edges.setdefault((parts[1], parts[2]), set()).add(goal[2])
    by_package: dict[str, dict[str, set[str]]] = {}
    for (package, module), targets in edges.items():
        by_package.setdefault(package, {})[module] = targets
    found = {(package, circle) for package, graph in by_package.items() for circle in _circles(package, graph)}
    assert not found - KNOWN_CIRCLES, f"new import circles: {sorted(map(str, found - KNOWN_CIRCLES))}"
    assert not KNOWN_CIRCLES - found, f"circles gone, remove them from KNOWN_CIRCLES: {KNOWN_CIRCLES - found}"


def test_render_has_no_circle_between_the_redline_and_the_diff_documents() -> None:
    redline = (PACKAGE / "render" / "diffs" / "redline.py").read_text(encoding="utf-8")
    assert "diff_documents" not in redline


def test_render_is_split_by_what_it_makes() -> None:
    """Documents never import the diff presentations; PDF finishing knows of documents only their info."""
    wrong = []
    for module, target, line, file in _imports():
        parts, goal = module.split("."), target.split(".")
        if parts[:2] != ["mou_kit", "render"] or goal[:2] != ["mou_kit", "render"] or len(goal) < 3:
            continue
        group = parts[2] if len(parts) > 3 and parts[2] in ("diffs", "finishing") else "documents"
        goal_group = goal[2] if goal[2] in ("diffs", "finishing") else "documents"
        if group == "documents" and goal_group == "diffs":
            wrong.append(f"{file}:{line}: a document module imports {target}")
        if group == "finishing" and goal_group == "documents" and goal[2] not in ("_document", "__init__"):
            wrong.append(f"{file}:{line}: finishing imports {target}")
    assert not wrong, "\n".join(wrong)


def _owner(module: str) -> str | None:
    """Return the package that owns ``module`` when it is private (``mou_kit.render.finishing`` for
    ``…finishing._pdfbytes``), else ``None``."""
    parts = module.split(".")
    for i, part in enumerate(parts[1:], 1):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:i])
    return None


def test_a_private_module_is_imported_only_from_its_package_and_below() -> None:
    wrong = []
    for module, target, line, file in _imports():
        owner = _owner(target)
        if owner is not None and owner != "mou_kit" and not (module == owner or module.startswith(owner + ".")):
            wrong.append(f"{file}:{line}: {module} imports the private {target}")
    assert not wrong, "rename the module without '_' (it is shared) or move the importer:\n" + "\n".join(wrong)


DEVELOPER_COMMANDS = {"mou_kit.cli._schemas", "mou_kit/cli/_schemas.py"}
"""Private modules a user page may name: the generator of the page itself, run by developers."""


def test_user_docs_cite_no_private_module() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    cited = re.compile(r"mou_kit(?:[./][A-Za-z0-9_]+)+(?:\.py)?")
    wrong = []
    for page in pages:
        for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for found in cited.findall(text):
                name = found.removesuffix(".py")
                if found in DEVELOPER_COMMANDS or name in DEVELOPER_COMMANDS:
                    continue
                if any(p.startswith("_") and not p.startswith("__") for p in re.split(r"[./]", name)[1:]):
                    wrong.append(f"{page.relative_to(ROOT)}:{number}: {found}")
    assert not wrong, "user docs cite private modules (name the public door instead):\n" + "\n".join(wrong)


APPLICATIONS = ("cli", "web", "demo")
"""Packages that are applications above the library: their modules are loaded by name (the CLI's command
table) or only by the app itself, so the rule below is for the library packages."""

DOCUMENTED_MODULES = {
    "mou_kit.model.bounds": "docs/templates.md and docs/errors.md point to the limits there",
    "mou_kit.render.pagination": "docs/rendering.md names where the DOCX takes its page breaks",
    "mou_kit.render.diffs.redline_proof": "docs/diff.md documents the redline's proof",
}
"""Modules used only inside their package that a user page names as the door: they keep their name."""

NOT_YET_MARKED: dict[str, str] = {}
"""Modules the rule marks, left unrenamed for a branch in flight; the list only shrinks."""


def test_a_module_used_only_inside_its_package_is_marked_private() -> None:
    """A library module nothing outside its package imports is that package's business: it starts with
    ``_`` (ADR 0070), so a reader knows what may change without notice."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1].startswith("_") or len(parts) < 3 or parts[1] in APPLICATIONS:
            continue
        modules[".".join(parts)] = ".".join(parts[:-1])
    outside = {target for module, target, _, _ in _imports() if target in modules
               and not (module == modules[target] or module.startswith(modules[target] + "."))}
    unmarked = sorted(set(modules) - outside - set(DOCUMENTED_MODULES) - set(NOT_YET_MARKED))
    assert not unmarked, ("used only inside their package, rename them with a leading '_' (or name them in "
                          "DOCUMENTED_MODULES with the user page that cites them):\n" + "\n".join(unmarked))
    shared = sorted(set(DOCUMENTED_MODULES) & outside)
    assert not shared, f"imported outside their package now, remove them from DOCUMENTED_MODULES: {shared}"
    done = sorted(set(NOT_YET_MARKED) - (set(modules) - outside))
    assert not done, f"marked or shared now, remove them from NOT_YET_MARKED: {done}"
