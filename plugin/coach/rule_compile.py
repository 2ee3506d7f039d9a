"""Compiling a pack's rules into one Aho-Corasick automaton and its regex table.

Every phrase and every regex trigger (``triggers.triggers``) and required literal
(``triggers.required``) is one automaton key; ``rules.RulePack`` only matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick

from plugin.coach.casefree import case_sensitive_twin
from plugin.coach.rule_schema import Rule, norm_phrase
from plugin.coach.triggers import max_width, required, triggers

# rule, its IGNORECASE pattern, its widest match, its case-sensitive twin (casefree.py),
# the automaton values (~id) of its required literal sets (triggers.required), how far
# from a trigger an edit can change its matches (the widest match plus the rule's spread)
Regex = tuple[Rule, re.Pattern[str], int, re.Pattern[str], frozenset[int], int]


CHARS_PER_WORD = 20  # generous: the unless_* checks read this many chars per context word

# How far a regex match may reach either side of its trigger literal when its
# pattern has no bounded width (``\d+``); patterns are phrase-sized.
REACH = 240
# Room beyond a match for \b and look-arounds, which must not see a cut edge.
LOOK_PAD = 64


@dataclass(frozen=True, slots=True)
class Key:
    """What one automaton key stands for: phrase rules and regexes it triggers."""

    length: int
    # phrase rules, whether rule_context.in_context applies, their spread
    entries: tuple[tuple[Rule, bool, int], ...]
    regexes: tuple[int, ...]  # regexes it triggers; ~id for required literal sets it is in
    bounded_start: bool  # phrase starts with a word char: check the boundary
    bounded_end: bool


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def contextual(rule: Rule) -> bool:
    """Whether a match of ``rule`` needs ``rule_context.in_context`` (scope or unless_*)."""
    return rule.scope != "any" or bool(rule.unless_followed_by or rule.unless_preceded_by)


def spread_of(rule: Rule, widths: Sequence[int] | None = None) -> int:
    """What a match of ``rule`` reads beyond itself: two characters for whole words,
    the unless_* context, a regex's window around its trigger (+ look-behind room).
    ``widths``: its patterns' widest matches, when known."""
    if widths is None:
        widths = [max_width(pattern, REACH) for pattern in rule.patterns]
    spread = max((width + 2 * LOOK_PAD for width in widths), default=2)
    if rule.unless_followed_by or rule.unless_preceded_by:
        spread = max(spread, rule.context_words * CHARS_PER_WORD)
    return spread


class Compiled(NamedTuple):
    """What ``compile_rules`` builds for ``rules.RulePack``."""

    automaton: Any  # every key but the opening-only phrases (None: no key)
    regexes: tuple[Regex, ...]
    always: tuple[int, ...]  # regexes without a trigger: they always run
    spread: dict[str, int]  # each active rule's ``spread_of`` by id: a check never compiles
    needs: tuple[frozenset[int], ...]  # each regex's required sets (read before the rest)
    # Phrases only an opening rule uses ("hi", "yo"): they count only where the reply
    # starts, so they are looked for only there; inside the draft's words ("this",
    # "you") they were a third of all automaton hits.
    opening: Any
    opening_len: int  # the longest opening-only phrase


def compile_rules(rules: Sequence[Rule]) -> Compiled:
    phrase_rules: dict[str, list[int]] = {}
    trigger_regexes: dict[str, list[int]] = {}
    regexes: list[Regex] = []
    always: list[int] = []
    need_ids: dict[frozenset[str], int] = {}
    spreads: dict[int, int] = {}
    for index, rule in enumerate(rules):
        if rule.status != "active":
            continue  # retired ids stay reserved but never match
        widths = [max_width(pattern, REACH) for pattern in rule.patterns]
        spreads[index] = spread_of(rule, widths)
        for phrase in rule.phrases:
            phrase_rules.setdefault(phrase, []).append(index)
        for pattern, width in zip(rule.patterns, widths, strict=True):
            found = triggers(pattern)
            for trigger in found or ():
                trigger_regexes.setdefault(norm_phrase(trigger), []).append(len(regexes))
            if not found:
                always.append(len(regexes))
            needs = []
            for literals in required(pattern, found):
                if literals not in need_ids:
                    need_ids[literals] = len(need_ids)
                    for literal in literals:  # exact strings: spaces kept, no norm_phrase
                        trigger_regexes.setdefault(literal, []).append(~need_ids[literals])
                needs.append(~need_ids[literals])
            compiled = re.compile(pattern, re.IGNORECASE)
            twin = case_sensitive_twin(pattern) or compiled
            regexes.append((rule, compiled, width, twin, frozenset(needs), width + spreads[index]))
    spread = {rules[i].id: s for i, s in spreads.items()}
    main: dict[str, Key] = {}
    opening: dict[str, Key] = {}
    for key in phrase_rules.keys() | trigger_regexes.keys():
        entries = phrase_rules.get(key, ())
        value = Key(
            length=len(key),
            entries=tuple((rules[i], contextual(rules[i]), spreads[i]) for i in entries),
            regexes=tuple(trigger_regexes.get(key, ())),
            bounded_start=is_word_char(key[0]),
            bounded_end=is_word_char(key[-1]),
        )
        only_opening = entries and all(rules[i].scope == "opening" for i in entries)
        (opening if only_opening and not value.regexes else main)[key] = value
    return Compiled(
        _automaton(main),
        tuple(regexes),
        tuple(always),
        spread,
        tuple(regex[4] for regex in regexes),
        _automaton(opening),
        max(map(len, opening), default=0),
    )


def _automaton(keys: dict[str, Key]) -> Any:
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, value in keys.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton
