"""Signing in holds up to a real deployment: lockout, two factors, sessions, cookies, proxies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from test_business import csrf

from locator.domain import clock
from locator.domain.accounts import Moderator
from locator.listings import accounts

from conftest import configured_app

EMAIL, PASSWORD = "mod@council.example", "correct horse battery"


@pytest.fixture
def moderator(locator):
    accounts.create_moderator(locator.store, locator.areas, EMAIL, "Mo", PASSWORD, [])
    return EMAIL


@pytest.fixture
def frozen_clock():
    moments = [datetime(2026, 12, 1, 12, 0, tzinfo=UTC)]
    clock.set_source(lambda: moments[0])
    yield moments
    clock.set_source(None)


def sign_in(client, password=PASSWORD, code="", address="192.0.2.1", email=EMAIL):
    form = {"email": email, "password": password, "code": code}
    form["csrf_token"] = csrf(client, "/moderate/login")
    return client.post("/moderate/login", data=form, environ_overrides={"REMOTE_ADDR": address})


def test_wrong_passwords_from_many_addresses_lock_the_account_and_mail_its_owner(
    app, moderator, frozen_clock
):
    client = app.test_client()
    for attempt in range(accounts.MAX_FAILED_SIGN_INS):
        with sign_in(client, "wrong password!", address=f"198.51.100.{attempt}") as response:
            assert response.status_code == 401
    with sign_in(client) as response:
        assert response.status_code == 401
        assert "locked for 15 minutes" in response.get_data(as_text=True)
    notice = app.extensions["mailer"].sent()[-1]
    assert notice["To"] == EMAIL and "locked" in notice["Subject"]
    frozen_clock[0] += accounts.LOCKED_FOR + timedelta(seconds=1)
    with sign_in(client) as response:
        assert response.status_code == 302


def test_a_right_password_resets_the_count_of_wrong_ones(app, moderator):
    client = app.test_client()
    for _ in range(accounts.MAX_FAILED_SIGN_INS - 1):
        sign_in(client, "wrong password!").close()
    sign_in(client).close()
    for _ in range(accounts.MAX_FAILED_SIGN_INS - 1):
        sign_in(client, "wrong password!").close()
    with sign_in(client) as response:
        assert response.status_code == 302


def test_with_two_factor_on_a_password_alone_does_not_sign_in(app, locator, moderator):
    uri = accounts.set_two_factor(locator.store, "moderator", EMAIL)
    secret = pyotp.parse_uri(uri).secret
    client = app.test_client()
    with sign_in(client) as response:
        assert response.status_code == 401
        assert "6-digit code" in response.get_data(as_text=True)
    with sign_in(client, code="123456" if pyotp.TOTP(secret).now() != "123456" else "654321"):
        pass
    with sign_in(client, code=pyotp.TOTP(secret).now()) as response:
        assert response.status_code == 302
    with client.get("/moderate") as response:
        assert response.status_code == 200


def test_a_session_is_dead_after_sign_out_even_with_a_copied_cookie(app, moderator):
    client = app.test_client()
    sign_in(client).close()
    copied = client.get_cookie("session").value
    with client.get("/moderate") as response:
        assert response.status_code == 200
    client.post("/moderate/logout", data={"csrf_token": csrf(client, "/moderate")}).close()
    thief = app.test_client()
    thief.set_cookie("session", copied)
    with thief.get("/moderate") as response:
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/moderate/login")


def test_a_session_left_idle_ends(app, moderator, frozen_clock):
    client = app.test_client()
    sign_in(client).close()
    frozen_clock[0] += timedelta(minutes=29)
    with client.get("/moderate") as response:
        assert response.status_code == 200  # in use: the idle time starts again
    frozen_clock[0] += timedelta(minutes=29)
    with client.get("/moderate") as response:
        assert response.status_code == 200
    frozen_clock[0] += timedelta(minutes=31)
    with client.get("/moderate") as response:
        assert response.status_code == 302


def test_private_pages_are_never_stored_by_a_browser_or_proxy(app, moderator):
    client = app.test_client()
    sign_in(client).close()
    for path in ("/moderate", "/moderate/statistics", "/register", "/business/login"):
        with client.get(path) as response:
            assert response.headers["Cache-Control"] == "no-store", path
    with client.get("/") as response:
        assert "no-store" not in response.headers.get("Cache-Control", "")


@pytest.fixture
def https_app(database_url, tmp_path):
    app = configured_app(
        database_url, tmp_path, PUBLIC_BASE_URL="https://safe.example", TRUSTED_PROXIES=1
    )
    yield app
    app.extensions["locator"].store.dispose()


def test_over_https_the_cookie_is_secure_and_hsts_is_sent(https_app, app, moderator):
    client = https_app.test_client()
    headers = {"X-Forwarded-Proto": "https", "Host": "safe.example"}
    with client.get("/moderate/login", headers=headers) as page:
        assert page.headers["Strict-Transport-Security"].startswith("max-age=")
        assert "Secure" in page.headers["Set-Cookie"]


def test_a_request_for_another_host_is_refused_when_the_address_is_set(https_app):
    with https_app.test_client().get("/", headers={"Host": "evil.example"}) as response:
        assert response.status_code == 400


@pytest.fixture
def limited(database_url, tmp_path):
    def make(proxies: int):
        app = configured_app(
            database_url,
            tmp_path,
            RATELIMIT_ENABLED=True,
            LOGIN_RATE_LIMIT="3 per minute",
            TRUSTED_PROXIES=proxies,
            WTF_CSRF_ENABLED=False,
        )
        made.append(app)
        return app

    made = []
    yield make
    for app in made:
        app.extensions["locator"].store.dispose()


def statuses(app, forwarded_for: list[str]) -> list[int]:
    client = app.test_client()
    found = []
    for client_address in forwarded_for:
        with client.post(
            "/moderate/login",
            data={"email": "x@y.example", "password": "nope nope nope"},
            headers={"X-Forwarded-For": client_address},
            environ_overrides={"REMOTE_ADDR": "10.0.0.1"},  # the proxy
        ) as response:
            found.append(response.status_code)
    return found


def test_behind_a_trusted_proxy_each_client_has_its_own_sign_in_limit(limited):
    app = limited(proxies=1)
    assert statuses(app, ["203.0.113.1"] * 4) == [401, 401, 401, 429]
    assert statuses(app, ["203.0.113.2"]) == [401]


def test_without_trusted_proxies_a_forwarded_address_is_not_believed(limited):
    app = limited(proxies=0)
    assert statuses(app, ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]) == [
        401,
        401,
        401,
        429,
    ]


def test_an_actor_with_a_long_email_fits_the_audit_trail():
    long_email = "a" * 200 + "@council.example"
    moderator = Moderator(id=7, email=long_email, name="M", password_hash="x")
    assert len(moderator.actor) <= 120
    assert moderator.actor.startswith("moderator:7:")


def test_the_two_factor_command_prints_a_code_to_scan_and_can_turn_it_off(runner, moderator):
    result = runner.invoke(args=["two-factor", EMAIL])
    assert result.exit_code == 0
    assert "otpauth://totp/" in result.output
    result = runner.invoke(args=["two-factor", EMAIL, "--off"])
    assert result.exit_code == 0 and "off" in result.output
    result = runner.invoke(args=["two-factor", "nobody@example.org"])
    assert result.exit_code == 2 and "no moderator account" in result.output


@pytest.mark.parametrize(
    ("email", "password"),
    [("a" * 5000 + "@council.example", PASSWORD), (EMAIL, "p" * 100_000)],
)
def test_an_overlong_sign_in_is_refused_without_counting_against_the_account(
    app, moderator, email, password
):
    client = app.test_client()
    with sign_in(client, password, email=email) as response:
        assert response.status_code == 401
    with sign_in(client) as response:
        assert response.status_code == 302
