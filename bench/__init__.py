"""Benchmarks: scripts that measure and print figures (never timed assertions in tests)."""

import ingest  # noqa: F401 - first: it switches Haystack's telemetry off (the one place)
