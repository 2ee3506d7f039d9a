"""Third-party loggers stay at WARNING: zenpy and urllib3 log whole Zendesk responses
(customer names, organizations, ticket subjects) at DEBUG.

``COACH_DEBUG_THIRD_PARTY=1`` leaves them alone, for a developer chasing a protocol
problem on their own machine.
"""

from __future__ import annotations

import logging

from plugin.config import Config

THIRD_PARTY_LOGGERS = ("zenpy", "urllib3", "requests", "redis", "language_tool_python")


def quiet_third_party(cfg: Config) -> None:
    if cfg.debug_third_party:
        return
    for name in THIRD_PARTY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.WARNING:  # NOTSET, DEBUG or INFO; an operator's WARNING+ stays
            logger.setLevel(logging.WARNING)
