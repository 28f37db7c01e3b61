"""What a drafting check reports: a finding with a rule id, a severity, a place and a fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Rule:
    """One drafting rule: its id (``MOU101``), short name, severity and what it checks."""

    id: str
    name: str
    severity: Severity
    summary: str


RULES: tuple[Rule, ...] = (
    Rule("MOU101", "term-undefined", "info", "A capitalised phrase used like a defined term is not defined."),
    Rule("MOU102", "term-unused", "warning", "A defined term is never used."),
    Rule("MOU103", "term-defined-twice", "error", "Two defined terms have the same wording."),
    Rule("MOU104", "term-capitalisation", "warning", "A defined term is used with other capitalisation."),
    Rule("MOU105", "term-defined-in-missing", "error", "A term's 'defined_in' names no node."),
    Rule("MOU110", "dangling-reference", "error", "A [[reference]] names no node."),
    Rule("MOU120", "variable-undefined", "error", "A text uses a {{ variable }} the agreement does not define."),
    Rule("MOU121", "variable-unused", "warning", "A variable of the agreement is used by no text."),
    Rule("MOU130", "language-missing", "error", "A text lacks one of the agreement's languages."),
    Rule("MOU140", "party-without-signatory", "warning", "A party has no signatory."),
    Rule("MOU201", "title-punctuation", "error", "The title ends with punctuation."),
    Rule("MOU202", "number-without-words", "warning", "A number in running text is not followed by its words."),
    Rule("MOU203", "number-words-mismatch", "error", "The words after a number say another number."),
    Rule("MOU204", "scope-without-catch-all", "warning", "The scope list does not end with the catch-all item."),
    Rule("MOU205", "party-label-mixed", "error", "PIHAK PERTAMA and PIHAK KESATU are mixed."),
    Rule("MOU206", "recital-form", "warning", "A recital does not start with 'bahwa' or end with ';'."),
    Rule("MOU207", "heading-punctuation", "warning", "An article heading ends with punctuation."),
    Rule("MOU208", "prevailing-language-missing", "error",
         "A bilingual agreement has no Pasal saying which language prevails (UU 24/2009 Pasal 31)."),
    Rule("MOU209", "legal-basis-recital", "info", "A government MoU has no recital naming its legal basis."),
    Rule("MOU210", "pihak-ketiga-ambiguous", "warning",
         "'pihak ketiga' where PIHAK KETIGA is a party: write 'pihak lain di luar PARA PIHAK'."),
    Rule("MOU211", "masing-masing-pihak", "warning", "'Masing-masing PIHAK': write 'Setiap PIHAK'."),
    Rule("MOU212", "loanword-monitoring", "warning", "'monitoring' in Indonesian: write 'pemantauan'."),
    Rule("MOU213", "tanda-tangan-basah", "warning", "'tanda tangan basah': write 'tanda tangan manual'."),
    Rule("MOU214", "pks-english-name", "warning",
         "'Implementing Arrangement' for a PKS: write 'Cooperation Agreement'."),
    Rule("MOU215", "police-rank-english", "warning",
         "'Police Inspector General': write 'Inspector General of Police'."),
    Rule("MOU216", "each-plural", "warning", "'heads of each PARTY': write 'head of each PARTY'."),
    Rule("MOU217", "ilegal-and-tidak-prosedural", "warning",
         "'ilegal' and 'tidak prosedural' both used for one concept."),
    Rule("MOU310", "text-changed-after-agreed", "error",
         "The text in the repository changed after it was agreed, outside the lifecycle (e.g. a plain git commit)."),
    Rule("MOU301", "template-newer", "warning", "The template of an article has a newer version."),
    Rule("MOU302", "template-missing", "info", "The template an article came from is not in the library."),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}


@dataclass(frozen=True, slots=True)
class Finding:
    """One drafting finding: which rule, where (node id and path), what is wrong and the fix."""

    rule: str
    message: str
    path: str | None = None
    node: str | None = None
    hint: str | None = None
    details: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        """How serious the finding is, from its rule."""
        return RULES_BY_ID[self.rule].severity

    @property
    def name(self) -> str:
        """The short name of the rule, e.g. ``term-unused``."""
        return RULES_BY_ID[self.rule].name

    def __str__(self) -> str:
        where = self.path or "<agreement>"
        text = f"{where}: {self.severity} {self.rule} {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def to_dict(self) -> dict[str, object]:
        """Return the finding as plain data, keys in a fixed order."""
        return {"rule": self.rule, "name": self.name, "severity": self.severity, "message": self.message,
                "node": self.node, "path": self.path, "hint": self.hint, "details": list(self.details)}


def finding(rule: str, message: str, *, path: str | None = None, node: str | None = None,
            hint: str | None = None, details: tuple[str, ...] = ()) -> Finding:
    """Return a finding of ``rule``.

    :raises KeyError: ``rule`` is not one of :data:`RULES`.
    """
    RULES_BY_ID[rule]
    return Finding(rule, message, path=path, node=node, hint=hint, details=details)
