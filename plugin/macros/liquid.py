"""Zendesk placeholders and Liquid markup in a template, found in linear time.

``{{ticket.requester.first_name}}``, ``{{dc.item | capitalize}}`` and ``{% tag %}`` are
tokens; a block (``{% if %}…{% endif %}``, ``unless``, ``case``, ``for``, ``capture``,
``comment``, ``raw``) spans from its opening tag to its matching end tag, nesting
included. Every scan moves forward only (an opener with no closer after it
stops that kind of token), and blocks are matched with a stack and per-name counts,
so a hostile draft of unclosed openers costs no more than its length.
"""

from __future__ import annotations

from collections.abc import Iterator

Raw = tuple[int, int]

_BLOCKS = frozenset({"if", "unless", "case", "for", "capture", "comment", "raw", "tablerow"})
_PAIRS = (("{{", "}}"), ("{%", "%}"))


def tokens(text: str) -> list[Raw]:
    """Every ``{{ … }}`` and ``{% … %}`` in ``text``, in order, not overlapping."""
    found: list[Raw] = []
    closable = [True, True]  # once a kind has no closer left, its openers are text
    pos = 0
    while True:
        start = text.find("{", pos)
        if start < 0 or start + 1 >= len(text):
            return found
        kind = 0 if text[start + 1] == "{" else 1 if text[start + 1] == "%" else -1
        if kind < 0 or not closable[kind]:
            pos = start + 1
            continue
        end = text.find(_PAIRS[kind][1], start + 2)
        if end < 0:
            closable[kind] = False
            pos = start + 1
            continue
        found.append((start, end + 2))
        pos = end + 2


def _tag_name(text: str, start: int, end: int) -> str:
    inner = text[start + 2 : end - 2].strip("-").strip()
    return inner.split(None, 1)[0].lower() if inner else ""


def blocks(text: str) -> Iterator[Raw]:
    """Outermost ``{% if %}…{% endif %}``-style blocks (a closer without its opener is
    only a tag; an opener never closed protects only itself)."""
    if "{%" not in text:
        return
    stack: list[tuple[str, int]] = []
    open_count: dict[str, int] = {}
    for start, end in tokens(text):
        if text[start + 1] != "%":
            continue
        name = _tag_name(text, start, end)
        if name in _BLOCKS:
            stack.append((name, start))
            open_count[name] = open_count.get(name, 0) + 1
        elif name.startswith("end") and open_count.get(name[3:], 0) > 0:
            while stack:  # amortised: every opener is pushed and popped once
                opened, at = stack.pop()
                open_count[opened] -= 1
                if opened == name[3:]:
                    break
            yield (at, end)  # a nested block's span is merged into its parent's


def placeholders(text: str) -> list[str]:
    """The placeholder and Liquid tokens of ``text``, as written (for byte-for-byte checks)."""
    return [text[s:e] for s, e in tokens(text)]
