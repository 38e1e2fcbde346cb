"""jieba's dictionary from a cache: half a million words in milliseconds, not a second.

jieba builds its prefix dictionary (every word and every prefix of a word, with
frequencies) from ``dict.txt`` or from its own marshal cache; either way a Python dict of
~500,000 entries, about a second in every process. Here it is derived once into
:mod:`kb.cache` (``<cache>/jieba/…``) as a :class:`~kb.strmap.StrMap`, memory-mapped on
load. :class:`~kb.tokenize.Tokenizer` uses it as the shared base dictionary; the words
and counts are jieba's own, so tokens are identical.

Example::

    freq, total = jieba_base()
    freq.get("氢能"), total
"""

from __future__ import annotations

import os
import threading

from kb.cache import load_arrays, save_arrays, source_key
from kb.strmap import StrMap

__all__ = ["jieba_base"]

_lock = threading.Lock()
_base: tuple[StrMap, int] | None = None


def _load() -> tuple[StrMap, int]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    key = source_key(f"jieba {jieba.__version__}", [path])
    entry = load_arrays("jieba", key)
    if entry is None:
        tokenizer = jieba.Tokenizer()
        freq, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        entry = save_arrays("jieba", key, StrMap.build(freq).arrays(), {"total": total})
    arrays, meta = entry
    return StrMap(arrays), int(meta["total"])


def jieba_base() -> tuple[StrMap, int]:
    """jieba's default prefix dictionary and its total count, loaded once per process.

    :returns: ``(frequencies, total)``, as ``jieba.Tokenizer().initialize()`` sets
        ``FREQ`` and ``total``.
    """
    global _base
    with _lock:
        if _base is None:
            _base = _load()
        return _base
