"""HTML safety for edits and for text that comes from outside the draft.

Three things keep a one-click rewrite from ever changing the markup of the agent's
reply: tags are scanned the way a browser scans them (a ``>`` inside a quoted
attribute value does not end the tag), so no offset lands inside one; inserted text
is escaped for HTML, quotes included; and text from Zendesk (names, organization,
tags) loses bidirectional controls and anything that looks like markup before it can
reach a suggestion.
"""

from __future__ import annotations

import html
import re

# One start or end tag, as the HTML tokenizer reads it: the name runs to white space,
# "/" or ">"; an attribute value in quotes may hold ">"; a tag (or a quoted value)
# left open runs to the end of the input, as a browser drops it. Every quantifier is
# possessive and every alternative consumes, so a scan is linear in the input.
_WS = r"\t\n\f\r "
TAG = (
    rf"</?([a-zA-Z][^{_WS}/>]*+)"
    rf"(?:[{_WS}/]++"
    rf"|[^{_WS}/>][^{_WS}/>=]*+"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^{_WS}>]*+))?+"
    r")*+(?:>|\Z)"
)

# Bidirectional controls reorder what the agent sees (a name that reads backwards, a
# link that looks like another); the Arabic letter mark is one too.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Also dropped from outside text: other controls and the invisible characters a name
# has no use for (zero-width joiners stay: scripts and emoji need them).
_INVISIBLE = re.compile(f"[{BIDI_CONTROLS}\x00-\x1f\x7f-\x9f\u200b\u2060\ufeff\u00ad]")
_MARKUP = re.compile(r"<[^<>]{0,200}+>|\{\{|\}\}|\{%|%\}|[<>\"`]")
_SPACES = re.compile(r"\s+")


def escape(text: str) -> str:
    """``text`` as HTML text: ``& < > " '`` escaped, line breaks as ``<br>``."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def clean_external(text: str | None) -> str | None:
    """Text from Zendesk made safe to show and to insert: no bidirectional or other
    control characters, no tags, quotes or placeholder braces; white space collapsed.

    None when nothing is left (a name of only spaces or controls is no name).
    """
    if text is None:
        return None
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    cleaned = _SPACES.sub(" ", _MARKUP.sub(" ", text)).strip()
    return cleaned or None


def neutralise_bidi(text: str) -> str:
    """Bidirectional controls replaced by spaces: same length, so offsets hold."""
    return _BIDI.sub(" ", text)
