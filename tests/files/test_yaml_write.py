"""The canonical YAML emitter: what is quoted, block scalars, and comments carried across saves."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, strategies as st

from mou_kit.files._yaml_write import dump_yaml, scalar

HEADER = "# yaml-language-server: $schema=x.json"


def _load(data: bytes) -> Any:
    return yaml.load(data, Loader=yaml.CSafeLoader)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Pontianak", "Pontianak"),
        ("yes", '"yes"'),
        ("12", '"12"'),
        ("12:30", '"12:30"'),
        ("0o17", '"0o17"'),
        ("null", '"null"'),
        ("a: b", '"a: b"'),
        ("#x", '"#x"'),
        ("[NRP]", '"[NRP]"'),
        ("- a", '"- a"'),
        ("x #y", '"x #y"'),
        ("tab\there", '"tab\\there"'),
        ("nel\x85", '"nel\\u0085"'),
        ("ls\u2028", '"ls\\u2028"'),
        (True, "true"),
        (5, "5"),
        (1e20, "1.0e+20"),
        (dt.date(2023, 7, 18), "2023-07-18"),
        (None, "null"),
    ],
)
def test_scalar(value: object, text: str) -> None:
    assert scalar(value) == text


def test_layout() -> None:
    long = " ".join(["kalimat"] * 12)
    data = {"id": "x", "languages": ["id", "en"], "clauses": [{"id": "c1", "text": long}], "empty": []}
    assert dump_yaml(data, header=HEADER).decode() == (
        f"{HEADER}\nid: x\nlanguages: [id, en]\nclauses:\n  - id: c1\n    text: |-\n      {long}\nempty: []\n"
    )


def test_block_scalar_keeps_text_exactly() -> None:
    data = {"text": "baris satu\n\n  baris dua menjorok\nbaris tiga"}
    out = dump_yaml(data, header=HEADER)
    assert b"text: |-\n" in out
    assert _load(out) == data


OLD = b"""# yaml-language-server: $schema=x.json
# Catatan di atas berkas.
id: pasal-1
heading: Ruang Lingkup  # judul disepakati
clauses:
  # Usulan PIHAK KEDUA
  - id: c1
    text: Teks satu.
  - id: c2  # dibahas ulang
    text: Teks dua.
  # Dihapus?
  - id: c3
    text: Teks tiga.
# akhir
"""


def test_comments_survive_a_reorder_and_edit() -> None:
    new = {"id": "pasal-1", "heading": "Ruang Lingkup", "clauses": [
        {"id": "c2", "text": "Teks dua, diubah."}, {"id": "c1", "text": "Teks satu."},
        {"id": "c3", "text": "Teks tiga."}]}
    out = dump_yaml(new, header=HEADER, previous=OLD).decode()
    assert out == (
        "# yaml-language-server: $schema=x.json\n"
        "# Catatan di atas berkas.\n"
        "id: pasal-1\n"
        "heading: Ruang Lingkup  # judul disepakati\n"
        "clauses:\n"
        "  - id: c2  # dibahas ulang\n"
        "    text: Teks dua, diubah.\n"
        "  # Usulan PIHAK KEDUA\n"
        "  - id: c1\n"
        "    text: Teks satu.\n"
        "  # Dihapus?\n"
        "  - id: c3\n"
        "    text: Teks tiga.\n"
        "# akhir\n"
    )
    assert _load(out.encode()) == new


def test_comment_of_a_removed_node_is_kept_at_the_end() -> None:
    new = {"id": "pasal-1", "heading": "Ruang Lingkup", "clauses": [{"id": "c1", "text": "Teks satu."}]}
    out = dump_yaml(new, header=HEADER, previous=OLD).decode()
    assert "# Dihapus?" in out and "# dibahas ulang" in out
    assert _load(out.encode()) == new


def test_hash_inside_block_text_is_not_a_comment() -> None:
    data = {"text": "# bukan komentar\n" + "x" * 80}
    first = dump_yaml(data, header=HEADER)
    assert dump_yaml(data, header=HEADER, previous=first) == first


json_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(), st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)),
    max_leaves=20,
)


@given(st.dictionaries(st.text(min_size=1, max_size=10), json_like, max_size=6))
def test_any_data_reads_back_equal_and_dumps_stably(data: dict[str, Any]) -> None:
    out = dump_yaml(data, header=HEADER)
    assert _load(out) == (data or None)
    assert dump_yaml(data, header=HEADER, previous=out) == out


def test_a_file_whose_only_comment_is_the_schema_line_has_no_comments_to_keep() -> None:
    from mou_kit.files._yaml_comments import extract_comments

    schema = "# yaml-language-server: $schema=../.mou/schema/article.json\n"
    plain = (schema + "id: a1\nheading: Judul\n").encode()
    assert extract_comments(plain, skip_first="# yaml-language-server") == extract_comments(b"id: a1\n")
    kept = extract_comments((schema + "# catatan\nid: a1\nheading: Judul # akhir\n").encode(),
                            skip_first="# yaml-language-server")
    assert kept.before == {("id",): ["# catatan"]} and kept.end_of_line == {("heading",): "# akhir"}
