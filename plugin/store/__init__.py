"""Storage: the account's rule packs in SQLite or PostgreSQL, versioned and audited.

Imports point down only: this package reads and writes the database and hands the
coaching core a compiled pack (``plugin.coach.rules.compile_pack``); the core never
imports from here. Nothing stored holds draft text or customer messages: the tables
keep pack documents written by admins, who changed them, and when.

Modules: ``db`` (engine, sessions), ``models`` (tables), ``migrate`` (Alembic, run in
code), ``packdoc`` (YAML pack validation with lines, export), ``layers`` (scope
overrides and their merge with provenance), ``diff`` (what a version changed),
``packs`` (the service: seed, save, rollback, import/export, effective pack),
``compiled`` (compiled packs cached per version), ``cli`` (the ``db`` commands).
"""
