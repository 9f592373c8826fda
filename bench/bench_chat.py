"""Benchmark the chat assistant against one plain search, in the same run.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_chat.py [--runs 500]

Loads the demo premises into a temporary SQLite database and times, through the app (Flask's
test client, so no network noise), a find_space message and the search it amounts to.
"""

from __future__ import annotations

import argparse
import time

from bench_core import demo_app, median_ms

AT = "2026-12-02T14:00"  # a Wednesday afternoon
MESSAGES = [
    "my phone is dead and I'm in M1",
    "wher can i charg my fone near M1",
    "need the loo near manchester piccadilly",
    "somewhere quiet to sit near M4",
    "lost my friends near Deansgate, phone at 3%, someone keeps staring at me and I feel a bit"
    " wobbly, is there anywhere open with a toilet and somewhere to sit",
]
# The second turn of a conversation: the answer to "where are you?", with the context back.
FIRST_TURN = "someone is following me"
ANSWER = "M1"
SEARCH = {"q": "M1", "open_now": "true", "facilities": "phone_charging", "limit": 3, "at": AT}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    with demo_app("chat") as (app, _service):
        client = app.test_client()
        client.get("/api/v1/spaces", query_string=SEARCH)  # build the index once
        search, chat, per_message = [], [], {m: [] for m in MESSAGES}
        context = client.post("/api/v1/chat", json={"message": FIRST_TURN, "at": AT}).get_json()[
            "context"
        ]
        answers = []
        for i in range(args.runs):
            # Interleaved, so both see the same machine state.
            start = time.perf_counter()
            assert client.get("/api/v1/spaces", query_string=SEARCH).status_code == 200
            search.append(time.perf_counter() - start)
            message = MESSAGES[i % len(MESSAGES)]
            start = time.perf_counter()
            response = client.post("/api/v1/chat", json={"message": message, "at": AT})
            elapsed = time.perf_counter() - start
            assert response.status_code == 200 and response.get_json()["results"]
            chat.append(elapsed)
            per_message[message].append(elapsed)
            start = time.perf_counter()
            response = client.post(
                "/api/v1/chat", json={"message": ANSWER, "at": AT, "context": context}
            )
            answers.append(time.perf_counter() - start)
            assert response.status_code == 200 and response.get_json()["emergency"]
    print(f"GET /api/v1/spaces (q=M1, open now, phone charging): median {median_ms(search):.2f} ms")
    print(f"POST /api/v1/chat find_space messages: median {median_ms(chat):.2f} ms")
    for message, samples in per_message.items():
        print(f"  {message!r}: {median_ms(samples):.2f} ms")
    print(f"  {ANSWER!r} after {FIRST_TURN!r}, context sent back: {median_ms(answers):.2f} ms")
    print(f"ratio chat / search = {median_ms(chat) / median_ms(search):.2f}× ({args.runs} each)")
    print(f"ratio second turn / search = {median_ms(answers) / median_ms(search):.2f}×")


if __name__ == "__main__":
    main()
