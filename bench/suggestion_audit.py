"""Applied-suggestion audit (issue #10): apply every suggestion the coach offers on
every draft of the development data and the benchmark corpus, and check the result.

For each suggestion: (a) the edited stretch reads right in place (``suggest.checks``
finds no defect the edit adds); (b) the re-check after applying it — slots filled with
sample words, as the agent would — no longer reports its finding and reports nothing
new; (c) an insertion lands inside the reply's body (not after the sign-off, in the
signature, in quoted text or inside inline markup); (d) no promise is offered on a
draft that reports the problem solved.

    python -m bench.suggestion_audit [--data ../shared/data] [--corpus bench/corpus.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plugin.coach.draft import Format, parse
from plugin.coach.edits import apply
from plugin.coach.model import CustomerContext, Edit, Finding, Suggestion
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack
from plugin.coach.suggest import checks, placement, promise
from plugin.coach.suggest.vet import _layout

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CORPUS = Path(__file__).with_name("corpus.jsonl")
_FILL = {
    "{time}": "Friday",
    "{reason}": "it keeps your account safe",
    "{alternative}": "a refund",
    "{next_step}": "I call you on Friday",
}
_PROMISE = re.compile(
    r"(?i:\b(?:i|we)['’]ll (?:send|update|get back|call|email|look into)|\{time\})"
)
_GREETING_RULES = frozenset({"missing-greeting", "missing-personalization", "greeting-no-name"})


@dataclass
class Audit:
    suggestions: int = 0
    in_place_fail: list[tuple[str, str, str]] = field(default_factory=list)
    recheck_fail: list[tuple[str, str, str]] = field(default_factory=list)
    outside_body: list[tuple[str, str]] = field(default_factory=list)
    promises_on_solved: list[tuple[str, str]] = field(default_factory=list)
    per_rule: Counter[str] = field(default_factory=Counter)
    moves_surfaced: int = 0  # re-checks after which another missing move is shown

    def figures(self) -> dict[str, Any]:
        n = max(self.suggestions, 1)
        return {
            "suggestions": self.suggestions,
            "in_place_pass_share": round(1 - len(self.in_place_fail) / n, 4),
            "recheck_pass_share": round(1 - len(self.recheck_fail) / n, 4),
            "inserts_outside_body": len(self.outside_body),
            "promises_on_solved_replies": len(self.promises_on_solved),
            "missing_moves_surfaced_after_a_fix": self.moves_surfaced,
        }


def items(data: Path, corpus: Path | None) -> Iterator[dict[str, Any]]:
    """Every draft of the development sets (and the benchmark corpus)."""
    for name in ("real-replies-dev/replies.jsonl", "email-cases-dev/cases.jsonl"):
        path = data / name
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: the audit needs the development data")
        yield from (json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    if corpus is not None:
        yield from (json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line)


def request(item: dict[str, Any], draft: str | None = None) -> CheckRequest:
    name = item.get("customer_name")
    ctx = CustomerContext(name=name, first_name=name.split()[0]) if name else None
    return CheckRequest(
        draft=item["draft"] if draft is None else draft,
        format="html" if item.get("format") == "html" else "text",
        customer_message=item.get("customer_message", ""),
        context=ctx,
    )


def run(data: Path = DATA, corpus: Path | None = CORPUS) -> Audit:
    coach = Coach(load_pack())
    audit = Audit()
    for item in items(data, corpus):
        review = coach.review(request(item))
        draft = parse(item["draft"], request(item).format)
        shape = _layout(draft)
        body = (placement.opening(draft, shape), placement.body_end(draft, shape))
        solved = promise.solved(draft.folded[body[0] : body[1]])
        before = {(f.rule_id, f.start, f.end) for f in review.findings}
        for f in review.findings:
            for s in f.suggestions:
                audit.suggestions += 1
                audit.per_rule[f.rule_id] += 1
                _audit_one(coach, audit, item, f, s, before, body, solved)
    return audit


def _audit_one(
    coach: Coach,
    audit: Audit,
    item: dict[str, Any],
    f: Finding,
    s: Suggestion,
    before: set[tuple[str, int, int]],
    body: tuple[int, int],
    solved: bool,
) -> None:
    source = item["draft"]
    key = f"{item['id']} {f.rule_id}"
    fixed = apply(source, list(s.edits))
    fmt = request(item).format
    code = checks.problem(*_plain_edit(source, fixed, fmt), greeting=f.rule_id in _GREETING_RULES)
    if code is not None:
        audit.in_place_fail.append((key, code, s.label))
    for e in s.edits:
        if e.start == e.end and f.rule_id not in _GREETING_RULES and _outside(item, e, body):
            audit.outside_body.append((key, s.label))
        if solved and _PROMISE.search(e.replacement):
            audit.promises_on_solved.append((key, s.label))
    # slots filled as the agent would, before the re-check
    edits = tuple(Edit(e.start, e.end, _filled(e.replacement)) for e in s.edits)
    fixed = apply(source, list(edits))
    after = {(g.rule_id, g.start, g.end) for g in coach.review(request(item, fixed)).findings}
    lo = min(e.start for e in edits)
    hi = max(e.start for e in edits) + len(fixed) - len(source)
    hi = max(hi, max(e.end for e in edits) + len(fixed) - len(source))
    kept = {_shift(k, edits) for k in before if not _touched(k, edits)}
    own = (f.rule_id, f.start, f.end)
    gone = (
        after_count(after, f.rule_id) < before_count(before, f.rule_id)
        if f.rule_id.startswith("missing-")
        else _shift(own, edits) not in after
    )
    # what else the re-check reports that it did not before: a finding of the same rule
    # on what is left of the edited sentence (a long sentence split once) is its remainder;
    # a missing move is no text of the draft (the coach shows a few at a time: fixing one
    # may bring the next into view), so the missing-move findings are compared apart
    grown = sorted(
        k[0]
        for k in after - kept
        if k != _shift(own, edits)
        and not (k[0] == f.rule_id and k[1] <= hi and lo <= k[2])
        and not k[0].startswith("missing-")
    )
    surfaced = sorted(
        r
        for r in {k[0] for k in after if k[0].startswith("missing-")}
        if after_count(after, r) > before_count(before, r)
    )
    audit.moves_surfaced += bool(surfaced)
    if not gone or grown:
        audit.recheck_fail.append((key, f"gone={gone} new={sorted(set(grown))}", s.label))


def _filled(text: str) -> str:
    for slot, words in _FILL.items():
        text = text.replace(slot, words)
    return text


Key = tuple[str, int, int]


def after_count(keys: set[Key], rule: str) -> int:
    return sum(1 for k in keys if k[0] == rule)


before_count = after_count


def _touched(k: Key, edits: tuple[Edit, ...]) -> bool:
    """A finding the edit overlaps or sits in (its own sentence may change)."""
    return any(
        k[1] < e.start < k[2] if e.start == e.end else k[1] < e.end and e.start < k[2]
        for e in edits
    )


def _shift(k: Key, edits: tuple[Edit, ...]) -> Key:
    delta = sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= k[1])
    return (k[0], k[1] + delta, k[2] + delta)


def _plain_edit(source: str, fixed: str, fmt: Format) -> tuple[str, Edit]:
    """The change between two drafts as one edit on the text a reader sees (markup gone)."""
    before, after = parse(source, fmt).text, parse(fixed, fmt).text
    p = 0
    while p < min(len(before), len(after)) and before[p] == after[p]:
        p += 1
    q = 0
    while q < min(len(before), len(after)) - p and before[-1 - q] == after[-1 - q]:
        q += 1
    while p and (before[p - 1 : p].isalnum() or after[p - 1 : p].isalnum()):
        p -= 1  # whole words: the diff may start or end inside one
    while q and (_inside(before, len(before) - q) or _inside(after, len(after) - q)):
        q -= 1
    return before, Edit(p, len(before) - q, after[p : len(after) - q])


def _inside(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


def _outside(item: dict[str, Any], e: Edit, body: tuple[int, int]) -> bool:
    """An insertion (source offsets) outside the body, in quoted text or inline markup."""
    source = item["draft"]
    draft = parse(source, "html" if item.get("format") == "html" else "text")
    lo = placement.source_edit(draft, Edit(body[0], body[0], "")).start
    hi = placement.source_edit(draft, Edit(body[1], body[1], "")).start
    if not lo <= e.start <= max(hi, lo):
        return True
    line = source[source.rfind("\n", 0, e.start) + 1 : e.start]
    if line.lstrip().startswith(">"):
        return True
    # independent of the placement code: nothing that closes the letter stands before it
    if _CLOSED.search(htmlish(source, item)[lo : e.start]):
        return True
    low = source.lower()
    if low.rfind("<blockquote", 0, e.start) > low.rfind("</blockquote", 0, e.start):
        return True
    return placement._outside_inline(source, e.start) != e.start


# A sign-off line, agent initials, a signature placeholder or the start of a quote.
_CLOSED = re.compile(
    r"(?im)^[ \t]*(?:best(?: regards| wishes)?|kind regards|warm(?:est)? regards|regards|cheers"
    r"|thanks|thank you|sincerely|take care|with warm wishes|safe travels)[ \t]*[,!]?[ \t]*$"
    r"|(?:^|\s)[\^~*][A-Z]{1,5}\b|\{\{[^}]*signature[^}]*\}\}|^[ \t]*>|\bwrote:[ \t]*$"
)


def htmlish(source: str, item: dict[str, Any]) -> str:
    """HTML line breaks as newlines (same length), so line anchors work on HTML drafts."""
    if item.get("format") != "html":
        return source
    return re.sub(r"<(?:br|/p|/div)[^>]*>", lambda m: "\n" * len(m.group()), source)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-corpus", action="store_true")
    parser.add_argument("-v", action="store_true", help="list every failure")
    args = parser.parse_args()
    audit = run(args.data, None if args.no_corpus else args.corpus)
    print(json.dumps(audit.figures(), indent=2))
    if args.v:
        for name in ("in_place_fail", "recheck_fail", "outside_body", "promises_on_solved"):
            for row in getattr(audit, name):
                print(name, *row, sep=" | ")


if __name__ == "__main__":
    main()
