"""Build geomap/data/place_words.tsv: English words that are also gazetteer names.

Input: Debian's ``wamerican`` list (/usr/share/dict/american-english, SCOWL, Copyright
2000-2011 Kevin Atkinson, permissive licence reproduced in the output's header).
Output rows ``word<TAB>rule``:

- ``stop``: a common word whose places are all small (no country, province, curated
  feature, or town of 100,000 or more): never a place mention on its own ("Police");
- ``common``: a common word that is also a major place ("Mobile", "Nice", "Chad"): not a
  place when it starts a sentence followed by a lower-case word.

Run after a gazetteer rebuild: ``.venv/bin/python scripts/build_wordlists.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap._fold import fold  # noqa: E402
from geomap.gazetteer import load_gazetteer  # noqa: E402

HEADER = """# English words that are also gazetteer names (see scripts/build_wordlists.py).
# Word list: SCOWL via Debian wamerican. Copyright 2000-2011 by Kevin Atkinson. Permission
# to use, copy, modify, distribute and sell these word lists, the associated scripts, the
# output created from the scripts, and its documentation for any purpose is hereby granted
# without fee, provided that the above copyright notice appears in all copies and that both
# that copyright notice and this permission notice appear in supporting documentation.
# Kevin Atkinson makes no representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
"""


def main() -> None:
    words = Path("/usr/share/dict/american-english").read_text("utf-8").split()
    gaz = load_gazetteer()
    rows: dict[str, str] = {}
    for word in words:
        if not word.islower() or not word.isalpha() or len(word) < 2:
            continue
        key = fold(word)
        cands = gaz.candidates_for_key(key)
        if not cands:
            continue
        major = any(c.place.kind in {"country", "adm1", "feature"}
                    or c.place.population >= 100_000 for c in cands)
        rows[key] = "common" if major else "stop"
    out = ROOT / "geomap" / "data" / "place_words.tsv"
    out.write_text(HEADER + "".join(f"{k}\t{v}\n" for k, v in sorted(rows.items())), "utf-8")
    print(f"{out}: {sum(v == 'stop' for v in rows.values())} stop, "
          f"{sum(v == 'common' for v in rows.values())} common")


if __name__ == "__main__":
    main()
