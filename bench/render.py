"""A reply under construction, and its rendering as plain text or Zendesk HTML."""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field

from bench.phrases import RUN_ON_JOINS

MAX_SENTENCES_PER_PARAGRAPH = 4
_URL = re.compile(r"https://\S+[^\s.,;:!?)]")


@dataclass
class Piece:
    rank: int  # 1 opening (thanks, acknowledge, apologize), 2 the fix, 3 next steps
    text: str
    essential: bool


@dataclass
class Reply:
    greeting: str = ""
    pieces: list[Piece] = field(default_factory=list)
    closing: str = ""
    signoff: str = ""
    quote: tuple[str, str] | None = None  # (header line, quoted message)

    def add(self, rank: int, text: str, *, essential: bool = False) -> None:
        self.pieces.append(Piece(rank, text, essential))

    def words(self) -> int:
        texts = [self.greeting, self.closing, self.signoff, *(p.text for p in self.pieces)]
        return sum(len(t.split()) for t in texts)

    def trim_to(self, rng: random.Random, target: int) -> None:
        """Drop random optional pieces while over ``target`` words."""
        optional = [p for p in self.pieces if not p.essential]
        rng.shuffle(optional)
        while optional and self.words() > target:
            self.pieces.remove(optional.pop())

    def run_on(self, rng: random.Random) -> None:
        """Glue body sentences into a few very long ones, as rushed agents do."""
        body = sorted(self.pieces, key=lambda p: p.rank)
        merged: list[Piece] = []
        while body:
            size = rng.randint(3, 6)
            chunk, body = body[:size], body[size:]
            text = chunk[0].text.rstrip(".")
            for piece in chunk[1:]:
                text += rng.choice(RUN_ON_JOINS) + _lower_start(piece.text.rstrip("."))
            merged.append(Piece(chunk[0].rank, text + ".", True))
        self.pieces = merged

    def paragraphs(self) -> list[str]:
        out = [self.greeting] if self.greeting else []
        for rank in (1, 2, 3):
            texts = [p.text for p in self.pieces if p.rank == rank]
            for i in range(0, len(texts), MAX_SENTENCES_PER_PARAGRAPH):
                out.append(" ".join(texts[i : i + MAX_SENTENCES_PER_PARAGRAPH]))
        if self.closing:
            out.append(self.closing)
        out.append(self.signoff)
        return out


def _lower_start(text: str) -> str:
    # "I" and its contractions stay capitalised; everything else reads on mid-sentence.
    if text.startswith(("I ", "I'")):
        return text
    return text[:1].lower() + text[1:]


def render_text(reply: Reply) -> str:
    text = "\n\n".join(reply.paragraphs())
    if reply.quote:
        header, message = reply.quote
        quoted = "\n".join("> " + line if line else ">" for line in message.splitlines())
        text += f"\n\n{header}\n{quoted}"
    return text


def render_html(rng: random.Random, reply: Reply) -> str:
    """Zendesk rich text: <p> paragraphs (or <div>/<br> from older editors), some <b>, links."""
    paras = [html.escape(p, quote=False) for p in reply.paragraphs()]
    if len(paras) > 2 and rng.random() < 0.5:
        i = rng.randrange(1, len(paras) - 1)
        first = re.split(r"(?<=[.!?]) ", paras[i])[0]
        paras[i] = paras[i].replace(first, f"<b>{first}</b>", 1)
    if rng.random() < 0.7:
        paras = [_URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', p) for p in paras]
    paras = [p.replace("\n", "<br>") for p in paras]
    if rng.random() < 0.2:
        body = "<div>" + "<br><br>".join(paras) + "</div>"
    else:
        body = "".join(f"<p>{p}</p>" for p in paras)
    if reply.quote:
        header, message = reply.quote
        quoted = html.escape(message, quote=False).replace("\n", "<br>")
        body += f"<p>{html.escape(header, quote=False)}</p><blockquote><p>{quoted}</p></blockquote>"
    return body
