"""What the fast lane is compared with: proselint, and the tokenising floor.

proselint 0.16 (the peer prose linter, 122 checks) lints through
``LintFile(source, text).lint()`` with every default check registered, exactly as
its command line does; it keeps no cache between calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plugin.coach.draft import parse

_BARE_WORD = re.compile(r"\w+(?:'\w+)*")


@dataclass(frozen=True)
class ProselintRunner:
    checks: tuple[Any, ...]
    lint_file: Any  # proselint.tools.LintFile
    version: str

    @classmethod
    def load(cls) -> ProselintRunner:
        """Register proselint's default checks, as ``proselint`` on the command line does."""
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
        from proselint.version import __version__

        registry = CheckRegistry()
        if not registry.checks:
            registry.register_many(__register__)
        return cls(tuple(registry.get_all_enabled()), LintFile, str(__version__))

    def lint(self, text: str) -> list[Any]:
        """All default checks on ``text``: proselint's own lint, nothing skipped."""
        result: list[Any] = self.lint_file("<draft>", text).lint()
        return result

    def shipped_lint(self, text: str) -> list[Any]:
        return self.lint(text)


def tokenise_parse(item: tuple[str, str]) -> object:
    """The floor as the pipeline pays it: ``draft.parse`` (HTML strip, sentences,
    words, protected spans) — every analyzer starts from this."""
    draft, fmt = item
    return parse(draft, "html" if fmt == "html" else "text")


def tokenise_regex(item: tuple[str, str]) -> object:
    """The bare floor: one regex word split, no offsets kept, no HTML handling."""
    return _BARE_WORD.findall(item[0])
