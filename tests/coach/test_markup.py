"""HTML edit safety: tags scanned as a browser scans them, inserted text escaped,
Zendesk text cleaned before it can reach a suggestion."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach.draft import parse
from plugin.coach.edits import apply
from plugin.coach.hints import sanitized
from plugin.coach.markup import clean_external, escape, neutralise_bidi
from plugin.coach.model import CustomerContext, Edit, PastTicket


def test_a_quoted_attribute_value_may_hold_a_closing_bracket() -> None:
    for src in (
        '<p title="a>b">Thanks for waiting.</p>',
        "<p title='a>b'>Thanks for waiting.</p>",
        '<p data-x = "1>2" class=plain>Thanks for waiting.</p>',
        '<p title="a>b"class="c">Thanks for waiting.</p>',
    ):
        assert parse(src, "html").text == "Thanks for waiting.", src


def test_a_tag_left_open_is_no_text() -> None:
    draft = parse('<p>Thanks for waiting.</p><a title="never closed> more words', "html")
    assert draft.text == "Thanks for waiting."


def test_block_tags_still_break_lines() -> None:
    draft = parse("<p title=\"x>y\">One.</p><div data-a='1>0'>Two.</div>", "html")
    assert draft.text == "One.\nTwo."


def test_escape_covers_quotes_and_markup() -> None:
    assert escape('Tom\'s "<b>" & co\nnext') == (
        "Tom&#x27;s &quot;&lt;b&gt;&quot; &amp; co<br>next"
    )


def test_html_edits_never_fall_inside_a_tag() -> None:
    src = '<p title="You should>have">You should have read the guide.</p>'
    draft = parse(src, "html")
    i = draft.text.index("You should have")
    edit = draft.source_edit(Edit(i, i + 15, 'Next time "try"'))
    assert edit.start == src.index('">') + 2
    assert apply(src, [edit]).startswith('<p title="You should>have">Next time &quot;try&quot;')


_ATTR_VALUE = st.text(alphabet="ab >=/'\"<", max_size=8)
_WORD = st.sampled_from(["Thanks", "for", "waiting", "we", "can't", "help", "&amp;", "x>y"])


@st.composite
def _html(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """Random HTML with awkward attribute values, and where its tags are."""
    parts: list[str] = []
    tags: list[tuple[int, int]] = []
    at = 0
    for _ in range(draw(st.integers(1, 6))):
        value = draw(_ATTR_VALUE)
        quote = '"' if "'" in value else draw(st.sampled_from(['"', "'"]))
        value = value.replace(quote, "")
        tag = f"<{draw(st.sampled_from(['p', 'div', 'b', 'a']))} title={quote}{value}{quote}>"
        words = " ".join(draw(st.lists(_WORD, min_size=1, max_size=4)))
        tags.append((at, at + len(tag)))
        parts += [tag, words]
        at += len(tag) + len(words)
    return "".join(parts), tags


@settings(max_examples=200, deadline=None)
@given(_html())
def test_every_text_offset_maps_outside_every_tag(case: tuple[str, list[tuple[int, int]]]) -> None:
    src, tags = case
    draft = parse(src, "html")
    for pos in range(len(draft.text) + 1):
        start, end = draft.to_source(pos, min(pos + 1, len(draft.text)))
        for tag_start, tag_end in tags:
            assert not tag_start < start < tag_end and not tag_start < end < tag_end


def test_tag_scanning_is_linear_on_open_tags_and_quotes() -> None:
    for src in ('<a title="x' * 4000, "<a" * 10000, "<p title='" + "x>" * 10000, "<b " * 7000):
        began = time.perf_counter()
        parse(src, "html")
        assert time.perf_counter() - began < 0.1, src[:20]


def test_clean_external_strips_controls_markup_and_placeholders() -> None:
    assert clean_external("\u202eMaria\u202c Lopez") == "Maria Lopez"
    assert clean_external('X" onmouseover="alert(1)') == "X onmouseover= alert(1)"
    assert clean_external("<img src=x onerror=alert(1)>Sam") == "Sam"
    assert clean_external("{{ticket.requester.email}}") == "ticket.requester.email"
    assert (
        clean_external("Zoë\u200d O'Brien") == "Zoë\u200d O'Brien"
    )  # joiners and apostrophes stay
    for blank in ("", " ", "\t", "\u00a0", "\u2066\u2069", "<br>", None):
        assert clean_external(blank) is None


def test_neutralise_bidi_keeps_offsets() -> None:
    message = "my \u202eorder\u202c is late"
    assert neutralise_bidi(message) == "my  order  is late"
    assert len(neutralise_bidi(message)) == len(message)


def test_sanitized_context_cleans_every_zendesk_text() -> None:
    ctx = CustomerContext(
        name="\u202eSam\u202c <b>Lee</b>",
        first_name='Sam"',
        organization="Acme <script>x</script> VIP",
        tags=("vip", "\u2066", "<i>gold</i>"),
        ticket_subject="Re: \u202elate parcel",
        recent_tickets=(PastTicket(1, "late \u202eparcel", datetime(2026, 1, 1, tzinfo=UTC)),),
    )
    clean = sanitized(ctx)
    assert clean.name == "Sam Lee" and clean.first_name == "Sam"
    assert clean.organization == "Acme x VIP"
    assert clean.tags == ("vip", "gold")
    assert clean.ticket_subject == "Re: late parcel"
    assert clean.recent_tickets[0].subject == "late parcel"
    assert sanitized(CustomerContext(name="\u00a0", first_name=" ")).first_name is None
