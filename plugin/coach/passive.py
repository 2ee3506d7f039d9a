"""Passive voice: a past action told without its actor ("your order was cancelled").

Only an agentless passive of something that *happened* is reported, because only
there does the reader lose who did it:

- past and perfect: "was cancelled", "had been moved", "has been refunded";
  in progress: "is being reviewed";
- not a state or a feeling ("is closed", "are worried", "is based in"): the
  present "is/are + participle" describes how things are, and a list of
  adjectival participles covers the past ("was delighted");
- not a rule, a possibility or a promise ("can be reused", "will be taken",
  "should have been told"): modal passives say what may or will happen, and a
  vague promise is the anti-pattern rules' business;
- not "Being declined three times…" (a gerund naming an experience), not
  "nothing was deleted" (no actor to name), not "was approved by your bank"
  (the actor is there).

The hint keeps the tense and the negation: "wasn't approved" -> "we didn't
approve…", never "we approved…"; without a verb form to build it from, the
finding says who-acts without a rewrite.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from plugin.coach import lexicon
from plugin.coach.draft import Draft, Word
from plugin.coach.model import Finding


def wordset(words: str) -> frozenset[str]:
    """A word list matched against ``Draft.lowered``: with either apostrophe."""
    return frozenset(w for word in words.split() for w in (word, word.replace("'", "’")))


_PAST = wordset("was were")
_PAST_NOT = wordset("wasn't weren't")
_PERFECT = wordset("has have had 've 'd")  # before "been"
_PERFECT_NOT = wordset("hasn't haven't hadn't")
_PROGRESSIVE = wordset("is are am was were 's 're isn't aren't wasn't weren't")  # before "being"
_MODALS = wordset(
    "will would can could should shall may might must won't wouldn't can't cannot "
    "couldn't shouldn't mustn't 'll"
)
_ADVERBS = wordset("not never already also just still now currently always usually")
_NEGATORS = wordset("not never")
_IRREGULAR_PARTICIPLES = wordset(
    "arisen awoken beaten begun bent bitten bled blown broken bred brought built burnt "
    "bought caught chosen cut dealt done drawn driven eaten fallen fed felt fought found "
    "forbidden forgotten forgiven frozen given gotten ground grown hung heard held hidden "
    "kept known laid led lent lit made meant met mislaid misled mistaken misunderstood "
    "overpaid overtaken paid proven put rebuilt redone rewritten ridden rung said seen "
    "sent set sewn shaken shown shut sold sought spent split spoken spread stolen struck "
    "stuck sworn swept taken taught thrown thought told torn understood undone upheld "
    "withdrawn withheld woken won worn woven written"
)
# Participles that describe a state or a feeling, not an action someone did.
_ADJECTIVAL = wordset(
    "based excited interested pleased delighted thrilled worried concerned located "
    "married tired supposed used scared bored surprised disappointed frustrated annoyed "
    "confused satisfied dissatisfied qualified experienced detailed dedicated complicated "
    "related ashamed amazed amused relieved determined prepared committed convinced "
    "closed opened situated entitled allowed expected required involved aware upset "
    "overwhelmed stressed devastated gutted embarrassed horrified shocked touched "
    "impressed glad sorry stuck gone done finished"
)
_NOT_PARTICIPLE = wordset("hundred sacred naked wicked kindred rugged ragged crooked beloved")
_EED_PARTICIPLES = wordset("agreed freed guaranteed decreed refereed disagreed")
# A subject with nobody behind it: "nothing was deleted", "no fee was charged";
# or a clause about what might have happened: "if the code was not sent".
_NO_ACTOR = wordset("nothing no none nobody neither if whether unless")
# After "by": a time, a means or a manner, not an actor ("by Friday", "by email").
_NOT_AGENT = wordset(
    "monday tuesday wednesday thursday friday saturday sunday tomorrow tonight today "
    "then now noon midnight end close email e-mail phone post text mistake accident "
    "default hand card cheque direct bank mail courier next this that mid early late "
    "january february march april may june july august september october november december"
)
_DETERMINERS = wordset("the a an")
_PARTICLES = wordset("for up off out in on back over to")
_CLAUSE_BREAK = wordset("and but so because as if when which that who while or")


def _is_participle(word: str) -> bool:
    w = word.lower()
    if w in _ADJECTIVAL or w in _NOT_PARTICIPLE:
        return False
    if w in _IRREGULAR_PARTICIPLES:
        return True
    if not w.endswith("ed") or len(w) < 4 or not w.isalpha():
        return False
    return not w.endswith("eed") or w in _EED_PARTICIPLES


def find(draft: Draft) -> list[Finding]:
    """Agentless passives of past or ongoing actions, each with a tense-keeping hint."""
    found: list[Finding] = []
    words = draft.words
    text = draft.text
    low = draft.lowered
    last = len(words) - 1
    for i in compress(range(last), map(_HEADS.__contains__, low)):
        kind = _kind(low, i)
        if kind is None:
            continue
        j = i + 1
        negated = "not" if kind.endswith("not") else ""
        if low[j] in _ADVERBS and j < last:
            negated = negated or (low[j] if low[j] in _NEGATORS else "")
            j += 1
        # only spaces between the verb words
        if any(not text[words[k].end : words[k + 1].start].isspace() for k in range(i, j)):
            continue
        participle = words[j].text
        if not _is_participle(participle):
            continue
        first = i if kind.startswith("past-") or kind == "past" else i - 1
        start, end = words[first].start, words[j].end
        if (
            draft.is_protected(start, end)
            or _has_agent(low, j)
            or _no_actor(low, text, words, first)
            or _restated(low, first)
        ):
            continue
        found.append(_finding(start, end, text[start:end], kind, negated, participle.lower()))
    return found


_HEADS = wordset("was were wasn't weren't been being")
# "I can see that / I'm sorry that your train was cancelled": the agent restates what
# happened to the customer, in the customer's terms; no actor of ours is hidden.
_REPORTING = wordset("see saw sorry understand hear heard read noticed know aware")
_REPORT_REACH = 8  # words between "that" and the passive


def _restated(low: tuple[str, ...], first: int) -> bool:
    for k in range(first - 1, max(0, first - _REPORT_REACH) - 1, -1):
        if low[k] == "that" and k and low[k - 1] in _REPORTING:
            return True
    return False


def _kind(low: tuple[str, ...], i: int) -> str | None:
    """ "past", "perfect", "pluperfect", "progressive" (each maybe "-not");
    None: no reportable passive."""
    be = low[i]
    before = lexicon.word_key(low[i - 1]) if i > 0 else ""
    if be in _PAST:
        return "past"
    if be in _PAST_NOT:
        return "past-not"
    if be == "been":
        if before in _PERFECT_NOT:
            return "pluperfect-not" if before == "hadn't" else "perfect-not"
        if before.endswith("'ve") or before in _PERFECT:
            # "should have been told": a modal, not a report of what happened
            if i > 1 and lexicon.word_key(low[i - 2]) in _MODALS:
                return None
            return "pluperfect" if before == "had" else "perfect"
        return None
    if be == "being" and (before in _PROGRESSIVE or before.endswith(("'s", "'re"))):
        return "progressive-not" if before.endswith("n't") else "progressive"
    return None


def _has_agent(low: tuple[str, ...], j: int) -> bool:
    """ "…by the airline", "…received and assessed by our team": the actor is named."""
    if j + 3 < len(low) and low[j + 1] == "and" and _is_participle(low[j + 2]):
        j += 2
    if j + 2 < len(low) and low[j + 1] in _PARTICLES:
        j += 1  # "signed for by", "picked up by"
    if j + 2 >= len(low) or low[j + 1] != "by":
        return False
    k = j + 2
    while k < len(low) - 1 and low[k] in _DETERMINERS:
        k += 1
    return low[k] not in _NOT_AGENT and not low[k][:1].isdigit()


def _no_actor(low: tuple[str, ...], text: str, words: tuple[Word, ...], first: int) -> bool:
    """The subject just before the verb is "nothing", "no fee", "none of it"..."""
    for k in range(first - 1, max(-1, first - 5), -1):
        gap = text[words[k].end : words[k + 1].start]
        if not gap.isspace():
            return False  # punctuation: the clause starts here
        if low[k] in _NO_ACTOR:
            return True
        if low[k] in _CLAUSE_BREAK:
            return False
    return False


def _finding(
    start: int, end: int, phrase: str, kind: str, negated: str, participle: str
) -> Finding:
    hint = _active(kind, negated, participle)
    example = f" If it was us, say so (“{hint}…”); if someone else, name them." if hint else ""
    return Finding(
        rule_id="passive-voice",
        category="readability",
        severity="info",
        start=start,
        end=end,
        message=f"Passive voice: “{phrase}” doesn't say who did it.{example}",
        why="Active sentences are easier to read and show ownership of what happens.",
    )


@lru_cache(maxsize=4096)
def _active(kind: str, negated: str, participle: str) -> str:
    """ "we cancelled", "we didn't approve", "we never sent", "we've refunded",
    "we're reviewing"; "" when the verb is unknown. ``negated``: "", "not" or "never"."""
    base = lexicon.participle_base(participle)
    if base is None:
        return ""
    tense = kind.split("-")[0]
    # a regular verb's past is its participle, in the writer's own spelling ("cancelled")
    past = participle if participle.endswith("ed") else _form(base, "VBD")
    if tense == "past":
        if negated == "never":
            return f"we never {past}"
        return f"we didn't {base}" if negated else f"we {past}"
    if tense == "perfect":
        return f"we haven't {participle}" if negated else f"we've {participle}"
    if tense == "pluperfect":
        return f"we hadn't {participle}" if negated else f"we'd {participle}"
    ing = _form(base, "VBG")
    if participle.endswith("lled") and not ing.endswith("lling"):
        ing = ing[: -len("ling")] + "lling"  # British "cancelling", as the writer spells it
    return f"we aren't {ing}" if negated else f"we're {ing}"


def _form(base: str, tag: str) -> str:
    from lemminflect import getInflection

    forms = getInflection(base, tag=tag)
    return str(forms[0]) if forms else base
