"""Benchmarks: ``make bench`` runs every ``bench_*.py`` module's ``main()``.

Each benchmark prints its figures (and ratios measured in the same run), so
speed targets are checked by reading numbers, not by timed unit tests.
"""
