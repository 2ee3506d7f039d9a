"""Rule packs as data: load, validate and compile once; ``RulePack.find`` only matches.

A pack is YAML (schema in ARCHITECTURE.md, extended here). All literal phrases of
all rules go into ONE Aho-Corasick automaton, so matching cost does not grow
with the number of rules. Each regex is keyed by a literal it cannot match
without (its trigger set, found by ``triggers.triggers``); the automaton finds triggers too,
so only regexes whose trigger occurs in the text run. Regexes with no usable
trigger always run, so a pack should keep those few.

Text is folded 1:1 before matching (lowercase, curly apostrophes to ``'``, any
white space to a space), so match offsets are offsets into the original text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import yaml

from plugin.coach import pack_settings
from plugin.coach.casefree import CASE_ALIASES
from plugin.coach.rule_compile import (
    CHARS_PER_WORD,
    LOOK_PAD,
    REACH,
    Compiled,
    Key,
    Regex,
    compile_rules,
    is_word_char,
)
from plugin.coach.rule_context import holds, in_context, regex_matches, windows
from plugin.coach.rule_schema import (
    PLACEHOLDERS,
    GlossaryEntry,
    Kind,
    Rule,
    RuleMatch,
    RulePackError,
    Scope,
    fold,
    parse_glossary,
    parse_rules,
    reply_start,
    strings,
)

__all__ = [
    "DEFAULT_PACK",
    "PLACEHOLDERS",
    "GlossaryEntry",
    "Kind",
    "Rule",
    "RuleMatch",
    "RulePack",
    "RulePackError",
    "Scope",
    "compile_pack",
    "fold",
    "load_pack",
]

DEFAULT_PACK = Path(__file__).with_name("rulepacks") / "en.yaml"
_PACK_KEYS = frozenset({"version", "locale", "rules", "glossary", "allowlist", "settings"})


@dataclass(frozen=True, eq=False)  # identity: a compiled pack is hashed as a cache key
class RulePack:
    """A compiled pack. Build with ``load_pack`` or ``compile_pack``."""

    source: str
    version: str
    locale: str
    rules: tuple[Rule, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    allowlist: frozenset[str] = frozenset()
    _automaton: Any = field(default=None, repr=False, compare=False)
    _regexes: tuple[Regex, ...] = field(default=(), repr=False)
    _always: tuple[int, ...] = field(default=(), repr=False)
    _spread: Mapping[str, int] = field(default_factory=dict, repr=False)
    _needs: tuple[frozenset[int], ...] = field(default=(), repr=False)
    _opening: Any = field(default=None, repr=False, compare=False)
    _opening_len: int = field(default=0, repr=False)

    def rule(self, rule_id: str) -> Rule:
        """The rule with ``rule_id``; raises KeyError when the pack has none."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    @cached_property
    def active(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.status == "active")

    @cached_property
    def move_names(self) -> frozenset[str]:
        """The empathy moves some active rule can evidence (computed once per pack)."""
        return frozenset(r.move for r in self.active if r.kind == "move" and r.move)

    @cached_property
    def avoid_only(self) -> RulePack:
        """The same pack matching only anti-patterns: what the exactness check compares.

        Compiled once per pack; skipping the move rules (and their regexes) makes
        each re-check of a suggestion about twice as cheap.
        """
        rules = tuple(r for r in self.rules if r.kind == "avoid")
        return replace(self, rules=rules, **_fields(compile_rules(rules)))

    @cached_property
    def reach(self) -> int:
        """How far (in characters) text can change a match: its context words plus the
        widest regex window. An edit further away than this cannot change the match."""
        context = max(
            (r.context_words for r in self.active if r.unless_followed_by or r.unless_preceded_by),
            default=0,
        )
        return context * CHARS_PER_WORD + REACH

    @property
    def spread(self) -> Mapping[str, int]:
        """Per rule id, how far (in characters) beyond a match text can change it:
        an edit further from the match than this leaves it as it is (compiled with
        the pack, so a check never compiles)."""
        return self._spread

    @cached_property
    def _scan_margin(self) -> int:
        """How far from ``matches_near``'s bounds a literal can still count: a phrase's
        spread, or a regex's reach plus its window, plus the longest literal. A long
        draft's re-check scans this much around the edit, not the whole draft."""
        spreads = max(self._spread.values(), default=0)
        regexes = max((r[5] + r[2] + LOOK_PAD for r in self._regexes), default=0)
        longest = max(map(len, self._automaton.keys()), default=0) if self._automaton else 0
        return max(spreads, regexes) + longest + 2

    def find(self, text: str) -> list[RuleMatch]:
        """Every match of every active rule in ``text``, in reading order.

        Overlapping matches (of one rule or several) are all reported; the
        analyzers decide which to show. This runs once per draft and again for
        every suggestion's exactness check, so the per-hit work is kept inline.
        """
        return sorted(self.matches(text), key=_reading_order)

    def matches(self, text: str) -> set[RuleMatch]:
        """``find``'s matches unordered, for callers that only compare them."""
        return self._match(text, None)[0]

    def matches_near(self, text: str, lo: int, hi: int) -> tuple[set[RuleMatch], int]:
        """Every match of ``text`` whose rule's ``spread`` reaches ``[lo, hi]`` (others
        may come too), and where the reply's first word starts."""
        return self._match(text, (lo, hi))

    def _match(self, text: str, bounds: tuple[int, int] | None) -> tuple[set[RuleMatch], int]:
        folded = fold(text)
        opening = reply_start(folded)  # where the reply's first word starts
        kept: set[RuleMatch] = set()
        # regex index (~required set) -> where it occurs, in reading order
        near: defaultdict[int, list[int]] = defaultdict(list)
        lo, hi = bounds or (0, 0)
        if bounds is None:  # nothing is too far: every phrase match counts
            lo, hi = -_FAR, _FAR
        n = len(folded)
        # The per-hit loop runs ~50 times a draft: the whole-word test (``_bounded``) is
        # inline, and a space next to a phrase (the common case) decides it at once.
        hits: Iterable[tuple[int, Key]] = ()
        if self._automaton is not None and bounds is None:
            hits = self._automaton.iter(folded)
        elif self._automaton is not None:  # nothing further than the margin can matter
            margin = self._scan_margin
            hits = self._automaton.iter(folded, max(0, lo - margin), min(n, hi + margin))
        if self._opening is not None:
            ends = min(n, opening + self._opening_len)
            hits = chain(hits, self._opening.iter(folded, opening, ends))
        for last, key in hits:
            entries = key.entries
            if entries:
                end = last + 1
                start = end - key.length
                if key.bounded_start and start > 0:
                    c = folded[start - 1]
                    if c != " " and (
                        c.isalnum()
                        or c == "_"
                        or (c in "'-" and start > 1 and is_word_char(folded[start - 2]))
                    ):
                        entries = ()
                if entries and key.bounded_end and end < n:
                    c = folded[end]
                    if c != " " and (
                        c.isalnum()
                        or c == "_"
                        or (c in "'-" and end + 1 < n and is_word_char(folded[end + 1]))
                    ):
                        entries = ()
                for rule, contextual, spread in entries:
                    if start - spread > hi or end + spread < lo:
                        continue  # too far from [lo, hi] to matter
                    if not contextual or in_context(folded, rule, start, end, opening):
                        kept.add(RuleMatch(rule, start, end))
            for i in key.regexes:
                near[i].append(last)
        aliased = CASE_ALIASES.search(folded) is not None  # else the faster twins match alike
        present = near.keys()
        for i in self._always:
            rule, compiled, _, twin, needs, _ = self._regexes[i]
            if not aliased and not present >= needs:
                continue
            compiled = compiled if aliased else twin
            kept.update(regex_matches(folded, rule, compiled, 0, n, opening))
        needs_of = self._needs
        for i, spots in near.items():
            if i < 0:
                continue  # a required literal's positions, read below
            # Every match holds a literal of its required set: the literals are exact only
            # on text free of case aliases.
            if aliased:
                needs = _NONE
            else:
                needs = needs_of[i]
                if needs and not present >= needs:
                    continue  # most triggered regexes stop here
            rule, compiled, width, twin, _, reach = self._regexes[i]
            if bounds is not None and (spots[0] < lo - reach or spots[-1] > hi + reach):
                spots = [p for p in spots if lo - reach <= p <= hi + reach]
                if not spots:
                    continue
            compiled = compiled if aliased else twin
            # A match contains one of its triggers: scan only around them, not the draft.
            for w_lo, w_hi in windows(spots, width, n):
                if needs and not holds(near, needs, w_lo, w_hi):
                    continue  # no required literal in this window
                kept.update(regex_matches(folded, rule, compiled, w_lo, w_hi, opening))
        return kept, opening


_NONE: frozenset[int] = frozenset()
_FAR = 1 << 62  # beyond any text: with no bounds, no phrase match is too far


def _reading_order(m: RuleMatch) -> tuple[int, int, str]:
    return m.start, -m.end, m.rule.id


# ---- loading ---------------------------------------------------------------


# libyaml's safe loader parses a large pack ~3x faster than the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506
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
    pack_settings.parse(data.get("settings"), source)  # applied by the caller (Settings)
    rules = parse_rules(data.get("rules"), source, strict)
    return RulePack(
        source=source,
        version=str(data.get("version", "1")),
        locale=str(data.get("locale", "en")),
        rules=rules,
        glossary=parse_glossary(data.get("glossary"), source),
        allowlist=frozenset(w.lower() for w in strings(data.get("allowlist"), source, "allow")),
        **_fields(compile_rules(rules)),
    )


def _fields(compiled: Compiled) -> dict[str, Any]:
    return {f"_{name}": value for name, value in compiled._asdict().items()}
