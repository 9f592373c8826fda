"""Static files are named by their content, so a phone keeps them and never fetches them again."""

from __future__ import annotations

import re

from locator.web.caching import IMMUTABLE, content_version


def static_urls(client) -> list[str]:
    html = client.get("/?q=M1").get_data(as_text=True)
    return sorted(set(re.findall(r'(?:src|href)="(/static/[^"#]+)', html)))


def test_every_static_url_on_the_page_names_its_version_and_is_kept_for_a_year(app):
    client = app.test_client()
    urls = static_urls(client)
    assert any("leaflet.js" in url for url in urls) and any("site.css" in url for url in urls)
    for url in urls:
        assert re.search(r"\?v=[0-9a-z.]+$", url), url
        with client.get(url) as response:
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == IMMUTABLE, url


def test_a_version_that_is_not_the_files_own_is_revalidated_not_kept(app):
    client = app.test_client()
    for url in ("/static/site.css?v=0123456789ab", "/static/vendor/leaflet/leaflet.js?v=0.0.1"):
        with client.get(url) as response:
            assert response.status_code == 200
            assert "immutable" not in response.headers.get("Cache-Control", "")


def test_the_version_changes_with_the_content(tmp_path):
    path = tmp_path / "site.css"
    path.write_text("body { color: black; }")
    first = content_version(path)
    path.write_text("body { color: navy; }")
    content_version.cache_clear()
    assert content_version(path) != first
    assert len(first) == 12
