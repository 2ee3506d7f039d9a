"""Where an inserted sentence may go: inside the body of the agent's reply.

The body starts after the greeting (and any @handles before it) and ends before
the first of: the sign-off line — any short line ending in a comma ("With warm
wishes,", "Safe travels,", "Mahalo,") as well as the usual ones —, a signature
placeholder (``{{dc.signature}}``), the agent's initials ("^JR", "-Helen"),
quoted customer text ("> " lines, "On … wrote:", ``<blockquote>``). In HTML an
insertion never lands inside inline markup (``<strong>``, ``<a>``...): it moves
out to the edge of the element.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from plugin.coach.draft import SIGNOFF, Draft, last_lines
from plugin.coach.layout import Layout
from plugin.coach.model import Edit

_HANDLES = re.compile(r"(?:@\w+[ \t,:]*)+")
GREETING = re.compile(
    r"(?i:hi|hello|hey|hiya|dear|howdy|greetings|good (?:morning|afternoon|evening|day)|aloha"
    r"|kia ora|morning|afternoon|evening)\b"
)
_GREETING_WORDS = 6  # "Hi there, Sam!" — a greeting sentence is short
# A line that closes the letter: short, ends in a comma ("With warm wishes,", "Ngā mihi,").
_CLOSER_LINE = re.compile(r"[ \t]*[^\W\d][^\n,.!?]{0,40},[ \t]*")
_CLOSER_WORDS = 4
_PLACEHOLDER_LINE = re.compile(r"[ \t]*\{\{[^}\n]*\}\}[ \t]*")
# Agent initials or a dash-name at the very end ("^JR", "~Whit", "-Helen", "*TLT", "/KB").
# A link, a thread marker or a stray stop may follow them ("^TB https://t.co/x", "^AP .").
_INITIALS = re.compile(
    r"(?:(?<=[\s.!?])|^)(?:\d/\d\s+)?(?:[\^~*]\s?[A-Za-z]{1,5}\b|[/\-–—]\s?[A-Z][\w.]{0,14})"
    r"(?:\s+(?:https?://\S+|\d/\d))*[\s.]*$"
)
_INITIAL_MARK = re.compile(r"[\^~*/\-–—]")
_QUOTE_START = re.compile(r"^[ \t]*(?:>|On\b[^\n]{0,200}\bwrote:)", re.M)
_INLINE = "strong|b|em|i|u|a|span|code|mark|small|sup|sub|font"
_OPEN_INLINE = re.compile(rf"<(?:{_INLINE})\b[^>]*>$", re.I)
_CLOSE_INLINE = re.compile(rf"</(?:{_INLINE})\s*>", re.I)
_ANY_INLINE = re.compile(rf"<(/?)({_INLINE})\b[^>]*>", re.I)
_BLOCK_EDGE = re.compile(r"</?(?:p|div|li|ul|ol|br|blockquote|h\d|td|tr|table)\b", re.I)


# Several suggestions of one draft ask for the same bounds: remembered per draft and
# layout (strings cache their hash, so the key costs little).
_Key = tuple[str, str, str, int, int | None]
_MEMO: dict[tuple[str, _Key], int] = {}
_MEMO_MAX = 64


def _memo(kind: str, draft: Draft, layout: Layout, compute: Callable[[], int]) -> int:
    key = (kind, (draft.source, draft.text, draft.format, layout.body_start, layout.signoff))
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        found = _MEMO[key] = compute()
    return found


def opening(draft: Draft, layout: Layout) -> int:
    """Where a sentence that opens the body goes: after the greeting and any handles."""
    return _memo("opening", draft, layout, lambda: _opening(draft, layout))


def body_end(draft: Draft, layout: Layout) -> int:
    """Where the reply's body ends: the start of whatever closes the letter or quotes."""
    return _memo("end", draft, layout, lambda: _body_end(draft, layout))


def _opening(draft: Draft, layout: Layout) -> int:
    text = draft.text
    pos = layout.body_start
    m = _HANDLES.match(text, pos)
    if m:
        pos = m.end()
    span = next((s for s in draft.sentences if s.start <= pos < s.end), None)
    greets = span is not None and GREETING.match(text, pos) is not None
    if span is not None and greets and len(text[pos : span.end].split()) <= _GREETING_WORDS:
        nxt = next((s.start for s in draft.sentences if s.start >= span.end), None)
        pos = nxt if nxt is not None else span.end
    return pos


def _body_end(draft: Draft, layout: Layout) -> int:
    text = draft.text
    ends = [len(text.rstrip())]
    if layout.signoff is not None:
        ends.append(layout.signoff)
    # every quote start holds ">" or "wrote:": two substring tests spare most drafts the scan
    quoted = ">" in text or "wrote:" in text
    quote = _QUOTE_START.search(text, layout.body_start) if quoted else None
    if quote:
        ends.append(quote.start() + len(quote.group()) - len(quote.group().lstrip()))
    if draft.format == "html" and draft._starts is not None:
        at = draft.source.lower().find("<blockquote")
        if at >= 0:
            ends.append(bisect_left(draft._starts, at))
    lines = last_lines(text[: min(ends)].rstrip())
    for start, line in lines:
        if start <= layout.body_start:
            continue
        closer = (
            SIGNOFF.fullmatch(line)
            or ("{{" in line and _PLACEHOLDER_LINE.fullmatch(line))
            or ("," in line and _CLOSER_LINE.fullmatch(line) and len(line.split()) <= _CLOSER_WORDS)
        )
        if closer:
            ends.append(start + len(line) - len(line.lstrip()))
            break
    end = min(ends)
    lo = max(layout.body_start, end - 80)
    # initials hold a mark ("^JR", "-Helen"): looked for in C first, the pattern after
    initials = _INITIALS.search(text, lo, end) if _INITIAL_MARK.search(text, lo, end) else None
    if initials and initials.end() >= len(text[:end].rstrip()):
        end = initials.start()
    return max(layout.body_start, len(text[:end].rstrip()))


def source_edit(draft: Draft, edit: Edit) -> Edit:
    """``draft.source_edit``, with an HTML insertion moved out of inline markup."""
    out = draft.source_edit(edit)
    if draft.format != "html" or out.start != out.end:
        return out
    src, pos = draft.source, out.start
    while src.endswith(">", 0, pos) and (m := _OPEN_INLINE.search(src, max(0, pos - 300), pos)):
        pos = m.start()  # "<strong>|Note" -> "|<strong>Note"
    while (m := _CLOSE_INLINE.match(src, pos)) is not None:
        pos = m.end()  # "done.|</strong>" -> "done.</strong>|"
    pos = _outside_inline(src, pos)
    return Edit(pos, pos, out.replacement)


def _outside_inline(src: str, pos: int) -> int:
    """``pos`` moved past the end of any inline element it still sits inside."""
    # the block the position sits in: its last edge before it, looked for nearby first
    near = max(0, pos - 2000)
    block = max((m.end() for m in _BLOCK_EDGE.finditer(src, near, pos)), default=near)
    depth = 0
    for m in _ANY_INLINE.finditer(src, block, pos):
        depth += -1 if m.group(1) else 1
    if depth <= 0:
        return pos
    for m in _ANY_INLINE.finditer(src, pos):
        depth += -1 if m.group(1) else 1
        if depth <= 0:
            return m.end()
    return pos
