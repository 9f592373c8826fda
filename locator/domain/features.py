"""What a premises says about itself to the outside world, the same in the API and the exports."""

from __future__ import annotations

from datetime import date

from locator.domain.premises import Premises


def iso_date(value) -> str | None:
    """Return a date as YYYY-MM-DD, or None when there is none."""
    return value.isoformat() if isinstance(value, date) else None


def data_properties(row: Premises, url: str) -> dict:
    """Return the stored facts of a public premises as GeoJSON properties; empty text is null."""
    return {
        "id": row.id,
        "name": row.name,
        "organisation": row.organisation,
        "address": row.address,
        "postcode": row.postcode or None,
        "facilities": row.facility_codes,
        "opening_hours": row.opening_hours,
        "closed_from": iso_date(row.closed_from),
        "closed_until": iso_date(row.closed_until),
        "phone": row.phone or None,
        "website": row.website or None,
        "how_to_ask": row.how_to_ask or None,
        "url": url,
        "area_code": row.area_code,
        "nation": row.nation,
        "demo": bool(row.demo),
        "last_confirmed": iso_date(row.last_confirmed),
    }
