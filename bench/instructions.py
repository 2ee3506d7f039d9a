"""Instructions per first-sight review, counted by valgrind's callgrind: a figure the
machine's load does not move, for comparing two versions of the code.

    .venv/bin/python -m bench.instructions [--n 200] [--tree DIR ...]

Each tree (a checkout of this project; default: this one) is measured in its own
process under ``valgrind --tool=callgrind`` with a fixed hash seed: once with no draft
reviewed and once with ``--n`` drafts of ``bench/corpus.jsonl`` (after 100 warm-up
drafts, the mood memo cleared before each, as ``bench.run``'s first sight). The
difference over ``n`` is the count per draft; start-up and warm-up cancel out. The
same code gives the same count whatever else the machine is doing (a few hundred
instructions of noise per draft), so a change of 1 % shows, where wall time on a
shared two-core host moves by ±30 %. Counts are not time: cache misses cost cycles
that are not instructions. Needs Debian's ``valgrind``; ~2 minutes per tree.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

WARMUP = 100
# Run in the measured tree's own directory, so its ``plugin`` package is imported.
_CHILD = """
import sys
sys.path.insert(0, ".")
from pathlib import Path
from bench.corpus import load
from bench.run import _first_sight, _request
from plugin.coach import lexicon
from plugin.coach.review import Coach
from plugin.coach.rules import load_pack
lexicon.warm()
coach = Coach(pack=load_pack())
requests = [_request(i) for i in load(Path("bench/corpus.jsonl"))]
for r in requests[:{warmup}]:
    coach.review(r)
for r in requests[{warmup}:{warmup} + int(sys.argv[1])]:
    _first_sight()
    coach.review(r)
"""
_TOTAL = re.compile(r"Collected : (\d+)")


def count(tree: Path, n: int) -> int:
    """Instructions the child executes in ``tree`` reviewing ``n`` drafts, start-up included."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        valgrind = shutil.which("valgrind")
        if valgrind is None:
            raise SystemExit("bench.instructions needs valgrind (Debian package 'valgrind')")
        done = subprocess.run(  # noqa: S603  # our own interpreter on our own script
            [
                valgrind,
                "--tool=callgrind",
                f"--callgrind-out-file={tmp}/out",
                sys.executable,
                "-c",
                _CHILD.format(warmup=WARMUP),
                str(n),
            ],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    found = _TOTAL.search(done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no total for {tree}: {done.stderr[-500:]}")
    return int(found.group(1))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="drafts reviewed (default 200)")
    parser.add_argument("--tree", type=Path, action="append", help="checkout(s) to measure")
    args = parser.parse_args(argv)
    trees = args.tree or [Path(__file__).resolve().parent.parent]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # one valgrind a core
        runs = {(t, k): pool.submit(count, t, k) for t in trees for k in (0, args.n)}
    figures = {t: (runs[t, args.n].result() - runs[t, 0].result()) / args.n for t in trees}
    first = figures[trees[0]]
    for tree, value in figures.items():
        print(f"{value / 1e6:8.3f} M instructions/draft  {value / first:6.3f}x  {tree}")


if __name__ == "__main__":
    main()
