"""The clause library and assembly: versioned bilingual templates + answers -> an Agreement."""

from ._answers import Answers as Answers, read_answers as read_answers
from ._library import Library as Library, bundled_library_path as bundled_library_path, load_library as load_library
from .assembly import assemble as assemble, assemble_file as assemble_file
from .template import AgreementTemplate as AgreementTemplate, ClauseTemplate as ClauseTemplate
