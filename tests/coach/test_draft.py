"""Draft parsing: offsets into the input as sent, sentences, protected spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.coach.draft import DraftError, parse
from plugin.coach.edits import apply
from plugin.coach.model import Edit


def protected_texts(source: str, names: tuple[str, ...] = ()) -> list[str]:
    d = parse(source, names=names)
    return [d.text[s.start : s.end] for s in d.protected]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Hi {{ticket.requester.first_name}}, thanks", "{{ticket.requester.first_name}}"),
        ("{% if x %}yes{% endif %} ok", "{% if x %}"),
        ("See https://help.example.com/a/b?c=1.", "https://help.example.com/a/b?c=1"),
        ("Mail maria.lopez@example.org today", "maria.lopez@example.org"),
        ("We refunded $20.50 today", "$20.50"),
        ("We refunded 35 EUR today", "35 EUR"),
        ("Your order #4411 shipped", "order #4411"),
        ("See ticket #88123 for details", "ticket #88123"),
        ("as in #AB-12", "#AB-12"),
        ("Order number A-99812 shipped", "Order number A-99812"),
        ("the card ending in 4242 was charged", "ending in 4242"),
        ("card ****4242 was charged", "****4242"),
        ("Thanks!\n> you guys are useless\nBye", "> you guys are useless"),
    ],
)
def test_protected_spans(source: str, expected: str) -> None:
    assert expected in protected_texts(source)


@pytest.mark.parametrize(
    ("source", "signature"),
    [
        ("Hi,\n\nYour refund is on its way.\n\nCheers,\nAnneke", "Anneke"),
        (
            "Hi,\n\nDone.\n\nBest regards,\nSam Lee\nSupport Lead | Acme Inc",
            "Sam Lee\nSupport Lead | Acme Inc",
        ),
        ("Hi,\n\nDone.\n\n— Priya\nAcme Support", "Acme Support"),
        (
            "Hi,\n\nDone.\n\nThanks,\nLeo van der Berg\nHead of Support",
            "Leo van der Berg\nHead of Support",
        ),
    ],
)
def test_the_signature_under_a_sign_off_is_protected(source: str, signature: str) -> None:
    assert protected_texts(source) == [signature]


@pytest.mark.parametrize(
    "source",
    [
        "Hi Sam,\n\nThanks!\nYour refund is on its way.",  # a sentence, not a signature
        "Hi,\n\nThanks!\nCould you send a photo of the label?",
        "Hi,\n\nYour refund is on its way.\n\nBest,",  # nothing under the sign-off
        "Hi,\n\nBest,\nTeh refund went out today and will reach your bank by Friday",
        "Hi Maria,\n\nThanks!\nI'll check with the warehouse",  # still being typed
    ],
)
def test_lines_under_a_thanks_that_are_sentences_stay_coachable(source: str) -> None:
    assert protected_texts(source) == []


def test_on_wrote_block_is_protected_to_the_end() -> None:
    src = "Thanks for waiting.\n\nOn Mon, 3 Jun 2024, Maria wrote:\nyou should have fixed it"
    assert protected_texts(src)[-1].startswith("On Mon, 3 Jun 2024, Maria wrote:\nyou should")


def test_customer_name_is_protected_whole_word_any_case() -> None:
    texts = protected_texts("Hi maria, Mariachi band? MARIA Lopez", names=("Maria Lopez",))
    assert texts == ["maria", "MARIA", "Lopez"]


def test_sentences_split_on_punctuation_and_lines_not_abbreviations() -> None:
    d = parse("Hi Maria,\nThanks for writing. Mr. Smith e.g. said so! Is it fixed? Yes.")
    assert [d.text[s.start : s.end] for s in d.sentences] == [
        "Hi Maria,",
        "Thanks for writing.",
        "Mr. Smith e.g. said so!",
        "Is it fixed?",
        "Yes.",
    ]


def test_html_maps_offsets_outside_tags_and_decodes_entities() -> None:
    src = "<p>Hi&nbsp;Maria,</p><p>Sorry <b>about</b> that &amp; more.</p>"
    d = parse(src, "html")
    assert d.text == "Hi Maria,\nSorry about that & more."
    i = d.text.index("about")
    start, end = d.to_source(i, i + 5)
    assert src[start:end] == "about"
    amp = d.text.index("&")
    assert src[slice(*d.to_source(amp, amp + 1))] == "&amp;"
    # Appending goes inside the last paragraph, before its closing tag.
    end_pos, _ = d.to_source(len(d.text), len(d.text))
    assert src[end_pos:] == "</p>"


def test_html_edit_is_escaped_and_exact() -> None:
    src = "<div>We can't help <i>you</i>.</div>"
    d = parse(src, "html")
    i = d.text.index("We can't")
    edit = d.source_edit(Edit(i, i + len("We can't"), 'Here\'s what I <can> "do"'))
    assert apply(src, [edit]) == (
        "<div>Here&#x27;s what I &lt;can&gt; &quot;do&quot; help <i>you</i>.</div>"
    )


def test_malformed_html_keeps_text() -> None:
    d = parse("<p>Hello <b>there & 3 < 5 <unclosed", "html")
    assert d.text.startswith("Hello there & 3 < 5")


def test_crlf_offsets_stay_exact() -> None:
    src = "Hi Maria,\r\nThanks!\r\n"
    d = parse(src)
    i = d.text.index("Thanks")
    assert src[slice(*d.to_source(i, i + 6))] == "Thanks"


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(DraftError, match="unknown format"):
        parse("x", "markdown")  # type: ignore[arg-type]


_html_piece = st.sampled_from(
    ["<p>", "</p>", "<br>", "<b>", "</b>", "&amp;", "&nbsp;", " ", "\n", "word", "Maria", "ok."]
)


@given(st.lists(_html_piece, max_size=30))
def test_html_every_text_char_maps_to_a_source_span_outside_tags(pieces: list[str]) -> None:
    src = "".join(pieces)
    d = parse(src, "html")
    for i, ch in enumerate(d.text):
        s, e = d.to_source(i, i + 1)
        piece = src[s:e]
        if ch == "\n":
            assert s == e  # a line break comes from a tag: zero-width, never inside it
        else:
            assert "<" not in piece and ">" not in piece


def test_list_items_in_text_and_html() -> None:
    text = parse("Steps:\n1. Open the app\n- Tap Export\nDone.")
    assert [text.in_list_item(text.text.index(w)) for w in ("Steps", "Open", "Tap", "Done")] == [
        False,
        True,
        True,
        False,
    ]
    html = parse('<link rel="x"><p>Steps:</p><ol><li>Open it</li></ol><p>Done.</p>', "html")
    assert [html.in_list_item(html.text.index(w)) for w in ("Steps", "Open", "Done")] == [
        False,
        True,
        False,
    ]


def test_open_words_leave_out_every_word_a_protected_span_touches() -> None:
    d = parse(
        "Hi Marguerite, see https://help.example.com/a-b for the steps.", names=("Marguerite",)
    )
    assert [w.text for w in d.open_words] == ["Hi", "see", "for", "the", "steps"]


@given(st.text(alphabet="ab .{}-:/\n", max_size=60))
def test_open_words_are_the_words_is_protected_clears(source: str) -> None:
    d = parse(source, names=("ab",))
    assert list(d.open_words) == [w for w in d.words if not d.is_protected(w.start, w.end)]


@given(st.text(alphabet="aB1 .-'’\né", max_size=60))
def test_word_texts_starts_and_lowercase_are_the_words_own(source: str) -> None:
    d = parse(source)
    assert d.word_texts == tuple(w.text for w in d.words)
    assert d.word_starts == tuple(w.start for w in d.words)
    assert d.lowered == tuple(w.text.lower() for w in d.words)
    assert all(source[w.start : w.end] == w.text for w in d.words)
