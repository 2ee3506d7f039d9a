"""The LanguageTool client: one ``language_tool_python`` instance per server and language.

``check`` sends text and returns the library's ``Match`` objects, or raises
``Unavailable`` with a plain reason, by ``timeout`` at the latest. What the
library (3.4.0) does, read in its source, and what we do about it:

* Timeout. Every request uses the class attribute ``_TIMEOUT = 300`` (seconds,
  as requests' connect and per-read timeout); ``/v2/check`` is tried twice on a
  network error or timeout (``_query_server(num_tries=2)``), ``/v2/languages``
  once. ``_Tool`` sets ``_TIMEOUT`` per instance to our timeout, so a worker
  gives up after at most about 2 x timeout (3 x on the first call, which also
  asks for the languages). The caller never waits for that: the exchange runs
  in a small thread pool and ``check`` waits at most ``timeout`` seconds for the
  whole of it (construction included), then raises ``Unavailable``. A server that
  trickles bytes can hold a worker longer (requests' timeout is per read), so
  the pool is capped at ``MAX_WORKERS``; a call that finds it full still returns
  at its deadline.
* One instance per (server, language), made lazily under a per-key lock and
  kept. When making it fails (server down, not LanguageTool, language not
  offered) the reason is kept for ``RETRY_AFTER`` seconds, during which calls
  raise ``Unavailable`` at once without asking the server; after that the next call
  tries again.
* Logs. The library logs request URLs at DEBUG; its logger is held at INFO so a
  URL with credentials never reaches a log. Its exception messages contain the
  URL, so reasons are built from exception types, never from messages.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import language_tool_python
import requests
from language_tool_python.exceptions import RateLimitError

RETRY_AFTER = 10.0  # seconds before trying again to reach a server that failed
MAX_WORKERS = 8  # concurrent exchanges with LanguageTool, per process

logging.getLogger("language_tool_python").setLevel(logging.INFO)  # it logs URLs at DEBUG


class Unavailable(Exception):
    """No results from the server; ``reason`` says why, plainly and without the URL."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Tool(language_tool_python.LanguageTool):
    """``LanguageTool`` for a remote server, with our timeout instead of 300 s.

    The library reads ``self._TIMEOUT`` on every request (a class attribute
    there); an instance attribute overrides it, set before ``__init__`` since
    the constructor already asks for ``/v2/languages``.
    """

    def __init__(self, base: str, language: str, timeout: float) -> None:
        self._TIMEOUT = timeout  # type: ignore[assignment]  # typed Literal[300] there
        super().__init__(language, remote_server=base)


@dataclass(slots=True)
class _Slot:
    """The instance for one (server, language), or why it could not be made."""

    lock: threading.Lock
    tool: _Tool | None = None
    failed_at: float = -math.inf
    failure: str = ""

    def backing_off(self) -> bool:
        return self.tool is None and time.monotonic() - self.failed_at < RETRY_AFTER


_slots: dict[tuple[str, str], _Slot] = {}
_slots_lock = threading.Lock()
_pool = ThreadPoolExecutor(max_workers=MAX_WORKERS, thread_name_prefix="languagetool")


def check(url: str, language: str, text: str, timeout: float) -> list[language_tool_python.Match]:
    """LanguageTool's matches for ``text``, from the server at base URL ``url``.

    Raises ``Unavailable`` when there are none to be had within ``timeout``
    seconds, reaching the server included.
    """
    base = _base_url(url)
    slot = _slot((base, language))
    if slot.backing_off():
        raise Unavailable(slot.failure)
    future = _pool.submit(_ask, slot, base, language, timeout, text)
    try:
        return future.result(timeout=timeout)
    except TimeoutError:
        future.cancel()  # still queued behind busy workers: never sent
        raise Unavailable(f"the server did not answer within {timeout:g} s") from None


def _base_url(url: str) -> str:
    """The server's base URL with a trailing slash (the library joins ``v2/`` to it)."""
    base = url.strip().rstrip("/")
    for suffix in ("/v2/check", "/v2"):
        base = base.removesuffix(suffix)
    return base + "/"


def _slot(key: tuple[str, str]) -> _Slot:
    with _slots_lock:
        slot = _slots.get(key)
        if slot is None:
            slot = _slots[key] = _Slot(threading.Lock())
        return slot


def _ask(
    slot: _Slot, base: str, language: str, timeout: float, text: str
) -> list[language_tool_python.Match]:
    """In a pool worker: the slot's instance (made if need be), then its check of ``text``."""
    with slot.lock:
        if slot.backing_off():
            raise Unavailable(slot.failure)
        tool = slot.tool
        if tool is None:
            try:
                tool = _Tool(base, language, timeout)
            except Exception as e:  # requests', the library's, its language lookup's
                slot.failed_at = time.monotonic()
                slot.failure = _explain(e, timeout, language=language)
                raise Unavailable(slot.failure) from None
            slot.tool = tool
        else:
            tool._TIMEOUT = timeout  # type: ignore[assignment]  # configured once in practice
    try:
        return tool.check(text)
    except Exception as e:  # LanguageToolError, or KeyError/TypeError/ValueError from Match
        raise Unavailable(_explain(e, timeout)) from None


def _explain(error: BaseException, timeout: float, *, language: str | None = None) -> str:
    """A plain reason for ``error``, from exception types only (messages carry the URL)."""
    chain: list[BaseException] = []
    e: BaseException | None = error
    while e is not None and e not in chain:
        chain.append(e)
        e = e.__cause__ or e.__context__
    if isinstance(error, RateLimitError):
        return "the server is refusing requests for now (rate limit)"
    if any(isinstance(c, requests.Timeout) for c in chain):
        return f"the server did not answer within {timeout:g} s"
    if any(
        isinstance(c, (json.JSONDecodeError, requests.exceptions.InvalidJSONError)) for c in chain
    ):
        return "the server's answer is not LanguageTool's format (not JSON: an error page?)"
    for c in chain:
        if isinstance(c, requests.RequestException):
            return f"the server cannot be reached ({type(c).__name__})"
    if language is not None and isinstance(error, ValueError):
        return f"the server does not offer language {language}"
    return "the server's answer is not LanguageTool's format"
