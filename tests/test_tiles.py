"""The /tiles proxy: tiles fetched server-side, cached on disk, nothing of the visitor passed on.

The upstream tile server is a small HTTP server on 127.0.0.1 that records what it was sent;
no test touches the network.
"""

from __future__ import annotations

import io
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from locator import create_app
from locator.config import load_config
from locator.geo import tiles
from locator.geo.tiles import TileCache, TileTimeout, TileUnavailable


def png_bytes(shade: int = 200) -> bytes:
    """Return a real 256-pixel PNG tile of one grey."""
    buffer = io.BytesIO()
    Image.new("L", (256, 256), shade).save(buffer, "PNG")
    return buffer.getvalue()


TILE = png_bytes()


class FakeTileServer:
    """A tile server on 127.0.0.1 that records each request and answers as `mode` says."""

    def __init__(self) -> None:
        self.mode = "png"  # png | server error | not a png | too slow
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                fake.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                if fake.mode == "too slow":
                    fake.release.wait(10)
                    return
                status, kind, body = {
                    "png": (200, "image/png", TILE),
                    "server error": (500, "text/plain", b"overloaded"),
                    "not a png": (200, "text/html", b"<html>blocked</html>"),
                }[fake.mode]
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.template = f"http://127.0.0.1:{self.server.server_port}/{{z}}/{{x}}/{{y}}.png"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def closed_port_template() -> str:
    """Return an upstream template on a local port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"


@pytest.fixture
def upstream():
    server = FakeTileServer()
    yield server
    server.close()


def tile_app(tmp_path: Path, **config):
    return create_app(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'tiles.sqlite3'}",
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
            "SECRET_KEY": "test-secret",
            "TILE_CACHE_DIR": str(tmp_path / "tiles"),
            "PUBLIC_BASE_URL": "https://safespaces.example",
            **config,
        }
    )


@pytest.fixture
def app(tmp_path, upstream):
    """An app whose tile proxy fetches from the fake upstream."""
    app = tile_app(tmp_path, TILE_UPSTREAM=upstream.template)
    yield app
    app.extensions["locator"].store.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


def cached_tiles(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*.png")}


# --- through the web ------------------------------------------------------------------------


def test_a_tile_is_fetched_once_then_served_from_the_cache(client, upstream, tmp_path):
    first = client.get("/tiles/12/2021/1305.png")
    second = client.get("/tiles/12/2021/1305.png")
    for response in (first, second):
        assert response.status_code == 200
        assert response.mimetype == "image/png"
        assert response.data == TILE
        assert response.headers["Cache-Control"] == "public, max-age=604800"
    assert [path for path, _headers in upstream.requests] == ["/12/2021/1305.png"]
    assert cached_tiles(tmp_path / "tiles") == {"12/2021/1305.png"}


VISITOR_HEADERS = [
    ("Cookie", "session=visitor-secret"),
    ("Referer", "https://safespaces.example/?q=LS1+4AP"),
    ("X-Forwarded-For", "203.0.113.77"),
    ("Forwarded", "for=203.0.113.78"),
    ("X-Real-IP", "203.0.113.79"),
    ("User-Agent", "VisitorBrowser/9.9 (Phone)"),
    ("Accept-Language", "cy-GB"),
    ("Authorization", "Basic dmlzaXRvcjpzZWNyZXQ="),
]


@pytest.mark.parametrize("name,value", VISITOR_HEADERS, ids=[n for n, _v in VISITOR_HEADERS])
def test_the_upstream_request_carries_our_user_agent_and_none_of_the_visitors_headers(
    client, upstream, name, value
):
    response = client.get(
        "/tiles/5/15/10.png", headers={name: value}, environ_base={"REMOTE_ADDR": "198.51.100.23"}
    )
    assert response.status_code == 200
    [(_path, sent)] = upstream.requests
    assert sent["user-agent"] == "SafeSpacesLocator/1.0 (+https://safespaces.example)"
    assert set(sent) <= {"host", "user-agent", "accept", "accept-encoding", "connection"}
    for leaked in (value, "198.51.100.23"):
        assert not [header for header, text in sent.items() if leaked in text]


@pytest.mark.parametrize(
    "path",
    [
        "/tiles/20/0/0.png",  # zoom above 19
        "/tiles/-1/0/0.png",
        "/tiles/0/1/0.png",  # zoom 0 has one tile
        "/tiles/1/2/0.png",
        "/tiles/1/0/2.png",
        "/tiles/3/-1/0.png",
        "/tiles/19/524288/0.png",  # 2^19
        "/tiles/99999999999999999999/0/0.png",
        "/tiles/a/0/0.png",
        "/tiles/1/0/zero.png",
        "/tiles/1/0/0",
        "/tiles/1/0/0.jpg",
        "/tiles/1/0.png",
        "/tiles/1.5/0/0.png",
    ],
)
def test_addresses_outside_the_map_are_not_found_not_server_errors(client, upstream, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert upstream.requests == []


@pytest.mark.parametrize(
    "mode,status",
    [("server error", 502), ("not a png", 502), ("too slow", 504), ("nobody listening", 502)],
)
def test_an_upstream_failure_is_a_quick_502_or_504_without_a_traceback(
    app, client, upstream, tmp_path, mode, status
):
    upstream.mode = mode
    if mode == "too slow":
        app.extensions["tiles"].timeout_s = 0.5
    if mode == "nobody listening":
        app.extensions["tiles"].upstream = closed_port_template()
    started = time.monotonic()
    response = client.get("/tiles/10/511/340.png")
    assert time.monotonic() - started < 3
    assert response.status_code == status
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert not [word for word in ("Traceback", "TileUnavailable", "urllib") if word in page]
    assert cached_tiles(tmp_path / "tiles") == set()


CSP_CASES = [
    ("/tiles/{z}/{x}/{y}.png", "img-src 'self' data:"),
    ("", "img-src 'self' data:"),
    ("https://tiles.example.org/{z}/{x}/{y}.png", "img-src 'self' data: https://tiles.example.org"),
    (
        "https://{s}.tile.example.org/{z}/{x}/{y}.png",
        "img-src 'self' data: https://*.tile.example.org",
    ),
    ("//tiles.example.org/{z}/{x}/{y}.png", "img-src 'self' data: tiles.example.org"),
]


def home_page_img_src(app) -> tuple[list[str], str]:
    """Return the home page's img-src policy and its HTML."""
    response = app.test_client().get("/")
    app.extensions["locator"].store.dispose()
    policy = response.headers["Content-Security-Policy"].split("; ")
    return [part for part in policy if part.startswith("img-src")], response.get_data(as_text=True)


@pytest.mark.parametrize("tile_url,img_src", CSP_CASES, ids=[u or "empty" for u, _s in CSP_CASES])
def test_img_src_allows_only_our_own_site_unless_tiles_come_from_another_server(
    tmp_path, tile_url, img_src
):
    assert home_page_img_src(tile_app(tmp_path, TILE_URL=tile_url))[0] == [img_src]


def test_the_default_tile_url_is_our_own_proxy_so_img_src_is_only_self_and_data(tmp_path):
    assert load_config({})["TILE_URL"] == "/tiles/{z}/{x}/{y}.png"
    app = tile_app(tmp_path)
    assert app.config["TILE_URL"] == load_config({})["TILE_URL"]
    img_src, page = home_page_img_src(app)
    assert img_src == ["img-src 'self' data:"]
    assert '"/tiles/{z}/{x}/{y}.png"' in page  # the map's tile layer


# --- the cache itself, without a server -----------------------------------------------------


class Upstream:
    """A stand-in for the fetch function: answers `answer` (bytes, or an exception to raise)."""

    def __init__(self, answer: bytes | Exception = TILE) -> None:
        self.answer = answer
        self.urls: list[str] = []

    def __call__(self, url, headers, timeout_s):  # noqa: ARG002 - the fetcher's signature
        self.urls.append(url)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def a_cache(folder: Path, upstream: Upstream, max_bytes: int = 10**9) -> TileCache:
    return TileCache("https://tiles.invalid/{z}/{x}/{y}.png", folder, max_bytes, fetch=upstream)


def age(path: Path, seconds: float, used_seconds_ago: float | None = None) -> None:
    """Make a cached tile look fetched `seconds` ago (and used `used_seconds_ago`)."""
    now = time.time()
    used = now - (seconds if used_seconds_ago is None else used_seconds_ago)
    os.utime(path, (used, now - seconds))


def test_the_cache_cap_evicts_the_least_recently_used_tiles(tmp_path):
    upstream = Upstream()
    cache = a_cache(tmp_path, upstream, max_bytes=int(3.5 * len(TILE)))
    for x in (0, 1, 2):
        cache.tile(2, x, 0)
    for x, used in ((0, 3000), (1, 2000), (2, 1000)):
        age(tmp_path / "2" / str(x) / "0.png", 3000, used_seconds_ago=used)
    cache.tile(2, 0, 0)  # the oldest is used again: now 2/1 is the least recently used
    cache.tile(2, 3, 0)  # a fourth tile goes over the cap
    assert cached_tiles(tmp_path) == {"2/0/0.png", "2/2/0.png", "2/3/0.png"}
    assert len(upstream.urls) == 4


def test_tiles_are_written_whole_to_a_temporary_file_then_renamed(tmp_path, monkeypatch):
    renamed = []

    def replace(source, target):
        renamed.append((Path(source).name, Path(target).name, Path(source).read_bytes()))
        os.rename(source, target)

    monkeypatch.setattr(tiles.os, "replace", replace)
    a_cache(tmp_path, Upstream()).tile(4, 7, 5)
    [(source, target, written)] = renamed
    assert source.startswith(".5.png.") and source.endswith(".tmp")
    assert (target, written) == ("5.png", TILE)
    assert [path.name for path in (tmp_path / "4" / "7").iterdir()] == ["5.png"]


def test_a_temporary_file_left_by_a_dead_worker_is_cleared_when_the_cache_is_counted(tmp_path):
    leftover = tmp_path / "3" / "1" / ".2.png.abc.tmp"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(TILE[:10])
    age(leftover, 2 * 3600)
    a_cache(tmp_path, Upstream()).tile(3, 1, 2)
    assert not leftover.exists()


@pytest.mark.parametrize(
    "fetched_days_ago,upstream_answer,served,asked",
    [
        (1, png_bytes(10), TILE, False),  # fresh: from the cache
        (8, png_bytes(10), png_bytes(10), True),  # a week old: fetched again
        (8, TileUnavailable("down"), TILE, True),  # a week old, upstream down: the old one
        (8, TileTimeout("slow"), TILE, True),
    ],
)
def test_a_cached_tile_is_fetched_again_after_a_week_and_kept_when_that_fails(
    tmp_path, fetched_days_ago, upstream_answer, served, asked
):
    a_cache(tmp_path, Upstream()).tile(6, 31, 21)
    age(tmp_path / "6" / "31" / "21.png", fetched_days_ago * 24 * 3600)
    upstream = Upstream(upstream_answer)
    assert a_cache(tmp_path, upstream).tile(6, 31, 21) == served
    assert bool(upstream.urls) is asked


def test_a_cache_folder_that_cannot_be_written_still_serves_the_tile(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("in the way")
    assert a_cache(not_a_folder, Upstream()).tile(0, 0, 0) == TILE
