"""Pages, the API, exports and static files travel compressed; pages with secrets never do."""

from __future__ import annotations

import gzip

import brotli
import pytest

from builders import add_premises
from conftest import premises_row

BROWSER = "gzip, deflate, br"


@pytest.fixture
def client(app, locator):
    add_premises(locator, [premises_row(f"c{i}", 53.48 + i / 1000, -2.24) for i in range(10)])
    return app.test_client()


def decoded(response) -> bytes:
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None, encoding
    return body


@pytest.mark.parametrize(
    ("path", "same_bytes"),
    [
        # Pages carry a fresh CSP nonce, the API today's walking times and the export the
        # second it was made: only the stylesheet is the same byte for byte.
        ("/", False),
        ("/?q=M1", False),
        ("/api/v1/spaces?q=M1", False),
        ("/static/site.css", True),
    ],
)
@pytest.mark.parametrize("accept", ["br", "gzip"])
def test_public_responses_are_compressed_and_decode_to_what_was_sent(
    client, path, same_bytes, accept
):
    with client.get(path) as plain:
        expected = plain.get_data()
    with client.get(path, headers={"Accept-Encoding": accept}) as response:
        assert response.headers["Content-Encoding"] == accept
        assert "Accept-Encoding" in response.headers["Vary"]
        body = decoded(response)
        assert len(response.get_data()) < len(body) / 2
    if same_bytes:
        assert body == expected
    else:
        assert abs(len(body) - len(expected)) < 100
        assert body[:40] == expected[:40]


@pytest.mark.parametrize("path", ["/business/login", "/register", "/moderate/login"])
def test_pages_that_carry_a_csrf_token_are_never_compressed(client, path):
    # BREACH: a compressed page's size can leak a secret sent beside text from the request.
    with client.get(path, headers={"Accept-Encoding": BROWSER}) as response:
        assert response.status_code == 200
        assert "Content-Encoding" not in response.headers


def test_an_export_goes_gzipped_to_a_browser_and_decodes_to_the_plain_file(client):
    with client.get("/api/v1/export.geojson") as plain:
        expected = plain.get_data()
    with client.get("/api/v1/export.geojson", headers={"Accept-Encoding": BROWSER}) as packed:
        assert packed.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed.headers["Vary"]
        assert gzip.decompress(packed.get_data()) == expected


def test_a_compressed_export_is_not_sent_again_while_unchanged(client):
    with client.get("/api/v1/export.geojson", headers={"Accept-Encoding": BROWSER}) as first:
        etag = first.headers["ETag"]
    assert etag.endswith(':gzip"')
    with client.get(
        "/api/v1/export.geojson", headers={"Accept-Encoding": BROWSER, "If-None-Match": etag}
    ) as again:
        assert again.status_code == 304
