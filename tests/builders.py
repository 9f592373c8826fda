"""Small builders shared by the tests."""

from __future__ import annotations

import csv
from pathlib import Path

from locator.importing import service as imports
from locator.importing.rows import SPEC_COLUMNS


def write_csv(path: Path, rows: list[dict], columns=SPEC_COLUMNS) -> Path:
    """Write rows as a SPEC import CSV."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def add_premises(locator, rows: list[dict], *, publish: bool = True):
    """Validate and store rows through the import service; return the result."""
    from locator.importing.rows import RawRow

    raw = [RawRow(f"line {i + 2}", dict(row)) for i, row in enumerate(rows)]
    result = imports.import_rows(locator, "csv", raw, publish=publish)
    assert not result.plan.rejected, result.plan.rejected
    return result


def ids_by_ref(locator) -> dict[str, int]:
    """Map each premises ref to its id."""
    import sqlalchemy as sa

    from locator.adapters.db.tables import premises

    with locator.store.engine.connect() as connection:
        return dict(connection.execute(sa.select(premises.c.ref, premises.c.id)).all())


# The API's first checklist, still accepted: one `space_checked` for every physical check.
READY_CHECKLIST = {
    "staff_trained": True,
    "designated_person": True,
    "space_checked": True,
    "insurer_consulted": True,
    "partners_informed": True,
    "record_and_review": True,
}


def ready_form() -> dict[str, str]:
    """Return the registration form's readiness radios, every question answered yes."""
    from locator.listings import checklist

    return {q.key: next(iter(q.choices)) if q.choices else "yes" for q in checklist.QUESTIONS}
