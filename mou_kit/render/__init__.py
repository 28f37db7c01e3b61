"""Documents made from an agreement: numbered text, DOCX, PDF, HTML and Markdown, all from one outline."""

from .document import fingerprint as fingerprint
from .docx import render_docx as render_docx
from .drafts import render_drafts as render_drafts
from .html import render_html as render_html
from .markdown import render_markdown as render_markdown
from .outline import Outline as Outline, outline as outline
from .pdf import render_pdf as render_pdf
from .text import render_text as render_text
