"""Macro lint throughput: 2,000 macros fetched through zenpy from the recorded-response
server over HTTP on 127.0.0.1, with Zendesk's faults on the way, then linted.

    .venv/bin/python -m bench.macro_lint [--n 2000] [--no-readme]

Macro bodies are the bench corpus's generated drafts (``bench.corpus``, seed 7) with a
greeting placeholder on some, inside the recorded macro's shape; the server is the test
suite's (``tests/zendesk/recording_server.py``). Faults: page 3 answers 429 with
``Retry-After: 1`` first, page 7 a 500 first, page 12 is slow (0.5 s). Writes its figures
into bench/README.md's "Macro lint throughput" section unless ``--no-readme``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.corpus import generate

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "bench" / "README.md"
SECTION = "## Macro lint throughput (issue #12)"


def _macros(n: int) -> list[dict[str, Any]]:
    from recording_server import load_object

    shape = load_object("macro")
    out = []
    for i, item in enumerate(generate(n, seed=7)):
        body = item.draft if i % 3 else "Hi {{ticket.requester.first_name}},\n\n" + item.draft
        m = dict(shape)
        m.update(
            id=500_000 + i,
            title=f"Team {i % 7}::Topic {i % 13}::Macro {i}",
            active=i % 9 != 0,
            restriction={"type": "Group", "id": 10 + i % 4, "ids": [10 + i % 4]}
            if i % 5 == 0
            else None,
            actions=[
                {"field": "status", "value": "pending"},
                {
                    "field": "comment_value_html" if item.format == "html" else "comment_value",
                    "value": body,
                },
            ],
        )
        out.append(m)
    return out


def run(n: int) -> dict[str, Any]:
    from macro_server import serve_macros
    from recording_server import RecordingServer, Reply

    from plugin.coach import lexicon
    from plugin.coach.review import Coach
    from plugin.coach.rules import load_pack
    from plugin.config import Config
    from plugin.macros.run import run_lint
    from plugin.zendesk.macros import iter_macros, make_job_client

    macros = _macros(n)
    server = RecordingServer().start()
    os.environ["ZENPY_FORCE_SCHEME"], os.environ["ZENPY_FORCE_NETLOC"] = "http", server.netloc
    targets = serve_macros(server, macros)
    faults = {
        3: Reply(429, {"error": "TooManyRequests"}, {"Retry-After": "1"}),
        7: Reply(500, {"error": "x"}),
    }
    for page, fault in faults.items():
        if page < len(targets):
            server.route("GET", targets[page], fault, server.reply_for("GET", targets[page]))
    if len(targets) > 12:
        ok = server.reply_for("GET", targets[12])
        server.route("GET", targets[12], Reply(ok.status, ok.body, ok.headers, delay=0.5))
    lexicon.warm()
    coach = Coach(load_pack())
    fake = Config(zendesk_subdomain="acme", zendesk_email="b@example.com", zendesk_api_token="x")  # noqa: S106 - the local server takes any token
    client = make_job_client(fake)
    marks: dict[str, float] = {}

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "linting" and "lint_start" not in marks:
            marks["lint_start"] = time.perf_counter()

    start = time.perf_counter()
    outcome = run_lint(iter_macros(client), coach, progress=progress)
    end = time.perf_counter()
    server.stop()
    listing = marks.get("lint_start", end) - start
    return {
        "macros": n,
        "linted": outcome.linted,
        "errors": outcome.errors,
        "status": outcome.status,
        "pages": len(targets),
        "requests": len(server.hits("/api/v2/macros")),
        "seconds": round(end - start, 2),
        "listing_seconds": round(listing, 2),
        "lint_seconds": round(end - start - listing, 2),
        "per_second": round(outcome.linted / (end - start), 1),
        "lint_per_second": round(outcome.linted / max(1e-9, end - start - listing), 1),
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "load": os.getloadavg()[0],
    }


def _section(r: dict[str, Any]) -> str:
    return f"""{SECTION}

`python -m bench.macro_lint` ({r["when"]}, Python {r["python"]}, load {r["load"]:.1f} on the
shared 2-core machine): {r["macros"]:,} macros in {r["pages"]} cursor pages fetched through zenpy
from the recorded-response server on 127.0.0.1 ({r["requests"]} requests: a 429 with
`Retry-After: 1`, a 500 and a 0.5 s page on the way, each retried or waited for), then each
macro coached as a template. Status **{r["status"]}**, {r["linted"]:,} linted, {r["errors"]} errors.

| stage | seconds | macros / second |
|---|---|---|
| listing (all pages, faults included) | {r["listing_seconds"]} | |
| linting | {r["lint_seconds"]} | {r["lint_per_second"]} |
| **whole run** | **{r["seconds"]}** | **{r["per_second"]}** |

The listing's cost is mostly the deliberate faults (1 s Retry-After, backoff, the slow page);
linting is the core's review of each body plus the template checks.
"""


def write_readme(r: dict[str, Any]) -> None:
    text = README.read_text()
    new = _section(r)
    if SECTION in text:
        head, _, rest = text.partition(SECTION)
        nxt = rest.find("\n## ")
        text = head + new + (rest[nxt + 1 :] if nxt >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + new
    README.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault(
        "ZENDESK_RECORDINGS", str(ROOT.parent / "shared" / "data" / "zendesk-recordings")
    )
    sys.path.insert(0, str(ROOT / "tests" / "zendesk"))  # the test suite's fake Zendesk
    result = run(args.n)
    print(result)
    if not args.no_readme:
        write_readme(result)


if __name__ == "__main__":
    main()
