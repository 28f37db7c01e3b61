"""Run the ``mou`` command line as ``python -m mou_kit``."""

from .cli import main

main()
