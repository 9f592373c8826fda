"""What the manage link, head offices and moderators share: PDFs, records, statistics."""

from __future__ import annotations

from flask import (
    current_app,
    render_template,
    request,
)
from markupsafe import Markup

from locator.domain import clock, features, policy
from locator.domain.errors import InvalidParameter
from locator.domain.premises import Premises, reference
from locator.usage import records as review
from locator.web import links
from locator.web.api import locator


def printed(row: Premises, document: str):
    # Imported when a PDF is asked for: fpdf costs a third of a second at start-up.
    from locator.printing import pdfs as printing

    public_url = links.space_url(row.id)
    space = features.data_properties(row, public_url)
    make = printing.window_sticker_pdf if document == "sticker.pdf" else printing.staff_card_pdf
    response = current_app.response_class(make(space, public_url), mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{reference(row.id)}-{document}"'
    )
    return response


def statistics(space_ids, suppress: bool):
    months = int(current_app.config["USAGE_RETENTION_MONTHS"])
    since = policy.months_before(clock.today(), months)
    return review.statistics(locator().store.uses.counts(space_ids, since), suppress)


def charts(stats) -> dict[str, Markup]:
    # The SVG is built from our own labels and escaped counts, so it is safe to mark up.
    return {
        "needs": Markup(review.bar_chart_svg("Uses by need", stats.needs, stats.suppress)),  # noqa: S704
        "outcomes": Markup(  # noqa: S704
            review.bar_chart_svg("Uses by outcome", stats.outcomes, stats.suppress)
        ),
    }


def record_use(row: Premises):
    try:
        values = review.check_use(request.form, int(current_app.config["USAGE_RETENTION_MONTHS"]))
    except InvalidParameter as error:
        return None, error
    locator().store.uses.add(row.id, values)
    return "Recorded. Thank you: this helps the scheme improve.", None


def csv_response(stats, name: str):
    response = current_app.response_class(review.statistics_csv(stats), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def statistics_page(title: str, space_ids, csv_name: str, path: str):
    """Show shared statistics (small counts hidden), or download them as CSV."""
    stats = statistics(space_ids, suppress=True)
    if request.args.get("format") == "csv":
        return csv_response(stats, csv_name)
    return render_template(
        "statistics.html",
        title=title,
        stats=stats,
        charts=charts(stats),
        csv_url=f"{path}?format=csv",
    )
