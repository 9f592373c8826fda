"""Mail goes through an outbox: queued with the change it tells of, delivered after the commit.

A registration and its manage-link message are one transaction: either both are stored or
neither. Delivery happens straight after the commit; a message the mail server refused stays
in the outbox with its error, and `flask --app locator outbox send` (from cron, say) tries again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage

from locator.adapters.mail.transport import Transport

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    """What one delivery round did."""

    sent: int = 0
    failed: int = 0


class Mailer:
    """Queue messages in the store's outbox and deliver them through a transport."""

    def __init__(self, store, transport: Transport):
        self.store = store
        self.transport = transport

    def send(self, to: str, subject: str, body: str) -> None:
        """Queue a message; outside a transaction deliver it at once, inside wait for `deliver`."""
        self.store.outbox.add(to, subject, body)
        if not self.store.in_transaction:
            self.deliver()

    def deliver(self, limit: int = 100) -> Delivery:
        """Send what waits in the outbox (up to `limit`); failures stay queued with their error."""
        sent = failed = 0
        for letter in self.store.outbox.claim(limit):
            try:
                self.transport.deliver(letter.recipient, letter.subject, letter.body)
            except Exception as error:  # whatever fails, the letter waits
                # What was saved stays saved: the letter keeps its error for `outbox send`.
                logger.warning("Mail %s not delivered: %s", letter.id, type(error).__name__)
                self.store.outbox.failed(letter.id, f"{type(error).__name__}: {error}")
                failed += 1
            else:
                self.store.outbox.sent(letter.id)
                sent += 1
        return Delivery(sent, failed)

    def sent(self) -> list[EmailMessage]:
        """Return the messages the file transport wrote, oldest first."""
        return self.transport.sent()
