"""Flask CLI commands: init-db, import, demo, accounts, upkeep, outbox, referrals, gazetteer."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from locator.domain.errors import Busy
from locator.geo import loading
from locator.importing import demo
from locator.importing import rows as importing
from locator.importing import service as imports
from locator.listings import accounts, referrals


def _locator():
    return current_app.extensions["locator"]


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create or migrate the database schema (safe to run twice)."""
    store = _locator().store
    store.migrate()
    click.echo(f"Database ready ({store.backend}).")


@click.command("import")
@with_appcontext
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(importing.FORMATS),
    default="auto",
    show_default=True,
    help="File format; auto guesses from the name and contents.",
)
@click.option("--organisation", help="Organisation for every row (the key is organisation+ref).")
@click.option("--publish", is_flag=True, help="Approve imported External rows (operators only).")
@click.option("--dry-run", is_flag=True, help="Check every row and report; write nothing.")
def import_command(path: Path, fmt: str, organisation: str | None, publish: bool, dry_run: bool):
    """Import premises from a CSV, GeoJSON, OpenStreetMap or NHS pharmacy file."""
    service = _locator()
    service.store.migrate()
    try:
        # A CSV is read, checked and written a chunk at a time; a later part found unreadable
        # still refuses the whole file (the write's one transaction is rolled back).
        source = importing.open_rows(path, fmt, organisation)
        with click.progressbar(length=source.total, label="Checking rows", file=sys.stderr) as bar:
            result = imports.import_source(
                service, source, publish=publish, dry_run=dry_run, on_progress=bar.update
            )
    except importing.ImportFileError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except Busy as busy:
        click.echo(f"Error: {busy.message}", err=True)
        sys.exit(2)
    report(result)
    if not result.plan.accepted:
        sys.exit(1)


def report(result) -> None:
    """Print an import's summary and every rejected row."""
    plan = result.plan
    click.echo(f"Format: {plan.format}")
    click.echo(f"Rows read: {plan.read}")
    if result.dry_run:
        click.echo(f"Would import: {plan.accepted} (dry run: nothing written)")
    else:
        click.echo(
            f"Imported: {result.inserted} new, {result.updated} updated, "
            f"{result.unchanged} unchanged"
        )
    click.echo(f"Rejected: {len(plan.rejected)}")
    for rejected in plan.rejected:
        ref = f" (ref {rejected.ref})" if rejected.ref else ""
        click.echo(f"  {rejected.where}{ref}: {rejected.reason}")
    if plan.warnings:
        click.echo(f"Imported with a warning: {len(plan.warnings)}")
    for warned in plan.warnings:
        ref = f" (ref {warned.ref})" if warned.ref else ""
        click.echo(f"  {warned.where}{ref}: {warned.reason}")
    if plan.approximate:
        click.echo(
            f"Placed by their postcode (no lat/lon given): {len(plan.approximate)} — "
            "a postcode covers about 15 addresses; add coordinates for exact positions."
        )


@click.command("demo")
@with_appcontext
@click.option("--replace/--keep", default=True, help="Remove earlier demo premises first.")
def demo_command(replace: bool) -> None:
    """Load the shipped demo premises (marked as demo wherever they are shown)."""
    service = _locator()
    service.store.migrate()
    removed = service.store.premises.delete_demo() if replace else 0
    results = demo.load_demo(service)
    for name, result in results.items():
        click.echo(
            f"{name}: {result.inserted} new, {result.updated} updated, "
            f"{len(result.plan.rejected)} left out (no usable opening hours or address)"
        )
    if removed:
        click.echo(f"Replaced {removed} earlier demo premises.")


@click.command("create-moderator")
@with_appcontext
@click.option("--email", required=True, help="The moderator's email (their sign-in name).")
@click.option("--name", required=True, help="The moderator's name, shown in the audit log.")
@click.option(
    "--area",
    "areas",
    multiple=True,
    help="Limit to a local authority district (slug, e.g. leeds); repeat for more. "
    "None means every area.",
)
@click.password_option(help="At least 12 characters (asked for when not given).")
def create_moderator_command(email: str, name: str, areas: tuple[str, ...], password: str):
    """Create a moderator account (password hashed with argon2)."""
    from locator.domain.errors import InvalidParameter

    service = _locator()
    service.store.migrate()
    try:
        moderator_id = accounts.create_moderator(
            service.store, service.areas, email, name, password, areas
        )
    except InvalidParameter as error:
        click.echo(f"Error: {error.message}", err=True)
        sys.exit(2)
    scope = ", ".join(areas) if areas else "every area"
    click.echo(f"Moderator {moderator_id} created for {scope}.")


@click.command("create-organisation")
@with_appcontext
@click.option("--name", required=True, help="The organisation, as its premises rows name it.")
@click.option("--email", required=True, help="The head office's sign-in email.")
@click.password_option(help="At least 12 characters (asked for when not given).")
def create_organisation_command(name: str, email: str, password: str):
    """Create a head-office account that uploads and manages an estate on the web."""
    from locator.domain.errors import InvalidParameter

    service = _locator()
    service.store.migrate()
    try:
        account_id = accounts.create_organisation(service.store, name, email, password)
    except InvalidParameter as error:
        click.echo(f"Error: {error.message}", err=True)
        sys.exit(2)
    click.echo(f"Head-office account {account_id} created for {name}.")


@click.command("two-factor")
@with_appcontext
@click.argument("email")
@click.option(
    "--kind",
    type=click.Choice(accounts.KINDS),
    default="moderator",
    show_default=True,
    help="Which kind of account the email signs in.",
)
@click.option("--off", is_flag=True, help="Remove two-factor sign-in from the account.")
def two_factor_command(email: str, kind: str, off: bool) -> None:
    """Turn on two-factor sign-in for an account: prints the code to scan with an authenticator."""
    from locator.domain.errors import InvalidParameter

    service = _locator()
    service.store.migrate()
    try:
        uri = accounts.set_two_factor(service.store, kind, email, enable=not off)
    except InvalidParameter as error:
        click.echo(f"Error: {error.message}", err=True)
        sys.exit(2)
    if uri is None:
        click.echo(f"Two-factor sign-in is off for {email}.")
        return
    import segno

    click.echo(f"Two-factor sign-in is on for {email}. Scan this with an authenticator app")
    click.echo("(or enter the address below); from now on signing in asks for its 6-digit code.")
    segno.make(uri, error="m").terminal(compact=True)
    click.echo(uri)


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete recorded uses older than USAGE_RETENTION_MONTHS and sign-ins left idle."""
    from datetime import timedelta

    from locator.domain import clock
    from locator.usage import records as review

    store = _locator().store
    months = int(current_app.config["USAGE_RETENTION_MONTHS"])
    removed = review.purge(store, months)
    click.echo(f"Deleted {removed} recorded uses older than {months} months.")
    idle = timedelta(minutes=int(current_app.config["SESSION_IDLE_MINUTES"]))
    ended = store.accounts.end_idle_sessions(clock.utc_now() - idle)
    click.echo(f"Deleted {ended} sign-ins idle for longer than {idle.seconds // 60} minutes.")
    expired = store.uploads.purge()
    click.echo(f"Deleted {expired} uploaded estate files left unconfirmed.")


@click.command("remind")
@with_appcontext
def remind_command() -> None:
    """Mail businesses and head offices with listings due a check (every REVIEW_REMINDER_DAYS)."""
    from locator.usage import records as review

    config = current_app.config
    base = _public_base_url()
    sent = review.remind(
        _locator().store,
        current_app.extensions["mailer"],
        base,
        int(config["REVIEW_REMINDER_DAYS"]),
        refresh_months=int(config["TRAINING_REFRESH_MONTHS"]),
    )
    # One mail per business listing and one per head office, however many of its stores.
    click.echo(f"Sent {sent} reminder mails.")


def _public_base_url() -> str:
    """Return PUBLIC_BASE_URL; without it, say so and stop with exit status 1.

    Every command that mails asks for it: mail is read away from the site, and a link built
    from anything else (localhost, this machine's name) would lead nowhere.
    """
    base = str(current_app.config["PUBLIC_BASE_URL"] or "").strip().rstrip("/")
    if not base:
        click.echo(
            "Error: set PUBLIC_BASE_URL to the site's public address (e.g. "
            "https://safespaces.example) first: links in mail must lead to it, not to localhost.",
            err=True,
        )
        sys.exit(1)
    return base


@click.group("outbox")
def outbox_group() -> None:
    """Mail waiting in the outbox (registrations, decisions, reminders, new links)."""


@outbox_group.command("send")
@with_appcontext
@click.option("--retry-given-up", is_flag=True, help="Try again messages that ran out of tries.")
def outbox_send_command(retry_given_up: bool) -> None:
    """Deliver what waits in the outbox; run it from cron to retry after a mail-server outage."""
    # The letters hold their links already, made from PUBLIC_BASE_URL only where it was set: a
    # deployment without it is not ready to mail anyone.
    _public_base_url()
    store = _locator().store
    store.migrate()
    if retry_given_up:
        click.echo(f"Given fresh tries: {store.outbox.retry_given_up()}")
    mailer = current_app.extensions["mailer"]
    sent = failed = 0
    while True:
        delivery = mailer.deliver()
        sent, failed = sent + delivery.sent, failed + delivery.failed
        if delivery.sent + delivery.failed == 0 or delivery.failed:
            break
    waiting = store.outbox.waiting()
    click.echo(f"Sent: {sent}")
    click.echo(f"Failed this time: {failed}")
    click.echo(f"Still waiting: {waiting['waiting']}; given up: {waiting['given_up']}")
    if failed:
        sys.exit(1)


@click.group("referrals")
def referrals_group() -> None:
    """Local referral contacts that partnerships keep for their districts."""


@referrals_group.command(
    "import",
    epilog="Columns: area (district code, name or slug), name, phone, website, topics "
    f"(';'-separated: {', '.join(referrals.TOPICS)}), hours (OpenStreetMap opening_hours, "
    "optional). Each district named in the file gets exactly the file's list.",
)
@with_appcontext
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--skip-bad", is_flag=True, help="Write the good rows even when some are bad.")
def import_referrals_command(path: Path, skip_bad: bool) -> None:
    """Replace the contact lists of the districts a CSV names; nothing while a row is bad."""
    service = _locator()
    service.store.migrate()
    try:
        result = referrals.import_contacts(service.store, service.areas, path, skip_bad=skip_bad)
    except importing.ImportFileError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    plan = result.plan
    click.echo(f"Rows read: {plan.read}")
    click.echo(f"Written: {result.written}")
    heading = "Skipped" if result.written else "Bad rows (nothing written)"
    click.echo(f"{heading}: {len(plan.rejected)}")
    for rejected in plan.rejected:
        click.echo(f"  {rejected.where}: {rejected.reason}")
    if plan.rows and not result.written:
        click.echo(f"Fix the bad rows, or pass --skip-bad to write the {len(plan.rows)} good ones.")
    replaced = f" ({', '.join(result.areas)})" if result.areas else ""
    click.echo(f"Areas replaced: {len(result.areas)}{replaced}")
    if not result.written:
        sys.exit(1)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Places operators load from newer official files, ahead of the shipped ones."""


@gazetteer_group.command(
    "load",
    epilog="Formats: onspd (ONS Postcode Directory or NSPL, CSV with a header), codepoint "
    "(Code-Point Open zip or CSV), open-names (OS Open Names zip or CSV), naptan (NaPTAN "
    "Stops.csv). Loading a source again replaces its earlier places; a bad file changes nothing.",
)
@with_appcontext
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(loading.FORMATS),
    default="auto",
    show_default=True,
    help="File format; auto tells it from the zip's member names or the first row.",
)
@click.option("--source", help="Name the places are kept under (default: the format's name).")
def gazetteer_load_command(path: Path, fmt: str, source: str | None) -> None:
    """Load postcodes, names or stops from a newer official file (zip, CSV or .csv.gz)."""
    store = _locator().store
    store.migrate()
    started = time.monotonic()
    try:
        with loading.PlaceFile(path, fmt) as places:
            report = loading.LoadReport(places.format)
            with click.progressbar(
                length=places.total_bytes, label=f"Loading {places.format}", file=sys.stderr
            ) as bar:
                batches = places.batches(report, bar.update)
                name = source or places.format
                written = store.places.replace(name, places.format, path.name, batches)
    except loading.PlaceFileError as exc:
        click.echo(f"Error: {exc}", err=True)
        click.echo("Nothing was changed.", err=True)
        sys.exit(1)
    seconds = time.monotonic() - started
    click.echo(f"Format: {report.format}")
    click.echo(f"Rows read: {report.rows_read:,}")
    click.echo(f"Loaded: {written:,} places (source {source or report.format})")
    click.echo(f"Skipped: {sum(report.skipped.values()):,}")
    for reason, count in report.skipped.most_common():
        click.echo(f"  {reason}: {count:,} (e.g. {'; '.join(report.examples[reason])})")
    click.echo(f"Time: {seconds:.1f} s ({report.rows_read / max(seconds, 1e-9):,.0f} rows/s)")


@gazetteer_group.command("status")
@with_appcontext
def gazetteer_status_command() -> None:
    """Say which sources are loaded, with how many places and when."""
    store = _locator().store
    store.migrate()
    sources = store.places.sources()
    if not sources:
        click.echo("Nothing loaded: the shipped gazetteer answers alone.")
    for loaded in sources:
        click.echo(
            f"{loaded.source}: {loaded.entries:,} places from {loaded.file_name} "
            f"({loaded.format}), loaded {loaded.loaded_at:%Y-%m-%d %H:%M} UTC"
        )


@gazetteer_group.command("clear")
@with_appcontext
@click.option("--source", help="Clear only this source (see `gazetteer status`); default all.")
def gazetteer_clear_command(source: str | None) -> None:
    """Remove loaded places, so the shipped gazetteer answers again."""
    store = _locator().store
    store.migrate()
    if source is not None and source not in {s.source for s in store.places.sources()}:
        click.echo(f"Error: no source {source!r} is loaded (see `gazetteer status`).", err=True)
        sys.exit(1)
    removed = store.places.clear(source)
    click.echo(f"Removed {removed:,} loaded places{f' of {source}' if source else ''}.")


def init_app(app: Flask) -> None:
    """Register the commands on an app."""
    commands = (
        init_db_command,
        import_command,
        demo_command,
        create_moderator_command,
        create_organisation_command,
        two_factor_command,
        purge_command,
        remind_command,
        outbox_group,
        referrals_group,
        gazetteer_group,
    )
    for command in commands:
        app.cli.add_command(command)


def main() -> None:
    """Run the Flask CLI for this app (the `locator` console script)."""
    from flask.cli import FlaskGroup

    from locator import create_app

    FlaskGroup(create_app=create_app)(prog_name="locator")
