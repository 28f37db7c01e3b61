"""Which cross-node rules a draft breaks: references, variables, languages, signatories."""

from __future__ import annotations

from ..errors import TemplateError
from ..model import Agreement, LifecycleState, number, text_langs
from ..model.references import context_values, references, variables_used
from ..model.walk import format_path, iter_texts
from ._texts import LangText
from .finding import Finding, finding

_SIGNED_OR_AFTER = {LifecycleState.AGREED, LifecycleState.SIGNED, LifecycleState.IN_FORCE}


def check_structure(agreement: Agreement, texts: list[LangText]) -> list[Finding]:
    """Return the findings on references, variables, languages and signatories (MOU110-MOU140)."""

    out: list[Finding] = []
    numbering = number(agreement)
    defined = set(context_values(agreement))
    used: set[str] = set()
    env = None  # built by variables_used only for markup beyond {{ name | filter }}
    for text in texts:
        for target in references(text.raw):
            if target not in numbering:
                out.append(finding("MOU110", f"[[{target}]] names no article, clause, point, party or annex",
                                   path=text.path, node=text.node, hint="fix the id or remove the reference"))
        try:
            needed = variables_used(text.raw, env)
        except TemplateError:
            continue
        used |= needed
        for name in sorted(needed - defined):
            out.append(finding("MOU120", f"{{{{ {name} }}}} is not defined", path=text.path, node=text.node,
                               hint=f"add '{name}' under 'variables' in agreement.yaml"))
    for name in sorted(set(agreement.variables) - used):
        out.append(finding("MOU121", f"variable {name!r} is used by no text", path=f"variables.{name}",
                           hint="use it as {{ " + name + " }} or remove it"))
    if len(agreement.languages) > 1:
        out.extend(_languages(agreement))
    for i, party in enumerate(agreement.parties):
        if party.signatory is None:
            late = agreement.state in _SIGNED_OR_AFTER
            out.append(finding("MOU140", f"party {party.id!r} has no signatory" + (" and the agreement is "
                               f"{agreement.state.value}" if late else ""), path=f"parties[{i}]", node=party.id,
                               hint="add 'signatory: {name, position}' to the party"))
    return out


def _languages(agreement: Agreement) -> list[Finding]:
    out: list[Finding] = []
    main = agreement.main_language
    wanted = set(agreement.languages)
    for item in iter_texts(agreement):
        missing = sorted(wanted - text_langs(item.value, main=main))
        if missing:
            out.append(finding("MOU130", f"text has no {', '.join(missing)} version", path=format_path(item.path),
                               node=item.node, hint=f"write it as {{{', '.join(agreement.languages)}: ...}}"))
    for i, party in enumerate(agreement.parties):
        fields = [("name", party.name)]
        if party.signatory is not None:
            fields.append(("signatory.position", party.signatory.position))
        for field, value in fields:
            missing = sorted(wanted - text_langs(value, main=main))
            if missing:
                out.append(finding("MOU130", f"text has no {', '.join(missing)} version",
                                   path=f"parties[{i}].{field}", node=party.id,
                                   hint=f"write it as {{{', '.join(agreement.languages)}: ...}}"))
    return out
