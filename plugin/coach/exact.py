"""The exactness contract every suggestion is checked against before it is offered.

Applying a suggestion and re-checking must remove its finding and change
nothing outside the edited spans: no anti-pattern appears, moves or vanishes
elsewhere (a phrase's context window can reach across an edit), and no edit
touches a protected span.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from threading import Lock

from plugin.coach import edits as edit_ops
from plugin.coach.draft import Draft
from plugin.coach.model import Edit
from plugin.coach.rules import RuleMatch, RulePack

Key = tuple[str, int, int]  # (rule id, start, end) of an anti-pattern match


def avoid_keys(pack: RulePack, text: str) -> set[Key]:
    return {(m.rule.id, m.start, m.end) for m in pack.avoid_only.matches(text)}


# The whole draft's anti-pattern matches, shared by every candidate checked on it. The
# analyzer has already matched the draft, so it hands its matches over (``remember``)
# instead of the check matching the same text again.
_KEYS: OrderedDict[tuple[RulePack, str], frozenset[Key]] = OrderedDict()
_KEYS_LOCK = Lock()
_KEYS_MAX = 16


def remember(pack: RulePack, text: str, matches: Iterable[RuleMatch]) -> None:
    """Record ``pack.find(text)``'s result for the checks that follow on ``text``."""
    keys = frozenset((m.rule.id, m.start, m.end) for m in matches if m.rule.kind == "avoid")
    _store((pack, text), keys)


def _store(key: tuple[RulePack, str], keys: frozenset[Key]) -> None:
    with _KEYS_LOCK:
        _KEYS[key] = keys
        _KEYS.move_to_end(key)
        while len(_KEYS) > _KEYS_MAX:
            _KEYS.popitem(last=False)


def _draft_keys(pack: RulePack, text: str) -> frozenset[Key]:
    with _KEYS_LOCK:
        known = _KEYS.get((pack, text))
    if known is None:
        known = frozenset(avoid_keys(pack, text))
        _store((pack, text), known)
    return known


def keeps_the_rest(
    draft: Draft,
    pack: RulePack,
    edits: Sequence[Edit],
    gone: Key | None = None,
) -> bool:
    """True when ``edits`` leave every anti-pattern match they don't touch as it was.

    ``gone`` is the match the suggestion fixes from outside its span (an appended
    "but here's what I can do"); matches the edits overlap may only disappear.
    Only the text around the edits is re-matched: a match further than the pack's
    ``reach`` from every edit cannot change, and matches within ``reach`` of the
    window's cut edges are left out of the comparison (the cut, not the edit, would
    change them). So the window is the edits widened by twice the reach.
    """
    if not edits or any(touches_protected(draft, e) for e in edits):
        return False
    text = draft.text
    reach = pack.reach
    lo = _snap(text, min(e.start for e in edits) - 2 * reach, -1)
    hi = _snap(text, max(e.end for e in edits) + 2 * reach, 1)
    inner_lo = lo + reach if lo > 0 else 0
    inner_hi = hi - reach if hi < len(text) else len(text)
    known = _draft_keys(pack, text)
    try:
        after = _after_keys(pack, text, edits, known)
    except ValueError:
        return False  # edits out of range or overlapping
    if after is not None:
        keys, grown = after
        if len(edits) == 1:
            kept = _kept_one(known, edits[0], gone, inner_lo, inner_hi)
        else:
            before = (k for k in known if inner_lo <= k[1] and k[2] <= inner_hi)
            kept = {
                _shift(k, edits) for k in before if not _within(k, gone) and not _touched(k, edits)
            }
        return {k for k in keys if inner_lo <= k[1] and k[2] <= inner_hi + grown} == kept
    local = tuple(Edit(e.start - lo, e.end - lo, e.replacement) for e in edits)
    window_before = frozenset(
        (rule, s - lo, e - lo) for rule, s, e in known if inner_lo <= s and e <= inner_hi
    )
    local_gone = (gone[0], gone[1] - lo, gone[2] - lo) if gone else None
    return _window_keeps(
        pack, text[lo:hi], local, window_before, local_gone, inner_lo - lo, inner_hi - lo
    )


def _after_keys(
    pack: RulePack, text: str, edits: Sequence[Edit], known: frozenset[Key]
) -> tuple[set[Key], int] | None:
    """The edited text's anti-pattern matches and its growth, matching only near the
    edits: a match further from them than its rule's ``spread`` reads nothing they
    change, so it is the draft's own, moved. None when an edit may move where the
    reply starts (a greeting rule's anchor): then the window is matched in full.
    Raises ValueError when the edits do not apply.
    """
    after = edit_ops.apply(text, edits)
    grown = len(after) - len(text)
    ed_lo = min(e.start for e in edits)
    ed_hi = max(e.end for e in edits)
    avoid = pack.avoid_only
    found, opening = avoid.matches_near(after, ed_lo, ed_hi + grown)
    if opening + 2 >= ed_lo:  # reply_start reads at most two characters past the start
        return None
    spread = avoid.spread
    keys = {(m.rule.id, m.start, m.end) for m in found}
    for rule_id, s, e in known:
        if e + spread[rule_id] < ed_lo:
            keys.add((rule_id, s, e))
        elif s - spread[rule_id] > ed_hi:
            keys.add((rule_id, s + grown, e + grown))
    return keys, grown


def _kept_one(
    known: frozenset[Key], edit: Edit, gone: Key | None, inner_lo: int, inner_hi: int
) -> set[Key]:
    """``_shift``, ``_within`` and ``_touched`` inline for one edit (the usual case)."""
    e_start, e_end = edit.start, edit.end
    delta = len(edit.replacement) - (e_end - e_start)
    kept = set()
    for key in known:
        _, s, e = key
        if s < inner_lo or e > inner_hi or (gone is not None and gone[1] <= s and e <= gone[2]):
            continue
        if s < e_end and e_start < e if e_start < e_end else s < e_start < e:
            continue  # touched
        kept.add(key if e_end > s else (key[0], s + delta, e + delta))
    return kept


# Everything here is relative to the window, so a passage repeated in a draft (a
# pasted paragraph, a macro used twice) is checked once: the check re-matches
# ~2,000 characters, and a draft of hundreds of like findings would repeat it.
@lru_cache(maxsize=256)
def _window_keeps(
    pack: RulePack,
    window: str,
    local: tuple[Edit, ...],
    before: frozenset[Key],
    local_gone: Key | None,
    inner_lo: int,
    inner_hi: int,
) -> bool:
    try:
        after = edit_ops.apply(window, local)
    except ValueError:
        return False
    kept = {
        _shift(k, local) for k in before if not _within(k, local_gone) and not _touched(k, local)
    }
    grown = len(after) - len(window)
    after_keys = {
        k for k in avoid_keys(pack, after) if inner_lo <= k[1] and k[2] <= inner_hi + grown
    }
    return after_keys == kept


# Words are shorter than this; in text without white space the window is cut where
# it stands (matches near a cut edge are left out of the comparison anyway).
_SNAP_MAX = 100


def _snap(text: str, pos: int, step: int) -> int:
    """Move ``pos`` outward to white space (or the text's edge) so no word is cut."""
    if pos <= 0:
        return 0
    if pos >= len(text):
        return len(text)
    stop = pos + step * _SNAP_MAX
    while 0 < pos < len(text) and pos != stop and not text[pos].isspace():
        pos += step
    return max(0, min(pos, len(text)))


def touches_protected(draft: Draft, edit: Edit) -> bool:
    """Insertions may sit next to a protected span but never split one."""
    if edit.start == edit.end:
        return draft.splits_protected(edit.start)
    return draft.is_protected(edit.start, edit.end)


def _within(key: Key, gone: Key | None) -> bool:
    """The fixed match, or any match inside it ("nothing we can do" in "there's nothing
    we can do", "against company policy" in "it's against company policy to"): the
    analyzer shows a match inside a longer one as that one."""
    return gone is not None and gone[1] <= key[1] and key[2] <= gone[2]


def _touched(key: Key, edits: Sequence[Edit]) -> bool:
    _, s, e = key
    for edit in edits:
        if edit.start == edit.end and s < edit.start < e:
            return True
        if edit.start < edit.end and s < edit.end and edit.start < e:
            return True
    return False


def _shift(key: Key, edits: Sequence[Edit]) -> Key:
    rule_id, s, e = key
    delta = sum(len(x.replacement) - (x.end - x.start) for x in edits if x.end <= s)
    return rule_id, s + delta, e + delta
