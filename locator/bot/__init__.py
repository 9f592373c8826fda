"""The chat assistant: rules as tables, matching, replies and helplines (no language model)."""

from .engine import Analysis, analyse
from .helplines import Helpline

__all__ = ["Analysis", "Helpline", "analyse"]
