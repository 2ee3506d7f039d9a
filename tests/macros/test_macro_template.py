"""Which edits keep a macro's template intact: tags byte for byte, branches kept apart."""

from __future__ import annotations

from plugin.macros.template import Template

TEXT = (
    "Hi {{ticket.requester.first_name}},\n"
    "{% if ticket.priority == 'urgent' %}We are on it right now.{% else %}"
    "We will look at it soon.{% endif %}\nBest"
)
T = Template.of(TEXT)


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _edit(start: int, end: int, text: str = "x") -> list[dict[str, object]]:
    return [{"start": start, "end": end, "replacement": text}]


def test_a_rewrite_inside_one_branch_is_kept() -> None:
    span = _at("right now")
    assert T.keeps(_edit(*span, "today"), span)


def test_an_edit_reaching_into_a_tag_or_splitting_a_placeholder_is_refused() -> None:
    start, _ = _at("{% else %}")
    assert not T.keeps(_edit(start - 3, start + 2), (start - 3, start))
    name = TEXT.index("first_name")
    assert not T.keeps(_edit(name, name), (name, name + 1))


def test_an_edit_in_another_branch_than_its_finding_is_refused() -> None:
    finding = _at("right now")
    other = _at("soon")
    assert not T.keeps(_edit(*other), finding)


def test_an_added_sentence_goes_outside_blocks_only() -> None:
    inside = TEXT.index("We will")
    assert not T.keeps(_edit(inside, inside, "Thanks. "), (inside, inside))
    after = TEXT.index("\nBest")
    assert T.keeps(_edit(after, after, " Thanks."), (after, after))
