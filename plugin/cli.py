"""`flask --app wsgi coach ...`: coach files and JSONL batches offline."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from plugin.coach import pack_settings
from plugin.coach.draft import DraftError
from plugin.coach.markup import clean_external
from plugin.coach.model import CustomerContext
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import RulePackError, load_pack
from plugin.coach.serialize import review_to_dict
from plugin.store.extension import account_of, coach_for
from plugin.store.scopes import ScopeQuery

coach_cli = AppGroup("coach", help="Coach reply drafts and package the Zendesk app.")


def init_app(app: Flask) -> None:
    from plugin.macros.cli import COMMANDS as MACRO_COMMANDS
    from plugin.zendesk.cli import COMMANDS

    for command in (*COMMANDS, *MACRO_COMMANDS):
        coach_cli.add_command(command)
    app.cli.add_command(coach_cli)


def _read_bytes(path: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as err:
        raise click.ClickException(f"cannot read {path}: {err.strerror}") from None


def _read(path: str) -> str:
    """Read a UTF-8 file (`-` = stdin); a clear ClickException otherwise."""
    data = _read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise click.ClickException(f"{path} is not valid UTF-8 (byte {err.start})") from None


def _coach(rules: str | None, account: bool = False, where: ScopeQuery | None = None) -> Coach:
    base: Coach = current_app.extensions["coach"]
    if account:
        if rules:
            raise click.UsageError("give either --rules FILE or --account, not both")
        compiled = coach_for(current_app, where)
        if compiled is None:
            raise click.ClickException(
                f"no stored rule pack for account {account_of(current_app)!r}: set DATABASE_URL "
                "(or use the SQLite file under instance/) and run `flask --app wsgi db upgrade "
                "--seed`, or leave out --account to use the shipped pack"
            )
        return compiled.coach
    if not rules:
        return base
    try:
        settings = pack_settings.apply(base.settings, pack_settings.read_file(rules))
        return Coach(pack=load_pack(rules), settings=settings)
    except (RulePackError, OSError) as err:
        raise click.ClickException(str(err)) from None


@coach_cli.command("check")
@click.argument("file", required=False)
@click.option("--customer", "customer_file", help="File with the customer's latest message.")
@click.option("--name", help="The customer's name (greeting and protected span).")
@click.option("--rules", help="A rule pack YAML that replaces the default pack for this run.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "html"]),
    default=None,
    help="Draft format (default: html for .html files, else text).",
)
@click.option(
    "--channel",
    help="Zendesk via channel (email, chat, native_messaging, whatsapp, twitter, ...); "
    "default: inferred from the draft.",
)
@click.option("--internal", is_flag=True, help="The draft is an internal note, not a reply.")
@click.option(
    "--account",
    "use_account",
    is_flag=True,
    help="Use the account's stored pack (the rules database) instead of a file.",
)
@click.option("--brand", help="With --account: the ticket's brand id (its overrides apply).")
@click.option("--group", help="With --account: the ticket's group id.")
@click.option("--json", "as_json", is_flag=True, help="Print the review as JSON.")
@click.option(
    "--jsonl",
    "jsonl",
    metavar="FILE",
    help="Batch: one {id, draft, customer_message?, format?, channel?, comment_type?} per "
    "line; '-' = stdin.",
)
def check(
    file: str | None,
    customer_file: str | None,
    name: str | None,
    rules: str | None,
    fmt: str | None,
    channel: str | None,
    internal: bool,
    use_account: bool,
    brand: str | None,
    group: str | None,
    as_json: bool,
    jsonl: str | None,
) -> None:
    """Coach FILE (a reply draft), or every line of a JSONL batch."""
    coach = _coach(rules, use_account, ScopeQuery(brand=brand, group=group, channel=channel))
    if jsonl is not None:
        if file:
            raise click.UsageError("give either FILE or --jsonl, not both")
        failed = _batch(coach, jsonl, sys.stdout)
        if failed:
            click.echo(f"{failed} line(s) had errors; see their 'error' objects", err=True)
            sys.exit(1)
        return
    if not file:
        raise click.UsageError("missing FILE (or use --jsonl FILE)")
    draft = _read(file)
    fmt = fmt or ("html" if file.lower().endswith((".html", ".htm")) else "text")
    name = clean_external(name)  # a blank name (spaces, U+00A0, controls) is no name
    ctx = CustomerContext(name=name, first_name=name.split()[0]) if name else None
    request = CheckRequest(
        draft=draft,
        format="html" if fmt == "html" else "text",
        customer_message=_read(customer_file) if customer_file else "",
        context=ctx,
        channel=channel,
        comment_type="internal" if internal else "public",
    )
    try:
        review = coach.review(request)
    except DraftError as err:
        raise click.ClickException(str(err)) from None
    out = review_to_dict(review, draft)
    if as_json:
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo(_human(out, draft, file))


def _batch(coach: Coach, path: str, out: IO[str]) -> int:
    failed = 0
    for line_no, item_id, result in _batch_results(coach, _read_bytes(path)):
        if "error" in result:
            failed += 1
            result["error"]["line"] = line_no
        try:  # strict JSON: no NaN or Infinity, no lone surrogate (never raised so far)
            line = json.dumps({"id": item_id, **result}, ensure_ascii=False, allow_nan=False)
            line.encode("utf-8")
        except (ValueError, UnicodeEncodeError) as err:
            if "error" not in result:
                failed += 1
            line = json.dumps(_line_error(line_no, f"review cannot be written as JSON: {err}"))
        out.write(line + "\n")
    return failed


class BadLine(ValueError):
    """A batch line that cannot be coached; its message goes into the line's error."""


def _line_error(line_no: int, message: str) -> dict[str, Any]:
    return {"id": None, "error": {"code": "invalid_line", "message": message, "line": line_no}}


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _item_id(item: dict[str, Any], line_no: int) -> str | int:
    item_id = item.get("id", line_no)
    if isinstance(item_id, str) and not _has_lone_surrogate(item_id):
        return item_id
    if isinstance(item_id, int) and not isinstance(item_id, bool):
        return item_id
    raise BadLine("'id' must be a string (valid Unicode) or an integer")


def _field(item: dict[str, Any], key: str, default: str | None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str):
        raise BadLine(f"'{key}' must be a string")
    if _has_lone_surrogate(value):
        raise BadLine(f"'{key}' holds a lone surrogate (not valid Unicode)")
    return value


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadLine(f"line is not valid UTF-8 (byte {err.start})") from None


def _load_line(line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except RecursionError:
        raise BadLine("line is nested too deeply") from None
    except ValueError as err:  # JSONDecodeError, or an integer of over 4300 digits
        raise BadLine(f"line is not valid JSON ({err})") from None
    if not isinstance(item, dict):
        raise BadLine("line must be a JSON object")
    return item


def _batch_results(coach: Coach, data: bytes) -> Iterator[tuple[int, Any, dict[str, Any]]]:
    """One result per non-blank line; a bad line yields its error and the batch goes on.

    Lines split on bytes (LF, CR LF): str.splitlines would also split inside a JSON
    string at U+2028 or U+0085, which JSON allows raw.
    """
    for line_no, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        item_id: str | int | None = None
        try:
            item = _load_line(_decode(raw))
            item_id = _item_id(item, line_no)
            draft = _field(item, "draft", None)
            message = _field(item, "customer_message", "")
            fmt = item.get("format", "text")
            if fmt not in ("text", "html"):
                raise BadLine("'format' must be 'text' or 'html'")
            channel, kind = item.get("channel"), item.get("comment_type", "public")
            if channel is not None and not isinstance(channel, str):
                raise BadLine("'channel' must be a string")
            if kind not in ("public", "internal"):
                raise BadLine("'comment_type' must be 'public' or 'internal'")
            review = coach.review(
                CheckRequest(
                    draft=draft,
                    format=fmt,
                    customer_message=message,
                    channel=channel,
                    comment_type=kind,
                )
            )
            yield line_no, item_id, review_to_dict(review, draft)
        except (BadLine, DraftError) as err:
            yield line_no, item_id, {"error": {"code": "invalid_line", "message": str(err)}}
        except Exception as err:  # noqa: BLE001 (one line's failure never ends the batch)
            message = f"unexpected {type(err).__name__}; the other lines still ran"
            yield line_no, item_id, {"error": {"code": "internal", "message": message}}


_MARK = {"pass": "✓", "warn": "!", "fail": "✗", "n/a": "·"}


def _human(out: dict[str, Any], draft: str, file: str) -> str:
    lines = [f"{file}: score {out['score']}/100"]
    via = out["channel"]
    lines.append(
        f"  channel: {via['name'] or 'none given'} → {via['register']}"
        + (" (inferred)" if via["inferred"] else "")
        + (", internal note" if out["comment_type"] == "internal" else "")
    )
    for name, cat in out["categories"].items():
        lines.append(f"  {_MARK[cat['status']]} {cat.get('label', name):<18} {cat['reason']}")
    if out["moves"]:
        lines.append("  moves: " + ", ".join(out["moves"]))
    for f in out["findings"]:
        line = draft.count("\n", 0, f["start"]) + 1
        col = f["start"] - (draft.rfind("\n", 0, f["start"]) + 1) + 1
        lines.append(f"{file}:{line}:{col}: {f['severity']} [{f['rule_id']}] {f['message']}")
        if f["text"]:
            lines.append(f"    “{f['text']}”")
        for s in f["suggestions"][:2]:
            lines.append(f"    → {s['label']}")
    mood = out["customer_mood"]
    if mood:
        cues = ", ".join(c["kind"] for c in mood["cues"]) or "none"
        lines.append(f"  customer mood: {mood['label']} (cues: {cues})")
    return "\n".join(lines)
