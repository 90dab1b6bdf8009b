"""Tests for geomap.dates: finding date expressions and resolving them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geomap.dates import DateRef, best_date, find_dates, find_day_offsets, shift

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

WED_17 = dt.date(2024, 1, 17)  # seed 000: a Wednesday
TUE_16 = dt.date(2024, 1, 16)  # seed 004: a Tuesday


def resolved(text: str, published: dt.date | None) -> list[tuple[str, str, str]]:
    """(value, precision, phrase) of every date found."""
    return [(ref.value, ref.precision, ref.phrase) for ref in find_dates(text, published)]


def only(text: str, published: dt.date | None) -> DateRef:
    refs = find_dates(text, published)
    assert len(refs) == 1, refs
    return refs[0]


# --- the seed sentences -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "value", "precision", "phrase"),
    [
        (
            "Pakistan’s foreign ministry says it has recalled Pakistan’s ambassador to Iran, "
            "after a Tuesday Iranian attack on Pakistan’s southwestern province of Balochistan "
            "killed two children.",
            WED_17,
            "2024-01-16",
            "day",
            "Tuesday",
        ),
        (
            "Islamabad issued a condemnation of the attack late on Tuesday, referring to it as "
            "an “unprovoked violation of its air space”.",
            WED_17,
            "2024-01-16",
            "day",
            "Tuesday",
        ),
        (
            "“Last night’s unprovoked and blatant breach of Pakistan’s sovereignty by Iran is "
            "a violation of international law,” said Baloch in a televised address.",
            WED_17,
            "2024-01-16",
            "day",
            "Last night",
        ),
        (
            "The strike follows an attack by the group against a police station in Rask last "
            "month, which left 11 security force members dead and several others wounded.",
            TUE_16,
            "2023-12",
            "month",
            "last month",
        ),
        (
            "In Syria, Iran claimed that its strikes targeted ISIS militants near Aleppo in "
            "retaliation to the Kerman suicide bombings earlier this month, which left nearly "
            "100 dead and wounded hundreds of others.",
            TUE_16,
            "2024-01",
            "month",
            "earlier this month",
        ),
        (
            "The group’s most notable attack occurred in February 2019 when a suicide bombing "
            "targeting a bus killed over two dozen IRGC members in the border region.",
            TUE_16,
            "2019-02",
            "month",
            "February 2019",
        ),
        (
            "Last March, Iran also claimed that it targeted Israeli spy centers in Erbil "
            "during a missile barrage against the city.",
            TUE_16,
            "2023-03",
            "month",
            "Last March",
        ),
        (
            "Founded in 2012, Jaish al-Adl has conducted multiple attacks against police.",
            WED_17,
            "2012",
            "year",
            "2012",
        ),
        (
            "Through state media, Iran’s IRGC reported earlier today that it targeted two "
            "headquarters of Jaish al-Adl.",
            TUE_16,
            "2024-01-16",
            "day",
            "earlier today",
        ),
    ],
)
def test_seed_sentences(
    sentence: str, published: dt.date, value: str, precision: str, phrase: str
) -> None:
    ref = only(sentence, published)
    assert (ref.value, ref.precision, ref.phrase) == (value, precision, phrase)
    assert sentence[ref.start : ref.end] == phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike left 11 security force members dead and several others wounded.",
        "The two children killed were a 6-year-old girl and an 11-month-old boy.",
        "Three women aged between 28 and 35 were injured.",
        "The bombings left nearly 100 dead and wounded hundreds of others.",
        "Unbiased & Unfiltered News Reporting for 12+ years.",
        "A total of 2000 troops and 1500 police were deployed.",
        "Officials said the strikes may continue and protesters will march.",
    ],
)
def test_numbers_and_verbs_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, TUE_16) == []


def seed_body(name: str) -> str:
    """The article text of a seed file, without its YAML front matter."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    _, _, body = text.split("---\n", 2)
    return body


def test_whole_seed_articles() -> None:
    text_000 = seed_body("000_ab62be1e5a254e21.md")
    text_004 = seed_body("004_20d6123dc004915c.md")
    assert [(r.value, r.phrase) for r in find_dates(text_000, WED_17)] == [
        ("2024-01-16", "Tuesday"),
        ("2024-01-17", "Wednesday"),
        ("2024-01-16", "Last night"),
        ("2024-01-16", "Tuesday"),
        ("2012", "2012"),
    ]
    assert [(r.value, r.phrase) for r in find_dates(text_004, TUE_16)] == [
        ("2024-01-16", "earlier today"),
        ("2023-12", "last month"),
        ("2012", "2012"),
        ("2019-02", "February 2019"),
        ("2024-01", "earlier this month"),
        ("2023-03", "Last March"),
    ]
    for ref in find_dates(text_004, TUE_16):
        assert text_004[ref.start : ref.end] == ref.phrase
    # The Erbil strike came "a day after" (before) the Balochistan one.
    start, end, days = find_day_offsets(text_000)[0]
    assert (text_000[start:end], days) == ("a day after", 1)


# --- weekdays -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("Iran struck targets in Balochistan on Tuesday.", WED_17, "2024-01-16"),
        ("Iran struck targets in Balochistan on Tuesday.", TUE_16, "2024-01-16"),
        ("Tuesday's attack killed two children.", WED_17, "2024-01-16"),
        ("Drones hit a mosque on Monday.", TUE_16, "2024-01-15"),
        ("Drones hit a mosque on Wednesday.", TUE_16, "2024-01-10"),
        ("The base was shelled last Tuesday.", TUE_16, "2024-01-09"),
        ("The base was shelled last Tuesday.", WED_17, "2024-01-16"),
        ("Talks are due next Tuesday.", TUE_16, "2024-01-23"),
    ],
)
def test_weekdays(sentence: str, published: dt.date, value: str) -> None:
    ref = only(sentence, published)
    assert (ref.value, ref.precision, ref.relative) == (value, "day", True)


def test_weekday_with_time_of_day_keeps_it_in_the_phrase() -> None:
    sentence = "Explosions were heard in Erbil on Monday night."
    ref = only(sentence, TUE_16)
    assert (ref.value, ref.phrase) == ("2024-01-15", "Monday night")
    assert (ref.start, ref.end) == (34, 46)


# --- days around the publication date ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "phrase"),
    [
        ("Pakistan recalled its ambassador today.", "2024-01-17", "today"),
        ("The statement was released this morning.", "2024-01-17", "this morning"),
        ("Residents expect more strikes tonight.", "2024-01-17", "tonight"),
        ("The foreign ministry summoned the envoy yesterday.", "2024-01-16", "yesterday"),
        # a morning report: "overnight" is the early hours of the publication day
        ("Missiles struck Erbil overnight, killing four.", "2024-01-17", "overnight"),
        ("Sirens sounded late last night in the city.", "2024-01-16", "late last night"),
        ("The drills began the day before yesterday.", "2024-01-15", "the day before yesterday"),
    ],
)
def test_days_around_publication(sentence: str, value: str, phrase: str) -> None:
    ref = only(sentence, WED_17)
    assert (ref.value, ref.precision, ref.phrase) == (value, "day", phrase)
    assert sentence[ref.start : ref.end] == phrase


# --- months, weeks and years relative to the publication date ----------------------


@pytest.mark.parametrize(
    ("sentence", "published", "value", "precision"),
    [
        ("A police station was attacked last month.", dt.date(2024, 3, 5), "2024-02", "month"),
        ("The clashes this month displaced thousands.", TUE_16, "2024-01", "month"),
        ("The group was designated last year.", TUE_16, "2023", "year"),
        ("Attacks have doubled this year.", TUE_16, "2024", "year"),
        # The week before 2024-01-16 is 8-14 January: one month.
        ("Militants ambushed a convoy last week.", TUE_16, "2024-01", "month"),
        # The week before 2024-02-07 is 29 January - 4 February: only the year is known.
        ("Militants ambushed a convoy last week.", dt.date(2024, 2, 7), "2024", "year"),
        # The week before 2025-01-08 is 30 December - 5 January: its Thursday is 2 January.
        ("Militants ambushed a convoy last week.", dt.date(2025, 1, 8), "2025-01", "month"),
        ("Missiles fired earlier in the week fell near a kibbutz.", dt.date(1973, 10, 10),
         "1973-10", "month"),
        ("A bomb exploded earlier in the month.", TUE_16, "2024-01", "month"),
        # the weekday of the calendar week before the publication day's (Thursday 1 August)
        ("The bombing, on Monday of last week, tore away a wing.", dt.date(1946, 8, 1),
         "1946-07-22", "day"),
        ("Gunmen attacked a bus on Thursday last week.", dt.date(1946, 8, 1), "1946-07-25",
         "day"),
    ],
)
def test_relative_periods(sentence: str, published: dt.date, value: str, precision: str) -> None:
    ref = only(sentence, published)
    assert (ref.value, ref.precision, ref.relative) == (value, precision, True)


def test_the_last_month_is_a_duration_not_a_date() -> None:
    assert find_dates("Over the last month, dozens of strikes were reported.", TUE_16) == []


@pytest.mark.parametrize(
    ("sentence", "published", "value", "precision"),
    [
        ("Last March, Iran fired missiles at Erbil.", dt.date(2024, 5, 2), "2024-03", "month"),
        ("Last March, Iran fired missiles at Erbil.", dt.date(2024, 3, 20), "2023-03", "month"),
        ("Iran fired missiles at Erbil in March.", TUE_16, "2023-03", "month"),
        ("Iran fired missiles at Erbil in March.", dt.date(2024, 3, 20), "2024-03", "month"),
        ("The barrage of March 13 hit near the consulate.", TUE_16, "2023-03-13", "day"),
        (
            "The barrage on 13 March hit near the consulate.",
            dt.date(2024, 3, 20),
            "2024-03-13",
            "day",
        ),
        ("A convoy was hit on January 3.", TUE_16, "2024-01-03", "day"),
        ("On Tuesday, 9 January, a convoy was hit.", TUE_16, "2024-01-09", "day"),
        ("A convoy was hit on January 20.", TUE_16, "2023-01-20", "day"),
    ],
)
def test_month_names_without_a_year(
    sentence: str, published: dt.date, value: str, precision: str
) -> None:
    ref = only(sentence, published)
    assert (ref.value, ref.precision, ref.relative) == (value, precision, True)


def test_29_february_goes_back_to_a_leap_year() -> None:
    assert only("The raid of 29 February was reported late.", dt.date(2023, 6, 1)).value == (
        "2020-02-29"
    )


# --- absolute dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "precision", "phrase"),
    [
        (
            "Iran struck Balochistan on January 16, 2024, officials said.",
            "2024-01-16",
            "day",
            "January 16, 2024",
        ),
        ("Iran struck Balochistan on 16 January 2024.", "2024-01-16", "day", "16 January 2024"),
        ("Iran struck Balochistan on 2024-01-16 at night.", "2024-01-16", "day", "2024-01-16"),
        (
            "The strike on Tuesday, January 16, 2024 killed two.",
            "2024-01-16",
            "day",
            "Tuesday, January 16, 2024",
        ),
        ("A bus was bombed on Feb. 13, 2019 near Zahedan.", "2019-02-13", "day", "Feb. 13, 2019"),
        ("The attack occurred in February 2019 near Zahedan.", "2019-02", "month", "February 2019"),
        ("The group has been active since 2012.", "2012", "year", "2012"),
        ("Strikes in 2019 killed dozens.", "2019", "year", "2019"),
        ("The summer of 2019 was violent.", "2019", "year", "2019"),
        ("The insurgency worsened in early 2020.", "2020", "year", "early 2020"),
        ("The worst year was 2019.", "2019", "year", "2019"),
    ],
)
def test_absolute_dates(sentence: str, value: str, precision: str, phrase: str) -> None:
    for published in (WED_17, None):
        ref = only(sentence, published)
        assert (ref.value, ref.precision, ref.phrase, ref.relative) == (
            value,
            precision,
            phrase,
            False,
        )
        assert sentence[ref.start : ref.end] == phrase


def test_year_ranges_give_both_years() -> None:
    assert resolved("Attacks rose between 2012 and 2019.", None) == [
        ("2012", "year", "2012"),
        ("2019", "year", "2019"),
    ]


def test_impossible_date_is_not_reported_nor_its_year() -> None:
    assert find_dates("A raid on February 30, 2024 was reported.", TUE_16) == []


def test_counts_before_punctuation_are_not_years() -> None:
    assert find_dates("The death toll rose to 2000.", TUE_16) == []
    assert find_dates("Troops killed 1999.", TUE_16) == []


# --- without a publication date -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike follows an attack in Rask last month.",
        "Iran struck on Tuesday.",
        "Last March, Iran fired missiles at Erbil.",
        "Iran's IRGC reported earlier today that it struck.",
        "A convoy was hit on January 3.",
        "Missiles struck Erbil overnight.",
    ],
)
def test_relative_dates_need_a_publication_date(sentence: str) -> None:
    assert find_dates(sentence, None) == []
    assert best_date(sentence, None) is None


def test_absolute_dates_survive_without_publication_date() -> None:
    sentence = "The attack last month echoed one in February 2019."
    assert resolved(sentence, None) == [("2019-02", "month", "February 2019")]
    assert resolved(sentence, TUE_16) == [
        ("2023-12", "month", "last month"),
        ("2019-02", "month", "February 2019"),
    ]


# --- best_date, shift, find_day_offsets ---------------------------------------------


def test_best_date_prefers_the_most_specific() -> None:
    sentence = "Founded in 2012, the group struck in February 2019 and again on Tuesday."
    ref = best_date(sentence, WED_17)
    assert ref is not None
    assert (ref.value, ref.phrase) == ("2024-01-16", "Tuesday")
    month_then_year = best_date("The group, active since 2012, struck last month.", TUE_16)
    assert month_then_year is not None
    assert month_then_year.value == "2023-12"


def test_best_date_takes_the_first_on_ties() -> None:
    ref = best_date("Strikes in March and again in May hit the border.", TUE_16)
    assert ref is not None
    assert ref.value == "2023-03"
    assert best_date("No date is given here.", TUE_16) is None


def test_shift_moves_days_only() -> None:
    tuesday = only("The Balochistan attack came on Tuesday.", WED_17)
    monday = shift(tuesday, -1)
    assert monday.value == "2024-01-15"
    assert (monday.precision, monday.phrase, monday.start) == ("day", "Tuesday", tuesday.start)
    assert shift(tuesday, 16).value == "2024-02-01"
    month = only("It struck last month.", TUE_16)
    assert shift(month, -1) == month
    year = only("It was founded in 2012.", None)
    assert shift(year, 400) == year


@pytest.mark.parametrize(
    ("sentence", "phrase", "days"),
    [
        ("The Balochistan attack came a day after Iran launched missiles.", "a day after", 1),
        ("Iran struck Erbil a day earlier.", "a day earlier", -1),
        ("Iran had struck Erbil a day before.", "a day before", -1),
        ("Iran had struck Erbil the day before.", "the day before", -1),
        ("Iran had struck Erbil the previous day.", "the previous day", -1),
        ("Pakistan retaliated two days later.", "two days later", 2),
        ("Pakistan retaliated the following day.", "the following day", 1),
        ("Pakistan retaliated 3 days later.", "3 days later", 3),
        ("A similar raid took place a week earlier.", "a week earlier", -7),
    ],
)
def test_find_day_offsets(sentence: str, phrase: str, days: int) -> None:
    [(start, end, offset)] = find_day_offsets(sentence)
    assert (sentence[start:end], offset) == (phrase, days)


def test_day_offsets_ignore_other_phrases() -> None:
    assert find_day_offsets("The drills began the day before yesterday.") == []
    assert find_day_offsets("Several days later the border reopened.") == []
    assert find_day_offsets("Iran struck on Tuesday.") == []


def test_shift_anchors_an_offset() -> None:
    sentence = "On Tuesday Iran hit Balochistan, a day after it struck Erbil."
    tuesday = best_date(sentence, WED_17)
    assert tuesday is not None
    [(_, _, days)] = find_day_offsets(sentence)
    # The Erbil strike is the anchor of "a day after": Tuesday minus the offset.
    assert shift(tuesday, -days).value == "2024-01-15"


def test_the_previous_afternoon_is_the_day_before_the_reference() -> None:
    sunday = dt.date(2023, 12, 31)
    text = "The city called off its festivities on Sunday after shelling the previous afternoon."
    assert [(d.value, d.phrase) for d in find_dates(text, sunday)] == [
        ("2023-12-30", "the previous afternoon")
    ]
    assert find_dates("Shelling resumed the previous day.", sunday) == []  # no reference


def test_a_bare_month_after_a_year_is_in_that_year() -> None:
    text = "Australia suffered two mass shootings in Melbourne in 1987: in August a gunman"
    assert [(d.value, d.precision) for d in find_dates(text, dt.date(1996, 4, 30))] == [
        ("1987", "year"), ("1987-08", "month")]
    assert find_dates("In August a gunman killed seven.", dt.date(1996, 4, 30))[0].value == (
        "1995-08")


def test_months_later_shift_a_month_date() -> None:
    (_, _, days), = find_day_offsets("and four months later a gunman killed eight people")
    assert days == 120
    august = find_dates("in August 1987", None)[0]
    assert shift(august, days).value == "1987-12"


def test_years_ago_today_is_that_day_years_before() -> None:
    found = find_dates("Fifty years ago today, a rocket fell on the store.", dt.date(1994, 11, 25))
    assert [(d.value, d.precision) for d in found] == [("1944-11-25", "day")]
    found = find_dates("A year ago today, a bomb went off.", dt.date(2024, 3, 1))
    assert [d.value for d in found] == ["2023-03-01"]


def test_a_day_that_names_a_station_is_no_date() -> None:
    text = "In March, a bomb exploded as a train pulled into the 20 January station."
    assert [d.value for d in find_dates(text, dt.date(1994, 7, 4))] == ["1994-03"]
    assert [d.value for d in find_dates("On 20 January, a bomb exploded.", dt.date(1994, 7, 4))
            ] == ["1994-01-20"]
