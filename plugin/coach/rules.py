"""Rule packs as data: load, validate and compile once; ``RulePack.find`` only matches.

A pack is YAML (schema in ARCHITECTURE.md, extended here). All literal phrases of
all rules go into ONE Aho-Corasick automaton, so matching cost does not grow
with the number of rules. Each regex is keyed by a literal it cannot match
without (its "trigger", found by ``_trigger``); the automaton finds triggers too,
so only regexes whose trigger occurs in the text run. Regexes with no usable
trigger always run, so a pack should keep those few.

Text is folded 1:1 before matching (lowercase, curly apostrophes to ``'``, any
white space to a space), so match offsets are offsets into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

import ahocorasick
import yaml

from plugin.coach.model import CATEGORIES, MOVES, Severity

Kind = Literal["avoid", "move"]
Scope = Literal["any", "opening"]

DEFAULT_PACK = Path(__file__).with_name("rulepacks") / "en.yaml"
KINDS: frozenset[str] = frozenset({"avoid", "move"})
SEVERITIES: frozenset[str] = frozenset({"info", "warning", "error"})
STATUSES: frozenset[str] = frozenset({"active", "retired"})
SCOPES: frozenset[str] = frozenset({"any", "opening"})
# Placeholders a replacement may use; the empathy analyzer fills them from the
# customer context and drops alternatives it cannot fill.
PLACEHOLDERS: frozenset[str] = frozenset({"topic", "first_name"})

_RULE_KEYS = frozenset(
    {
        *("id", "category", "kind", "move", "phrases", "patterns", "severity", "status"),
        *("unless_followed_by", "unless_preceded_by", "context_words", "scope"),
        *("message", "why", "replacement", "append", "examples"),
    }
)
_PACK_KEYS = frozenset({"version", "locale", "rules", "glossary", "allowlist"})
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SPACES = str.maketrans({"\n": " ", "\t": " ", "\r": " ", "\xa0": " ", "\f": " ", "\v": " "})
# Chars that end a literal run when extracting a regex trigger.
_REGEX_META = frozenset(".^$*+?{}[]\\|()")


class RulePackError(ValueError):
    """A pack that cannot be used; the message names the pack file and rule id."""


@dataclass(frozen=True, slots=True)
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
    why: str = ""
    replacement: tuple[str, ...] = ()  # alternatives for the matched span ("" deletes)
    append: str | None = None  # text added at the end of the matched sentence instead
    examples_bad: tuple[str, ...] = ()
    examples_good: tuple[str, ...] = ()
    status: Literal["active", "retired"] = "active"


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule: Rule
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    plain: str


@dataclass(frozen=True, slots=True)
class _Key:
    """What one automaton key stands for: phrase rules and regexes it triggers."""

    length: int
    rules: tuple[int, ...]
    regexes: tuple[int, ...]
    bounded_start: bool  # phrase starts with a word char: check the boundary
    bounded_end: bool


@dataclass(frozen=True)
class RulePack:
    """A compiled pack. Build with ``load_pack`` or ``compile_pack``."""

    source: str
    version: str
    locale: str
    rules: tuple[Rule, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    allowlist: frozenset[str] = frozenset()
    _automaton: Any = field(default=None, repr=False, compare=False)
    _regexes: tuple[tuple[Rule, re.Pattern[str]], ...] = field(default=(), repr=False)
    _always: tuple[int, ...] = field(default=(), repr=False)

    def rule(self, rule_id: str) -> Rule:
        """The rule with ``rule_id``; raises KeyError when the pack has none."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    @property
    def active(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.status == "active")

    def find(self, text: str) -> list[RuleMatch]:
        """Every match of every active rule in ``text``, in reading order.

        Overlapping matches (of one rule or several) are all reported; the
        analyzers decide which to show.
        """
        folded = fold(text)
        found: set[tuple[int, int, int]] = set()  # (rule index, start, end)
        regexes = set(self._always)
        if self._automaton is not None:
            for last, key in self._automaton.iter(folded):
                self._phrase_hits(folded, last, cast(_Key, key), found)
                regexes.update(cast(_Key, key).regexes)
        matches = [RuleMatch(self.rules[i], s, e) for i, s, e in found]
        for i in regexes:
            rule, compiled = self._regexes[i]
            matches += [RuleMatch(rule, m.start(), m.end()) for m in compiled.finditer(folded)]
        opening = len(folded) - len(folded.lstrip())  # where the reply's first word starts
        kept = {m for m in matches if m.end > m.start and _in_context(folded, m, opening)}
        return sorted(kept, key=lambda m: (m.start, -m.end, m.rule.id))

    def _phrase_hits(
        self, folded: str, last: int, key: _Key, found: set[tuple[int, int, int]]
    ) -> None:
        start, end = last - key.length + 1, last + 1
        if key.rules and _bounded(folded, start, end, key):
            found.update((i, start, end) for i in key.rules)


def fold(text: str) -> str:
    """Lowercase, straighten apostrophes and flatten white space, keeping length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. "İ" lowercases to two chars
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_APOSTROPHES).translate(_SPACES)


def _norm_phrase(phrase: str) -> str:
    return " ".join(fold(phrase).split())


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _bounded(text: str, start: int, end: int, key: _Key) -> bool:
    """Whole words only: "calm down" must not match inside "scalm downs"."""
    if key.bounded_start and start > 0:
        before = text[start - 1]
        if _is_word_char(before):
            return False
        if before in "'-" and start > 1 and _is_word_char(text[start - 2]):
            return False
    if key.bounded_end and end < len(text):
        after = text[end]
        if _is_word_char(after):
            return False
        # "we can" must not match "we can't"; "simply" must not match "simply-put".
        if after in "'-" and end + 1 < len(text) and _is_word_char(text[end + 1]):
            return False
    return True


def _in_context(folded: str, m: RuleMatch, opening: int) -> bool:
    rule = m.rule
    if rule.scope == "opening" and m.start != opening:
        return False
    n = rule.context_words
    if rule.unless_followed_by:
        after = _WORD.findall(folded, m.end, min(len(folded), m.end + n * 20))[:n]
        if _contains_phrase(after, rule.unless_followed_by):
            return False
    if rule.unless_preceded_by:
        before = _WORD.findall(folded, max(0, m.start - n * 20), m.start)[-n:]
        if _contains_phrase(before, rule.unless_preceded_by):
            return False
    return True


def _contains_phrase(words: list[str], phrases: tuple[str, ...]) -> bool:
    window = " " + " ".join(words) + " "
    return any(f" {p} " in window for p in phrases)


# ---- loading ---------------------------------------------------------------


def load_pack(path: str | Path | None = None, *, strict: bool = False) -> RulePack:
    """Load and compile a pack file (None = the shipped ``rulepacks/en.yaml``).

    Compiled packs are cached per (path, mtime), so an edited file recompiles.
    ``strict`` also requires ``why`` and examples on every active rule.
    Raises RulePackError naming the file (and rule id) on any problem.
    """
    p = Path(path) if path is not None else DEFAULT_PACK
    try:
        mtime = p.stat().st_mtime_ns
    except OSError as e:
        raise RulePackError(f"{p}: cannot read rule pack: {e.strerror}") from e
    return _load_cached(str(p.resolve()), mtime, strict)


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime: int, strict: bool) -> RulePack:
    del mtime  # part of the cache key only
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise RulePackError(f"{path}: cannot read rule pack: {e}") from e
    except yaml.YAMLError as e:
        raise RulePackError(f"{path}: invalid YAML: {e}") from e
    return compile_pack(data, path, strict=strict)


def compile_pack(data: object, source: str = "<memory>", *, strict: bool = False) -> RulePack:
    """Validate a parsed pack (e.g. from the database) and compile its matcher.

    Raises RulePackError naming ``source`` and the rule id.
    """
    if not isinstance(data, Mapping):
        raise RulePackError(f"{source}: a rule pack must be a mapping with 'rules'")
    unknown = set(data) - _PACK_KEYS
    if unknown:
        raise RulePackError(f"{source}: unknown top-level keys {sorted(map(str, unknown))}")
    rules = _parse_rules(data.get("rules"), source, strict)
    automaton, regexes, always = _compile(rules)
    return RulePack(
        source=source,
        version=str(data.get("version", "1")),
        locale=str(data.get("locale", "en")),
        rules=rules,
        glossary=_parse_glossary(data.get("glossary"), source),
        allowlist=frozenset(w.lower() for w in _strings(data.get("allowlist"), source, "allow")),
        _automaton=automaton,
        _regexes=regexes,
        _always=always,
    )


def _parse_rules(raw: object, source: str, strict: bool) -> tuple[Rule, ...]:
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
    category = _choice(item.get("category"), frozenset(CATEGORIES), "category", fail)
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
        p.translate(_APOSTROPHES) for p in _strings(item.get("patterns"), where, "patterns")
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
    return tuple(_norm_phrase(p) for p in _strings(item.get(name), where, name))


def _strings(value: object, where: str, name: str) -> tuple[str, ...]:
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
        unknown = set(_PLACEHOLDER.findall(text)) - PLACEHOLDERS
        if unknown:
            raise fail(f"unknown placeholder(s) {sorted(unknown)} in replacement {text!r}")
    return tuple(items)


def _examples(value: object, where: str, fail: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if value is None:
        return (), ()
    if not isinstance(value, Mapping) or set(value) - {"bad", "good"}:
        raise fail("'examples' must be a mapping with 'bad' and 'good' lists")
    return (
        _strings(value.get("bad"), where, "examples.bad"),
        _strings(value.get("good"), where, "examples.good"),
    )


def _parse_glossary(raw: object, source: str) -> tuple[GlossaryEntry, ...]:
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
        entries.append(GlossaryEntry(item["term"].strip(), item["plain"].strip()))
    return tuple(entries)


# ---- compiling ---------------------------------------------------------------


def _compile(
    rules: Sequence[Rule],
) -> tuple[Any, tuple[tuple[Rule, re.Pattern[str]], ...], tuple[int, ...]]:
    phrase_rules: dict[str, list[int]] = {}
    trigger_regexes: dict[str, list[int]] = {}
    regexes: list[tuple[Rule, re.Pattern[str]]] = []
    always: list[int] = []
    for index, rule in enumerate(rules):
        if rule.status != "active":
            continue  # retired ids stay reserved but never match
        for phrase in rule.phrases:
            phrase_rules.setdefault(phrase, []).append(index)
        for pattern in rule.patterns:
            trigger = _trigger(pattern)
            target = trigger_regexes.setdefault(trigger, []) if trigger else always
            target.append(len(regexes))
            regexes.append((rule, re.compile(pattern, re.IGNORECASE)))
    keys = phrase_rules.keys() | trigger_regexes.keys()
    if not keys:
        return None, tuple(regexes), tuple(always)
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(
            key,
            _Key(
                length=len(key),
                rules=tuple(phrase_rules.get(key, ())),
                regexes=tuple(trigger_regexes.get(key, ())),
                bounded_start=_is_word_char(key[0]),
                bounded_end=_is_word_char(key[-1]),
            ),
        )
    automaton.make_automaton()
    return automaton, tuple(regexes), tuple(always)


def _trigger(pattern: str) -> str | None:
    """A literal every match of ``pattern`` contains, or None.

    Conservative: only literal runs at the top level of a pattern without a
    top-level ``|``, skipping a char made optional by a following quantifier.
    """
    runs: list[str] = []
    current: list[str] = []
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            runs.append("".join(current))
            current = []
            i += 2
            continue
        if c == "[":
            close = pattern.find("]", i + 2)
            i = len(pattern) if close < 0 else close + 1
            runs.append("".join(current))
            current = []
            continue
        if c == "{":
            close = pattern.find("}", i)
            i = len(pattern) if close < 0 else close + 1
            if current:
                current.pop()  # a counted repeat may be zero
            runs.append("".join(current))
            current = []
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return None
        if depth == 0 and c not in _REGEX_META:
            current.append(c)
        else:
            if c in "?*" and current:
                current.pop()  # the quantified char is optional
            runs.append("".join(current))
            current = []
        i += 1
    runs.append("".join(current))
    best = max((_norm_phrase(r) for r in runs), key=len, default="")
    # A trigger must be a literal the folded text can contain; short ones buy nothing.
    return best if len(best) >= 3 and best == best.strip() else None
