"""The chat assistant: rules as tables, matching, replies and helplines (no language model)."""

from locator.chat.conversation import Context, understand
from locator.chat.engine import Analysis, analyse
from locator.domain.helplines import Helpline

__all__ = ["Analysis", "Context", "Helpline", "analyse", "understand"]
