"""grammar.check against a real HTTP server on 127.0.0.1 speaking LanguageTool's /v2/check.

The answers follow LanguageTool's documented response format (``software``,
``language``, ``matches`` with ``offset``/``length`` in UTF-16 code units,
``replacements[].value``, ``rule.id``/``issueType``/``category.id``).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

from plugin.coach import grammar
from plugin.coach.draft import parse
from plugin.coach.rules import compile_pack

PACK = compile_pack(
    {"rules": [], "glossary": [{"term": "AcmeSync", "plain": "sync"}], "allowlist": ["zendo"]}
)


@dataclass
class FakeLanguageTool:
    """What the server answers next, and what it was asked."""

    url: str = ""
    status: int = 200
    body: bytes = b'{"matches": []}'
    delay: float = 0.0
    requests: list[tuple[str, dict[str, list[str]]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def answer(self, text: str, matches: list[dict[str, Any]]) -> None:
        self.body = json.dumps(
            {
                "software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
                "warnings": {"incompleteResults": False},
                "language": {"name": "English (US)", "code": "en-US"},
                "matches": matches,
            }
        ).encode()


@pytest.fixture
def lt() -> Iterator[FakeLanguageTool]:
    fake = FakeLanguageTool()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = parse_qs(self.rfile.read(length).decode())
            fake.requests.append((self.path, form))
            if fake.delay:
                fake.release.wait(fake.delay)
            try:
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(fake.body)))
                self.end_headers()
                self.wfile.write(fake.body)
            except OSError:
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


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
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in replacements],
        "offset": utf16,
        "length": len(fragment.encode("utf-16-le")) // 2,
        "context": {"text": text, "offset": utf16, "length": len(fragment)},
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
        text,
        [
            match(text, "are", "THIS_NNS_VB", "grammar", "GRAMMAR", ("is",), "Did you mean “is”?"),
            match(text, "arrive", "HE_VERB_AGR", "grammar", "GRAMMAR", ("arrives", "arrived")),
            match(text, " .", "COMMA_PARENTHESIS_WHITESPACE", "whitespace", "TYPOGRAPHY", (".",)),
        ],
    )
    draft = parse(text, names=("Maria",))
    result = grammar.check(draft, lt.url, 2.0, pack=PACK)

    ((path, form),) = lt.requests
    assert path == "/v2/check"
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
    assert first.why == "THIS_NNS_VB description"
    assert first.suggestions[0].edits[0].replacement == "is"


def test_protected_spans_glossary_allowlist_and_known_typos_are_skipped(
    lt: FakeLanguageTool,
) -> None:
    text = "Hi Maria,\nZendo and AcmeSync recieve it at {{ticket.id}} today."
    lt.answer(
        text,
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


def test_offsets_after_an_emoji_are_mapped_from_utf16(lt: FakeLanguageTool) -> None:
    text = "Thanks 👍🏽 this are fixed."
    lt.answer(text, [match(text, "are", "THIS_NNS_VB", "grammar", "GRAMMAR", ("is",))])
    (f,) = grammar.check(parse(text), lt.url, 2.0).findings
    assert text[f.start : f.end] == "are"


def test_a_clean_draft_passes(lt: FakeLanguageTool) -> None:
    lt.answer("", [])
    result = grammar.check(parse("Your refund is on its way."), lt.url, 2.0)
    assert (result.status, result.findings) == ("pass", ())


def test_malformed_match_is_skipped_and_the_others_kept(lt: FakeLanguageTool) -> None:
    text = "This are fine."
    good = match(text, "are", "THIS_NNS_VB", "grammar", "GRAMMAR", ("is",))
    lt.answer(text, [{"offset": "x"}, {"offset": 999, "length": 3, "rule": good["rule"]}, good])
    result = grammar.check(parse(text), lt.url, 2.0)
    assert [f.rule_id for f in result.findings] == ["lt-THIS_NNS_VB"]


@pytest.mark.parametrize("suffix", ["", "/", "/v2", "/v2/", "/v2/check"])
def test_base_url_forms_all_reach_v2_check(lt: FakeLanguageTool, suffix: str) -> None:
    lt.answer("", [])
    grammar.check(parse("Fine."), lt.url + suffix, 2.0)
    assert [path for path, _ in lt.requests] == ["/v2/check"]


def test_slow_server_times_out_as_na(lt: FakeLanguageTool) -> None:
    lt.delay = 5.0
    began = time.perf_counter()
    result = grammar.check(parse("This are fine."), lt.url, 0.2)
    assert time.perf_counter() - began < 2.0
    assert result.status == "n/a" and result.findings == ()
    assert "did not answer within 0.2 s" in result.reason


@pytest.mark.parametrize(
    ("status", "body", "detail"),
    [
        (500, b"Internal error", "HTTP 500"),
        (503, b'{"matches": []}', "HTTP 503"),
        (200, b"<html>proxy login</html>", "not LanguageTool's format (not JSON)"),
        (200, b'{"results": []}', "not LanguageTool's format (no 'matches' list)"),
    ],
)
def test_bad_answers_are_na_not_exceptions(
    lt: FakeLanguageTool, status: int, body: bytes, detail: str
) -> None:
    lt.status, lt.body = status, body
    result = grammar.check(parse("This are fine."), lt.url, 2.0)
    assert result.status == "n/a" and result.findings == ()
    assert detail in result.reason
    assert lt.url not in result.reason  # the URL may carry credentials


def test_server_down_is_na() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the check: nothing listens
    result = grammar.check(parse("This are fine."), f"http://127.0.0.1:{port}", 1.0)
    assert result.status == "n/a"
    assert "cannot be reached (ConnectionError)" in result.reason


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
