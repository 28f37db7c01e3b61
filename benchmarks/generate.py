"""Synthetic agreements of any size with Indonesian-like text, for benchmarks and stress tests.

``synthetic(articles=30, clauses=10)`` is a 300-clause agreement. The text is drawn from a
fixed vocabulary with a seeded generator, so every run measures the same agreement.
"""

from __future__ import annotations

import random
from typing import Any

from mou_kit import Agreement

_VOCABULARY = (
    "PARA PIHAK sepakat untuk melaksanakan kerja sama dalam pencegahan dan penegakan hukum tindak "
    "pidana perdagangan orang sesuai dengan ketentuan peraturan perundang-undangan yang berlaku "
    "termasuk pertukaran data informasi pelindungan pekerja migran Indonesia peningkatan kapasitas "
    "sumber daya manusia pemanfaatan sarana prasarana koordinasi pelaporan evaluasi berkala wilayah "
    "Kalimantan Barat masing-masing PIHAK wajib menjaga kerahasiaan dan bertanggung jawab atas"
)
WORDS = tuple(_VOCABULARY.split(" "))


def sentence(rng: random.Random, low: int = 18, high: int = 45) -> str:
    """Return an Indonesian-like sentence of ``low`` to ``high`` words ending with a full stop."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def synthetic_data(articles: int = 30, clauses: int = 10, *, seed: int = 7,
                   points_every: int = 4) -> dict[str, Any]:
    """Return the plain data of a synthetic agreement with ``articles`` x ``clauses`` clauses.

    Every ``points_every``-th clause leads in to three points; some clauses cite others.
    """
    rng = random.Random(seed)
    body = []
    for a in range(1, articles + 1):
        cl = []
        for c in range(1, clauses + 1):
            clause: dict[str, Any] = {"id": f"a{a}-c{c}", "text": sentence(rng)}
            if c % points_every == 0:
                clause["text"] = sentence(rng, 8, 14)[:-1] + ":"
                clause["points"] = [{"id": f"a{a}-c{c}-p{p}", "text": sentence(rng, 6, 16)[:-1] + ";"}
                                    for p in range(1, 4)]
            if a > 1 and c == 2:
                clause["text"] += f" Sebagaimana dimaksud dalam [[a{a - 1}-c1]]."
            cl.append(clause)
        body.append({"id": f"a{a}", "heading": f"Pasal Uji {a}", "clauses": cl})
    return {
        "id": "synthetic",
        "languages": ["id"],
        "title": "Kerja Sama Sintetis",
        "place": "Pontianak",
        "parties": [
            {"id": f"pihak-{i}", "name": f"Instansi Sintetis {i}", "short_name": f"IS{i}",
             "signatory": {"name": f"Pejabat {i}", "position": f"Kepala Instansi {i}"}}
            for i in (1, 2, 3)
        ],
        "articles": body,
    }


def synthetic(articles: int = 30, clauses: int = 10, *, seed: int = 7) -> Agreement:
    """Return a synthetic agreement with ``articles`` x ``clauses`` clauses."""
    return Agreement.model_validate(synthetic_data(articles, clauses, seed=seed))
