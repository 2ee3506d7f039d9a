"""Zendesk comment HTML read as the agent sees it: plain text plus an offset map from
each text character back to the HTML as sent, and the spans of quoted customer text."""

from __future__ import annotations

import html
import re

from plugin.coach import markup

# Tags whose boundaries break a line of text in the rendered comment.
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "pre",
        "hr",
        "section",
        "article",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title"})
# A comment or declaration left open runs to the end of the input, as a browser reads
# it (and as ``markup.TAG`` reads a tag): each alternative consumes, so no opener is
# rescanned to the end by the next one and the scan is linear in the input.
_HTML_TOKEN = re.compile(
    rf"<!--.*?(?:-->|\Z)|<![^>]*+(?:>|\Z)|{markup.TAG}"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});",
    re.S,
)

_HTML_RUN = re.compile(r"[\r\n\t ]+|[^\r\n\t ]+")


def read(
    source: str, quoted: list[tuple[int, int]] | None = None
) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Plain text and its offset map; the text of each outermost ``<blockquote>`` (the
    customer's words quoted back) is appended to ``quoted`` as a plain-text span."""
    chars: list[str] = []
    depth, quote_start = 0, 0
    starts: list[int] = []
    ends: list[int] = []
    skipping: str | None = None

    def _map_run(at: int, end: int) -> None:
        """Map the text characters of source ``[at, end)``, each to itself."""
        if end > at:
            starts.extend(range(at, end))
            # each character ends where the next starts: the same int objects, no new ones
            ends.extend(starts[len(starts) - (end - at) + 1 :])
            ends.append(end)

    # ``chars`` holds pieces: single characters, or runs that neither start nor end
    # with white space, so the "last character" checks below still hold.
    def emit_text(chunk_start: int, chunk: str) -> None:
        if chunk.isprintable() and "  " not in chunk:
            # Words and single spaces only (most text between tags): kept as they are,
            # one piece, with a trailing space as its own piece for the checks above.
            skip = chunk[0] == " " and bool(chars) and chars[-1] in " \n"
            rest = chunk[1:] if skip else chunk
            if len(rest) > 1 and rest[-1] == " ":
                chars.extend((rest[:-1], " "))
            elif rest:
                chars.append(rest)
            _map_run(chunk_start + skip, chunk_start + len(chunk))
            return
        for run in _HTML_RUN.finditer(chunk):
            at = chunk_start + run.start()
            piece = run.group()
            if piece[0] in "\r\n\t ":
                # HTML collapses white space; keep one space, mapped to its first char.
                if not chars or chars[-1] not in " \n":
                    chars.append(" ")
                    starts.append(at)
                    ends.append(at + 1)
                continue
            chars.append(piece)
            _map_run(at, at + len(piece))

    def emit_break(pos: int) -> None:
        while chars and chars[-1] == " ":
            chars.pop(), starts.pop(), ends.pop()
        if chars and chars[-1] != "\n":
            chars.append("\n")
            starts.append(pos)
            ends.append(pos)

    pos = 0
    for m in _HTML_TOKEN.finditer(source):
        if skipping is None and m.start() > pos:
            emit_text(pos, source[pos : m.start()])
        pos = m.end()
        token = m.group()
        tag = (m.group(1) or "").lower()
        if skipping is not None:
            if token.startswith("</") and tag == skipping:
                skipping = None
            continue
        if token.startswith("&"):
            ch = html.unescape(token).replace("\xa0", " ")
            if ch == " " and chars and chars[-1] in " \n":
                continue
            for c in ch:
                chars.append(c)
                starts.append(m.start())
                ends.append(m.end())
        elif tag in _SKIP_TAGS and not token.startswith("</") and not token.endswith("/>"):
            skipping = tag
        elif tag in _BLOCK_TAGS:
            emit_break(m.start())
            if tag == "blockquote" and token.startswith("</"):
                depth = max(0, depth - 1)
                if not depth and quoted is not None:
                    quoted.append((quote_start, len(starts)))
            elif tag == "blockquote" and not token.endswith("/>"):
                depth, quote_start = depth + 1, len(starts) if not depth else quote_start
    if depth and quoted is not None:  # an unclosed quote runs to the end
        quoted.append((quote_start, len(starts)))
    if skipping is None and pos < len(source):
        emit_text(pos, source[pos:])
    while chars and chars[-1] in " \n":
        chars.pop(), starts.pop(), ends.pop()
    return "".join(chars), tuple(starts), tuple(ends)
