"""Documents made from an agreement: numbered text, DOCX, PDF, HTML and Markdown, all from one outline."""

from ._document import fingerprint as fingerprint
from ._docx import render_docx as render_docx
from ._drafts import render_drafts as render_drafts
from ._html import render_html as render_html
from ._markdown import render_markdown as render_markdown
from ._text import render_text as render_text
from .outline import Outline as Outline, outline as outline
from .pdf import render_pdf as render_pdf
