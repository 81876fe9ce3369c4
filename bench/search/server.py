"""A throwaway gunicorn serving the portal, so latency includes HTTP as in production."""

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def api_server(
    *, env: dict[str, str], log: Path, wait_seconds: float = 60, cwd: Path | None = None
) -> Iterator[str]:
    """A one-worker gunicorn on 127.0.0.1 serving the portal with `env`; its URL.
    Its output goes to `log` (the floor's 400 answers would fill the terminal).
    `cwd`: another checkout's code (search_compare), this one's by default."""
    import requests

    port = free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    output = log.open("a")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "300",
         "--log-level", "warning"],
        env=env, stdout=output, stderr=subprocess.STDOUT, cwd=cwd,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                # The first request imports the portal: slow on a loaded machine.
                requests.get(f"{url}/api/v1/search/?page=0", timeout=30)
                break
            except (requests.ConnectionError, requests.Timeout):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: {log}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        output.close()
