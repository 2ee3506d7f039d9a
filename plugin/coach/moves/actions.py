"""Ownership and next steps as agents write them, read as small grammars over words.

Ownership: a first-person subject ("I", "we'll", "let me") then, past auxiliaries
and adverbs only ("'d definitely like to"), an action verb ("check", "passed on",
"take a closer look"). No negation, no vague verb (help, assist) and no passive
can pass the walk, so "we can't refund", "so we can help you better" and "this is
being looked into" are not ownership.

Next steps: an imperative a customer can follow ("DM us", "please try", "Check out
the guide"), the same as a question ("Can you DM us?", "Have you tried...?"),
advice ("we'd recommend", "you'll need to contact"), a link offered in a sentence,
or what happens next with a when ("it'll be back tomorrow", "I'll respond there").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress

from plugin.coach.model import MoveHit
from plugin.coach.moves import words as W
from plugin.coach.moves.tokens import Tokens

_MAX_AUX = 6  # "we'd also be more than happy to" is as long as it gets
_LOOK_NOUNS = frozenset({"look", "care", "closer", "quick", "proper", "further", "deeper"})


_SUBJECTS = W.FIRST_PERSON | W.LET


def ownership(t: Tokens, cues: Sequence[int]) -> Iterator[MoveHit]:
    """First-person actions, done or committed, and facts the agent checked.

    ``cues``: the words in ``CUES``, found once for every grammar."""
    norm, first = t.norm, t.first
    for i in compress(cues, map(_SUBJECTS.__contains__, map(norm.__getitem__, cues))):
        if i < first:
            continue
        w = norm[i]
        if w in W.FIRST_PERSON:
            before = norm[i - 1] if i else ""
            asked = before in W.SUBORDINATE or (
                before in _AGENT_AUX and t.at(i - 2) in W.SUBORDINATE
            )
            if (w == "lets" and not t.clause[i]) or asked:
                continue  # "it lets you" is no subject; "how can we fix" no promise
            j = i + 1
        elif w in W.LET and t.at(i + 1) in ("me", "us"):
            j = i + 2
        else:
            continue
        end = _agent_verb(t, j)
        if end is not None and t.creditable(i, end):
            yield MoveHit("ownership", *t.span(i, end), "ownership-grammar")
            if _notifies(t, j, end):
                yield MoveHit("next_steps", *t.span(i, end), "next-steps-grammar")
        elif end is None and _checked(t, j) and t.creditable(i, j):
            yield MoveHit("ownership", *t.span(i, j), "ownership-checked")


_AGENT_ACTIONS, _AGENT_PHRASAL, _AGENT_AUX = W.AGENT_ACTIONS, W.AGENT_PHRASAL, W.AGENT_AUX


def _agent_verb(t: Tokens, k: int) -> int | None:
    """Index of the last word of the action verb phrase the walk reaches, or None."""
    norm, clause, n, skipped = t.norm, t.clause, len(t.norm), 0
    while k < n and not clause[k] and skipped <= _MAX_AUX:
        v = norm[k]
        if v in _AGENT_ACTIONS:
            return k
        needs = _AGENT_PHRASAL.get(v)
        if needs:
            if t.at(k + 1) in W.INTENSIFIERS and t.at(k + 2) in needs:
                k += 1  # "working very hard on", "look really closely into"
            if t.at(k + 1) in needs and _phrasal_ok(t, v, k):
                return k + 1
        if v in _AGENT_AUX or (v.endswith("ly") and len(v) > 4):
            k, skipped = k + 1, skipped + 1
            continue
        return None
    return None


def _phrasal_ok(t: Tokens, verb: str, k: int) -> bool:
    nxt = t.at(k + 1)
    if verb in ("take", "took", "taken", "taking", "have", "had", "having") and nxt in (
        "a",
        "another",
    ):
        return any(t.at(k + d) in _LOOK_NOUNS for d in (2, 3))
    if verb in ("get", "got", "gotten", "getting"):
        return any(t.at(k + d) in W.GET_DONE for d in (2, 3, 4))
    if verb in ("see", "saw", "seen", "seeing"):
        return t.at(k + 2) not in W.FIRST_PERSON and t.at(k + 2) not in ("can", "could")
    return True


def _notifies(t: Tokens, j: int, end: int) -> bool:
    """ "I'll respond to you there", "we'll get back to you": the agent's next contact."""
    future = not W.FUTURE.isdisjoint(t.norm[j - 1 : end])
    verb = t.norm[end]
    return future and (verb in W.NOTIFY or (t.norm[end - 1] in W.NOTIFY_PHRASAL and end - 1 >= j))


_SEE = frozenset({"see", "seeing"})
_SEEN = frozenset({"that", "your", "the", "it", "it's", "this", "there"})
_SOME = frozenset({"any", "many", "a", "an", "no", "some"})


def _checked(t: Tokens, j: int) -> bool:
    """A fact the agent checked: "I can see your refund went out", "we're not seeing
    any issues on our end"."""
    if _SEE.isdisjoint(t.norm[j : j + 4]):
        return False  # every test below needs one of them in these words: most stop here
    if (t.at(j), t.at(j + 1)) in (("can", "see"), ("could", "see")) and t.at(j + 2) in _SEEN:
        return True
    window = t.norm[j : j + 3]
    if "seeing" in window and t.at(j + window.index("seeing") + 1) in _SEEN | _SOME:
        return True  # "we're not seeing many public videos", "I'm seeing your order"
    sees = any(w in ("see", "seeing") for w in t.norm[j : j + 4])
    return sees and any(t.at(k) == "end" and t.at(k - 1) in ("my", "our") for k in range(j, j + 14))


_STEP_CUES = W.ASK_YOU | W.ADVICE | W.YOU | W.FUTURE | {"have", "did"}
# Every word a walk of these grammars starts from, but a clause's first word.
CUES = _SUBJECTS | _STEP_CUES
# The words an imperative can open with (``_imperative`` gives up on any other): a
# clause start holding none of these, and no cue, is no step, so it is not visited.
_IMPERATIVE_HEADS = W.IMPERATIVE_LEAD | W.CUSTOMER_BASE | W.CUSTOMER_PHRASAL_BASE | W.INFO_VERBS


def next_steps(t: Tokens, cues: Sequence[int]) -> Iterator[MoveHit]:
    norm, clause, first = t.norm, t.clause, t.first
    clauses, get = t.clauses, norm.__getitem__
    heads = compress(clauses, map(_IMPERATIVE_HEADS.__contains__, map(get, clauses)))
    steps = compress(cues, map(_STEP_CUES.__contains__, map(get, cues)))
    for i in sorted({*heads, *steps}):
        if i < first:
            continue
        w = norm[i]
        end: int | None = None
        if clause[i] and w in _IMPERATIVE_HEADS:
            end = _imperative(t, i)
        if end is None and w in W.ASK_YOU and t.at(i + 1) in ("you", "u"):
            end = _asked(t, i + 2)
        if end is None and w in ("have", "did") and t.at(i + 1) == "you" and _tried(t, i + 2):
            end = i + 2
        if end is None and w in W.ADVICE and t.at(i - 1) not in ("not",):
            end = i
        if end is None and w in W.YOU:
            end = _you_can(t, i)
        if end is None and w in W.FUTURE:
            end = _when(t, i)
        if end is not None and t.creditable(i, end):
            yield MoveHit("next_steps", *t.span(i, end), "next-steps-grammar")


def _tried(t: Tokens, k: int) -> bool:
    """ "have you tried ...?", "did you try ...?", "have you had a chance to ...?"."""
    return t.at(k) in ("tried", "try") or (t.at(k), t.at(k + 1)) == ("had", "a")


def _imperative(t: Tokens, i: int) -> int | None:
    k, n = i, len(t.norm)
    while k < n and t.norm[k] in W.IMPERATIVE_LEAD and k - i < 3:
        k += 1
    if k >= n or (k > i and t.sentence[k]):
        return None
    v = t.norm[k]
    if v in W.CUSTOMER_BASE:
        end = k
    elif v in W.CUSTOMER_PHRASAL_BASE and t.at(k + 1) in W.CUSTOMER_PHRASAL[v]:
        end = k + 1
    elif v in W.INFO_VERBS and _names_channel(t, k):
        end = k
    else:
        return None
    if v in ("let",):
        return None
    if _open_door_only(t, k):
        return None
    return end


def _asked(t: Tokens, k: int) -> int | None:
    """After "can you": fillers, then a customer action ("please DM", "mind sending")."""
    n = len(t.norm)
    while k < n and t.norm[k] in W.ASK_FILLERS and not t.clause[k]:
        k += 1
    if k >= n or t.clause[k]:
        return None
    v = t.norm[k]
    if v in W.CUSTOMER_ACTIONS or (v in W.INFO_VERBS and _names_channel(t, k)):
        return None if _open_door_only(t, k) else k
    needs = W.CUSTOMER_PHRASAL.get(v)
    return k + 1 if needs and t.at(k + 1) in needs else None


# Modals that, before "have", look back at what the customer did ("should have read").
_HINDSIGHT = frozenset({"should", "could", "would", "might", "must", "may", "'d"})


def _you_can(t: Tokens, i: int) -> int | None:
    """ "you can reach them here", "you'll need to contact", "you may wish to call"."""
    if i and t.norm[i - 1] == "if":
        return None  # "if you'd read the guide" is a condition, or blame
    k, n, modal = i + 1, len(t.norm), t.norm[i] != "you"
    while k < n and t.norm[k] in W.YOU_MODALS and not t.clause[k] and k - i < 5:
        if t.norm[k] == "have" and t.at(k - 1) in _HINDSIGHT and t.at(k + 1) != "to":
            return None  # "you should have read the guide" looks back: blame, not a step
        modal, k = True, k + 1
    if not modal or k >= n or t.clause[k]:
        return None
    v = t.norm[k]
    if v in W.CUSTOMER_BASE:
        return k
    base = v in W.CUSTOMER_PHRASAL_BASE
    return k + 1 if base and t.at(k + 1) in W.CUSTOMER_PHRASAL[v] else None


def _when(t: Tokens, i: int) -> int | None:
    """A future with a when in the same sentence: "it'll be back on tomorrow"."""
    norm = t.norm
    # the words up to the next sentence start (``sentence_end``), at most 7 of them
    stop = min(len(norm), i + 8, t.sentence_end(i))
    if W.WHEN.isdisjoint(norm[i + 1 : stop]):
        return None  # most futures name no when: one set test
    k = i + 1
    while norm[k] not in W.WHEN:
        k += 1
    return None if not W.HOPE.isdisjoint(norm[t.sentence_of(i) : k]) else k


def _names_channel(t: Tokens, k: int) -> bool:
    start, stop = t.sentence_of(k), t.sentence_end(k)
    if not W.CHANNEL.isdisjoint(t.norm[start:stop]):
        return True
    words = t.draft.words
    end = words[stop].start if stop < len(words) else len(t.draft.text)
    return "http" in t.draft.folded[words[start].start : end]


def _open_door_only(t: Tokens, k: int) -> bool:
    """ "DM us with any questions", "Send us a DM if you need anything": an open door."""
    said = t.norm[t.sentence_of(k) : t.sentence_end(k)]
    return not W.OPEN_DOOR_CUES.isdisjoint(said) and ("any" in said or "if" in said)
