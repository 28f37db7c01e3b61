"""Every revision of an agreement in git: the only package that touches git.

Importing it is cheap: GitPython is imported only when a repository is opened.
"""

from .meetings import meeting_from_options as meeting_from_options, record_meeting as record_meeting
from .merge import Conflict as Conflict, MergeResult as MergeResult, merge as merge
from .proposals import (
    MergeOutcome as MergeOutcome,
    finish_merge as finish_merge,
    merge_branch as merge_branch,
    pending_conflicts as pending_conflicts,
    propose as propose,
    resolve_conflict as resolve_conflict,
    switch as switch,
)
from .remote import SyncReport as SyncReport, sync as sync
from .revision import BlameEntry as BlameEntry, Revision as Revision
from .workspace import TIP as TIP, Workspace as Workspace
