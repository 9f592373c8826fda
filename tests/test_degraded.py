"""With the database down, every answer still leads with 999 and the way out; nothing is a 500."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from locator.domain.errors import Unavailable
from locator.search.index import IndexHolder

from conftest import configured_app, require_service


@pytest.fixture(params=["sqlite", "postgresql"])
def down_app(request, tmp_path):
    """An app whose database cannot be reached: nothing listens, or the file cannot be opened."""
    if request.param == "sqlite":
        # A folder where the database file should be: SQLite cannot open it.
        (tmp_path / "locator.sqlite3").mkdir()
        url = f"sqlite:///{tmp_path / 'locator.sqlite3'}"
    else:
        require_service("PostgreSQL", "127.0.0.1", 5432)  # the machine's, with nothing on port 1
        url = "postgresql+psycopg://postgres@127.0.0.1:1/test"
    app = configured_app(url, tmp_path)
    yield app
    app.extensions["locator"].store.dispose()


@pytest.fixture
def down_client(down_app):
    return down_app.test_client()


CHATS = [
    ("someone is following me near Piccadilly Gardens", None),
    ("where can I charge my phone in Leeds", None),
    ("my phone is dying, I need somewhere to wait", (53.4808, -2.2426)),
    ("help", None),
]


@pytest.mark.parametrize(("message", "position"), CHATS)
def test_the_chat_answers_with_999_and_the_helplines_when_the_database_is_down(
    down_client, message, position
):
    body = {"message": message}
    if position:
        body["lat"], body["lon"] = position
    with down_client.post("/api/v1/chat", json=body) as response:
        assert response.status_code in (200, 503)
        reply = response.get_json()
    assert "999" in reply["reply"]
    assert reply["results"] == []
    if response.status_code == 503:
        assert reply["unavailable"] is True
        assert reply["reply"].startswith("We cannot search for safe spaces right now")
        assert "101" in [line["phone"] for line in reply["helplines"]]


def test_a_chat_that_asks_for_places_says_it_cannot_search_with_a_503(down_client):
    body = {"message": "I need a toilet near Leeds station"}
    with down_client.post("/api/v1/chat", json=body) as response:
        assert response.status_code == 503
        assert response.get_json()["unavailable"] is True


def test_danger_in_the_chat_still_leads_with_999_when_the_database_is_down(down_client):
    body = {"message": "a man is following me and I'm scared, I'm at Manchester Piccadilly"}
    with down_client.post("/api/v1/chat", json=body) as response:
        reply = response.get_json()
    assert reply["emergency"] is True
    assert "If you are in danger now, call 999" in reply["reply"] or reply["reply"].startswith(
        "We cannot search for safe spaces right now. If you are in danger, call 999."
    )


PAGES = ["/?q=M1", "/spaces/1", "/embed?q=M1", "/results?q=M1"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_keep_the_999_bar_and_the_exit_button_when_the_database_is_down(down_client, path):
    with down_client.get(path) as response:
        assert response.status_code == 503
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "call 999" in page.get_text(" ").lower()
    if path != "/results?q=M1":  # a fragment the home page puts inside its own layout
        assert page.find(id="call-999") is not None
        assert page.find(id="quick-exit") is not None


def test_the_chat_page_answers_with_999_when_the_database_is_down(down_app):
    down_app.config["WTF_CSRF_ENABLED"] = False
    client = down_app.test_client()
    with client.post("/chat", data={"message": "I need to charge my phone in Leeds"}) as response:
        assert response.status_code == 503
        text = response.get_data(as_text=True)
    assert "We cannot search for safe spaces right now" in text
    assert 'id="call-999"' in text


def test_the_search_api_says_503_unavailable_with_999(down_client):
    with down_client.get("/api/v1/spaces", query_string={"q": "M1"}) as response:
        assert response.status_code == 503
        error = response.get_json()["error"]
    assert error["code"] == "unavailable"
    assert "999" in error["message"]


def test_the_health_check_says_the_database_is_unreachable(down_client):
    with down_client.get("/healthz") as response:
        assert response.status_code == 503
        assert "database" in response.get_json()["error"]["message"].lower()


class _FlakyStore:
    """A database that answers, then goes down."""

    local_changes = 0

    def __init__(self):
        self.down = False

    def data_version(self) -> int:
        if self.down:
            raise Unavailable("down")
        return 7


class _Built:
    version = 7


def test_searches_go_on_from_the_last_index_while_the_database_is_down():
    store = _FlakyStore()
    built = []
    holder = IndexHolder(store, lambda _store, _version: built.append(_Built()) or built[-1])
    holder.check_every = 0.0  # check on every search
    first = holder.current()
    store.down = True
    assert holder.current() is first
    assert len(built) == 1


def test_without_any_index_a_down_database_is_unavailable():
    store = _FlakyStore()
    store.down = True
    holder = IndexHolder(store, lambda _store, _version: _Built())
    with pytest.raises(Unavailable):
        holder.current()
