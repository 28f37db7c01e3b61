"""Checking signatures with pyHanko: intact and trusted; a changed byte or a foreign root fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit.render import fingerprint
from mou_kit.signing import TestCertificates, check_signatures, document_mark, make_test_certificates
from tests.builders import build


def test_both_signatures_hold(both: bytes, certs: TestCertificates) -> None:
    checks = check_signatures(both, trust=[certs.root])
    assert [(c.party, c.signer, c.intact, c.valid, c.trusted, c.ok) for c in checks] == [
        ("party-1", "Pejabat 1", True, True, True, True), ("party-2", "Pejabat 2", True, True, True, True)]
    assert checks[0].later_changes == "FORM_FILLING" and checks[1].later_changes == "NONE"


def test_without_a_root_trust_is_not_checked(both: bytes) -> None:
    assert [c.trusted for c in check_signatures(both)] == [None, None]


def test_another_root_is_not_trusted(both: bytes, tmp_path: Path) -> None:
    other = make_test_certificates(tmp_path, [], organisation="Another CA")
    checks = check_signatures(both, trust=[other.root])
    assert [(c.trusted, c.ok) for c in checks] == [(False, False), (False, False)]


@pytest.mark.parametrize("where", [0.3, 0.6])
def test_a_changed_byte_breaks_the_signatures(both: bytes, certs: TestCertificates, where: float) -> None:
    data = bytearray(both)
    stream = data.index(b"stream", int(len(data) * where) // 2) + 20  # inside a content stream, not the /Contents
    data[stream] ^= 0x01
    checks = check_signatures(bytes(data), trust=[certs.root])
    assert checks and not any(c.ok for c in checks)
    assert not all(c.intact for c in checks)


def test_mark_holds_revision_and_fingerprint(unsigned: bytes) -> None:
    mark = document_mark(unsigned)
    assert mark.revision == "abc1234567"
    assert mark.fingerprint == fingerprint(build("a1[c1,c2]", state="agreed"))
