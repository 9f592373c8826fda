"""The chat assistant: rules as tables, matching, replies and helplines (no language model)."""

from ..domain.helplines import Helpline
from .conversation import Context, understand
from .engine import Analysis, analyse

__all__ = ["Analysis", "Context", "Helpline", "analyse", "understand"]
