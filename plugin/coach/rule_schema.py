"""Rule pack schema: the rule types and the validation of a parsed pack.

Validation names the pack file and the rule id in every error, so an admin can
find the broken rule (vale-style). ``rules.py`` compiles what this returns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, cast

from plugin.coach.model import CATEGORY_NAMES, MOVES, Severity, category_key

Kind = Literal["avoid", "move"]
Scope = Literal["any", "opening"]

KINDS: frozenset[str] = frozenset({"avoid", "move"})
SEVERITIES: frozenset[str] = frozenset({"info", "warning", "error"})
STATUSES: frozenset[str] = frozenset({"active", "retired"})
SCOPES: frozenset[str] = frozenset({"any", "opening"})
# Placeholders a replacement may use; the empathy analyzer fills them from the
# customer context and drops alternatives it cannot fill. ``{verb}`` is the base
# form of the past participle right after the match ("you should have *read*"),
# and the edit takes that word in.
PLACEHOLDERS: frozenset[str] = frozenset({"topic", "problem", "first_name", "verb"})
# Slots left for the agent to fill ("because {reason}"): kept as typed (suggest/slots.py).
AGENT_SLOTS: frozenset[str] = frozenset({"time", "reason", "alternative", "next_step"})

_RULE_KEYS = frozenset(
    {
        *("id", "category", "kind", "move", "phrases", "patterns", "severity", "status"),
        *("unless_followed_by", "unless_preceded_by", "context_words", "scope", "requires_name"),
        *("message", "why", "replacement", "append", "examples"),
    }
)
_PACK_KEYS = frozenset({"version", "locale", "rules", "glossary", "allowlist", "settings"})
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_FOLDS = tuple((c, "'") for c in "\u2019\u2018\u02bc") + tuple((c, " ") for c in "\n\t\r\xa0\f\v")


class RulePackError(ValueError):
    """A pack that cannot be used; the message names the pack file and rule id."""


# Identity equality: a compiled rule is one object, and matches are hashed by the
# thousand per draft; hashing every field (phrase tuples...) each time was costly.
@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    id: str
    category: str
    kind: Kind
    message: str
    severity: Severity = "warning"
    move: str | None = None  # kind move: the move evidenced; kind avoid: the move done badly
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    unless_followed_by: tuple[str, ...] = ()
    unless_preceded_by: tuple[str, ...] = ()
    context_words: int = 4  # how many words the unless_* checks look at
    scope: Scope = "any"  # opening = only as the reply's first words ("Hi there")
    requires_name: bool = False  # an anti-pattern only when the customer's name is known
    why: str = ""
    replacement: tuple[str, ...] = ()  # alternatives for the matched span ("" deletes)
    append: str | None = None  # text added at the end of the matched sentence instead
    examples_bad: tuple[str, ...] = ()
    examples_good: tuple[str, ...] = ()
    status: Literal["active", "retired"] = "active"


# A NamedTuple: ``RulePack.find`` makes one per match, and re-runs for every
# suggestion's exactness check; a tuple is several times cheaper to build.
class RuleMatch(NamedTuple):
    rule: Rule
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    plain: str
    # a technical term (API, DNS) a technically-writing customer reads without help;
    # the support team's own shorthand (T2, SLA, escalate) stays jargon to everyone
    technical: bool = False


def fold(text: str) -> str:
    """Lowercase, straighten apostrophes and flatten white space, keeping length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. "İ" lowercases to two chars
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # str.replace per character present: ~15x cheaper than str.translate with a dict table.
    for old, new in _FOLDS:
        if old in lowered:
            lowered = lowered.replace(old, new)
    return lowered


# A social reply addresses its readers by @handle first ("@acme @sam Hi there, ..."):
# the reply itself, and so its greeting, starts after them.
_LEADING_HANDLES = re.compile(r"\s*(?:[.]?@\w+[,:]?\s*)*")


def reply_start(text: str) -> int:
    """Where the reply's first word starts: past white space and leading @handles."""
    found = _LEADING_HANDLES.match(text)
    return found.end() if found else 0


def norm_phrase(phrase: str) -> str:
    return " ".join(fold(phrase).split())


def parse_rules(raw: object, source: str, strict: bool) -> tuple[Rule, ...]:
    if not isinstance(raw, list):
        raise RulePackError(f"{source}: 'rules' must be a list")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        rule = _parse_rule(item, source, index, strict)
        if rule.id in seen:
            raise RulePackError(f"{source}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        rules.append(rule)
    return tuple(rules)


def _parse_rule(item: object, source: str, index: int, strict: bool) -> Rule:
    where = f"{source}: rule #{index + 1}"
    if not isinstance(item, Mapping):
        raise RulePackError(f"{where}: must be a mapping")
    rule_id = item.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise RulePackError(f"{where}: 'id' must be lowercase letters, digits and dashes")
    where = f"{source}: rule {rule_id!r}"

    def fail(problem: str) -> RulePackError:
        return RulePackError(f"{where}: {problem}")

    unknown = set(item) - _RULE_KEYS
    if unknown:
        raise fail(f"unknown keys {sorted(map(str, unknown))}")
    kind = _choice(item.get("kind"), KINDS, "kind", fail)
    category = category_key(_choice(item.get("category"), CATEGORY_NAMES, "category", fail))
    severity = _choice(item.get("severity", "warning"), SEVERITIES, "severity", fail)
    status = _choice(item.get("status", "active"), STATUSES, "status", fail)
    scope = _choice(item.get("scope", "any"), SCOPES, "scope", fail)
    move = item.get("move")
    if kind == "move" and move is None:
        raise fail("kind 'move' needs a 'move'")
    if move is not None:
        move = _choice(move, frozenset(MOVES), "move", fail)
    message = item.get("message")
    if not isinstance(message, str) or not message.strip():
        raise fail("missing 'message'")
    why = item.get("why") or ""
    if not isinstance(why, str):
        raise fail("'why' must be text")
    phrases = _phrases(item, "phrases", where)
    patterns = tuple(
        p.translate(_APOSTROPHES) for p in strings(item.get("patterns"), where, "patterns")
    )
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as e:
            raise fail(f"bad regex {pattern!r}: {e}") from e
    if status == "active" and not (phrases or patterns):
        raise fail("needs at least one phrase or pattern")
    replacement = _replacements(item.get("replacement"), fail)
    append = item.get("append")
    if append is not None and not isinstance(append, str):
        raise fail("'append' must be text")
    requires_name = item.get("requires_name", False)
    if not isinstance(requires_name, bool):
        raise fail("'requires_name' must be true or false")
    context_words = item.get("context_words", 4)
    if not isinstance(context_words, int) or not 1 <= context_words <= 40:
        raise fail("'context_words' must be a whole number from 1 to 40")
    bad, good = _examples(item.get("examples"), where, fail)
    if strict and status == "active":
        if not why.strip():
            raise fail("missing 'why'")
        if not bad or not good:
            raise fail("needs at least one bad and one good example")
    return Rule(
        id=rule_id,
        category=category,
        kind=cast(Kind, kind),
        message=message.strip(),
        severity=cast(Severity, severity),
        move=move,
        phrases=phrases,
        patterns=patterns,
        unless_followed_by=_phrases(item, "unless_followed_by", where),
        unless_preceded_by=_phrases(item, "unless_preceded_by", where),
        context_words=context_words,
        scope=cast(Scope, scope),
        requires_name=requires_name,
        why=why.strip(),
        replacement=replacement,
        append=append,
        examples_bad=bad,
        examples_good=good,
        status=cast(Literal["active", "retired"], status),
    )


def _choice(value: object, allowed: frozenset[str], name: str, fail: Any) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise fail(f"unknown {name} {value!r}; use one of {sorted(allowed)}")
    return value


def _phrases(item: Mapping[str, object], name: str, where: str) -> tuple[str, ...]:
    return tuple(norm_phrase(p) for p in strings(item.get(name), where, name))


def strings(value: object, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulePackError(f"{where}: '{name}' must be a list of non-empty strings")
    return tuple(value)


def _replacements(value: object, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise fail("'replacement' must be text or a list of texts")
    for text in items:
        unknown = set(_PLACEHOLDER.findall(text)) - PLACEHOLDERS - AGENT_SLOTS
        if unknown:
            raise fail(f"unknown placeholder(s) {sorted(unknown)} in replacement {text!r}")
    return tuple(items)


def _examples(value: object, where: str, fail: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if value is None:
        return (), ()
    if not isinstance(value, Mapping) or set(value) - {"bad", "good"}:
        raise fail("'examples' must be a mapping with 'bad' and 'good' lists")
    return (
        strings(value.get("bad"), where, "examples.bad"),
        strings(value.get("good"), where, "examples.good"),
    )


def parse_glossary(raw: object, source: str) -> tuple[GlossaryEntry, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RulePackError(f"{source}: 'glossary' must be a list")
    entries: list[GlossaryEntry] = []
    for index, item in enumerate(raw):
        if not (
            isinstance(item, Mapping)
            and isinstance(item.get("term"), str)
            and isinstance(item.get("plain"), str)
            and item["term"].strip()
            and item["plain"].strip()
        ):
            raise RulePackError(f"{source}: glossary entry #{index + 1} needs 'term' and 'plain'")
        technical = item.get("technical", False)
        if not isinstance(technical, bool):
            raise RulePackError(
                f"{source}: glossary entry #{index + 1}: 'technical' must be true or false"
            )
        entries.append(GlossaryEntry(item["term"].strip(), item["plain"].strip(), technical))
    return tuple(entries)
