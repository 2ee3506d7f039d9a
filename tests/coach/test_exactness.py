"""The one-click contract, over many generated drafts (text and Zendesk HTML):
applying any suggestion of the review and re-checking removes that finding, and
nothing outside the edited spans changes."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.coach.draft import parse
from plugin.coach.edits import apply
from plugin.coach.model import CustomerContext, Finding
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack

COACH = Coach(pack=load_pack())
CTX = CustomerContext(name="Maria Lopez", first_name="Maria")

OPENERS = ["Hello,", "Hi Maria,", "Dear customer,", "Hey there,", ""]
SENTENCES = [
    "You should have read the guide before ordering.",
    "As I already said, the refund takes five days.",
    "Calm down, it's simply a setting.",
    "We can't do anything about it.",
    "It's company policy.",
    "We apologize for any inconvenience.",
    "Your call is important to us.",
    "I'm sorry your order #4411 arrived damaged.",
    "I've asked the courier to collect it myself.",
    "You'll get an email within 24 hours.",
    "We escalated this to T2 because of the SLA breach.",
    "The DNS propagation of the CNAME can take a while.",
    "Thanks for your patience.",
    "Your refund of $20.50 went to the card ending in 4242.",
    "See https://help.example.com/returns for details.",
    "Unfortunately the warehouse which had been flooded last week, and which we had been "
    "told would reopen soon, still has not reopened, so the shipment is delayed again.",
    "Obviously you failed to check the tracking page, which is easy.",
    "{{ticket.requester.first_name}}, your ticket #88123 is open.",
    "Let me know if there's anything else I can help with.",
    "Teh package was recieved yesterday.",
]
CLOSINGS = ["Best,\nAlex", "Regards", "", "Thanks,\nSam"]
MESSAGES = [
    "",
    "How do I change my email address?",
    "This is the THIRD time I'm writing!!! My order still hasn't arrived. Cancel it.",
    "I was charged twice for March and nobody answers.",
]

drafts = st.builds(
    lambda o, body, c: "\n\n".join(p for p in (o, " ".join(body), c) if p),
    st.sampled_from(OPENERS),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    st.sampled_from(CLOSINGS),
)


def as_html(text: str) -> str:
    paragraphs = text.split("\n\n")
    return "".join(
        f"<p>{html.escape(p, quote=False).replace(chr(10), '<br>')}</p>" for p in paragraphs
    )


def plain_text(source: str, fmt: str) -> str:
    return parse(source, fmt).text  # type: ignore[arg-type]


def same(f: Finding, g: Finding) -> bool:
    return f.rule_id == g.rule_id


def check_contract(source: str, fmt: str, message: str) -> None:
    request = CheckRequest(draft=source, format=fmt, customer_message=message, context=CTX)  # type: ignore[arg-type]
    review = COACH.review(request)
    for finding in review.findings:
        for suggestion in finding.suggestions:
            fixed = apply(source, suggestion.edits)
            # Outside the edited spans the text is untouched.
            edits = sorted(suggestion.edits, key=lambda e: e.start)
            assert fixed.startswith(source[: edits[0].start])
            assert fixed.endswith(source[edits[-1].end :])
            if not plain_text(fixed, fmt).strip():
                continue  # the fix removed the only sentence: nothing left to flag
            after = COACH.review(
                CheckRequest(draft=fixed, format=fmt, customer_message=message, context=CTX)  # type: ignore[arg-type]
            )
            before_n = sum(same(finding, f) for f in review.findings)
            after_n = sum(same(finding, f) for f in after.findings)
            assert after_n < before_n, (
                f"{finding.rule_id} survived {suggestion.label!r}:\n{source!r}\n→ {fixed!r}"
            )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts, st.sampled_from(MESSAGES))
def test_every_suggestion_fixes_its_finding_in_text(text: str, message: str) -> None:
    check_contract(text, "text", message)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts, st.sampled_from(MESSAGES))
def test_every_suggestion_fixes_its_finding_in_html(text: str, message: str) -> None:
    check_contract(as_html(text), "html", message)
