"""How large the files of an agreement folder may be before they are refused unread."""

from __future__ import annotations

MAX_YAML_BYTES = 2 * 1024 * 1024
"""Largest YAML file read (2 MiB): a 300-clause agreement's biggest file is far below 100 KiB."""

MAX_ARTICLES = 2000
"""Most article files in one agreement."""

MAX_MEETINGS = 2000
"""Most meeting files in one agreement."""
