"""Load test: ``python -m bench.load [--clients 50] [--requests 6000] [--max-seconds 60]``.

Starts ``gunicorn -w 2`` on a free loopback port (development mode: loopback callers
need no session and have no rate limit), then 50 clients POST the benchmark corpus to
``/api/v1/check`` over keep-alive connections until ``--requests`` answers or
``--max-seconds`` have passed, whichever comes first; stops gunicorn and prints
throughput, latency percentiles and every answer that was not a 200 (an error).
Bounded in count and time: it always stops by itself. Exit code 1 when any error.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from bench.corpus import load
from bench.timing import summary

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).with_name("corpus.jsonl")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENDESK_", "REDIS_"))}
    env |= {"COACH_DEV": "1", "LANGUAGETOOL_URL": "", "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    cmd += ["--backlog", "256", "--log-level", "warning", "wsgi:app"]
    # Our own fixed command line (no user input); its own session, so it stops as a group.
    server = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn this script started (its own process group), and only it."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


class Run:
    """Shared state of one run: the next body, the answers and their latencies."""

    def __init__(self, bodies: list[bytes], total: int, seconds: float) -> None:
        self._bodies = itertools.cycle(bodies)
        self._lock = threading.Lock()
        self.left = total
        self.deadline = time.monotonic() + seconds
        self.latencies_ms: list[float] = []
        self.statuses: Counter[str] = Counter()

    def take(self) -> bytes | None:
        with self._lock:
            if self.left <= 0 or time.monotonic() >= self.deadline:
                return None
            self.left -= 1
            return next(self._bodies)

    def record(self, status: str, ms: float) -> None:
        with self._lock:
            self.statuses[status] += 1
            self.latencies_ms.append(ms)


def client(run: Run, port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Connection": "keep-alive"}
    while (body := run.take()) is not None:
        began = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/check", body=body, headers=headers)
            res = conn.getresponse()
            res.read()
            status = str(res.status)
            if res.getheader("Connection", "").lower() == "close":
                conn.close()  # gunicorn's sync workers close after each answer
        except (OSError, http.client.HTTPException) as err:
            status = type(err).__name__
            conn.close()
        run.record(status, (time.perf_counter() - began) * 1000)
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)

    bodies = [
        json.dumps(
            {"draft": i.draft, "format": i.format, "customer_message": i.customer_message}
        ).encode()
        for i in load(CORPUS)
    ]
    port = _free_port()
    server = start_server(port, args.workers)
    try:
        run = Run(bodies, args.requests, args.max_seconds)
        threads = [
            threading.Thread(target=client, args=(run, port), daemon=True)
            for _ in range(args.clients)
        ]
        began, cpu = time.perf_counter(), time.process_time()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.max_seconds + 60)
        elapsed = time.perf_counter() - began
        client_cpu = time.process_time() - cpu
    finally:
        stop_server(server)

    done = sum(run.statuses.values())
    errors = done - run.statuses["200"]
    figures = {
        "workers": args.workers,
        "clients": args.clients,
        "requests": done,
        "errors": errors,
        "statuses": dict(run.statuses),
        "seconds": round(elapsed, 2),
        "checks_per_second": round(done / elapsed, 1) if elapsed else 0.0,
        "latency_ms": summary(run.latencies_ms),
        "client_cpu_seconds": round(client_cpu, 1),  # the clients' own share of the cores
        "load_average": os.getloadavg(),
    }
    print(json.dumps(figures, indent=2))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
