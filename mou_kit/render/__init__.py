"""Documents made from an agreement: numbered text now; DOCX, PDF, HTML and Markdown beside it."""

from .outline import Outline as Outline, outline as outline
from .text import render_text as render_text
