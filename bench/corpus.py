"""Deterministic generator of support reply drafts with their customer messages.

    python -m bench.corpus --n 1000 --seed 7 --out bench/corpus.jsonl

Each draft is composed from phrase parts (``bench.scenarios``, ``bench.phrases``):
a scenario, a customer mood, a reply style, a target length and a few
modifiers (HTML rich text, Zendesk placeholders, a quoted earlier message).
One ``random.Random(seed)`` drives everything, so the same (n, seed) always
gives byte-identical output; ``generate(n, seed)`` is a prefix of
``generate(n + k, seed)`` because drafts are drawn one after another.

Output lines are ``{"id", "draft", "customer_message", "format"}``, the input of
``flask --app wsgi coach check --jsonl FILE``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import phrases as P
from bench.render import Reply, render_html, render_text
from bench.scenarios import SCENARIOS, Scenario

MOODS: tuple[tuple[str, int], ...] = (
    ("calm", 25),
    ("neutral", 30),
    ("frustrated", 25),
    ("angry", 20),
)
STYLES: tuple[tuple[str, int], ...] = (
    ("warm", 30),
    ("cold", 10),
    ("robotic", 12),
    ("jargon", 12),
    ("over_apologetic", 10),
    ("run_on", 10),
    ("brief", 8),
    ("mixed", 8),
)
HTML_SHARE = 0.25  # Zendesk rich-text comments arrive as HTML
PLACEHOLDER_SHARE = 0.15  # macros greet with {{ticket.requester.first_name}}
QUOTE_SHARE = 0.10  # replies sent from a mail client quote the earlier message


@dataclass(frozen=True)
class Item:
    id: str
    draft: str
    customer_message: str
    format: str


def generate(n: int, seed: int = 7) -> Iterator[Item]:
    """Yield ``n`` drafts; the same (n, seed) always yields the same items."""
    rng = random.Random(seed)
    for i in range(n):
        yield _one(rng, i)


def _one(rng: random.Random, i: int) -> Item:
    scenario = rng.choice(SCENARIOS)
    mood = _weighted(rng, MOODS)
    if mood == "calm" and not scenario.calm_ok:
        mood = "neutral"  # nobody is calm about a double charge
    style = _weighted(rng, STYLES)
    slots = _slots(rng)
    message = _customer_message(rng, scenario, mood, slots)
    reply = _reply(rng, scenario, mood, style, slots)
    _fit_length(rng, reply, _target_words(rng, style), scenario, slots)
    if style == "run_on":
        reply.run_on(rng)
    if rng.random() < QUOTE_SHARE:
        reply.quote = (slots["quote_header"], message)
    fmt = "html" if rng.random() < HTML_SHARE else "text"
    draft = render_html(rng, reply) if fmt == "html" else render_text(reply)
    item_id = f"c{i:05d}-{scenario.key}-{mood}-{style}"
    return Item(id=item_id, draft=draft, customer_message=message, format=fmt)


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _target_words(rng: random.Random, style: str) -> int:
    """30–400 words, median ~120; a few long ones so p99 sees 300+ word drafts."""
    if style == "brief":
        return rng.randint(30, 70)
    if rng.random() < 0.04:
        return rng.randint(240, 370)  # room for the sign-off and a quote
    return max(30, min(400, round(rng.lognormvariate(math.log(118), 0.45))))


def _slots(rng: random.Random) -> dict[str, str]:
    name = rng.choice(P.NAMES)
    company = rng.choice(P.COMPANIES)
    domain = company.lower().replace(" ", "") + ".example.com"
    cur = rng.choice(P.CURRENCIES)
    month, day_num = rng.choice(P.MONTHS), rng.randint(1, 28)
    number, suffix = rng.randint(1000, 99999), rng.randint(10, 99)
    order = rng.choice((f"#{number}", f"#A-{number}", f"{number}-{suffix}"))
    return {
        "name": name,
        "greet_name": "{{ticket.requester.first_name}}"
        if rng.random() < PLACEHOLDER_SHARE
        else name,
        "agent": rng.choice(P.AGENTS) if rng.random() > 0.1 else "{{current_user.first_name}}",
        "agent2": rng.choice(P.AGENTS),
        "company": company,
        "domain": domain,
        "product": rng.choice(P.PRODUCTS),
        "app": rng.choice(P.APPS),
        "plan": rng.choice(P.PLANS),
        "browser": rng.choice(P.BROWSERS),
        "city": rng.choice(P.CITIES),
        "street": rng.choice(P.STREETS),
        "day": rng.choice(P.DAYS),
        "date": f"{month} {day_num}",
        "days": str(rng.randint(2, 10)),
        "hours": str(rng.choice((2, 4, 24, 48, 72))),
        "order": order,
        "amount": f"{cur}{rng.randint(5, 480)}.{rng.choice(('00', '99', '50', '49', '95'))}",
        "last4": f"{rng.randint(0, 9999):04d}",
        "error_code": f"ERR-{rng.randint(100, 999)}",
        "ticket": rng.choice((f"#{rng.randint(100000, 999999)}", "{{ticket.id}}")),
        "url": f"https://help.{domain}/articles/{rng.randint(1000, 99999)}",
        "email": f"{name.lower()}{rng.randint(1, 99)}@mail.example.org",
        "quote_header": f"On {rng.choice(P.DAYS)}, {month} {day_num} at {rng.randint(7, 22)}:"
        f"{rng.randint(0, 59):02d}, {name} <{name.lower()}@example.org> wrote:",
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format_map(slots)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _customer_message(rng: random.Random, sc: Scenario, mood: str, slots: dict[str, str]) -> str:
    problem = _cap(_fill(rng.choice(sc.problem), slots)) + "."
    ask = _fill(rng.choice(sc.ask), slots)
    parts: list[str]
    if mood == "calm":
        parts = [rng.choice(P.CALM_OPEN), problem, ask, rng.choice(P.CALM_CLOSE)]
    elif mood == "neutral":
        parts = [rng.choice(("Hello,", "Hi,", "")), problem, ask, rng.choice(("Thanks.", ""))]
    elif mood == "frustrated":
        parts = [problem, ask]
        if rng.random() < 0.6:
            parts.insert(0, rng.choice(P.REPEAT_CONTACT))
        if rng.random() < 0.7:
            parts.append(_fill(rng.choice(P.FRUSTRATION), slots))
    else:
        shouted = problem.upper() if rng.random() < 0.4 else problem[:-1] + "!!!"
        parts = [rng.choice(P.ANGRY), shouted, ask.replace("?", "??")]
        if rng.random() < 0.5:
            parts.insert(0, rng.choice(P.REPEAT_CONTACT))
        if rng.random() < 0.6:
            parts.append(rng.choice(P.CANCEL_THREAT))
    text = " ".join(p for p in parts if p)
    return text + f"\n\n{slots['name']}" if rng.random() < 0.5 else text


@dataclass
class Profile:
    """How likely a reply style is to make each move (PRODUCT.md) or anti-pattern."""

    named_greeting: float
    thanks: float
    ack: float
    validate: float
    sorry: float
    generic_sorry: float
    extra_sorry: int
    next: float
    reassure: float
    closing: float
    jargon: int
    cold: int
    robotic: int


def _profile(rng: random.Random, style: str, mood: str) -> Profile:
    upset = mood in ("frustrated", "angry")
    warm = Profile(
        0.9,
        0.7,
        0.8,
        0.8 if upset else 0.1,
        0.9 if upset else 0.4,
        0.05,
        0,
        0.9,
        0.5 if upset else 0.2,
        0.9,
        0,
        0,
        0,
    )
    if style in ("warm", "run_on"):
        return warm
    if style == "cold":
        return Profile(0.3, 0.1, 0.2, 0, 0, 0.2, 0, 0.3, 0, 0.2, 0, rng.randint(1, 3), 0)
    if style == "robotic":
        return Profile(0.1, 0.3, 0.1, 0, 0, 0.9, 0, 0.5, 0, 0.6, 0, 0, rng.randint(2, 4))
    if style == "jargon":
        return Profile(0.7, 0.5, 0.4, 0.3, 0.5, 0.1, 0, 0.7, 0.2, 0.7, rng.randint(1, 2), 0, 0)
    if style == "over_apologetic":
        return Profile(0.9, 0.6, 0.6, 0.7, 1.0, 0.5, rng.randint(2, 5), 0.7, 0.3, 0.9, 0, 0, 0)
    if style == "brief":
        return Profile(0.6, 0.2, 0.1, 0, 0.1, 0, 0, 0.5, 0, 0.5, 0, 0, 0)
    # "mixed": anything goes, which is what real drafts look like
    r = rng.random
    return Profile(
        r(),
        r(),
        r(),
        r(),
        r(),
        r(),
        rng.randint(0, 1),
        r(),
        r(),
        r(),
        rng.randint(0, 1),
        rng.randint(0, 1),
        rng.randint(0, 1),
    )


def _reply(rng: random.Random, sc: Scenario, mood: str, style: str, slots: dict[str, str]) -> Reply:
    """The reply's pieces; ``essential`` ones survive length trimming."""
    pr = _profile(rng, style, mood)
    r = Reply()

    def fill(options: Sequence[str]) -> str:
        return _fill(rng.choice(options), slots)

    def maybe(p: float) -> bool:
        return rng.random() < p

    if maybe(pr.named_greeting):
        r.greeting = fill(P.GREETINGS)
    elif style != "brief" or maybe(0.5):
        r.greeting = fill(P.GENERIC_GREETINGS)
    for _ in range(pr.robotic):
        r.add(1, fill(P.ROBOTIC), essential=True)
    if maybe(pr.thanks):
        r.add(1, fill(P.THANKS))
    if mood == "frustrated" and maybe(pr.validate):
        r.add(1, fill(P.REPEAT_ACK))
    if maybe(pr.ack):
        r.add(1, fill(sc.ack), essential=style != "brief")
    if maybe(pr.validate):
        r.add(1, fill(P.VALIDATE))
    if maybe(pr.sorry):
        r.add(1, fill(sc.sorry), essential=True)
    if maybe(pr.generic_sorry):
        r.add(1, fill(P.GENERIC_SORRY), essential=style == "robotic")
    r.add(2, fill(sc.action), essential=True)
    for line in rng.sample(sc.jargon, min(pr.jargon, len(sc.jargon))):
        r.add(2, _fill(line, slots), essential=True)
    for line in rng.sample(sc.blame + P.COLD, pr.cold):
        r.add(2, _fill(line, slots), essential=True)
    for _ in range(pr.extra_sorry):
        r.add(rng.choice((1, 2, 3)), fill(P.EXTRA_SORRY), essential=True)
    if maybe(pr.next):
        r.add(3, fill(sc.next), essential=style != "brief")
    if maybe(pr.reassure):
        r.add(3, fill(P.REASSURE))
    if maybe(pr.closing):
        r.closing = fill(P.CLOSINGS)
    signoff = P.ROBOTIC_SIGNOFFS if style == "robotic" else P.SIGNOFFS
    r.signoff = _fill(rng.choice(signoff), slots)
    if style != "robotic":
        r.signoff += "\n" + slots["agent"] + (f"\n{slots['company']} Support" if maybe(0.4) else "")
    return r


def _fit_length(
    rng: random.Random, r: Reply, target: int, sc: Scenario, slots: dict[str, str]
) -> None:
    """Trim optional pieces or add filler until the reply is near ``target`` words."""
    r.trim_to(rng, target)
    fillers = [(2, d) for d in sc.details] + [(rng.choice((2, 3)), g) for g in P.GENERIC_EXTRAS]
    rng.shuffle(fillers)
    for rank, template in fillers:
        if r.words() >= target:
            break
        r.add(rank, _fill(template, slots))


def write(path: Path, items: Iterator[Item]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
            count += 1
    return count


def load(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as f:
        return [Item(**json.loads(line)) for line in f if line.strip()]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path("bench/corpus.jsonl"))
    args = ap.parse_args(argv)
    count = write(args.out, generate(args.n, args.seed))
    print(f"wrote {count} drafts to {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
