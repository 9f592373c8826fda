"""What the manage link, head offices and moderators share: PDFs, records, statistics."""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    render_template,
    request,
)
from markupsafe import Markup

from locator.domain import clock, features, policy
from locator.domain.errors import InvalidParameter
from locator.domain.helplines import TOPIC_LABELS
from locator.domain.premises import Premises, reference
from locator.domain.vocabulary import Scheme, Status
from locator.usage import records as review
from locator.web import links
from locator.web.api import locator


def sticker_offered(row: Premises) -> bool:
    """Tell whether a listing gets a window sticker: External, and public or about to be."""
    return row.scheme == Scheme.EXTERNAL and row.status in (Status.PUBLISHED, Status.PENDING)


def printed(row: Premises, document: str):
    # Imported when a PDF is asked for: fpdf costs a third of a second at start-up.
    from locator.printing import pdfs as printing

    if document == "sticker.pdf" and not sticker_offered(row):
        # Its QR code would open a page saying the place is not listed (or nothing at all).
        abort(404)
    public_url = links.space_url(row.id)
    space = _printed_space(row, public_url)
    if document == "staff-card.pdf":
        space["local_contacts"] = local_contacts(row)
    make = printing.window_sticker_pdf if document == "sticker.pdf" else printing.staff_card_pdf
    response = current_app.response_class(make(space, public_url), mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{reference(row.id)}-{document}"'
    )
    return response


def _printed_space(row: Premises, public_url: str) -> dict:
    """Return what a sticker or staff card prints of a premises."""
    return {
        **features.data_properties(row, public_url),
        "codewords": list(row.codewords),
        "scheme": row.scheme,
        "status": row.status,
    }


def printed_stickers(rows: list[Premises], file_name: str):
    """Download one PDF with the window sticker of each premises offered one; 404 for none."""
    from locator.printing import pdfs as printing

    stickers = []
    for row in rows:
        if sticker_offered(row):
            url = links.space_url(row.id)
            stickers.append((_printed_space(row, url), url))
    if not stickers:
        abort(404)
    response = current_app.response_class(
        printing.window_stickers_pdf(stickers), mimetype="application/pdf"
    )
    response.headers["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def local_contacts(row: Premises) -> list[dict]:
    """Return the referral contacts of the premises' district, topics named in words."""
    return [
        {**contact, "topic_labels": [TOPIC_LABELS.get(code, code) for code in contact["topics"]]}
        for contact in locator().store.referrals.in_area(row.area_code)
    ]


def statistics(space_ids, suppress: bool, estate: list[Premises] | None = None):
    """Return the counts of the premises' uses kept; with `estate`, a row per store too."""
    months = int(current_app.config["USAGE_RETENTION_MONTHS"])
    since = policy.months_before(clock.today(), months)
    uses = locator().store.uses
    stores = review.store_uses(estate, uses.totals(space_ids, since)) if estate else ()
    return review.statistics(uses.counts(space_ids, since), suppress, stores)


def charts(stats) -> dict[str, Markup]:
    # The SVG is built from our own labels and escaped counts, so it is safe to mark up.
    return {
        "needs": Markup(review.bar_chart_svg("Uses by need", stats.needs, stats.suppress)),  # noqa: S704
        "outcomes": Markup(  # noqa: S704
            review.bar_chart_svg("Uses by outcome", stats.outcomes, stats.suppress)
        ),
    }


USE_LOG_PAGE = 20  # entries of a premises' own log on one page
USE_CORRECTED = "The entry is corrected."
USE_DELETED = "The entry is deleted."


def use_choices() -> dict:
    """Return what the use form offers, for the manage page and the correction page alike."""
    return {
        "choices": review.NEEDS,
        "outcomes": review.OUTCOMES,
        "agencies": review.AGENCIES,
        "parts": review.PARTS_OF_DAY,
        "today": clock.today(),
        "note_limit": review.NOTE_LIMIT,
    }


def use_log(row: Premises) -> dict:
    """Return one page of the premises' own log, newest first (`?log=2` for the next)."""
    uses = locator().store.uses
    total = uses.count(row.id)
    last = max(1, -(-total // USE_LOG_PAGE))
    page = request.args.get("log", "1")
    page = min(int(page), last) if page.isdigit() and int(page) > 0 else 1
    return {
        "uses": uses.recent(row.id, USE_LOG_PAGE, (page - 1) * USE_LOG_PAGE),
        "log_page": page,
        "log_pages": last,
        "log_total": total,
    }


def use_section(row: Premises, use_message=None, welfare=False, use_values=None) -> dict:
    """Return what the record-a-use form and the premises' own log show (`_uses.html`)."""
    return {
        **use_log(row),
        **use_choices(),
        "use_message": use_message,
        "welfare": welfare,
        "welfare_check": review.WELFARE_CHECK,
        "review_questions": review.REVIEW_QUESTIONS,
        "use_values": use_values or {},
    }


def _check_use(form) -> dict:
    return review.check_use(form, int(current_app.config["USAGE_RETENTION_MONTHS"]))


def record_use(row: Premises) -> dict:
    """Record a use from the form; return what the manage page says about it."""
    try:
        values = _check_use(request.form)
    except InvalidParameter as error:
        # The form comes back as it was typed, so a refused note can be mended, not retyped.
        return {"error": error, "use_values": request.form}
    locator().store.uses.add(row.id, values)
    return {
        "use_message": "Recorded. Thank you: this helps the scheme improve.",
        "welfare": values["staff_support"],
    }


def change_use(row: Premises, use_id: int, base: str):
    """Show one of the premises' recorded uses to correct or delete; None once corrected."""
    store = locator().store
    use = store.uses.find(row.id, use_id)
    if use is None:  # another premises' record is not found, the same as a missing one
        abort(404)
    error = None
    if request.method == "POST":
        try:
            values = _check_use(request.form)
        except InvalidParameter as exc:
            error = exc
        else:
            store.uses.update(row.id, use_id, values)
            return None
    return render_template(
        "use_edit.html",
        space=row,
        use=use,
        values=request.form if error else use,
        error=error,
        base=base,
        **use_choices(),
    ), (400 if error else 200)


def delete_use(row: Premises, use_id: int) -> None:
    """Delete one of the premises' recorded uses; 404 when it has no such use."""
    if not locator().store.uses.delete(row.id, use_id):
        abort(404)


def csv_response(stats, name: str):
    response = current_app.response_class(review.statistics_csv(stats), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def statistics_page(
    title: str,
    space_ids,
    csv_name: str,
    path: str,
    *,
    suppress: bool,
    estate: list[Premises] | None = None,
):
    """Show statistics across premises (small counts hidden when `suppress`), or as CSV.

    With a head office's `estate`, a table of each store's uses comes too.
    """
    stats = statistics(space_ids, suppress=suppress, estate=estate)
    if request.args.get("format") == "csv":
        return csv_response(stats, csv_name)
    return render_template(
        "statistics.html",
        title=title,
        stats=stats,
        charts=charts(stats),
        csv_url=f"{path}?format=csv",
    )
