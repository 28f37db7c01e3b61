"""The agreement folder on disk and in git: canonical YAML in, typed models out, and back."""

from ._disk import save as save, write_files as write_files
from ._document import (
    YamlDocument as YamlDocument,
    parse_yaml_document as parse_yaml_document,
    read_yaml_file as read_yaml_file,
)
from .folder import (
    AGREEMENT_FILE as AGREEMENT_FILE,
    dump_agreement as dump_agreement,
    dump_meeting as dump_meeting,
    load as load,
    load_meetings as load_meetings,
    parse_agreement as parse_agreement,
    parse_meetings as parse_meetings,
    read_folder as read_folder,
)
from .schema import json_schema as json_schema
