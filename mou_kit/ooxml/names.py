"""The Word namespace, written once: every module that reads or writes WordprocessingML takes it from here."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace."""

W = "{" + W_NS + "}"
"""The namespace as lxml prefixes a tag: ``f"{W}p"`` is a paragraph."""

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
"""``xml:space``, set to ``preserve`` on a ``w:t`` whose spaces at either end count."""


def qn(tag: str) -> str:
    """Return ``"w:ins"`` as lxml names it (``"{…/main}ins"``); a tag without the ``w:`` prefix is returned as is."""
    prefix, _, local = tag.partition(":")
    return f"{W}{local}" if prefix == "w" and local else tag
