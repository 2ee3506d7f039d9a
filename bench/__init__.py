"""Benchmarks for the coaching core (not timed tests): corpus, rule packs, runner."""
