"""grammar.check against a real HTTP server on 127.0.0.1 speaking LanguageTool's HTTP API.

The server answers ``GET /v2/languages`` and ``POST /v2/check`` in LanguageTool's
documented formats (``matches`` with ``offset``/``length`` in UTF-16 code
units, ``replacements[].value``, ``rule.id``/``issueType``/``category.id``,
``context``); ``language_tool_python`` is the client that talks to it.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from plugin.coach import grammar, languagetool
from plugin.coach.draft import parse
from plugin.coach.rules import compile_pack

PACK = compile_pack(
    {"rules": [], "glossary": [{"term": "AcmeSync", "plain": "sync"}], "allowlist": ["zendo"]}
)
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]
Request = tuple[str, str, dict[str, list[str]]]  # method, path, form or query


@dataclass
class FakeLanguageTool:
    """What the server answers next, and what it was asked."""

    url: str = ""
    status: int = 200
    body: bytes = b'{"matches": []}'
    respond: Callable[[str], list[dict[str, Any]]] | None = None  # matches for a received text
    languages: bytes = json.dumps(LANGUAGES).encode()
    delay: float = 0.0
    requests: list[Request] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def answer(self, matches: list[dict[str, Any]]) -> None:
        self.body = _check_answer(matches)

    def calls(self) -> list[tuple[str, str]]:
        return [(method, path) for method, path, _ in self.requests]


def _check_answer(matches: list[dict[str, Any]]) -> bytes:
    return json.dumps(
        {
            "software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
            "warnings": {"incompleteResults": False},
            "language": {"name": "English (US)", "code": "en-US"},
            "matches": matches,
        }
    ).encode()


@contextmanager
def serve(fake: FakeLanguageTool, port: int = 0) -> Iterator[FakeLanguageTool]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            self._answer("GET", url.path, parse_qs(url.query), 200, fake.languages)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = parse_qs(self.rfile.read(length).decode())
            body = fake.body
            if fake.respond is not None:
                body = _check_answer(fake.respond(form["text"][0]))
            self._answer("POST", self.path, form, fake.status, body)

        def _answer(
            self, method: str, path: str, form: dict[str, list[str]], status: int, body: bytes
        ) -> None:
            fake.requests.append((method, path, form))
            if fake.delay:
                fake.release.wait(fake.delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (timeout tests)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def fresh_instances(monkeypatch: pytest.MonkeyPatch) -> None:
    """No LanguageTool instance or back-off carries over (ports get reused)."""
    monkeypatch.setattr(languagetool, "_slots", {})


@pytest.fixture
def lt() -> Iterator[FakeLanguageTool]:
    with serve(FakeLanguageTool()) as fake:
        yield fake


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nothing listens


def wait_for(condition: Callable[[], bool], seconds: float = 3.0) -> bool:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.01)
    return True


def match(
    text: str,
    fragment: str,
    rule_id: str,
    issue_type: str,
    category: str,
    replacements: tuple[str, ...] = (),
    message: str = "Check this.",
) -> dict[str, Any]:
    """A LanguageTool match for ``fragment`` in ``text`` (offsets in UTF-16 units)."""
    start = text.index(fragment)
    utf16 = len(text[:start].encode("utf-16-le")) // 2
    length = len(fragment.encode("utf-16-le")) // 2
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in replacements],
        "offset": utf16,
        "length": length,
        "context": {"text": text, "offset": utf16, "length": length},
        "sentence": text,
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule_id,
            "description": f"{rule_id} description",
            "issueType": issue_type,
            "category": {"id": category, "name": category.title()},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def test_no_server_configured_means_na_with_a_plain_reason() -> None:
    result = grammar.check(parse("This are fine."), "", 1.0)
    assert result.status == "n/a"
    assert result.reason == (
        "Grammar check is off: no LanguageTool server is configured (set LANGUAGETOOL_URL)."
    )
    assert result.findings == ()


def test_matches_become_findings_with_offsets_and_suggestions(lt: FakeLanguageTool) -> None:
    text = "Hi Maria,\nThis are your new card. It arrive Monday. See you soon ."
    lt.answer(
        [
            match(text, "are", "THIS_NNS_VB", "grammar", "GRAMMAR", ("is",), "Did you mean “is”?"),
            match(text, "arrive", "HE_VERB_AGR", "grammar", "GRAMMAR", ("arrives", "arrived")),
            match(text, " .", "COMMA_PARENTHESIS_WHITESPACE", "whitespace", "TYPOGRAPHY", (".",)),
        ],
    )
    draft = parse(text, names=("Maria",))
    result = grammar.check(draft, lt.url, 2.0, pack=PACK)

    # language_tool_python talks to the server: its language lookup, then the check
    assert lt.calls() == [("GET", "/v2/languages"), ("POST", "/v2/check")]
    form = lt.requests[1][2]
    assert form["text"] == [text] and form["language"] == ["en-US"]

    assert result.status == "warn" and result.reason == "LanguageTool found 3 issues."
    got = [
        (f.rule_id, f.category, f.severity, text[f.start : f.end], [s.label for s in f.suggestions])
        for f in result.findings
    ]
    assert got == [
        ("lt-THIS_NNS_VB", "grammar", "warning", "are", ["Use “is”"]),
        ("lt-HE_VERB_AGR", "grammar", "warning", "arrive", ["Use “arrives”", "Use “arrived”"]),
        ("lt-COMMA_PARENTHESIS_WHITESPACE", "grammar", "info", " .", ["Use “.”"]),
    ]
    first = result.findings[0]
    assert first.message == "Did you mean “is”?"
    assert first.why == grammar.WHY["GRAMMAR"]
    assert first.suggestions[0].edits[0].replacement == "is"

    # one instance per server and language: later checks only POST
    grammar.check(draft, lt.url, 2.0, pack=PACK)
    assert lt.calls()[2:] == [("POST", "/v2/check")]
    grammar.check(draft, lt.url, 2.0, pack=PACK, language="de-DE")
    assert lt.calls()[3:] == [("GET", "/v2/languages"), ("POST", "/v2/check")]
    assert lt.requests[-1][2]["language"] == ["de-DE"]


def test_protected_spans_glossary_allowlist_and_known_typos_are_skipped(
    lt: FakeLanguageTool,
) -> None:
    text = "Hi Maria,\nZendo and AcmeSync recieve it at {{ticket.id}} today."
    lt.answer(
        [
            match(text, "Maria", "MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", ("Mario",)),
            match(text, "Zendo", "MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", ("Zen",)),
            match(text, "AcmeSync", "MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS"),
            # spelling.py already offers "receive": not reported twice
            match(text, "recieve", "MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", ("receive",)),
            match(text, "{{ticket.id}}", "EN_UNPAIRED_BRACKETS", "typographical", "PUNCTUATION"),
            match(text, "today", "UPPERCASE_SENTENCE_START", "typographical", "CASING"),
        ],
    )
    result = grammar.check(parse(text, names=("Maria",)), lt.url, 2.0, pack=PACK)
    assert [(f.rule_id, text[f.start : f.end]) for f in result.findings] == [
        ("lt-UPPERCASE_SENTENCE_START", "today")
    ]


def test_offsets_after_and_across_emoji_are_exact(lt: FakeLanguageTool) -> None:
    text = "Thanks 👍🏽 👍🏽 this are fixed 🎉 ."
    # characters outside the BMP go out as one UTF-16 unit each (U+FFFC), so
    # LanguageTool's offsets are Python indices into the draft
    sent = text.replace("👍", "\ufffc").replace("🏽", "\ufffc").replace("🎉", "\ufffc")
    lt.answer(
        [
            match(sent, "are", "THIS_NNS_VB", "grammar", "GRAMMAR", ("is",)),
            # one replacement has the span's four stand-ins, one has two
            match(
                sent,
                "\ufffc\ufffc \ufffc\ufffc",
                "WORD_REPEAT",
                "duplication",
                "MISC",
                ("\ufffc\ufffc\ufffc\ufffc", "\ufffc\ufffc"),
            ),
            match(sent, " .", "COMMA_PARENTHESIS_WHITESPACE", "whitespace", "TYPOGRAPHY", (".",)),
        ]
    )
    result = grammar.check(parse(text), lt.url, 2.0)
    assert lt.requests[-1][2]["text"] == [sent]
    got = [
        (text[f.start : f.end], [e.replacement for s in f.suggestions for e in s.edits])
        for f in result.findings
    ]
    assert got == [
        ("are", ["is"]),
        # stand-ins in a replacement become the span's own characters again;
        # a replacement that cannot be mapped back is dropped
        ("👍🏽 👍🏽", ["👍🏽👍🏽"]),
        (" .", ["."]),
    ]


def test_concurrent_first_checks_share_one_instance_and_keep_their_offsets(
    lt: FakeLanguageTool,
) -> None:
    def respond(received: str) -> list[dict[str, Any]]:
        return [match(received, "are", "THIS_NNS_VB", "grammar", "GRAMMAR", ("is",))]

    lt.respond = respond
    texts = [("🙂" * (i % 4)) + "x" * i + " this are fixed." for i in range(16)]
    results: dict[str, list[str]] = {}

    def run(text: str) -> None:
        found = grammar.check(parse(text), lt.url, 5.0).findings
        results[text] = [text[f.start : f.end] for f in found]

    threads = [threading.Thread(target=run, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {t: ["are"] for t in texts}
    assert lt.calls().count(("GET", "/v2/languages")) == 1


def test_a_clean_draft_passes(lt: FakeLanguageTool) -> None:
    lt.answer([])
    result = grammar.check(parse("Your refund is on its way."), lt.url, 2.0)
    assert (result.status, result.findings) == ("pass", ())


def test_out_of_range_matches_are_skipped_and_the_others_kept(lt: FakeLanguageTool) -> None:
    text = "This are fine."
    good = match(text, "are", "THIS_NNS_VB", "grammar", "GRAMMAR", ("is",))
    lt.answer(
        [{**good, "offset": 999}, {**good, "offset": 12, "length": 3}, {**good, "length": 0}, good]
    )
    result = grammar.check(parse(text), lt.url, 2.0)
    assert [f.rule_id for f in result.findings] == ["lt-THIS_NNS_VB"]


def test_a_malformed_match_makes_the_answer_unusable(lt: FakeLanguageTool) -> None:
    # language_tool_python builds every Match or none
    text = "This are fine."
    lt.answer([{"offset": "x"}, match(text, "are", "THIS_NNS_VB", "grammar", "GRAMMAR")])
    result = grammar.check(parse(text), lt.url, 2.0)
    assert result.status == "n/a"
    assert "not LanguageTool's format" in result.reason


@pytest.mark.parametrize(
    ("suffix", "prefix"),
    [
        ("", ""),
        ("/", ""),
        ("/v2", ""),
        ("/v2/", ""),
        ("/v2/check", ""),
        ("/v2/check/", ""),
        ("/lt", "/lt"),  # behind a reverse proxy
        ("/lt/v2/check", "/lt"),
    ],
)
def test_base_url_forms_all_reach_v2(lt: FakeLanguageTool, suffix: str, prefix: str) -> None:
    lt.answer([])
    result = grammar.check(parse("Fine."), lt.url + suffix, 2.0)
    assert result.status == "pass"
    assert lt.calls() == [("GET", f"{prefix}/v2/languages"), ("POST", f"{prefix}/v2/check")]


def test_slow_check_is_na_at_the_deadline_though_the_library_retries(
    lt: FakeLanguageTool,
) -> None:
    assert grammar.check(parse("Fine."), lt.url, 2.0).status == "pass"  # instance made
    lt.delay = 10.0
    began = time.monotonic()
    result = grammar.check(parse("This are fine."), lt.url, 0.3)
    waited = time.monotonic() - began
    assert 0.25 < waited < 0.8
    assert result.status == "n/a" and result.findings == ()
    assert "did not answer within 0.3 s" in result.reason
    # in the background the library times out and tries once more (2 x 0.3 s)
    assert wait_for(lambda: lt.calls().count(("POST", "/v2/check")) == 3)


def test_slow_server_at_first_contact_is_na_then_backs_off(lt: FakeLanguageTool) -> None:
    lt.delay = 10.0
    began = time.monotonic()
    result = grammar.check(parse("This are fine."), lt.url, 0.3)
    assert time.monotonic() - began < 0.8
    assert result.status == "n/a" and "did not answer within 0.3 s" in result.reason
    assert lt.calls() == [("GET", "/v2/languages")]
    time.sleep(0.5)  # the library's own 0.3 s timeout has ended the attempt
    began = time.monotonic()
    again = grammar.check(parse("This are fine."), lt.url, 0.3)
    assert time.monotonic() - began < 0.1  # answered from the back-off, server not asked
    assert again.reason == result.reason
    assert lt.calls() == [("GET", "/v2/languages")]


def test_a_full_pool_still_answers_by_the_deadline(lt: FakeLanguageTool) -> None:
    assert grammar.check(parse("Fine."), lt.url, 2.0).status == "pass"
    lt.delay = 10.0
    waits: list[float] = []
    reasons: set[str] = set()

    def run() -> None:
        began = time.monotonic()
        reasons.add(grammar.check(parse("This are fine."), lt.url, 0.3).reason)
        waits.append(time.monotonic() - began)

    threads = [threading.Thread(target=run) for _ in range(languagetool.MAX_WORKERS + 6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(waits) < 0.8
    assert all("did not answer within 0.3 s" in r for r in reasons)


@pytest.mark.parametrize(
    ("status", "body", "detail"),
    [
        (500, b"Internal error", "not LanguageTool's format (not JSON"),
        (503, b'{"error": "overloaded"}', "not LanguageTool's format"),
        (200, b"<html>proxy login</html>", "not LanguageTool's format (not JSON"),
        (200, b'{"results": []}', "not LanguageTool's format"),
        (200, b"[]", "not LanguageTool's format"),
        (426, b"Too many requests", "rate limit"),
    ],
)
def test_bad_answers_are_na_not_exceptions(
    lt: FakeLanguageTool, status: int, body: bytes, detail: str
) -> None:
    lt.status, lt.body = status, body
    url = lt.url.replace("http://", "http://agent:s3cret@")
    result = grammar.check(parse("This are fine."), url, 2.0)
    assert result.status == "n/a" and result.findings == ()
    assert detail in result.reason
    assert "127.0.0.1" not in result.reason and "s3cret" not in result.reason


def test_bad_language_list_is_na(lt: FakeLanguageTool) -> None:
    lt.languages = b"<html>not here</html>"
    result = grammar.check(parse("This are fine."), lt.url, 2.0)
    assert result.status == "n/a" and "not LanguageTool's format" in result.reason


def test_language_the_server_does_not_offer_is_na(lt: FakeLanguageTool) -> None:
    result = grammar.check(parse("Das ist gut."), lt.url, 2.0, language="xx-YY")
    assert result.status == "n/a"
    assert "the server does not offer language xx-YY" in result.reason


def test_the_server_url_never_reaches_the_logs(
    lt: FakeLanguageTool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    lt.status, lt.body = 500, b"Internal error"
    grammar.check(parse("This are fine."), lt.url.replace("http://", "http://agent:s3cret@"), 2.0)
    assert "s3cret" not in caplog.text and "This are fine" not in caplog.text


def test_server_down_is_na() -> None:
    began = time.monotonic()
    result = grammar.check(parse("This are fine."), f"http://127.0.0.1:{free_port()}", 1.0)
    assert time.monotonic() - began < 1.0
    assert result.status == "n/a"
    assert "cannot be reached (ConnectionError)" in result.reason


def test_server_down_then_up_backs_off_then_recovers(monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    down = grammar.check(parse("This are fine."), url, 1.0)
    assert down.status == "n/a" and "cannot be reached (ConnectionError)" in down.reason
    with serve(FakeLanguageTool(), port) as fake:
        fake.answer([])
        # within the back-off the server is not asked again
        assert grammar.check(parse("Fine."), url, 1.0).reason == down.reason
        assert fake.requests == []
        monkeypatch.setattr(languagetool, "RETRY_AFTER", 0.0)
        assert grammar.check(parse("Fine."), url, 1.0).status == "pass"
        assert fake.calls() == [("GET", "/v2/languages"), ("POST", "/v2/check")]


# LanguageTool's rule.issueType values: ITSIssueType in languagetool-core
# (org/languagetool/rules/ITSIssueType.java), written as toString() gives them.
LT_ISSUE_TYPES = [
    "terminology",
    "mistranslation",
    "omission",
    "untranslated",
    "addition",
    "duplication",
    "inconsistency",
    "grammar",
    "legal",
    "register",
    "locale-specific-content",
    "locale-violation",
    "style",
    "characters",
    "misspelling",
    "typographical",
    "formatting",
    "inconsistent-entities",
    "numbers",
    "markup",
    "pattern-problem",
    "whitespace",
    "internationalization",
    "length",
    "non-conformance",
    "uncategorized",
    "other",
]
# LanguageTool's predefined rule categories (org/languagetool/rules/Categories.java).
LT_CATEGORIES = [
    "CASING",
    "COMPOUNDING",
    "GRAMMAR",
    "TYPOS",
    "PUNCTUATION",
    "TYPOGRAPHY",
    "CONFUSED_WORDS",
    "REPETITIONS",
    "REDUNDANCY",
    "REPETITIONS_STYLE",
    "STYLE",
    "PLAIN_ENGLISH",
    "GENDER_NEUTRALITY",
    "SEMANTICS",
    "COLLOQUIALISMS",
    "REGIONALISMS",
    "FALSE_FRIENDS",
    "WIKIPEDIA",
    "MISC",
]


def test_severity_table_covers_every_languagetool_issue_type() -> None:
    assert sorted(grammar.ISSUE_SEVERITY) == sorted(LT_ISSUE_TYPES)
    assert sorted(grammar.CATEGORY_SEVERITY) == sorted(LT_CATEGORIES)
    assert set(grammar.ISSUE_SEVERITY.values()) | set(grammar.CATEGORY_SEVERITY.values()) <= {
        "info",
        "warning",
        "error",
    }


@pytest.mark.parametrize(
    ("issue_type", "category", "expected"),
    [
        ("misspelling", "TYPOS", "warning"),
        ("grammar", "GRAMMAR", "warning"),
        ("whitespace", "TYPOGRAPHY", "info"),
        ("style", "STYLE", "info"),
        (None, "CONFUSED_WORDS", "warning"),  # no issueType: the category decides
        ("not-a-type", "PUNCTUATION", "info"),
        (None, "SOMETHING_NEW", "info"),
    ],
)
def test_severity(issue_type: str | None, category: str, expected: str) -> None:
    assert grammar.severity(issue_type, category) == expected


def test_names_and_identifiers_are_never_typos_or_recased(lt: FakeLanguageTool) -> None:
    text = (
        "Hi Tomasz,\nSet the server to mail.ventrix.internal now.\n"
        "update it to v2.3.1 today.\nAoife from billing will call you."
    )
    lt.answer(
        [
            match(text, "ventrix", "MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", ("vent",)),
            match(text, "Aoife", "MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", ("Alice",)),
            match(text, "v2", "MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", ("v",)),
            match(text, "update", "UPPERCASE_SENTENCE_START", "typographical", "CASING"),
        ],
    )
    result = grammar.check(parse(text), lt.url, 2.0, pack=PACK)
    assert [(f.rule_id, text[f.start : f.end]) for f in result.findings] == [
        ("lt-UPPERCASE_SENTENCE_START", "update")
    ]
