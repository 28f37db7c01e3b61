"""Who the parties to an agreement are and who signs for each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .ids import FolderPath, Slug
from .record import Record
from .text import Text


class CertificateSubject(Record):
    """Who a signatory's signing certificate names, so a signature binds to the right party."""

    common_name: str | None = Field(default=None, description="The certificate's CN, e.g. the signer's name.")
    organisation: str | None = Field(default=None, description="The certificate's O, e.g. the institution.")


class Signatory(Record):
    """The official who signs for a party: name, position, rank and registration number."""

    name: str = Field(description="Full name with academic titles, as it is printed under the signature.")
    position: Text = Field(description="Position (jabatan), e.g. 'KEPALA KEPOLISIAN DAERAH KALIMANTAN BARAT'.")
    rank: Text | None = Field(default=None, description="Rank (pangkat), e.g. 'INSPEKTUR JENDERAL POLISI'.")
    id_label: Literal["NRP", "NIP", "NIK", "NIDN"] | None = Field(
        default=None, description="Which registration number follows the rank: NRP (police), NIP (civil service)."
    )
    id_number: str | None = Field(default=None, description="The registration number itself.")
    certificate: CertificateSubject | None = Field(
        default=None, description="What the signing certificate names (CN, O); without it, its CN must be `name`.")


class Party(Record):
    """One party to the agreement, in the order the agreement names them (PIHAK KESATU first)."""

    id: Slug
    name: Text = Field(description="Full name of the institution, as in the title block.")
    short_name: Text = Field(description="Short name used in running text, e.g. 'Polda Kalbar'.")
    number: str | None = Field(default=None, description="The party's own registry number for this agreement (NOMOR).")
    address: Text | None = Field(default=None, description="Seat of the institution (berkedudukan di ...).")
    logo: FolderPath | None = Field(default=None, description="Logo file under assets/, e.g. 'assets/polda.png'.")
    represented_by: Text | None = Field(
        default=None,
        description="Whom the signatory acts for when it is not the institution itself.",
    )
    signatory: Signatory | None = None
