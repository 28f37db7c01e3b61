"""Files a reader of the docs already has, made for the docs' tests: a Word file back from BP3MI,
a contract written elsewhere, and test certificates. ``python docs_src/fixtures.py counterpart
dari-bp3mi.docx``, ``python docs_src/fixtures.py contract contract.docx`` or
``python docs_src/fixtures.py certificates .`` (``polda.p12``, ``bp3mi.p12``, ``kanwil.p12``,
``root.pem``; passphrase ``mou-demo``)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import mou_kit

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "tppo-kalbar"
SHORT = {"polda-kalbar": "polda", "bp3mi-kalbar": "bp3mi", "kanwil-kemenkumham-kalbar": "kanwil"}


def counterpart(target: Path) -> None:
    """The founding example as Word, edited by BP3MI with tracked changes."""
    import docx

    from mou_kit.demo.counterpart import counterpart_edits

    mou_kit.render_docx(mou_kit.load(EXAMPLE), target, lang="id")
    document = docx.Document(str(target))
    counterpart_edits(document, "BP3MI Kalbar")
    document.save(str(target))


def contract(target: Path) -> None:
    """A services agreement written in Word elsewhere: numbered sections whose heads carry their first
    sentence, lettered points and a signature table."""
    import docx

    document = docx.Document()
    document.add_paragraph("SERVICES AGREEMENT").alignment = 1
    document.add_paragraph("This Agreement is made on 1 March 2026 between Acme Trading Limited (\u201cAcme\u201d) "
                           "and Beta Research Institute (\u201cBeta\u201d).")
    for text in ("1. Term. This Agreement runs for two years from the date of signing.",
                 "2. Services. Acme shall provide to Beta:", "(a) data analysis;", "(b) training for its staff.",
                 "3. Fees. Beta shall pay the fees within thirty days of each invoice.",
                 "IN WITNESS WHEREOF the parties have signed this Agreement."):
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=2)
    for column, (party, name, title) in enumerate((("ACME TRADING LIMITED", "John Smith", "Director"),
                                                   ("BETA RESEARCH INSTITUTE", "Sari Dewi", "Rector"))):
        for row, text in enumerate((party, f"Name: {name}", f"Title: {title}")):
            table.rows[row].cells[column].text = text
    document.save(str(target))


def certificates(folder: Path) -> None:
    """A test root and one PKCS#12 file per party of the founding example, under short names."""
    parties = [(p.id, p.signatory.name if p.signatory else p.id) for p in mou_kit.load(EXAMPLE).parties]
    made = mou_kit.make_test_certificates(folder / ".certs", parties)
    for party, short in SHORT.items():
        shutil.copy(made.pkcs12[party], folder / f"{short}.p12")
    shutil.copy(made.root, folder / "root.pem")


if __name__ == "__main__":
    {"counterpart": counterpart, "contract": contract, "certificates": certificates}[sys.argv[1]](Path(sys.argv[2]))
