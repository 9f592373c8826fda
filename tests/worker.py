"""Serve the app as one worker process on a free port (for tests with several workers).

Reads its settings from the environment like any deployment; prints the port, then serves.
"""

from __future__ import annotations

import sys

from werkzeug.serving import make_server

from locator import create_app


def main() -> None:
    """Start a single-threaded server on 127.0.0.1 and say which port it took."""
    server = make_server("127.0.0.1", 0, create_app())
    print(server.server_port, flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
