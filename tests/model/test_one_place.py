"""One picker, one printed text, one walker: the concepts every layer reads through."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from mou_kit import Agreement
from mou_kit.model import PrintedText, number
from mou_kit.model.locale import available_languages, locale_for
from mou_kit.model.text import text_in
from mou_kit.model.walk import iter_body, iter_ids
from tests.strategies import agreements

langs = st.sampled_from(["id", "en", "fr"])
texts = st.one_of(st.text(min_size=1, max_size=5),
                  st.dictionaries(langs, st.text(min_size=0, max_size=5), min_size=1, max_size=3))


@given(texts, langs, langs)
def test_text_in_falls_back_only_as_asked(text: str | dict[str, str], lang: str, main: str) -> None:
    exact = text_in(text, lang, main=main)
    to_main = text_in(text, lang, main=main, fallback="main")
    anywhere = text_in(text, lang, main=main, fallback="any")
    # the older spelling every layer used to repeat
    assert to_main == (text_in(text, lang, main=main) or text_in(text, main, main=main) or None)
    if exact:
        assert to_main == anywhere == exact
    if to_main:
        assert anywhere == to_main
    if isinstance(text, dict) and any(text.values()):
        assert anywhere
    if isinstance(text, str):
        assert exact == (text if lang == main else None) and to_main == text


@settings(max_examples=30, deadline=None)
@given(agreements)
def test_iter_body_walks_every_numbered_node_in_document_order(agreement: Agreement) -> None:
    numbering = number(agreement)
    body = list(iter_body(agreement))
    ids = [i for _, i in iter_ids(agreement)]
    assert [n.id for n in body if n.kind != "recital"] == [i for i in ids if i in numbering and
                                                          i not in {p.id for p in agreement.parties} and
                                                          i not in {a.id for a in agreement.annexes}]
    for node in body:
        if node.kind == "recital":
            assert agreement.recitals[node.place].id == node.id
            continue
        assert str(numbering.address(node.id)) == ".".join(str(p + 1) for p in node.positions)
        assert node.parent is None if node.kind == "article" else node.parent in {n.id for n in body}


@settings(max_examples=30, deadline=None)
@given(agreements, langs.filter(lambda lang: lang != "fr"))
def test_printed_text_is_the_language_else_the_main_one(agreement: Agreement, lang: str) -> None:
    printed = PrintedText(agreement, lang)
    main = agreement.main_language
    for node in iter_body(agreement):
        own = text_in(node.text, lang, main=main)
        chosen = printed.renderer(node.text)
        assert chosen.lang == (lang if own is not None else main)
        assert printed.pick(node.text) == (own if own is not None else text_in(node.text, main, main=main))


def test_every_locale_holds_the_report_words_of_english() -> None:
    english = locale_for("en").report
    for lang in available_languages():
        report = locale_for(lang).report
        for table in ("words", "kinds", "fields", "results", "dim"):
            assert set(report[table]) == set(english[table]), (lang, table)
        assert len(report["matrix"]) == len(english["matrix"])
        assert "{label}" in report["recital_ref"] and "{n}" in locale_for(lang).party_placeholder


def test_placeholder_parties_are_read_from_every_locale() -> None:
    from mou_kit.importers._build import placeholder_party

    assert placeholder_party("PIHAK 1") and placeholder_party("PARTY 12")
    assert not placeholder_party("PIHAK KESATU") and not placeholder_party("BP3MI")
