"""PDF finishing: metadata, signature fields and annexes by one incremental update, the places typst
marked with links, and LibreOffice's conversion of a DOCX."""
