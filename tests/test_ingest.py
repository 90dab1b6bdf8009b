"""Tests for geomap.ingest: reading articles from files and folders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from geomap.errors import InputError
from geomap.ingest import ReadResult, discover, read_articles, read_file

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DEFAULT = dt.date(2020, 5, 1)

GOOD = "---\nid: good\ntitle: Good one\ndate: 2024-01-17\n---\nStrike near Quetta.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# --- front matter and plain text ---------------------------------------------------


def test_front_matter_fields(tmp_path: Path) -> None:
    body = "\nHeadline in body\n\nText mentions Panjgur.  \n"
    path = write(
        tmp_path / "a.md",
        "---\nid: art-1\ntitle: 'Given title'\ndate: 2024-01-16\n"
        "source: Atlas News\nurl: https://example.org/x\nauthor: ignored\n---\n" + body,
    )
    articles, problems = read_file(path, DEFAULT)
    assert problems == []
    (article,) = articles
    assert article.id == "art-1"
    assert article.title == "Given title"
    assert article.date == dt.date(2024, 1, 16)
    assert article.source == "Atlas News"
    assert article.url == "https://example.org/x"
    assert article.path == str(path)
    assert article.text == body


def test_plain_text_uses_stem_first_line_and_default_date(tmp_path: Path) -> None:
    text = "\n  \n  Iran strikes Balochistan \nSecond line.\n"
    path = write(tmp_path / "report_7.txt", text)
    (article,), problems = read_file(path, DEFAULT)
    assert problems == []
    assert article.id == "report_7"
    assert article.title == "Iran strikes Balochistan"
    assert article.date == DEFAULT
    assert article.text == text
    assert article.source is None
    assert article.url is None


def test_no_default_date_leaves_date_none(tmp_path: Path) -> None:
    (article,), _ = read_file(write(tmp_path / "a.txt", "Text.\n"))
    assert article.date is None


def test_front_matter_date_wins_over_default(tmp_path: Path) -> None:
    (article,), _ = read_file(write(tmp_path / "a.md", GOOD), DEFAULT)
    assert article.date == dt.date(2024, 1, 17)


def test_front_matter_without_title_falls_back_to_first_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\nsource: X\n---\n\nFirst real line\nmore\n")
    (article,), problems = read_file(path)
    assert problems == []
    assert article.title == "First real line"
    assert article.id == "a"


def test_empty_front_matter_is_fine(tmp_path: Path) -> None:
    (article,), problems = read_file(write(tmp_path / "a.md", "---\n---\nBody\n"), DEFAULT)
    assert problems == []
    assert (article.id, article.text, article.date) == ("a", "Body\n", DEFAULT)
    assert article.title == "Body"


def test_front_matter_values_kept_as_written(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\nid: 007\ntitle: yes\n---\nBody\n")
    (article,), problems = read_file(path)
    assert problems == []
    assert article.id == "007"
    assert article.title == "yes"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-01-16", dt.date(2024, 1, 16)),
        ("'2024-01-16'", dt.date(2024, 1, 16)),
        ("2024-01-16T23:30:00-05:00", dt.date(2024, 1, 16)),
        ("2024-01-16 23:30:00 -5", dt.date(2024, 1, 16)),
        ('"2024-01-17T01:00:00+05:00"', dt.date(2024, 1, 17)),
        ('"2024-01-17T01:00:00Z"', dt.date(2024, 1, 17)),
        ("", DEFAULT),
        ("~", DEFAULT),
    ],
)
def test_front_matter_date_forms(tmp_path: Path, written: str, expected: dt.date) -> None:
    path = write(tmp_path / "a.md", f"---\ndate: {written}\n---\nBody\n")
    (article,), problems = read_file(path, DEFAULT)
    assert problems == []
    assert article.date == expected


@pytest.mark.parametrize("written", ["2024-13-45", "next Tuesday", "[2024, 1, 16]", "17/01/2024"])
def test_bad_date_is_reported_and_article_kept_without_date(tmp_path: Path, written: str) -> None:
    path = write(tmp_path / "a.md", f"---\ntitle: T\ndate: {written}\n---\nBody\n")
    articles, problems = read_file(path, DEFAULT)
    assert [a.text for a in articles] == ["Body\n"]
    assert articles[0].date is None  # not silently replaced by the default
    (problem,) = problems
    assert problem.source == str(path)
    assert problem.line == 3
    assert "date" in problem.problem
    assert str(problem).startswith(f"{path}:3: ")


@pytest.mark.parametrize(
    "value", ["[a, b]", "{x: 1}", "!!python/object/apply:os.system ['echo hi']", "!custom x"]
)
def test_non_text_field_is_reported_and_left_out(tmp_path: Path, value: str) -> None:
    path = write(tmp_path / "a.md", f"---\nsource: S\ntitle: {value}\n---\nHeadline\n")
    (article,), (problem,) = read_file(path)
    assert article.title == "Headline"
    assert article.source == "S"
    assert problem.line == 3
    assert "title" in problem.problem


def test_bom_and_crlf_front_matter(tmp_path: Path) -> None:
    body = "Headline\r\n\r\nBody text.\r\n"
    raw = b"\xef\xbb\xbf" + ("---\r\nid: crlf\r\ndate: 2024-01-16\r\n---\r\n" + body).encode()
    (article,), problems = read_file(write(tmp_path / "a.md", raw))
    assert problems == []
    assert article.id == "crlf"
    assert article.date == dt.date(2024, 1, 16)
    assert article.title == "Headline"
    assert article.text == body


def test_bom_plain_text(tmp_path: Path) -> None:
    (article,), problems = read_file(write(tmp_path / "a.txt", b"\xef\xbb\xbfTitle\nText\n"))
    assert problems == []
    assert article.text == "Title\nText\n"
    assert article.title == "Title"


def test_horizontal_rule_is_not_front_matter(tmp_path: Path) -> None:
    text = "----\nTitle\n---\nMore\n"
    (article,), problems = read_file(write(tmp_path / "a.md", text))
    assert problems == []
    assert article.text == text


# --- bad inputs ----------------------------------------------------------------------

BAD_FILES: list[tuple[str, str, bytes, str, int | None]] = [
    ("empty", "bad.md", b"", "empty", None),
    ("blank", "bad.txt", b"  \n\t\n", "empty", None),
    ("binary", "bad.txt", b"Title\x00\x01\x02 text", "binary", None),
    ("not utf-8", "bad.md", b"Title\nCaf\xe9 in Quetta\n", "UTF-8", 2),
    ("unterminated", "bad.md", b"---\ntitle: T\nBody without end\n", "never closed", 1),
    ("invalid yaml", "bad.md", b"---\ntitle: T\ndate: [2024\n---\nBody\n", "invalid YAML", None),
    ("not a mapping", "bad.md", b"---\n- a\n- b\n---\nBody\n", "not a mapping", 2),
    ("no body", "bad.md", b"---\ntitle: T\n---\n\n  \n", "no article text", None),
    ("jsonl empty", "bad.jsonl", b"\n\n", "empty", None),
    ("jsonl binary", "bad.jsonl", b'{"text": "a"}\n\x00\x00', "binary", None),
]


@pytest.mark.parametrize(
    ("name", "content", "words", "line"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_bad_file_is_one_problem_and_others_are_read(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    *,
    name: str,
    content: bytes,
    words: str,
    line: int | None,
) -> None:
    write(tmp_path / "a_good.md", GOOD)
    bad = write(tmp_path / name, content)
    write(tmp_path / "z_good.txt", "Another\n")
    with caplog.at_level(logging.WARNING, logger="geomap.ingest"):
        result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["good", "z_good"]
    assert result.files == 3
    (problem,) = result.problems
    assert isinstance(problem, InputError)
    assert problem.source == str(bad)
    assert words in problem.problem
    if line is not None:
        assert problem.line == line
    assert caplog.text.count(str(bad)) == 1  # logged once, as a warning


def test_invalid_yaml_names_its_line(tmp_path: Path) -> None:
    bad = write(tmp_path / "a.md", "---\nid: x\ntitle: 'open\n---\nBody\n")
    articles, (problem,) = read_file(bad)
    assert articles == []
    assert problem.line is not None
    assert 3 <= problem.line <= 4


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path / "a_good.md", GOOD)
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing-target.md")
    result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    (problem,) = result.problems
    assert problem.source == str(tmp_path / "broken.md")
    assert "cannot read" in problem.problem


def test_read_file_on_a_folder_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "x.md"
    folder.mkdir()
    articles, (problem,) = read_file(folder)
    assert articles == []
    assert problem.source == str(folder)
    assert "cannot read" in problem.problem


def test_read_file_refuses_other_extensions(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "Title\n")
    articles, (problem,) = read_file(path)
    assert articles == []
    assert ".csv" in problem.problem


# --- JSONL ---------------------------------------------------------------------------


def test_jsonl_articles(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {
                "id": "j1",
                "title": "T1",
                "date": "2024-01-16",
                "source": "S",
                "url": "u",
                "text": "Body one\r\n",
            },
            {"text": "\nFirst line\nsecond"},
        )
        + "\n   \n"
        + jsonl({"id": 42, "text": "Numbered", "date": "2024-01-18T09:00:00+03:00"}),
    )
    articles, problems = read_file(path, DEFAULT)
    assert problems == []
    assert [(a.id, a.title, a.date) for a in articles] == [
        ("j1", "T1", dt.date(2024, 1, 16)),
        ("feed:2", "First line", DEFAULT),
        ("42", "Numbered", dt.date(2024, 1, 18)),
    ]
    assert articles[0].text == "Body one\r\n"
    assert (articles[0].source, articles[0].url) == ("S", "u")
    assert {a.path for a in articles} == {str(path)}


def test_jsonl_bad_lines_are_problems_with_line_numbers(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": "Good"})
    lines = [
        good,  # 1
        "{not json",  # 2
        "[1, 2]",  # 3
        json.dumps({"id": "no-text"}),  # 4
        json.dumps({"text": "   "}),  # 5
        json.dumps({"text": 5}),  # 6
        "",  # 7: blank, skipped quietly
        json.dumps({"text": "Second good", "date": "someday"}),  # 8
    ]
    raw = ("\n".join(lines) + "\n").encode() + b'{"text": "caf\xe9"}\n'  # 9: not UTF-8
    path = write(tmp_path / "f.jsonl", raw)
    articles, problems = read_file(path)
    assert [(a.id, a.date) for a in articles] == [("ok", None), ("f:8", None)]
    assert [p.line for p in problems] == [2, 3, 4, 5, 6, 8, 9]
    assert all(p.source == str(path) for p in problems)
    assert "invalid JSON" in problems[0].problem
    assert "not a JSON object" in problems[1].problem
    assert "text" in problems[2].problem
    assert "date" in problems[5].problem
    assert "UTF-8" in problems[6].problem
    assert str(problems[0]).startswith(f"{path}:2: ")


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + jsonl({"text": "A"}, {"text": "B"}).replace("\n", "\r\n").encode()
    articles, problems = read_file(write(tmp_path / "f.jsonl", raw))
    assert problems == []
    assert [(a.id, a.text) for a in articles] == [("f:1", "A"), ("f:2", "B")]


# --- discovery -----------------------------------------------------------------------


def test_discover_walks_folders_sorted_and_filters(tmp_path: Path) -> None:
    write(tmp_path / "z.md", "Z\n")
    write(tmp_path / "b" / "c.jsonl", jsonl({"text": "C"}))
    write(tmp_path / "b" / "a.TXT", "A\n")
    write(tmp_path / "a" / "deep" / "x.txt", "X\n")
    write(tmp_path / "notes.csv", "ignored\n")
    write(tmp_path / "README.md", "about the folder\n")
    write(tmp_path / ".hidden.md", "hidden\n")
    write(tmp_path / ".git" / "x.md", "hidden folder\n")
    files, problems = discover([tmp_path])
    assert problems == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a/deep/x.txt",
        "b/a.TXT",
        "b/c.jsonl",
        "z.md",
    ]


def test_discover_reports_missing_and_unsupported_paths(tmp_path: Path) -> None:
    good = write(tmp_path / "good.md", GOOD)
    other = write(tmp_path / "data.csv", "x\n")
    readme = write(tmp_path / "README.md", "Explicitly named\n")
    missing = tmp_path / "missing.md"
    files, problems = discover([missing, good, str(other), readme, ""])
    assert files == [good, readme]
    assert [p.source for p in problems] == [str(missing), str(other), "''"]
    assert "no such file" in problems[0].problem
    assert "not an article file" in problems[1].problem


def test_discover_reads_each_file_once(tmp_path: Path) -> None:
    good = write(tmp_path / "good.md", GOOD)
    files, problems = discover([good, tmp_path, str(good)])
    assert files == [good]
    assert problems == []


def test_read_articles_counts_and_result(tmp_path: Path) -> None:
    write(tmp_path / "a.md", GOOD)
    result = read_articles([tmp_path, tmp_path / "nope.txt"], default_date=DEFAULT)
    assert isinstance(result, ReadResult)
    assert result.files == 1
    assert result.skipped == len(result.problems) == 1
    assert isinstance(result.articles, tuple)
    assert isinstance(result.problems, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.files = 2  # type: ignore[misc]


# --- duplicate ids -------------------------------------------------------------------


def test_duplicate_ids_are_kept_renamed_and_reported(tmp_path: Path) -> None:
    write(tmp_path / "1.md", "---\nid: same\n---\nFirst\n")
    second = write(tmp_path / "2.md", "---\nid: same\n---\nSecond\n")
    write(tmp_path / "3.md", "---\nid: same~2\n---\nExplicit\n")
    feed = write(tmp_path / "4.jsonl", jsonl({"id": "x", "text": "A"}, {"id": "same", "text": "B"}))
    result = read_articles([tmp_path])
    assert [(a.id, a.text) for a in result.articles] == [
        ("same", "First\n"),
        ("same~3", "Second\n"),  # ~2 is another article's own id
        ("same~2", "Explicit\n"),
        ("x", "A"),
        ("same~4", "B"),
    ]
    first_dup, second_dup = result.problems
    assert first_dup.source == str(second)
    assert "same" in first_dup.problem
    assert "same~3" in first_dup.problem
    assert first_dup.line is None
    assert (second_dup.source, second_dup.line) == (str(feed), 2)


def test_file_stem_ids_collide_across_folders(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.md", "One\n")
    write(tmp_path / "b" / "story.txt", "Two\n")
    result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["story", "story~2"]
    assert result.skipped == 1


# --- the seed articles ---------------------------------------------------------------

SEEDS = {
    "000_ab62be1e5a254e21": (
        "Pakistan Recalls Ambassador From Iran After Iranian Attack Kills Two Children",
        dt.date(2024, 1, 17),
    ),
    "004_20d6123dc004915c": (
        "Pakistan Condemns Iran Missile Strikes on Balochistan Region",
        dt.date(2024, 1, 16),
    ),
}


def test_seed_articles() -> None:
    result = read_articles([REPO / "seeds"], default_date=DEFAULT)
    assert result.problems == ()
    assert {a.id: (a.title, a.date) for a in result.articles} == SEEDS
    for article in result.articles:
        assert article.path == str(REPO / "seeds" / f"{article.id}.md")


@pytest.mark.skipif(
    not SHARED_SEEDS.is_dir(), reason=f"shared seed texts not found at {SHARED_SEEDS}"
)
@pytest.mark.parametrize("seed_id", sorted(SEEDS))
def test_seed_body_is_byte_identical(seed_id: str) -> None:
    (article,), problems = read_file(REPO / "seeds" / f"{seed_id}.md")
    assert problems == []
    assert article.text.encode("utf-8") == (SHARED_SEEDS / f"{seed_id}.txt").read_bytes()
