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

    def send(self, to: str, subject: str, body: str) -> int:
        """Queue a message; outside a transaction deliver it at once, inside wait for `deliver`.

        Return the message's id in the outbox.
        """
        letter_id = self.store.outbox.add(to, subject, body)
        if not self.store.in_transaction:
            self.deliver()
        return letter_id

    def deliver_after_commit(self, letter_id: int | None = None) -> bool:
        """Try to deliver what waits now, never raising; return whether `letter_id` has gone.

        Without a letter id, return whether delivery ran without failing.

        The change the letter tells of is committed: whatever fails here (the mail server, the
        database going away) leaves the letter queued for `outbox send`, and the person who
        made the change is told it is saved, never given an error.
        """
        try:
            delivery = self.deliver()
            if letter_id is None:
                return not delivery.failed
            return self.store.outbox.delivered(letter_id)
        except Exception as error:  # whatever fails, what was saved stays saved
            # The name of the failure only: its text may carry an address or a link.
            logger.warning("Mail %s left in the outbox: %s", letter_id, type(error).__name__)
            return False

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
