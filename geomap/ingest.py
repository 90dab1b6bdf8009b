"""Read articles from files and folders: the first stage of the pipeline.

Inputs are ``.txt`` and ``.md`` articles, each with an optional front-matter block, and
``.jsonl`` files holding one article per line. Folders are walked recursively.

Front matter is a YAML mapping between a ``---`` line at the very top of the file and the
next ``---`` line; its fields are ``id``, ``title``, ``date``, ``source`` and ``url``
(other keys are ignored). A JSONL line is a JSON object with the same fields plus
``text``. The rules, applied the same way to both:

- ``id``: the given id, else the file name without its extension (for a JSONL line,
  ``<file stem>:<line number>``). Front-matter values are taken as written, so
  ``id: 007`` stays ``"007"``.
- ``title``: the given title, else the first non-blank line of the text.
- ``date``: a YAML date, or a string ``YYYY-MM-DD`` or a full ISO datetime (the date is
  kept as written, with no time-zone conversion). An article with no date gets
  ``default_date``. A date that cannot be read is reported as a problem and the
  article is still read, with ``date=None``: the default is for articles that carry
  no date, and is not put in place of one that is wrong.
- ``text``: the body after the front matter, exactly as in the file (line endings
  included); only a leading UTF-8 byte-order mark is dropped.

Nothing raises on bad input: a file or line that cannot be read becomes one
:class:`~geomap.errors.InputError` naming the file (and line), logged as a warning, and
the other inputs are read as usual. Two articles with the same id are both kept; the
later one is renamed ``<id>~2`` (``~3``, ...) and the renaming is reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from geomap.errors import InputError
from geomap.records import Article

__all__ = ["ARTICLE_SUFFIXES", "ReadResult", "discover", "read_articles", "read_file"]

logger = logging.getLogger(__name__)

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".jsonl"})
"""File extensions read as articles (compared without regard to case)."""

_BOM = b"\xef\xbb\xbf"
_FENCE = "---"
_FIELDS = frozenset({"id", "title", "date", "source", "url"})
_CORE_TAGS = "tag:yaml.org,2002:"
_NULL_TAG = "tag:yaml.org,2002:null"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when installed
_LOCATED = list[tuple[Article, int | None]]


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What :func:`read_articles` read, and what it could not.

    Attributes
    ----------
    articles : tuple of Article
        The articles, in input order, with unique ids.
    problems : tuple of InputError
        Every problem met, in the order met. Most mean a file or line was skipped; a bad
        date or a renamed duplicate id is reported although the article was kept.
    files : int
        How many input files were found (read or not).
    """

    articles: tuple[Article, ...]
    problems: tuple[InputError, ...]
    files: int

    @property
    def skipped(self) -> int:
        """Number of problems reported (see ``problems``)."""
        return len(self.problems)


def discover(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into the list of article files to read.

    Parameters
    ----------
    paths
        Files and folders. A folder is walked recursively and its files with an
        extension in :data:`ARTICLE_SUFFIXES` are taken in sorted order; other files,
        ``README`` files, hidden files and folders (names starting with ``.``) and
        symbolic links to folders are passed over.

    Returns
    -------
    tuple
        The files, in the order given (each file once), and the problems: a path that
        does not exist, a file named explicitly whose extension is not an article's,
        a folder that cannot be listed.
    """
    files: list[Path] = []
    problems: list[InputError] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        found: list[Path] = []
        try:
            if os.fspath(given) == "":
                problems.append(InputError("''", "empty path"))
            elif path.is_dir():
                found = _walk(path, problems)
            elif path.is_file():
                if path.suffix.lower() in ARTICLE_SUFFIXES:
                    found = [path]
                else:
                    problems.append(InputError(str(path), _unsupported(path)))
            elif path.exists():
                problems.append(InputError(str(path), "not a regular file or folder"))
            else:
                problems.append(InputError(str(path), "no such file or folder"))
        except OSError as exc:
            problems.append(InputError(str(path), f"cannot access: {exc.strerror or exc}"))
        for file in found:
            key = os.path.realpath(file)
            if key in seen:
                logger.debug("%s: given more than once, read once", file)
                continue
            seen.add(key)
            files.append(file)
    for problem in problems:
        logger.warning("%s", problem)
    return files, problems


def read_file(
    path: Path, default_date: dt.date | None = None
) -> tuple[list[Article], list[InputError]]:
    """Read the articles of one file.

    Parameters
    ----------
    path
        A ``.txt`` or ``.md`` article or a ``.jsonl`` file.
    default_date
        Publication date for the articles that have none.

    Returns
    -------
    tuple
        The articles read (none, one, or one per good JSONL line) and the problems met.
        Ids are not made unique across files here; :func:`read_articles` does that.
    """
    located, problems = _read_located(path, default_date)
    return [article for article, _ in located], problems


def read_articles(
    paths: Iterable[str | os.PathLike[str]], default_date: dt.date | None = None
) -> ReadResult:
    """Read every article from files and folders.

    Parameters
    ----------
    paths
        Files and folders, as for :func:`discover`.
    default_date
        Publication date for the articles that have none.

    Returns
    -------
    ReadResult
        The articles with unique ids, every problem met, and the number of files found.
    """
    files, problems = discover(paths)
    located: _LOCATED = []
    for path in files:
        file_located, file_problems = _read_located(path, default_date)
        located.extend(file_located)
        problems.extend(file_problems)
    articles, renamed = _unique_ids(located)
    for problem in renamed:
        logger.warning("%s", problem)
    problems.extend(renamed)
    logger.info(
        "read %d articles from %d files (%d problems)", len(articles), len(files), len(problems)
    )
    return ReadResult(tuple(articles), tuple(problems), len(files))


def _walk(folder: Path, problems: list[InputError]) -> list[Path]:
    """Return the article files below ``folder`` in sorted order."""

    def on_error(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        problems.append(InputError(str(where), f"cannot list folder: {exc.strerror or exc}"))

    found: list[Path] = []
    for top, dirs, names in os.walk(folder, onerror=on_error):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            file = Path(top, name)
            if name.startswith(".") or file.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if file.stem.lower() == "readme":
                logger.debug("%s: README file passed over", file)
                continue
            found.append(file)
    return sorted(found, key=lambda file: file.relative_to(folder).parts)


def _unsupported(path: Path) -> str:
    kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
    return f"not an article file ({path.suffix or 'no extension'}); expected one of {kinds}"


def _read_located(path: Path, default_date: dt.date | None) -> tuple[_LOCATED, list[InputError]]:
    """Read one file; each article comes with its line number (JSONL) or None."""
    problems: list[InputError] = []
    located: _LOCATED = []
    source = str(path)
    try:
        suffix = path.suffix.lower()
        if suffix not in ARTICLE_SUFFIXES:
            raise InputError(source, _unsupported(path))
        raw = _load(path)
        if suffix == ".jsonl":
            located = _read_jsonl(path, raw, default_date, problems)
        else:
            located = [(_read_text_article(path, raw, default_date, problems), None)]
    except InputError as exc:
        problems.append(exc)
    for problem in problems:
        logger.warning("%s", problem)
    return located, problems


def _load(path: Path) -> bytes:
    """Return the bytes of ``path`` without a BOM; refuse empty and binary files."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    raw = raw.removeprefix(_BOM)
    if not raw.strip():
        raise InputError(str(path), "file is empty")
    if b"\x00" in raw:
        raise InputError(str(path), "binary file (contains NUL bytes), not text")
    return raw


def _decode(source: str, raw: bytes, line: int | None = None) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = raw.count(b"\n", 0, exc.start) + 1 if line is None else line
        raise InputError(
            source, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be decoded)", where
        ) from exc


def _read_text_article(
    path: Path, raw: bytes, default_date: dt.date | None, problems: list[InputError]
) -> Article:
    """Read a ``.txt`` or ``.md`` article: optional front matter, then the body."""
    source = str(path)
    text = _decode(source, raw)
    fields: dict[str, object] = {}
    lines: dict[str, int] = {}
    body = text
    first, _, rest = text.partition("\n")
    if first.rstrip() == _FENCE:
        header, body = _split_front_matter(source, rest)
        fields, lines = _parse_front_matter(source, header)
        if not body.strip():
            raise InputError(source, "no article text after the front matter")
    return _article(
        source=source,
        fallback_id=path.stem,
        text=body,
        fields=fields,
        lines=lines,
        default_date=default_date,
        problems=problems,
    )


def _split_front_matter(source: str, rest: str) -> tuple[str, str]:
    """Split what follows the opening ``---`` line into the YAML block and the body."""
    start = 0
    while start < len(rest):
        end = rest.find("\n", start)
        stop = len(rest) if end < 0 else end + 1
        if rest[start:stop].rstrip() == _FENCE:
            return rest[:start], rest[stop:]
        start = stop
    raise InputError(source, "front matter opened with '---' is never closed by '---'", 1)


def _parse_front_matter(source: str, header: str) -> tuple[dict[str, object], dict[str, int]]:
    """Return the known fields of a front-matter block and the line of each."""
    loader = _LOADER(header)
    try:
        node = loader.get_single_node()  # parsed, never built: no tag can run code
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else None
        raise InputError(source, f"invalid YAML in front matter: {exc.problem}", line) from exc
    except yaml.YAMLError as exc:
        raise InputError(source, f"invalid YAML in front matter: {exc}") from exc
    finally:
        loader.dispose()
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        raise InputError(source, "front matter is not a mapping of fields", 2)
    fields: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in _FIELDS:
            logger.debug("%s: front-matter key %r ignored", source, name)
            continue
        lines[name] = key.start_mark.line + 2  # the block starts on the file's line 2
        fields[name] = _scalar(loader, value)
    return fields, lines


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """Return a front-matter value: its text as written ("007" stays "007"), a date, None.

    Anything else (a list, a mapping, a value with a tag of its own) is returned as the
    node, for :func:`_article` to report as a field that is not text.
    """
    if not isinstance(node, yaml.ScalarNode) or not node.tag.startswith(_CORE_TAGS):
        return node
    if node.tag == _NULL_TAG:
        return None
    if node.tag == _TIMESTAMP_TAG:
        try:
            return loader.construct_yaml_timestamp(node)
        except ValueError:  # shaped like a date but not one, such as 2024-13-45
            return node.value
    return node.value


def _read_jsonl(
    path: Path, raw: bytes, default_date: dt.date | None, problems: list[InputError]
) -> _LOCATED:
    """Read one article per non-blank line; a bad line is a problem, not the end."""
    source = str(path)
    located: _LOCATED = []
    for number, chunk in enumerate(raw.split(b"\n"), start=1):
        if not chunk.strip():
            continue
        try:
            line = _decode(source, chunk, number)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    source, f"invalid JSON: {exc.msg} (column {exc.colno})", number
                ) from exc
            if not isinstance(record, dict):
                kind = type(record).__name__
                raise InputError(source, f"not a JSON object but {kind}", number)
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(source, "missing or empty 'text'", number)
        except InputError as exc:
            problems.append(exc)
            continue
        fields = {key: value for key, value in record.items() if key in _FIELDS}
        lines = dict.fromkeys(fields, number)
        fallback = f"{path.stem}:{number}"
        article = _article(
            source=source,
            fallback_id=fallback,
            text=text,
            fields=fields,
            lines=lines,
            default_date=default_date,
            problems=problems,
        )
        located.append((article, number))
    return located


def _article(
    *,
    source: str,
    fallback_id: str,
    text: str,
    fields: Mapping[str, object],
    lines: Mapping[str, int],
    default_date: dt.date | None,
    problems: list[InputError],
) -> Article:
    """Build an Article; a bad field is reported and left out, never fatal."""
    values: dict[str, str | None] = {}
    for name in ("id", "title", "source", "url"):
        try:
            values[name] = _text_field(name, fields.get(name))
        except ValueError as exc:
            problems.append(InputError(source, str(exc), lines.get(name)))
            values[name] = None
    date: dt.date | None = None
    raw_date = fields.get("date")
    if raw_date is None or (isinstance(raw_date, str) and not raw_date.strip()):
        date = default_date
    else:
        try:
            date = _parse_date(raw_date)
        except ValueError as exc:
            problems.append(InputError(source, f"{exc}; article read with no date", lines["date"]))
    return Article(
        id=values["id"] or fallback_id,
        text=text,
        title=values["title"] or _first_line(text),
        date=date,
        source=values["source"],
        url=values["url"],
        path=source,
    )


def _text_field(name: str, value: object) -> str | None:
    """Return a field as stripped text (None if blank); integers are taken as text."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"field {name!r} must be text, not {_describe(value)}")
    return str(value).strip() or None


def _parse_date(value: object) -> dt.date:
    """Read a YAML date or datetime, or an ISO ``YYYY-MM-DD``/datetime string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    shown = repr(value) if isinstance(value, str) else _describe(value)
    raise ValueError(f"bad date {shown}: expected YYYY-MM-DD or an ISO datetime")


def _describe(value: object) -> str:
    """Name the kind of a value that was not what a field needs, for a message."""
    if isinstance(value, yaml.SequenceNode):
        return "a list"
    if isinstance(value, yaml.MappingNode):
        return "a mapping"
    if isinstance(value, yaml.Node):
        return f"a value tagged {value.tag}"
    return type(value).__name__


def _first_line(text: str) -> str | None:
    """Return the first non-blank line of ``text``, stripped."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None


def _unique_ids(located: _LOCATED) -> tuple[list[Article], list[InputError]]:
    """Keep every article; rename a repeated id to ``<id>~N`` and report it."""
    given = {article.id for article, _ in located}
    taken: dict[str, Article] = {}
    articles: list[Article] = []
    problems: list[InputError] = []
    for original, line in located:
        article = original
        first = taken.get(article.id)
        if first is not None:
            number = 2
            while f"{article.id}~{number}" in taken or f"{article.id}~{number}" in given:
                number += 1
            new_id = f"{article.id}~{number}"
            problems.append(
                InputError(
                    article.path or article.id,
                    f"duplicate article id {article.id!r} (first read from {first.path}); "
                    f"kept as {new_id!r}",
                    line,
                )
            )
            article = dataclasses.replace(article, id=new_id)
        taken[article.id] = article
        articles.append(article)
    return articles, problems
