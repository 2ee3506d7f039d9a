"""The reader: what the customer's own message says they already know.

A term the customer wrote is not jargon to them, whatever its case or number
("API keys" in the message, "API key" in the reply), and neither is an acronym
whose words they spelled out ("single sign-on" -> SSO). A customer who writes
like an engineer (paths, status codes, hosts, several specialist acronyms) reads
technical terms without help; only the support team's own shorthand stays jargon
to them.

``read`` is cached per message: the sidebar re-sends the same message on every pause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from plugin.coach import lexicon
from plugin.coach.lexicon import wordset
from plugin.coach.word_memo import WordMemo

# An acronym whose lowercase form wordfreq sees this often is everyday English
# (PDF 3.84, URL 3.86, USB 3.98, USA 4.79, OK 5.14); below it, jargon to a
# customer (API 3.68, ETA 3.37, T2 3.31, DNS 3.24, SLA 2.83).
COMMON_ACRONYM_ZIPF = 3.8
# Everyday acronyms a customer knows although wordfreq ranks them below that
# (FAQ 3.27, SMS 3.66, VIP 3.76); an account adds its own through the allowlist.
COMMON_ACRONYMS = wordset(
    "FAQ SMS VIP ATM PIN GPS TV PC UK EU US CEO FYI PS AM PM CPU GPU RAM OS HDMI LED SIM VPN"
)

# Technical writing in the customer's message: each kind counts once per token.
_TECH = re.compile(
    r"(?:^|\s)/[\w.-]+/"  # a path: /v2/orders
    r"|\b[45]\d\d(?:s|\s+errors?|\s+responses?)\b"  # HTTP status codes: 429s, 503 errors
    r"|\bHTTP\b|\b\w+/s\b"  # req/s, MB/s
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}\b"  # host names: support.example.se
    r"|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\(",  # snake_case, camelCase( calls
)
# Text every ``_TECH`` match holds ("/", a 4xx/5xx code, "HTTP", ".x" of a host, "_", "("):
# most messages hold none, and ``_TECH`` (tried at every word) is then not run.
# (led by the class of their first characters, rare in prose: scanned for in C)
_TECH_HINT = re.compile(r"[/(_45H.](?:(?<=[/(_])|(?<=[45])\d\d|(?<=H)TTP|(?<=\.)[a-z0-9-])")
# \b[A-Z][A-Z0-9]{1,5}s?\b with the word boundary tested after the first capital (no word
# character before it): a pattern starting with a plain class is scanned for in C.
_ACRONYM = re.compile(r"[A-Z](?<!\w.)[A-Z0-9]{1,5}s?\b")
TECHNICAL_MARKERS = 2
# ``lexicon.TOKEN`` in ASCII text, where [^\W_] is [A-Za-z0-9] (a bitmap test per character,
# not a Unicode lookup) and ’ cannot occur
_ASCII_TOKEN = re.compile(
    r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*"
)  # two technical tokens make a technical reader


@dataclass(frozen=True)
class Reader:
    """The customer's words, singular and lowercase, and whether they write technically."""

    forms: frozenset[str]
    phrase_text: str  # " " + singular forms joined by spaces + " "
    words: tuple[str, ...] = ()  # the singular forms in the message's order
    technical: bool = False
    markers: int = 0  # technical tokens in the message

    @cached_property
    def initials(self) -> frozenset[str]:
        """Lowercase acronyms of word runs the customer wrote: found when first asked
        (most drafts hold no acronym or term that asks)."""
        return _initials(self.words)

    def writes_technically(self, technical_terms: tuple[str, ...]) -> bool:
        """``technical``, counting each of ``technical_terms`` (a pack's technical
        glossary terms) the customer used as one more technical token."""
        if self.technical:
            return True
        used = sum(1 for t in technical_terms if self.knows(t))
        return self.markers + used >= TECHNICAL_MARKERS

    def knows(self, term: str) -> bool:
        """True when the customer used ``term`` (any case, singular or plural), or
        spelled out the acronym ``term`` stands for."""
        tokens = _term_tokens[term]
        if not tokens:
            return False
        if len(tokens) == 1:
            return tokens[0] in self.forms or tokens[0] in self.initials
        return f" {' '.join(tokens)} " in self.phrase_text


NOBODY = Reader(frozenset(), "  ")


def _singular(word: str) -> str:
    """A crude singular, applied alike to both sides: "keys" -> "key", "APIs" -> "api"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        return w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


# per word: a message's words are mostly words seen before (a C-level lookup in ``map``)
singular = WordMemo(_singular)


def _find_term_tokens(term: str) -> tuple[str, ...]:
    """The singular forms of a term's words, as ``Reader.knows`` compares them."""
    return tuple(map(singular.__getitem__, lexicon.TOKEN.findall(term.lower())))


# per term (a word or a short glossary term): asked again for every draft that holds it
_term_tokens = WordMemo(_find_term_tokens)


def is_common_acronym(core: str, allow: frozenset[str] = frozenset()) -> bool:
    """An acronym any customer knows (PDF, USB, FAQ) or the account allowlists."""
    return (
        core in COMMON_ACRONYMS
        or core.lower() in allow
        or lexicon.zipf(core.lower()) >= COMMON_ACRONYM_ZIPF
    )


_SMALL = wordset(
    "of and for the to a an in at by with or & i it is my you we so already just very not "
    "but then than that this there here also too as if be was are were been has have had "
    "do did does can will would could should may might must get got"
)


def _initials(words: tuple[str, ...]) -> frozenset[str]:
    """Acronyms of the customer's runs of 3-6 content words ("single sign on" -> "sso");
    "of", "and", "for" inside a run may count or not ("explanation of benefits" -> "eob")."""
    found: set[str] = set()
    for i, first in enumerate(words):
        if first in _SMALL:
            continue
        letters = [first[0]]
        optional = ""
        for w in words[i + 1 : i + 9]:
            if w in ("of", "and", "for"):
                optional = w[0]
                continue
            if w in _SMALL:
                break
            letters.append(w[0])
            if len(letters) > 6:
                break
            if len(letters) >= 3:
                found.add("".join(letters))
            if optional:
                found.add("".join(letters[:-1]) + optional + letters[-1])
                optional = ""
    return frozenset(found)


@lru_cache(maxsize=256)
def read(message: str) -> Reader:
    """What ``message`` shows the customer knows."""
    if not message.strip():
        return NOBODY
    tokens = (_ASCII_TOKEN if message.isascii() else lexicon.TOKEN).findall(message)
    words = tuple(map(singular.__getitem__, tokens))
    forms = frozenset(words)
    markers = len(_TECH.findall(message)) if _TECH_HINT.search(message) else 0
    markers += len(
        {
            a.rstrip("s")
            for a in _ACRONYM.findall(message)
            if not a.isdigit() and not is_common_acronym(a.rstrip("s"))
        }
    )
    # Filled in without the frozen dataclass's __init__ (a Python call per field):
    # one Reader per message seen
    reader = object.__new__(Reader)
    reader.__dict__.update(
        forms=forms,
        phrase_text=f" {' '.join(words)} ",
        words=words,
        technical=markers >= TECHNICAL_MARKERS,
        markers=markers,
    )
    return reader
