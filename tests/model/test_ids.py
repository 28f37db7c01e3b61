"""Ids are slugs safe as file names; paths stay inside the agreement folder."""

from __future__ import annotations

import pytest

from mou_kit.model.ids import check_relative_path, check_slug, slugify


@pytest.mark.parametrize("value", ["pasal-1", "ruang-lingkup", "a", "x9-y8"])
def test_valid_slugs(value: str) -> None:
    assert check_slug(value) == value


@pytest.mark.parametrize("value", ["", "a/b", "../etc", "ayat satu", "Pasal-1", "a--b", "-a", "a-", "a_b", "x" * 81])
def test_invalid_slugs(value: str) -> None:
    with pytest.raises(ValueError):
        check_slug(value)


@pytest.mark.parametrize(("text", "slug"), [("Ruang Lingkup", "ruang-lingkup"), ("Pasal 3 (ayat 2)", "pasal-3-ayat-2")])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("value", ["assets/logo.png", "annexes/rencana-aksi.pdf"])
def test_paths_inside_the_folder(value: str) -> None:
    assert check_relative_path(value) == value


@pytest.mark.parametrize("value", ["/etc/passwd", "../x.png", "assets/../../x", "C:/x", "a\\b", "assets//x", ""])
def test_paths_leaving_the_folder_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="must be relative to the agreement folder"):
        check_relative_path(value)
