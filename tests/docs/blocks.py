"""The code blocks of README.md and docs/*.md, read as a reader meets them, and the rules they obey.

Every fenced block has a language. ``python`` blocks either carry ``<!-- test: from FILE -->`` (their
lines appear, in order, in a tested file under ``docs_src/``) or run as they are; ``console``
blocks run each ``$ command`` and match the lines after it; ``sh`` blocks run each line; ``yaml``
blocks parse; ``text`` blocks are pictures of output or folders, not code. A block may also say
``<!-- test: before COMMAND -->`` (what the reader has done off the page, run where they stand),
``<!-- test: cwd=FOLDER -->`` (where they stand then, from the sandbox's top) or
``<!-- test: skip REASON -->``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = {"python", "console", "sh", "yaml", "text", "json"}
_FENCE = re.compile(r"^```(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)
_DIRECTIVE = re.compile(r"<!--\s*test:\s*(?P<words>.*?)\s*-->")


@dataclass
class Block:
    """One fenced block: where it is, its language, its text and the test directives above it."""

    path: Path
    line: int
    lang: str
    body: str
    directives: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """Return the fenced blocks of one Markdown file, in reading order."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        before = text[:match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        directives: dict[str, str] = {}
        for directive in _DIRECTIVE.finditer(before):
            key, _, value = directive["words"].partition(" ")
            if "=" in key:
                key, value = key.split("=", 1)
            directives[key] = value.strip()
        found.append(Block(path, line, match["lang"], match["body"], directives))
    return found


@dataclass
class Command:
    """One command a reader types, and the lines the page says it prints."""

    line: str
    expected: list[str]


def console_commands(body: str) -> list[Command]:
    """``$ command`` lines (with ``\\`` continuations) and the output lines under each."""
    commands: list[Command] = []
    pending = ""
    for raw in body.splitlines():
        if pending:
            pending += "\n" + raw
            if not raw.endswith("\\"):
                commands.append(Command(pending, []))
                pending = ""
        elif raw.startswith("$ "):
            if raw.endswith("\\"):
                pending = raw[2:]
            else:
                commands.append(Command(raw[2:], []))
        elif raw.strip() and commands:
            commands[-1].expected.append(raw)
    return commands


def sh_commands(body: str) -> list[Command]:
    """Each line of an ``sh`` block is a command (comments are the shell's own)."""
    commands: list[Command] = []
    pending = ""
    for raw in body.splitlines():
        line = pending + raw
        if line.endswith("\\"):
            pending = line + "\n"
            continue
        pending = ""
        if line.strip() and not line.lstrip().startswith("#"):
            commands.append(Command(line, []))
    return commands


def says_it_fails(expected: list[str]) -> bool:
    """True when the page shows the command failing: an ``error:`` line, or a merge's conflicts."""
    return any(re.match(r"error:|\d+ conflicts?:", line.strip()) for line in expected)


def pattern(expected: str) -> re.Pattern[str]:
    """An expected output line as a pattern: ``…`` or ``...`` stand for any text, a revision id for any."""
    parts = re.split(r"(…|\.\.\.|\b[0-9a-f]{7,40}\b)", expected.strip())
    regex = ""
    for part in parts:
        if part in ("…", "..."):
            regex += ".*"
        elif re.fullmatch(r"[0-9a-f]{7,40}", part):
            regex += "[0-9a-f]{7,40}"
        else:
            regex += re.escape(part)
    return re.compile(regex)


def lines_in_order(needles: list[str], haystack: list[str]) -> bool:
    """True when each non-blank needle equals a haystack line (stripped), in the same order."""
    wanted = [n.strip() for n in needles if n.strip()]
    have = [h.strip() for h in haystack if h.strip()]
    for start in range(len(have)):
        if have[start:start + len(wanted)] == wanted:
            return True
    return not wanted
