"""Diff presentations: the terminal text, the HTML report, the comparison matrix, the DIM and the redline
with native tracked changes, each from an :class:`~mou_kit.diff.AgreementDiff`."""
