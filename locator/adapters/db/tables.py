"""The database's tables, declared once: the store queries them and the migrations build them."""

from __future__ import annotations

import sqlalchemy as sa

from locator.domain.vocabulary import IMPORT_COLUMNS, PUBLIC_SCHEME, PUBLIC_STATUS

metadata = sa.MetaData()

premises = sa.Table(
    "premises",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("organisation", sa.String(200), nullable=False),
    sa.Column("ref", sa.String(100), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("address", sa.String(500), nullable=False, server_default=""),
    sa.Column("postcode", sa.String(10), nullable=True),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("opening_hours", sa.String(1000), nullable=False),
    # Codes joined by ";" in vocabulary order, as in the import format.
    sa.Column("facilities", sa.String(300), nullable=False, server_default=""),
    sa.Column("phone", sa.String(40), nullable=True),
    sa.Column("website", sa.String(500), nullable=True),
    sa.Column("how_to_ask", sa.String(1000), nullable=True),
    sa.Column("scheme", sa.String(10), nullable=False),
    sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
    sa.Column("area_code", sa.String(9), nullable=True),
    sa.Column("nation", sa.String(20), nullable=False, server_default="england"),
    sa.Column("demo", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_confirmed", sa.Date, nullable=True),
    # From registration: private contact, readiness answers (JSON), the manage link's hash.
    sa.Column("contact_email", sa.String(254), nullable=True),
    sa.Column("checklist", sa.Text, nullable=True),
    sa.Column("closed_until", sa.Date, nullable=True),
    # A scheduled closure starts on this day (none: closed from now until closed_until).
    sa.Column("closed_from", sa.Date, nullable=True),
    sa.Column("manage_token_hash", sa.String(64), nullable=True),
    # Edits to public fields wait here (JSON) until a moderator approves them.
    sa.Column("pending_changes", sa.Text, nullable=True),
    sa.Column("moderation_note", sa.Text, nullable=True),
    sa.Column("reminded_on", sa.Date, nullable=True),
    # The head office whose estate this is: set only by its own uploads (or a moderator), never
    # from the free-text organisation name anyone may type when registering.
    sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisations.id", name="fk_premises_organisation", ondelete="SET NULL"),
        nullable=True,
    ),
    # The hash of the link a head office gives a store's staff to record uses (and nothing else).
    sa.Column("record_token_hash", sa.String(64), nullable=True),
    sa.UniqueConstraint("organisation", "ref", name="uq_premises_organisation_ref"),
    sa.CheckConstraint("scheme in ('external', 'internal')", name="ck_premises_scheme"),
    sa.CheckConstraint(
        "status in ('pending', 'published', 'rejected', 'suspended')", name="ck_premises_status"
    ),
    sa.Index("ix_premises_public", "status", "scheme"),
    sa.Index("ix_premises_manage_token", "manage_token_hash", unique=True),
    sa.Index("ix_premises_organisation_id", "organisation_id"),
    sa.Index("ix_premises_record_token", "record_token_hash", unique=True),
)


def _sign_in_columns() -> list[sa.Column]:
    """Return the columns both kinds of account keep for signing in safely."""
    return [
        # Wrong passwords (or codes) in a row; at the limit the account is locked for a while.
        sa.Column("failed_sign_ins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        # The base32 secret of the account's authenticator app; none: no second step.
        sa.Column("totp_secret", sa.String(64), nullable=True),
    ]


moderators = sa.Table(
    "moderators",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(254), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(200), nullable=False),
    # Local authority district codes this moderator may decide, comma-separated; empty = all.
    sa.Column("area_codes", sa.Text, nullable=False, server_default=""),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    *_sign_in_columns(),
)

# Record and Review: one row per use of a safe space. Deliberately no name, contact, age,
# address or free description of the person: only when, what was needed and what happened.
uses = sa.Table(
    "uses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "premises_id", sa.Integer, sa.ForeignKey("premises.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("part_of_day", sa.String(10), nullable=False),
    sa.Column("need", sa.String(20), nullable=False),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("referred_to", sa.String(30), nullable=True),
    sa.Column("staff_support", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("note", sa.String(140), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_uses_premises_date", "premises_id", "occurred_on"),
)

# Who at a premises was trained and when: initials or a role, never a full name, so the record
# shows readiness without becoming a staff list.
training_records = sa.Table(
    "training_records",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "premises_id", sa.Integer, sa.ForeignKey("premises.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("who", sa.String(40), nullable=False),
    sa.Column("trained_on", sa.Date, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_training_records_premises", "premises_id"),
)

# Head offices: they upload their estate and see all its premises; `name` is the
# organisation their premises rows carry.
organisations = sa.Table(
    "organisations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("email", sa.String(254), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    *_sign_in_columns(),
    # The readiness answers declared once for the whole estate, as JSON (see listings.checklist).
    sa.Column("checklist", sa.Text, nullable=True),
)

# A signed-in session, known by the hash of the random token its cookie carries: signing out
# deletes it, so a copied cookie is dead; an idle one is refused and deleted.
sign_ins = sa.Table(
    "sign_ins",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("account_id", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_sign_ins_account", "kind", "account_id"),
)

# An estate file between its upload and the head office's confirmation: in the database, so
# any machine can finish the import, and never in a shared temporary folder.
uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("organisation_id", sa.Integer, nullable=False),
    sa.Column("suffix", sa.String(10), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    # The name the file had on the head office's computer, for its audit entry once imported.
    sa.Column("file_name", sa.String(300), nullable=True),
    sa.Index("ix_uploads_expires_at", "expires_at"),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "premises_id", sa.Integer, sa.ForeignKey("premises.id", ondelete="SET NULL"), nullable=True
    ),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("detail", sa.Text, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # What a head office did to its estate as a whole (an upload), which no one premises holds.
    sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisations.id", name="fk_audit_organisation", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Index("ix_audit_premises", "premises_id"),
    sa.Index("ix_audit_organisation", "organisation_id"),
)

# What a member of the public said is wrong with a listing: a reason code and a time, nothing
# about who said it.
reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "premises_id", sa.Integer, sa.ForeignKey("premises.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("reason", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
    # What the reporter wrote, if anything (short, no personal data).
    sa.Column("text", sa.String(500), nullable=True),
    sa.Index("ix_reports_premises", "premises_id"),
)

# Local services a safe space can refer people to, kept per district by its partnership. Topics
# are the chat's helpline topic codes joined by ";" (as facilities are): the same on SQLite and
# PostgreSQL, and a district holds few enough contacts that no JSON operators are needed.
referral_contacts = sa.Table(
    "referral_contacts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("area_code", sa.String(9), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("phone", sa.String(40), nullable=False),
    sa.Column("website", sa.String(500), nullable=True),
    sa.Column("topics", sa.String(300), nullable=False),
    # OpenStreetMap opening_hours; empty when the partnership did not say.
    sa.Column("hours", sa.String(1000), nullable=False, server_default=""),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_referral_contacts_area", "area_code"),
)

# Mail waits here, written in the transaction of the change it tells of, until it is delivered.
# Once sent, the body is blanked: it may hold a manage link, which the premises row keeps only
# as a hash.
outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("recipient", sa.String(254), nullable=False),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # Taken by one deliverer at a time; a claim older than a few minutes was abandoned.
    sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_error", sa.String(500), nullable=True),
    sa.Index("ix_outbox_unsent", "sent_at", "id"),
)

# Places an operator loaded from newer official files (`flask gazetteer load`); they take
# precedence over the shipped gazetteer. kind "postcode": key is the postcode without spaces;
# kind "name": key is the gazetteer's own name key. A source's rows are replaced whole.
loaded_places = sa.Table(
    "loaded_places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(60), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("label", sa.String(300), nullable=False),
    sa.Column("place_kind", sa.String(20), nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Index("ix_loaded_places_kind_key", "kind", "key"),
    sa.Index("ix_loaded_places_source", "source"),
)

# One row per source loaded: what file, in what format, when, and how many places it gave.
loaded_sources = sa.Table(
    "loaded_sources",
    metadata,
    sa.Column("source", sa.String(60), primary_key=True),
    sa.Column("format", sa.String(20), nullable=False),
    sa.Column("file_name", sa.String(300), nullable=False),
    sa.Column("entries", sa.Integer, nullable=False),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
)

# One row whose counter goes up in every transaction that changes premises, so each worker
# process can tell cheaply that its in-memory index is stale.
data_version = sa.Table(
    "data_version",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
)

# What an import sets on a premises: the format's columns less the key, plus where it is.
IMPORT_FIELDS = (
    *(name for name in IMPORT_COLUMNS if name not in ("ref", "organisation")),
    "area_code",
    "nation",
)

INSERT_FIELDS = ("organisation", "ref", *IMPORT_FIELDS)


def is_public():
    """Return the SQL condition for premises the public may see."""
    return sa.and_(premises.c.status == PUBLIC_STATUS, premises.c.scheme == PUBLIC_SCHEME)
