"""Build a synthetic corpus for throughput measurements from the event evaluation set.

Run from the project root::

    .venv/bin/python bench/make_corpus.py OUT_DIR [-n 1000] [--source DIR] [--time-cli]

It cycles the evaluation articles (``bench/data/events/articles/``) until it has ``n``
of them, gives each copy a new id (``<id>~<serial>``) and lightly varies its text: the
headline and the lead paragraph stay first (they carry the dates that relative dates
are read against), and the later paragraphs are rotated by the copy number, so copy
``k`` of an article with ``m`` later paragraphs starts its second half at paragraph
``k mod m``. The facts do not change, so the events extracted should not either.

Each article is written as ``OUT_DIR/<id>.md`` with a YAML front matter (``id``,
``title``, ``date``, ``source``, ``url``), the format ``geomap run`` reads.

With ``--time-cli`` it then times ``geomap run OUT_DIR -o <temporary folder> --no-map``
(with its default worker processes, and again with ``-j 1``)
twice, on the whole corpus and on its first article alone, and prints articles per
second both for the whole run (interpreter start and gazetteer load included) and net
of that fixed cost (the one-article run). ``bench/events.py --throughput`` measures the
same work in one process, with the gazetteer load timed separately.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

from geomap.records import Article

__all__ = [
    "DEFAULT_SOURCE",
    "article_markdown",
    "synthetic_articles",
    "time_cli",
    "vary_text",
    "write_corpus",
]

DEFAULT_SOURCE = Path(__file__).resolve().parent / "data" / "events" / "articles"
"""The evaluation articles the corpus is cycled from."""

_FIXED_PARAGRAPHS = 2  # headline and lead paragraph


def _paragraphs(text: str) -> list[str]:
    """Split ``text`` on blank lines, dropping empty pieces and surrounding blank lines."""
    parts: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            parts.append("\n".join(current))
            current = []
    if current:
        parts.append("\n".join(current))
    return parts


def vary_text(text: str, copy: int) -> str:
    """Return ``text`` with its paragraphs after the lead rotated by ``copy``.

    >>> vary_text("Head\\n\\nLead\\n\\nA\\n\\nB\\n\\nC\\n", 1)
    'Head\\n\\nLead\\n\\nB\\n\\nC\\n\\nA\\n'
    >>> vary_text("Head\\n\\nLead\\n\\nA\\n\\nB\\n", 2) == "Head\\n\\nLead\\n\\nA\\n\\nB\\n"
    True
    """
    paragraphs = _paragraphs(text)
    head, rest = paragraphs[:_FIXED_PARAGRAPHS], paragraphs[_FIXED_PARAGRAPHS:]
    if rest:
        shift = copy % len(rest)
        rest = rest[shift:] + rest[:shift]
    return "\n\n".join(head + rest) + "\n"


def synthetic_articles(articles: Sequence[Article], n: int) -> list[Article]:
    """Cycle ``articles`` into ``n`` copies with new ids and varied text.

    Copy ``i`` is ``articles[i % len(articles)]`` with id ``<id>~<i, 5 digits>`` and its
    text varied by :func:`vary_text` with copy number ``i // len(articles)``; ``path``
    is cleared, every other field is kept.
    """
    if not articles:
        raise ValueError("no articles to build a corpus from")
    out: list[Article] = []
    for i in range(n):
        base = articles[i % len(articles)]
        copy = i // len(articles)
        out.append(
            dataclasses.replace(
                base, id=f"{base.id}~{i:05d}", text=vary_text(base.text, copy), path=None
            )
        )
    return out


def article_markdown(article: Article) -> str:
    """Render ``article`` as a ``.md`` file: YAML front matter, then the text."""
    meta: dict[str, object] = {"id": article.id}
    if article.title is not None:
        meta["title"] = article.title
    if article.date is not None:
        meta["date"] = article.date
    if article.source is not None:
        meta["source"] = article.source
    if article.url is not None:
        meta["url"] = article.url
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n{article.text}"


def write_corpus(articles: Sequence[Article], folder: Path) -> list[Path]:
    """Write each article to ``folder/<id>.md`` (the folder is created) and return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for article in articles:
        path = folder / f"{article.id}.md"
        path.write_text(article_markdown(article), encoding="utf-8")
        paths.append(path)
    return paths


def read_source(source: Path) -> list[Article]:
    """Read the evaluation articles with geomap's own reader, or raise SystemExit."""
    from geomap.ingest import read_articles

    result = read_articles([source])
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not result.articles:
        raise SystemExit(f"error: no articles in {source}")
    return sorted(result.articles, key=lambda a: a.id)


def _geomap_command() -> list[str]:
    """The ``geomap`` console script of this interpreter's environment."""
    beside = Path(sys.executable).parent / "geomap"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("geomap")
    if found is None:
        raise SystemExit("error: no geomap command found; install the project (make install)")
    return [found]


def _run_cli(folder: Path, jobs: int = 0) -> float:
    """Run ``geomap run folder -o <tmp> --no-map -j jobs``; return its wall-clock seconds."""
    with tempfile.TemporaryDirectory(prefix="geomap-bench-") as out:
        cmd = [*_geomap_command(), "run", str(folder), "-o", out, "--no-map", "-j", str(jobs)]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(
            f"error: {' '.join(cmd)} exited with {proc.returncode}:\n{proc.stderr.strip()}"
        )
    return elapsed


def time_cli(folder: Path, n: int) -> dict[str, float]:
    """Time ``geomap run`` on ``folder`` (``n`` articles) and on its first article alone.

    Returns the seconds of both runs, the overall rate and the rate net of the fixed cost
    (start-up and gazetteer load, estimated by the one-article run), with the default
    worker processes (``-j 0``: one per CPU) and, side by side, in one process (``-j 1``).
    """
    first = min(folder.glob("*.md"))
    with tempfile.TemporaryDirectory(prefix="geomap-bench-one-") as one:
        shutil.copy(first, one)
        single_s = _run_cli(Path(one))
    total_s = _run_cli(folder)
    one_process_s = _run_cli(folder, jobs=1)
    net_s = max(total_s - single_s, 1e-9)
    return {
        "articles": float(n),
        "total_s": total_s,
        "one_article_s": single_s,
        "articles_per_s": n / total_s,
        "net_articles_per_s": max(n - 1, 1) / net_s,
        "one_process_s": one_process_s,
        "one_process_articles_per_s": n / one_process_s,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write the corpus and optionally time the CLI on it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the articles to")
    parser.add_argument("-n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help="folder of articles to cycle (default: the evaluation set)",
    )
    parser.add_argument(
        "--time-cli",
        action="store_true",
        help="time `geomap run OUT_DIR -o <tmp> --no-map` on the corpus",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("-n must be at least 1")
    if args.out_dir.exists() and (not args.out_dir.is_dir() or any(args.out_dir.iterdir())):
        parser.error(f"{args.out_dir} exists and is not an empty folder")
    corpus = synthetic_articles(read_source(args.source), args.n)
    write_corpus(corpus, args.out_dir)
    print(f"wrote {len(corpus)} articles to {args.out_dir}")
    if args.time_cli:
        t = time_cli(args.out_dir, len(corpus))
        print(
            f"geomap run --no-map on {len(corpus)} articles: {t['total_s']:.2f} s "
            f"({t['articles_per_s']:.1f} articles/s including start-up)"
        )
        print(
            f"one-article run (start-up, gazetteer load): {t['one_article_s']:.2f} s; "
            f"net rate {t['net_articles_per_s']:.1f} articles/s (target >= 100)"
        )
        print(
            f"same corpus in one process (-j 1): {t['one_process_s']:.2f} s "
            f"({t['one_process_articles_per_s']:.1f} articles/s including start-up)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
