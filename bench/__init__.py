"""Benchmarks: scripts that measure and print figures (never timed assertions in tests)."""

import os

# As in ``ingest``: some benchmarks import Haystack before PolicyKB, and Haystack reads
# this when first imported. Set here, not by importing ``ingest`` (a child process that
# only reads bench.timing must stay small).
os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
