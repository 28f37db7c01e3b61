"""The agreement folder on disk and in git: canonical YAML in, typed models out, and back."""

from .document import YamlDocument as YamlDocument
from .document import parse_yaml_document as parse_yaml_document
from .document import read_yaml_file as read_yaml_file
from .folder import (
    AGREEMENT_FILE as AGREEMENT_FILE,
)
from .folder import (
    dump_agreement as dump_agreement,
)
from .folder import (
    dump_meeting as dump_meeting,
)
from .folder import (
    load as load,
)
from .folder import (
    load_meetings as load_meetings,
)
from .folder import (
    parse_agreement as parse_agreement,
)
from .folder import (
    parse_meetings as parse_meetings,
)
from .folder import (
    read_folder as read_folder,
)
from .folder import (
    save as save,
)
from .folder import (
    write_files as write_files,
)
from .schema import json_schema as json_schema
