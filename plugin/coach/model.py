"""The core's value types: what analyzers report and what a review returns.

All are frozen dataclasses. Offsets inside the core (``Finding.start/end``,
``MoveHit.start/end``, ``Edit`` produced by analyzers) are offsets into
``Draft.text`` (the plain text); ``review.py`` maps them to the input as sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Severity = Literal["info", "warning", "error"]
Status = Literal["pass", "warn", "fail", "n/a"]
MoodLabel = Literal["calm", "neutral", "worried", "frustrated", "angry"]

# The categories every review reports, in display order. Where Zendesk QA's AutoQA has a
# category with the same meaning the key is its name in snake_case (greeting, empathy,
# comprehension, tone, solution_offered, readability, spelling_grammar, closing), so a
# lead can compare coaching before Submit with AutoQA after it; jargon, next_steps and
# personalization are the coach's own.
CATEGORIES: tuple[str, ...] = (
    "greeting",
    "empathy",
    "comprehension",
    "tone",
    "solution_offered",
    "next_steps",
    "readability",
    "jargon",
    "spelling_grammar",
    "closing",
    "personalization",
)
CATEGORY_LABELS: dict[str, str] = {
    "greeting": "Greeting",
    "empathy": "Empathy",
    "comprehension": "Comprehension",
    "tone": "Tone",
    "solution_offered": "Solution offered",
    "next_steps": "Next steps",
    "readability": "Readability",
    "jargon": "Jargon",
    "spelling_grammar": "Spelling & grammar",
    "closing": "Closing",
    "personalization": "Personalization",
}
# Earlier names, still accepted from rule packs and analyzers; reviews report the new ones.
CATEGORY_ALIASES: dict[str, str] = {
    "acknowledgement": "comprehension",
    "grammar": "spelling_grammar",
}
CATEGORY_NAMES: frozenset[str] = frozenset(CATEGORIES) | frozenset(CATEGORY_ALIASES)


def category_key(name: str) -> str:
    """The reported category for ``name`` (an alias maps to its new name)."""
    return CATEGORY_ALIASES.get(name, name)


# Empathy moves a good reply makes (PRODUCT.md), in the order a reply usually makes them.
MOVES: tuple[str, ...] = (
    "greeting",
    "thanks",
    "acknowledge",
    "validate",
    "apologize",
    "ownership",
    "next_steps",
    "reassure",
    "closing",
    "personalization",
)
# The category a missing move is reported under.
MOVE_CATEGORY: dict[str, str] = {
    "greeting": "greeting",
    "thanks": "empathy",
    "acknowledge": "comprehension",
    "validate": "empathy",
    "apologize": "empathy",
    "ownership": "solution_offered",
    "next_steps": "next_steps",
    "reassure": "empathy",
    "closing": "closing",
    "personalization": "personalization",
}
CommentType = Literal["public", "internal"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``[start, end)`` with ``replacement``; start == end inserts."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One click in the UI: a label and the edits it applies together."""

    label: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """Something an analyzer noticed; ``score.py`` decides what it costs."""

    rule_id: str
    category: str
    severity: Severity
    start: int
    end: int
    message: str
    why: str = ""
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True, slots=True)
class MoveHit:
    """Evidence of an empathy move at ``[start, end)``."""

    move: str
    start: int
    end: int
    rule_id: str


# Findings per review, in reading order: far above any real reply (~20 at most), and
# a bound on the work a draft made to hold thousands can cause.
MAX_FINDINGS = 100


@dataclass(frozen=True, slots=True)
class Cue:
    """A mood cue in the customer's message (offsets into that message)."""

    kind: str  # repeat_contact | caps | exclamations | cancel_threat | urgency | negative | ...
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mood:
    label: MoodLabel
    compound: float  # vader compound score, -1..1
    cues: tuple[Cue, ...] = ()
    # For fitted wording, in the agent's voice; either may be None (mood.py):
    topic: str | None = None  # a short noun phrase: "your order #4411", "the login page"
    problem: str | None = None  # a short clause: "your order #4411 still has not arrived"


@dataclass(frozen=True, slots=True)
class PastTicket:
    id: int
    subject: str
    created_at: datetime
    status: str = ""
    satisfaction: str | None = None  # good | bad | offered | unoffered | None


@dataclass(frozen=True, slots=True)
class CustomerContext:
    """What Zendesk tells us about the requester; built by ``plugin.zendesk``."""

    name: str | None = None
    first_name: str | None = None
    locale: str | None = None
    time_zone: str | None = None  # IANA name, e.g. "Europe/Berlin"
    tags: tuple[str, ...] = ()
    organization: str | None = None
    ticket_id: int | None = None
    ticket_subject: str | None = None
    channel: str | None = None
    priority: str | None = None
    recent_tickets: tuple[PastTicket, ...] = ()
    last_rating: str | None = None  # good | bad
    last_rating_ticket_id: int | None = None
    last_rating_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Hint:
    """A personal touch the agent could add, with why it matters."""

    id: str  # greet_first_name | repeat_contact | bad_rating | local_time | vip | ...
    message: str
    why: str
    wording: str | None = None  # example phrasing the UI may offer
    suggestion: Suggestion | None = None  # the wording, placed in the draft: one click


@dataclass(frozen=True, slots=True)
class CategoryResult:
    status: Status
    reason: str
    points_lost: float = 0.0  # what this category took off the score (score.py)


MOODS: tuple[MoodLabel, ...] = ("calm", "neutral", "worried", "frustrated", "angry")
# The moves whose absence is a warning (not just an idea) for each mood (needs.py): an
# upset customer needs to hear sorry, that the feeling is fair, who owns the fix, that
# their problem was understood (email only, and when they named one) and what happens
# next; a calm or neutral one needs a next step when they report a problem.
_UPSET_NEEDS = ("apologize", "validate", "ownership", "acknowledge", "next_steps")
DEFAULT_MOOD_MOVES: dict[str, tuple[str, ...]] = {
    "calm": ("next_steps",),
    "neutral": ("next_steps",),
    "worried": _UPSET_NEEDS,
    "frustrated": _UPSET_NEEDS,
    "angry": _UPSET_NEEDS,
}
# What an account may set per category: "off" drops the category's findings (and its
# score); any other value is the severity every finding in the category is given.
CategorySeverity = Literal["off", "info", "warning", "error"]


def mood_pairs(moods: dict[str, tuple[str, ...]]) -> frozenset[tuple[str, str]]:
    return frozenset((mood, move) for mood, moves in moods.items() for move in moves)


@dataclass(frozen=True, slots=True)
class Settings:
    """Account-level thresholds (defaults follow plain-language guidance: grade 8)."""

    target_grade: float = 8.0
    max_sentence_words: int = 25
    rare_word_zipf: float = 2.5  # wordfreq Zipf below this reads as rare
    max_draft_chars: int = 20_000
    # (mood label, move): lacking the move is a warning for a customer in that mood
    mood_moves: frozenset[tuple[str, str]] = mood_pairs(DEFAULT_MOOD_MOVES)
    # (category, severity) overrides, applied to every finding of the category
    category_severity: tuple[tuple[str, CategorySeverity], ...] = ()

    def moves_for(self, mood: str) -> frozenset[str]:
        """The moves a customer in ``mood`` is warned about lacking."""
        return frozenset(move for label, move in self.mood_moves if label == mood)


@dataclass(frozen=True)
class Review:
    score: int
    categories: dict[str, CategoryResult]
    moves: tuple[MoveHit, ...]
    missing_moves: tuple[str, ...]
    findings: tuple[Finding, ...]
    readability: dict[str, object]
    hints: tuple[Hint, ...]
    customer_mood: Mood | None
    timings: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what the review left out, and why (a long message, many findings)
    channel: str = ""  # the Zendesk via channel as given ("" = none)
    register: str = "email"  # email | chat | social (channel.py)
    register_inferred: bool = True  # read from the text, not from a known channel
    comment_type: CommentType = "public"
