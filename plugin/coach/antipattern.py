"""An anti-pattern match as a finding, with the rewrites that survive the exactness check.

Each candidate rewrite (a replacement of the matched span, or a sentence appended
after it) is offered only when applying it removes this finding and changes no
other anti-pattern match (``exact.keeps_the_rest``); identical edits are offered once.
"""

from __future__ import annotations

from collections.abc import Iterable

from plugin.coach import exact, rewrite
from plugin.coach.draft import Draft
from plugin.coach.model import Edit, Finding, Suggestion
from plugin.coach.rules import RuleMatch, RulePack


def finding(
    draft: Draft, pack: RulePack, m: RuleMatch, fill: dict[str, str | None], *, checked: bool
) -> Finding:
    """The finding for anti-pattern match ``m``; when ``checked``, with every rewrite
    (replacement or appended alternative) that passes the exactness check."""
    rule = m.rule
    if not checked:
        return Finding(
            rule.id, rule.category, rule.severity, m.start, m.end, rule.message, rule.why, ()
        )
    candidates: list[Suggestion] = []
    for alternative in rule.replacement:
        edit = rewrite.replacement_edit(draft, m, alternative, fill)
        if edit is not None:
            label = (
                f"Remove “{draft.text[m.start : m.end]}”"
                if not alternative
                else f"Replace with “{edit.replacement.strip()}”"
            )
            candidates.append(Suggestion(label, (edit,)))
    if rule.append:
        edit = rewrite.append_edit(draft, m, rule.append)
        if edit is not None:
            added = rule.append.strip()
            label = (
                f"Add “{added}” and finish it"
                if added.endswith((":", "…"))  # the agent completes the sentence
                else f"Add “{added}”"
            )
            candidates.append(Suggestion(label, (edit,)))
    key = (rule.id, m.start, m.end)
    suggestions = tuple(
        _unique(s for s in candidates if exact.keeps_the_rest(draft, pack, s.edits, key))
    )
    return Finding(
        rule.id, rule.category, rule.severity, m.start, m.end, rule.message, rule.why, suggestions
    )


def _unique(suggestions: Iterable[Suggestion]) -> Iterable[Suggestion]:
    seen: set[tuple[Edit, ...]] = set()
    for s in suggestions:
        if s.edits not in seen:
            seen.add(s.edits)
            yield s
