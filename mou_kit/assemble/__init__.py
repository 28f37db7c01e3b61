"""The clause library and assembly: versioned bilingual templates + answers -> an Agreement."""

from .answers import Answers as Answers
from .answers import read_answers as read_answers
from .assembly import assemble as assemble
from .assembly import assemble_file as assemble_file
from .library import Library as Library
from .library import bundled_library_path as bundled_library_path
from .library import load_library as load_library
from .template import AgreementTemplate as AgreementTemplate
from .template import ClauseTemplate as ClauseTemplate
