"""``mou demo``: the bundled example carried through its whole life, outside the library layers.

``run`` drives the steps; ``library`` assembles the founding MoU from the clause library, ``history``
builds its negotiation in git, ``signing`` carries it to agreed and signed, ``importing`` reads back
a Word file edited by the stand-in counterpart (``counterpart``). Nothing below ``demo/`` imports it.
"""
