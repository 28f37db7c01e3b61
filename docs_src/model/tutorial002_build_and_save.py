"""Build a two-party agreement in code, render it as numbered text and save it as a folder."""

from pathlib import Path

import mou_kit
from mou_kit import Agreement, Article, Clause, Party, Point, Signatory
from mou_kit.render import render_text


def build() -> Agreement:
    return Agreement(
        id="kerja-sama-data",
        languages=["id"],
        title="Pertukaran Data Kependudukan",
        place="Pontianak",
        parties=[
            Party(id="disdukcapil", name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Disdukcapil",
                  signatory=Signatory(name="[NAMA KEPALA DINAS]", position="Kepala Dinas", id_label="NIP",
                                      id_number="[NIP]")),
            Party(id="rsud", name="Rumah Sakit Umum Daerah", short_name="RSUD",
                  signatory=Signatory(name="[NAMA DIREKTUR]", position="Direktur")),
        ],
        articles=[
            Article(id="ruang-lingkup", heading="Ruang Lingkup", clauses=[
                Clause(id="lingkup", text="Ruang lingkup Nota Kesepahaman ini meliputi:", points=[
                    Point(id="lingkup-data", text="pertukaran data kependudukan; dan"),
                    Point(id="lingkup-lain", text="kegiatan lain yang disepakati PARA PIHAK."),
                ]),
            ]),
            Article(id="pelaksanaan", heading="Pelaksanaan", clauses=[
                Clause(id="pelaksanaan-data", text="Data sebagaimana dimaksud dalam [[lingkup-data]] "
                                                   "dipertukarkan secara elektronik."),
            ]),
        ],
    )


def main(folder: Path) -> str:
    agreement = build()
    mou_kit.save(agreement, folder)
    return render_text(mou_kit.load(folder))


if __name__ == "__main__":
    print(main(Path("kerja-sama-data")))
