"""Every revision of an agreement in git: the only package that touches git.

Importing it is cheap: GitPython is imported only when a repository is opened.
"""

from .merge import Conflict as Conflict, MergeResult as MergeResult, merge as merge
from .revision import BlameEntry as BlameEntry, Revision as Revision
from .workspace import Workspace as Workspace
