"""No query string, however odd, makes the API answer 5xx."""

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locator.web.openapi import SEARCH_PARAMETERS

NAMES = [p[0] for p in SEARCH_PARAMETERS] + ["unexpected"]
ODD_VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "0",
            "-0",
            "1e309",
            "nan",
            "NaN",
            "-inf",
            "53.48",
            "-2.24",
            "true",
            "M1",
            "LS1 4AP",
            "2026-03-29T01:30",
            "2026-10-25T01:30+01:00",
            "9999-12-31T23:59",
            "1,2,3,4",
            ",,,",
            "phone_charging,toilet",
            "manchester",
            "\x00",
            "%",
            "' OR 1=1 --",
            "<script>",
        ]
    ),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(params=st.dictionaries(st.sampled_from(NAMES), ODD_VALUES, max_size=5))
def test_any_search_parameters_give_200_or_a_json_4xx(client, params):
    response = client.get("/api/v1/spaces", query_string=params)
    assert response.status_code in (200, 400), (params, response.status_code)
    if response.status_code == 400:
        assert response.get_json()["error"]["message"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.text(min_size=1, max_size=30), at=ODD_VALUES)
def test_any_space_path_gives_a_json_4xx_or_200(client, path, at):
    response = client.get("/api/v1/spaces/" + quote(path, safe=""), query_string={"at": at})
    assert response.status_code in (200, 400, 404, 405), (path, at)
    assert response.is_json
