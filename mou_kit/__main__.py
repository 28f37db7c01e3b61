"""Run the ``mou`` command line as ``python -m mou_kit``."""

from ._entry import main

main()
