"""WordprocessingML below ``render/`` and ``importers/``: the Word namespace, the tracked-change writer,
the accepted and rejected views of a document and the one field-state machine.

``names`` holds the namespace, ``tracked`` writes revisions (the redline, the stand-in counterpart),
``views`` reads them (the importer, the redline's proof). Nothing here knows an agreement.
"""
