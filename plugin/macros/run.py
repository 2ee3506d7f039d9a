"""One lint run over an account's macros: fetch every page, lint each, hand results on.

Two phases, so progress has a total: listing (cheap, 100 macros a page) then linting.
Nothing computed is lost: each report goes to ``on_report`` as soon as it exists; a
macro whose lint fails is that macro's error; a listing that fails after its retries
ends the run as ``partial``, with every macro listed before the failure still linted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from plugin.coach.review import Coach
from plugin.macros.lint import MacroReport, lint_macro

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]  # phase, done, total


@dataclass
class RunOutcome:
    status: str = "done"  # done | partial | failed
    listed: int = 0
    linted: int = 0
    errors: int = 0
    error: str = ""  # why the listing stopped, when it did
    reports: list[dict[str, Any]] = field(default_factory=list)


def _describe(exc: BaseException) -> str:
    # Exception text from zenpy may quote Zendesk's body; its type and first line suffice.
    first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _safe_lint(coach: Coach, macro: Any) -> MacroReport:
    try:
        return lint_macro(coach, macro)
    except Exception as exc:  # one macro's failure is that macro's error
        log.warning(
            "macro %s could not be linted: %s", getattr(macro, "id", "?"), type(exc).__name__
        )
        return MacroReport(
            macro_id=macro.id,
            title=macro.title,
            active=macro.active,
            categories=tuple(macro.categories),
            group_ids=tuple(macro.group_ids),
            score=None,
            status="error",
            error=_describe(exc),
        )


def run_lint(
    macros: Iterable[Any],
    coach: Coach,
    *,
    only_active: bool = False,
    on_report: Callable[[dict[str, Any]], None] | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RunOutcome:
    outcome = RunOutcome()
    listed: list[Any] = []
    try:
        for macro in macros:
            if only_active and not macro.active:
                continue
            listed.append(macro)
            if progress is not None and len(listed) % 100 == 0:
                progress("listing", len(listed), None)
    except Exception as exc:  # the listing gave up after its retries: keep what we have
        outcome.status = "partial"
        outcome.error = f"listing stopped after {len(listed)} macros: {_describe(exc)}"
        log.warning("macro listing stopped: %s", type(exc).__name__)
    outcome.listed = len(listed)
    for i, macro in enumerate(listed, 1):
        if should_stop is not None and should_stop():
            outcome.status = "partial"
            outcome.error = outcome.error or "stopped"
            break
        report = _safe_lint(coach, macro).to_dict()
        outcome.linted += 1
        outcome.errors += report["status"] == "error"
        outcome.reports.append(report)
        if on_report is not None:
            on_report(report)
        if progress is not None:
            progress("linting", i, len(listed))
    if outcome.status == "partial" and not listed:
        outcome.status = "failed"
    return outcome
