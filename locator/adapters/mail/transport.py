"""How a message leaves: to files by default (readable by tests and operators), SMTP by setting.

Nothing here is sent from this machine unless MAIL_BACKEND is "smtp".
"""

from __future__ import annotations

import smtplib
import sys
import uuid
from email.message import EmailMessage
from pathlib import Path

BACKENDS = ("file", "console", "smtp")


class Transport:
    """Deliver one plain-text message through the configured backend."""

    def __init__(self, backend: str, sender: str, folder: Path, smtp_url: str = ""):
        if backend not in BACKENDS:
            raise ValueError(f"MAIL_BACKEND must be file, console or smtp, not {backend!r}")
        self.backend = backend
        self.sender = sender
        self.folder = Path(folder)
        self.smtp_url = smtp_url

    def deliver(self, to: str, subject: str, body: str) -> None:
        """Send one message now; raise OSError (or smtplib's errors) when it cannot go."""
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = f"<{uuid.uuid4().hex}@safe-spaces-locator>"
        message.set_content(body)
        if self.backend == "file":
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / f"{message['Message-ID'].strip('<>').split('@')[0]}.eml"
            path.write_bytes(bytes(message))
        elif self.backend == "console":
            sys.stderr.write(message.as_string() + "\n")
        else:
            host, _, port = self.smtp_url.removeprefix("smtp://").partition(":")
            with smtplib.SMTP(host or "localhost", int(port or 25), timeout=10) as server:
                server.send_message(message)

    def sent(self) -> list[EmailMessage]:
        """Return the messages written by the file backend, oldest first."""
        from email import message_from_bytes, policy

        if not self.folder.exists():
            return []
        paths = sorted(self.folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
        return [message_from_bytes(p.read_bytes(), policy=policy.default) for p in paths]
