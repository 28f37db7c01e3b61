"""Load an agreement folder and print where each clause of one article stands, in both languages."""

from pathlib import Path

import mou_kit


def main(folder: Path) -> list[str]:
    agreement = mou_kit.load(folder)
    numbering = mou_kit.number(agreement)
    lines = []
    for clause in agreement.articles[1].clauses[0].points:
        lines.append(f"{clause.id}: {numbering.ref(clause.id, 'id')} / {numbering.ref(clause.id, 'en')}")
    return lines


if __name__ == "__main__":
    print("\n".join(main(Path("examples/tppo-kalbar"))))
