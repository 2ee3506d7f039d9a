"""Rule packs as data: load, validate and compile once; ``RulePack.find`` only matches.

A pack is YAML (schema in ARCHITECTURE.md, extended here). Compiling builds one
``rule_match.Matcher``: all literal phrases of all rules in ONE Aho-Corasick
automaton, so matching cost does not grow with the number of rules, and each regex
keyed by a literal it cannot match without (its trigger set, ``triggers.triggers``),
so only regexes whose trigger occurs in the text run.

Text is folded 1:1 before matching (lowercase, curly apostrophes to ``'``, any
white space to a space), so match offsets are offsets into the original text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from plugin.coach import pack_settings
from plugin.coach.rule_compile import (
    CHARS_PER_WORD,
    REACH,
    compile_rules,
)
from plugin.coach.rule_match import Matcher
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
    _matcher: Matcher = field(default_factory=lambda: Matcher.of(compile_rules(())), repr=False)

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
        return replace(self, rules=rules, _matcher=Matcher.of(compile_rules(rules)))

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
        return self._matcher.spread

    def find(self, text: str) -> list[RuleMatch]:
        """Every match of every active rule in ``text``, in reading order.

        Overlapping matches (of one rule or several) are all reported; the
        analyzers decide which to show. This runs once per draft and again for
        every suggestion's exactness check, so the per-hit work is kept inline.
        """
        return sorted(self.matches(text), key=_reading_order)

    def matches(self, text: str) -> set[RuleMatch]:
        """``find``'s matches unordered, for callers that only compare them."""
        return self._matcher.match(text, None)[0]

    def matches_near(self, text: str, lo: int, hi: int) -> tuple[set[RuleMatch], int]:
        """Every match of ``text`` whose rule's ``spread`` reaches ``[lo, hi]`` (others
        may come too), and where the reply's first word starts."""
        return self._matcher.match(text, (lo, hi))


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
        _matcher=Matcher.of(compile_rules(rules)),
    )
