"""Empathy moves read as agents write them: grammars over the reply's own words.

The rule pack's phrases find the textbook wording; these grammars find the
families around it (first-person actions, imperatives, thanks in any form,
feelings named, open doors with a condition). Nothing is credited from text the
agent did not write: quoted customer text and the signature are protected spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from plugin.coach.draft import Draft
from plugin.coach.model import MoveHit
from plugin.coach.moves import actions, courtesy, reassure, restate
from plugin.coach.moves.tokens import read

__all__ = ["detect"]

# The words the word-walking grammars start from, found in one pass for all of them.
_CUES = actions.CUES | restate.CUES


def detect(
    draft: Draft, customer: str = "", feelings: Sequence[tuple[int, int]] = ()
) -> list[MoveHit]:
    """Every move the grammars find in ``draft`` (offsets into ``draft.text``).

    ``customer`` is the message it answers (acknowledgement needs its words);
    ``feelings`` are validations found elsewhere (the rule pack's phrases): a
    sentence validating a situation retold in the customer's words acknowledges it.
    """
    t = read(draft)
    cues = list(compress(range(len(t.norm)), map(_CUES.__contains__, t.norm)))  # no step per word
    hits: list[MoveHit] = []
    hits += actions.ownership(t, cues)
    hits += actions.next_steps(t, cues)
    hits += courtesy.thanks(t)
    hits += courtesy.validate(t)
    hits += courtesy.closing(t)
    hits += courtesy.links(t)
    hits += reassure.reassure(t)
    if customer:
        said = restate.stems(customer)
        hits += restate.acknowledge(t, said, cues)
        felt = [*feelings, *((h.start, h.end) for h in hits if h.move == "validate")]
        hits += restate.retold(t, said, felt)
        answers = [(h.start, h.end) for h in hits if h.move == "next_steps"]
        hits += restate.overlap(t, said, answers)
    return hits
