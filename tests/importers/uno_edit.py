"""Tracked edits made by LibreOffice itself, through UNO, under a named author.

Run by the tests with the system Python that has LibreOffice's ``uno`` module:
``python3 uno_edit.py PROFILE_DIR JOBS.json``; each job is ``{"src", "dst", "author", "action",
"find", "text"}`` with action ``delete`` (the paragraph holding ``find``, its mark included) or
``insert`` (a new paragraph holding ``text`` after it). Not imported by mou_kit.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

PARAGRAPH_BREAK = 0


def _prop(name: str, value: Any) -> Any:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(profile: str) -> tuple[Any, Any]:
    pipe = f"mou_uno_{os.getpid()}"
    process = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                                "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return process, resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("LibreOffice did not answer on its pipe")


def _author(ctx: Any, author: str) -> None:
    first, _, last = author.partition(" ")
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (_prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", first)
    access.setPropertyValue("sn", last)
    access.commitChanges()


def _paragraph(doc: Any, find: str) -> Any:
    paragraphs = doc.Text.createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph") and find in paragraph.getString():
            return paragraph
    raise SystemExit(f"no paragraph holds {find!r}")


def run(job: dict[str, str], desktop: Any, ctx: Any) -> None:
    _author(ctx, job["author"])
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["src"]), "_blank", 0, (_prop("Hidden", True),))
    doc.RecordChanges = True
    paragraph = _paragraph(doc, job["find"])
    text = doc.Text
    cursor = text.createTextCursorByRange(paragraph.getStart())
    if job["action"] == "delete":
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)
        cursor.setString("")
    else:
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, job["text"], False)
    doc.storeToURL(uno.systemPathToFileUrl(job["dst"]), (_prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)


def main() -> None:
    profile = sys.argv[1]
    with open(sys.argv[2], encoding="utf-8") as f:
        jobs = json.load(f)
    process, ctx = _connect(profile)
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            run(job, desktop, ctx)
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice exits
            desktop.terminate()
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    main()
