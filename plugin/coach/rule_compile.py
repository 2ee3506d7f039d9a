"""Compiling a pack's rules into one Aho-Corasick automaton and its regex table.

Every phrase and every regex trigger (``triggers.triggers``) and required literal
(``triggers.required``) is one automaton key; ``rules.RulePack`` only matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
    # phrase rules, whether rules._in_context applies, their spread
    entries: tuple[tuple[Rule, bool, int], ...]
    regexes: tuple[int, ...]  # regexes it triggers; ~id for required literal sets it is in
    bounded_start: bool  # phrase starts with a word char: check the boundary
    bounded_end: bool


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def contextual(rule: Rule) -> bool:
    """Whether a match of ``rule`` needs ``rules._in_context`` (scope or unless_*)."""
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


def compile_rules(
    rules: Sequence[Rule],
) -> tuple[Any, tuple[Regex, ...], tuple[int, ...], dict[str, int]]:
    """The automaton, the regex table, the regexes without a trigger (always run) and
    each active rule's ``spread_of`` by id (computed here so a check never compiles)."""
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
    keys = phrase_rules.keys() | trigger_regexes.keys()
    if not keys:
        return None, tuple(regexes), tuple(always), spread
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(
            key,
            Key(
                length=len(key),
                entries=tuple(
                    (rules[i], contextual(rules[i]), spreads[i]) for i in phrase_rules.get(key, ())
                ),
                regexes=tuple(trigger_regexes.get(key, ())),
                bounded_start=is_word_char(key[0]),
                bounded_end=is_word_char(key[-1]),
            ),
        )
    automaton.make_automaton()
    return automaton, tuple(regexes), tuple(always), spread
