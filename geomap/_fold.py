"""Folding of place names for matching: Sarāvān = Saravan, ‘Ayn al ‘Arab = Ayn al Arab.

The folded key drops diacritics, apostrophes and case, and turns other punctuation into
single spaces. Display names keep their proper spelling; only keys are folded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "is_latin_key"]

# Letters that carry no decomposable mark (NFKD leaves them alone).
_LETTERS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d",
    "þ": "th", "Þ": "th", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ħ": "h", "Ħ": "h", "ŋ": "n", "ə": "e", "Ə": "e",
})
# Apostrophes and ayn/hamza marks vanish: Ma'rib = Marib, ‘Ayn = Ayn.
_APOSTROPHES = str.maketrans("", "", "'’‘ʼʻʿʾ`´ʹ")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_LATIN_KEY = re.compile(r"[0-9a-z ]*[a-z][0-9a-z ]*")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Return the matching key of ``name``.

    >>> fold("Sarāvān")
    'saravan'
    >>> fold("‘Ayn al ‘Arab")
    'ayn al arab'
    >>> fold("Przewodów")
    'przewodow'
    >>> fold("Pakistan’s")
    'pakistans'
    """
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.translate(_APOSTROPHES).lower()
    return _NON_WORD.sub(" ", name).strip()


def is_latin_key(key: str) -> bool:
    """Whether a folded key is Latin script (what English news text can contain).

    >>> is_latin_key("erbil"), is_latin_key("اربيل")
    (True, False)
    """
    return _LATIN_KEY.fullmatch(key) is not None
