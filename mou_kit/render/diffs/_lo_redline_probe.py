# mypy: ignore-errors
"""Run by LibreOffice's own Python (python3 with ``uno``): open a DOCX, accept or reject every change.

Prints JSON: the tracked changes LibreOffice sees (type, author) before, and each paragraph after
(list label, text with fields as ``[[FIELD]]``). Used by the redline proof; not imported by mou_kit.
Usage: ``python3 _lo_redline_probe.py FILE.docx accept|reject|none PIPE-NAME PROFILE-DIR``.
"""

import contextlib
import json
import os
import subprocess
import sys
import time


def _connect(pipe):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    raise RuntimeError("LibreOffice did not answer")


def _prop(name, value):
    from com.sun.star.beans import PropertyValue

    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    import uno

    path, action, pipe, profile = sys.argv[1:5]
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(pipe)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        changes = []
        enum = doc.Redlines.createEnumeration()
        while enum.hasMoreElements():
            r = enum.nextElement()
            changes.append({"type": r.RedlineType, "author": r.RedlineAuthor})
        if action in ("accept", "reject"):
            helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            frame = doc.getCurrentController().getFrame()
            command = ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
            helper.executeDispatch(frame, command, "", 0, ())
        paragraphs = []
        enum = doc.Text.createEnumeration()
        while enum.hasMoreElements():
            para = enum.nextElement()
            if not para.supportsService("com.sun.star.text.Paragraph"):
                continue
            text = ""
            portions = para.createEnumeration()
            while portions.hasMoreElements():
                portion = portions.nextElement()
                kind = portion.TextPortionType
                if kind == "TextField":
                    text += "[[FIELD]]"
                elif kind == "Text":
                    text += portion.getString()
            paragraphs.append({"label": para.ListLabelString, "text": text})
        left = doc.Redlines.createEnumeration().hasMoreElements()
        doc.close(True)
        print(json.dumps({"changes": changes, "paragraphs": paragraphs, "left": left}))
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        try:
            office.wait(timeout=20)
        except Exception:
            office.kill()


if __name__ == "__main__":
    main()
