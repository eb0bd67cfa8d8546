"""Allows ``python -m edition``."""

from edition.cli import main

main()
