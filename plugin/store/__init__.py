"""Storage: the account's rule packs in SQLite or PostgreSQL, versioned and audited.

Imports point down only: this package reads and writes the database and hands the
coaching core a compiled pack (``plugin.coach.rules.compile_pack``); the core never
imports from here. Nothing stored holds draft text or customer messages: the tables
keep pack documents written by admins, who changed them, and when.

Modules: ``db`` (engine, sessions), ``models`` (tables), ``migrate`` + ``migrations/``
(Alembic, run in code), ``packdoc`` (YAML packs: validation with lines, export),
``scopes`` + ``layers`` (scope overrides and their merge with provenance), ``diff``
(what a version changed), ``saving`` (one save = one transaction), ``packs`` (the
service: seed, save, rollback, import/export, effective pack, audit), ``compiled``
(compiled packs cached per version), ``records`` + ``errors`` (values and refusals
handed out), ``extension`` + ``cli`` (the Flask hook and the ``db`` commands).

Another feature's tables (e.g. stored macro-lint runs) go in their own module here,
on ``models.Base``, imported by ``migrations/env.py`` so autogenerate sees them, with
a new revision in ``migrations/versions`` (``command.revision(cfg, autogenerate=True)``
with ``migrate._config()`` and a connection in ``cfg.attributes``, as ``migrate`` does).
"""
