"""Drafting checks over an agreement: defined terms, references, variables, languages, form, drift."""

from ._drift import check_drift as check_drift, update_article as update_article
from ._run import lint as lint
from .finding import RULES as RULES, Finding as Finding, Rule as Rule
