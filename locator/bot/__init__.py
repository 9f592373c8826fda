"""The chat assistant: rules as tables, matching, replies and helplines (no language model)."""

from .conversation import Context, understand
from .engine import Analysis, analyse
from .helplines import Helpline

__all__ = ["Analysis", "Context", "Helpline", "analyse", "understand"]
