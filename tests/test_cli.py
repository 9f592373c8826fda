"""The operator's commands: init-db and demo."""

from locator.adapters.db.tables import premises


def test_init_db_is_safe_to_run_twice(runner):
    assert runner.invoke(args=["init-db"]).exit_code == 0
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Database ready" in result.output


def test_demo_loads_published_premises_flagged_demo_and_reloads_without_duplicates(
    runner, locator, client
):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "Greater Manchester pharmacies: 631 new" in first.output
    total = locator.store.premises.count()
    assert total > 1000
    assert locator.store.premises.count(demo=True, status="published") == total
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 0
    assert locator.store.premises.count() == total
    found = client.get(
        "/api/v1/spaces", query_string={"q": "M1", "at": "2026-12-02T12:00", "open_now": "true"}
    ).get_json()
    assert found["features"], "open demo pharmacies near Manchester at noon"
    assert all(f["properties"]["demo"] for f in found["features"])
    assert all(f["properties"]["open_now"] for f in found["features"])
    assert all(f["properties"]["facilities"] for f in found["features"])


def test_demo_premises_near_norwich_come_from_openstreetmap(runner, client):
    runner.invoke(args=["demo"])
    found = client.get("/api/v1/spaces", query_string={"q": "Norwich", "limit": 5}).get_json()
    assert [f["properties"]["organisation"] for f in found["features"]] == [
        "Norwich shops (demo)"
    ] * 5


def test_premises_table_is_the_one_the_migrations_create(locator):
    with locator.store.engine.connect() as connection:
        assert connection.execute(premises.select().limit(1)).all() == []
