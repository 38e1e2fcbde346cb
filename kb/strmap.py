"""A read-only ``str → int`` map over flat arrays: a hash table that loads in no time.

A Python dict of half a million words takes a second to build (jieba's dictionary, the
USE tokenizer's vocabulary prefixes). This map answers from arrays that
:mod:`kb.cache` memory-maps: the UTF-8 keys in one blob, ordered by a CRC-32 bucket,
their offsets, their values, and where each bucket starts. A lookup hashes the key,
scans its bucket (about one entry) and compares bytes: a microsecond or so, against a
dict's tens of nanoseconds, which is nothing for a query's few hundred lookups. Bulk
work (embedding or tokenising a whole corpus) makes many more, so after
``materialize_after`` lookups the map builds the dict once and uses it from then on.

Example::

    table = StrMap.build({"氢能": 3, "氢": 0})
    table.get("氢能"), "氢" in table, table.get("煤")    # (3, True, None)
    StrMap(table.arrays()).get("氢能")                    # 3 (as loaded from a cache)
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

import numpy as np

__all__ = ["StrMap"]

_ARRAYS = ("keys", "offsets", "values", "buckets")


def _encode(key: str) -> bytes:
    return key.encode("utf-8", "surrogatepass")


class StrMap:
    """Read-only ``str → int`` lookups over :meth:`arrays` (see the module docstring).

    :param arrays: ``keys`` (uint8 blob), ``offsets`` and ``values`` (int64, one per
        key, offsets with one more), ``buckets`` (int64, bucket starts, 2**b + 1).
    :param materialize_after: lookups after which a dict takes over (0: never).
    """

    def __init__(self, arrays: Mapping[str, np.ndarray], materialize_after: int = 50_000) -> None:
        self._arrays = {name: arrays[name] for name in _ARRAYS}
        self._blob = np.asarray(arrays["keys"]).tobytes()
        self._offsets = memoryview(np.ascontiguousarray(arrays["offsets"], dtype=np.int64))
        self._values = memoryview(np.ascontiguousarray(arrays["values"], dtype=np.int64))
        self._buckets = memoryview(np.ascontiguousarray(arrays["buckets"], dtype=np.int64))
        self._mask = len(self._buckets) - 2
        self._dict: dict[str, int] | None = None
        self._lookups = 0
        self._materialize_after = materialize_after

    @classmethod
    def build(cls, mapping: Mapping[str, int]) -> StrMap:
        """The map of a dict.

        :param mapping: keys and their int values.
        :returns: the map (its :meth:`arrays` are what a cache stores).
        """
        encoded = [_encode(k) for k in mapping]
        size = 1 << max(1, (len(encoded) - 1).bit_length())  # a power of two >= n
        bucket = np.fromiter((zlib.crc32(b) for b in encoded), np.int64, len(encoded))
        bucket &= size - 1
        order = np.argsort(bucket, kind="stable")
        values = np.fromiter(mapping.values(), np.int64, len(encoded))[order]
        lengths = np.fromiter((len(encoded[i]) for i in order), np.int64, len(encoded))
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        blob = b"".join(encoded[i] for i in order)
        counts = np.bincount(bucket, minlength=size)
        buckets = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(counts, out=buckets[1:])
        keys = np.frombuffer(blob, dtype=np.uint8)
        return cls({"keys": keys, "offsets": offsets, "values": values, "buckets": buckets})

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays this map reads (to store in a cache).

        :returns: name → array.
        """
        return dict(self._arrays)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _find(self, key: str) -> int:
        """The entry index of ``key``, or -1."""
        raw = _encode(key)
        h = zlib.crc32(raw) & self._mask
        offsets, n, blob = self._offsets, len(raw), self._blob
        for i in range(self._buckets[h], self._buckets[h + 1]):
            start = offsets[i]
            if offsets[i + 1] - start == n and blob.startswith(raw, start):
                return i
        return -1

    def _materialized(self) -> dict[str, int] | None:
        if self._dict is None and self._materialize_after:
            self._lookups += 1
            if self._lookups > self._materialize_after:
                self._dict = self.to_dict()
        return self._dict

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default``.

        :param key: the key.
        :param default: returned when the key is absent.
        :returns: an int or ``default``.
        """
        d = self._materialized()
        if d is not None:
            return d.get(key, default)
        i = self._find(key)
        return self._values[i] if i >= 0 else default

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        d = self._materialized()
        return key in d if d is not None else self._find(key) >= 0

    def __getitem__(self, key: str) -> int:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def to_dict(self) -> dict[str, int]:
        """Every entry as a dict (what bulk lookups switch to).

        :returns: key → value.
        """
        blob, off = self._blob, self._offsets.tolist()
        keys = [blob[a:b].decode("utf-8", "surrogatepass") for a, b in pairwise(off)]
        return dict(zip(keys, self._values.tolist(), strict=True))
