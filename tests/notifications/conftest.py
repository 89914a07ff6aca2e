"""A local HTTP server in the test process that plays a remote API (SMSC.kz, the Telegram
Bot API): each test says how it answers; every request it got is kept."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest


class FakeApi:
    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        # (path, params) -> (status, answer); status "slow" sleeps past the client's timeout.
        self.respond = lambda path, params: (200, {})
        self.url = ""

    def calls(self, suffix: str) -> list[dict]:
        return [params for path, params in self.requests if path.endswith(suffix)]


@pytest.fixture
def fake_api():
    api = FakeApi()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if "json" in self.headers.get("Content-Type", ""):
                params = json.loads(body or b"{}")
            else:
                params = {key: values[0] for key, values in parse_qs(body.decode()).items()}
            path = urlparse(self.path).path
            api.requests.append((path, params))
            status, answer = api.respond(path, params)
            if status == "slow":
                time.sleep(1.5)
                status = 200
            data = json.dumps(answer).encode() if not isinstance(answer, bytes) else answer
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    # serve_forever looks for shutdown() every poll_interval (half a second by default),
    # which every test using the fake API would otherwise wait out at teardown.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    api.url = f"http://127.0.0.1:{server.server_port}"
    yield api
    server.shutdown()
    server.server_close()
