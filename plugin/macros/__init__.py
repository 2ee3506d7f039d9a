"""Macro authors' tools: lint every macro as a template, report worst first, write fixes back.

``lint`` coaches one macro through the core; ``report`` orders, filters and exports;
``run`` drives a whole account's lint (fetch through ``plugin.zendesk.macros``, lint,
hand each result to a sink); ``writeback`` turns chosen suggestions into a dry-run diff
of the macro's actions and, on confirmation, a PUT that keeps every other action.
"""
