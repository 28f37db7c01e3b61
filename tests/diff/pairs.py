"""Pairs of agreements (old, new) for diff and redline tests: one with every kind of change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mou_kit import Agreement
from tests.builders import data

SPEC = "a1[c1,c2(p1,p2,p3)] a2[c3] a3[c4,c5] a4[c6]"


def all_kinds() -> tuple[Agreement, Agreement]:
    """Return an old and a new agreement whose diff holds every kind of change."""
    texts = {"c1": "PARA PIHAK sepakat bekerja sama selama {{ masa }} tahun.",
             "c4": "Lihat [[c6]] untuk penyelesaian.", "c5": "Biaya ditanggung masing-masing PIHAK."}
    old: dict[str, Any] = data(SPEC, texts=texts, variables={"masa": {"type": "integer", "value": 5}},
                               recitals=[{"id": "r1", "text": "bahwa kerja sama diperlukan;"},
                                         {"id": "r2", "text": "bahwa data perlu dipertukarkan;"}],
                               term={"duration_years": 5}, date=dt.date(2023, 7, 18))
    new = data(SPEC, texts=texts | {"p2": "Teks baru untuk huruf b."},
               variables={"masa": {"type": "integer", "value": 3}},
               recitals=[{"id": "r1", "text": "bahwa kerja sama sangat diperlukan;"},
                         {"id": "r2", "text": "bahwa data perlu dipertukarkan;"}],
               term={"duration_years": 3}, date=dt.date(2023, 7, 25), title="Kerja Sama Uji Coba")
    new["parties"][1]["name"] = "Instansi Dua"
    new["parties"][0]["signatory"]["name"] = "Pejabat Baru"
    arts = new["articles"]
    arts[0]["clauses"][1]["points"].pop(2)                       # removed p3
    arts.insert(1, {"id": "a9", "heading": "Heading a9",       # added article, renumbers a2..a4
                    "clauses": [{"id": "c9", "text": "Pasal baru."}]})
    c5 = arts[3]["clauses"].pop(1)                                # move c5 from a3 to a4
    arts[4]["clauses"].append(c5)
    return Agreement.model_validate(old), Agreement.model_validate(new)
