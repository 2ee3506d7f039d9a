"""What the fast lane is compared with: proselint, and the tokenising floor.

proselint 0.14 memoizes every check on disk (``proselint.tools.memoize``: a
shelve keyed by the text's hash). Timed over repetitions, that cache would
answer every draft after the first pass, so ``ProselintRunner.lint`` calls the
unwrapped checks (``__wrapped__``) and otherwise does what ``tools.lint`` does
(all default checks, line/column, the quoted-text filter, max_errors).
``shipped_lint`` is proselint's own ``lint`` for a first-sight figure with its
disk cache cold. The cache goes to a temporary directory, never to ``~/.cache``.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plugin.coach.draft import parse

_BARE_WORD = re.compile(r"\w+(?:'\w+)*")

ProselintError = tuple[str, str, int, int, int, int]


@dataclass(frozen=True)
class ProselintRunner:
    checks: tuple[Callable[[str], Any], ...]
    max_errors: int
    tools: Any  # the proselint.tools module
    version: str

    @classmethod
    def load(cls) -> ProselintRunner:
        """Import proselint with its disk cache in a temporary directory."""
        os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bench-proselint-")
        from proselint import config, tools  # imported late: after the cache redirect
        from proselint.version import __version__

        checks = tuple(getattr(c, "__wrapped__", c) for c in tools.get_checks(config.default))
        return cls(checks, int(config.default["max_errors"]), tools, str(__version__))

    def lint(self, text: str) -> list[ProselintError]:
        """``proselint.tools.lint`` without the disk memo (same checks, same output)."""
        tools = self.tools
        errors: list[ProselintError] = []
        for check in self.checks:
            for start, end, name, message, _ in check(text):
                line, column = tools.line_and_column(text, start)
                if not tools.is_quoted(start, text):
                    errors.append((name, message, line, column, start, end))
            if len(errors) > self.max_errors:
                break
        return sorted(errors[: self.max_errors], key=lambda e: (e[2], e[3]))

    def shipped_lint(self, text: str) -> list[Any]:
        result: list[Any] = self.tools.lint(text)
        return result


def tokenise_parse(item: tuple[str, str]) -> object:
    """The floor as the pipeline pays it: ``draft.parse`` (HTML strip, sentences,
    words, protected spans) — every analyzer starts from this."""
    draft, fmt = item
    return parse(draft, "html" if fmt == "html" else "text")


def tokenise_regex(item: tuple[str, str]) -> object:
    """The bare floor: one regex word split, no offsets kept, no HTML handling."""
    return _BARE_WORD.findall(item[0])
