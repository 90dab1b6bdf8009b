"""Tests for geomap.casualties: casualty figures, weapons and event type of a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geomap.casualties import (
    SUB_EVENT_TYPES,
    WEAPONS,
    Casualties,
    event_type_hint,
    find_casualties,
    find_weapons,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_000 = "000_ab62be1e5a254e21.md"
SEED_004 = "004_20d6123dc004915c.md"

Figures = tuple[int | None, int | None, int | None, int | None, int | None, int | None]


def figures(sentence: str) -> Figures:
    """(killed, killed_low, killed_high, injured, injured_low, injured_high)."""
    c = find_casualties(sentence)
    return (c.killed, c.killed_low, c.killed_high, c.injured, c.injured_low, c.injured_high)


def seed_body(name: str) -> str:
    """The article text of a seed, without its front matter."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def seed_sentence(name: str, fragment: str) -> str:
    """The one sentence (or headline) of a seed that contains ``fragment``."""
    found = re.findall(
        r"[^.!?\n]*" + re.escape(fragment) + r"[^.!?\n]*[.!?]?[”\"]?", seed_body(name)
    )
    assert len(found) == 1, (fragment, found)
    return str(found[0]).strip()


def all_sentences(name: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])[”\"]?\s+|\n+", seed_body(name)) if s.strip()]


# --- casualty figures: the rules of the brief ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The attack killed two children.", (2, 2, 2, None, None, None)),
        (
            "the two children killed were a 6-year-old girl and an 11-month-old boy",
            (2, 2, 2, None, None, None),
        ),
        ("Three women aged between 28 and 35 were injured.", (None, None, None, 3, 3, 3)),
        (
            "which resulted in the death of two innocent children while injuring three girls",
            (2, 2, 2, 3, 3, 3),
        ),
        (
            "which left 11 security force members dead and several others wounded",
            (11, 11, 11, None, None, None),
        ),
        (
            "which left nearly 100 dead and wounded hundreds of others",
            (100, 90, 100, 200, 200, None),
        ),
        (
            "killing a local Kurdish businessman and his eleven month-old daughter",
            (2, 2, 2, None, None, None),
        ),
        (
            "a suicide bombing targeting a bus killed over two dozen IRGC members",
            (24, 24, None, None, None, None),  # the stated figure (ACLED convention)
        ),
        ("nine people, among them four children, were killed", (9, 9, 9, None, None, None)),
        ("The blast killed at least 13 people and injured 30.", (13, 13, None, 30, 30, 30)),
        ("Two people were killed and five wounded.", (2, 2, 2, 5, 5, 5)),
        ("The death toll rose to 27.", (27, 27, 27, None, None, None)),
        ("The shelling left one dead.", (1, 1, 1, None, None, None)),
        ("A civilian was killed.", (1, 1, 1, None, None, None)),
        ("A 40-year-old man was killed in the strike.", (1, 1, 1, None, None, None)),
    ],
)
def test_brief_examples(sentence: str, expected: Figures) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("More than 20 people were killed.", (20, 20, None)),
        ("Almost 50 civilians died.", (50, 45, 50)),
        ("About 100 people were killed.", (100, 90, 110)),
        ("Some 40 people were killed.", (40, 36, 44)),
        ("Up to 10 people were killed.", (10, None, 10)),
        ("Fewer than 10 people were killed.", (9, None, 9)),
        ("Three or four soldiers were killed.", (3, 3, 4)),
        ("Between 12 and 15 people were killed.", (12, 12, 15)),
        ("The raid killed a dozen fighters.", (12, 12, 12)),
        ("Dozens of people were killed.", (24, 24, None)),
        ("Scores of villagers were killed.", (40, 40, None)),
        ("The strikes killed thousands of people.", (2000, 2000, None)),
        ("Tens of thousands of people have died.", (20000, 20000, None)),
        ("The attack killed 1,200 people.", (1200, 1200, 1200)),
        ("The attack killed twenty-seven people.", (27, 27, 27)),
        ("Five or more people were killed.", (5, 5, None)),
        ("15 or more people were killed.", (15, 15, None)),
    ],
)
def test_modifiers_give_value_low_high(sentence: str, expected: tuple[int | None, ...]) -> None:
    assert figures(sentence)[:3] == expected


def test_vague_count_keeps_phrase_but_no_figure() -> None:
    c = find_casualties("which left 11 security force members dead and several others wounded")
    assert c.injured is None and c.injured_low is None and c.injured_high is None
    assert c.phrases == ("11 security force members dead", "several others wounded")


def test_vague_part_leaves_the_sum_open() -> None:
    c = find_casualties("The strike killed five soldiers and several civilians.")
    assert (c.killed, c.killed_low, c.killed_high) == (5, 5, None)


def test_people_joined_by_and_are_summed() -> None:
    assert figures("Two soldiers and a civilian were killed.")[0] == 3
    assert figures("The missile killed two soldiers and a child.")[0] == 3
    assert figures("Gunmen killed the driver and his son.")[0] == 2


def test_a_toll_read_past_an_aside() -> None:
    assert figures("The toll, first put at about 100, has risen to 147.")[0] == 147
    assert figures("The final count of the dead, made after rescuers had cleared the "
                   "rubble, is 91.")[0] == 91


def test_a_victim_named_by_trade_is_one_person() -> None:
    assert figures("A US jet fired two missiles at the bureau, killing its correspondent "
                   "Tareq Ayyoub on the roof.")[0] == 1
    assert figures("Gunmen killed the prosecutor and two of his guards.")[0] == 3


def test_comma_lists_count_only_when_closed_by_and() -> None:
    sentence = "The strike killed a doctor, two nurses and a patient, the ministry said."
    assert figures(sentence)[0] == 4
    assert figures("The attack killed two people, a police officer said.")[0] == 2
    assert figures("The strike killed five soldiers, three of them officers.")[0] == 5
    assert figures("Israeli strikes killed 25 Palestinians, including 10 children.")[0] == 25
    assert figures("Two soldiers, a policeman and a civilian were killed.")[0] == 4


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen shot dead two men.", (2, None)),
        ("A police officer was shot dead by gunmen in Quetta.", (1, None)),
        ("Two Pakistani soldiers were martyred in the attack.", (2, None)),
        ("Iran said 2 of its border guards were killed by militants.", (2, None)),
        ("Three 10-year-olds were killed.", (3, None)),
        ("The death toll from Tuesday's strikes has risen to 31, with 54 wounded.", (31, 54)),
        ("The toll rose from 20 to 27.", (27, None)),
        ("The toll stands at 12 after two more people died.", (12, None)),
        # a named victim and a count of others: the others and the one
        ("A bomb killed the mayor, Ali Khan, a veteran of the party, and at least 11 other "
         "people.", (12, None)),
        ("The blast killed the governor and more than two dozen others.", (25, None)),
        # a verb of violence with "to death" after its object
        ("A man stabbed four people to death outside a bar.", (4, None)),
        ("Rioters beat two policemen to death.", (2, None)),
        # a title is a person, and the name after it is part of the phrase
        ("The former Prime Minister Shinzo Abe was shot dead while speaking.", (1, None)),
        ("A student stabbed the Socialist leader Inejiro Asanuma to death.", (1, None)),
        ("The governor, the police said, was killed.", (1, None)),
        ("Police stormed the prison and killed 111 inmates.", (111, None)),
        # a relative clause about someone else's death is no count of its own
        ("Six were killed and 12 wounded, among them a baby whose mother died.", (6, 12)),
        # a person "of 56" is one of that age, not 56 people
        ("A man of 70 was killed, and four people were wounded.", (None, 4)),
    ],
)
def test_more_casualty_wordings(sentence: str, expected: tuple[int | None, int | None]) -> None:
    c = find_casualties(sentence)
    assert (c.killed, c.injured) == expected


def test_subject_of_a_later_verb_is_not_an_object() -> None:
    c = find_casualties("The strike killed two children and three women were injured.")
    assert (c.killed, c.injured) == (2, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack occurred in February 2019 when a bomb killed civilians.",
        "Founded in 2012, the group has killed many soldiers.",
        "Attacks in 2019 killed 50 people.",
        "A 6-year-old girl was among the wounded.",
        "Three women aged between 28 and 35 were hurt.",
        "They said 11 security force members attended the meeting.",
        "One of the missiles landed on a clinic, killing no one.",
        "The strike killed 24 km from the border.",
    ],
)
def test_years_ages_and_other_numbers_are_not_counts(sentence: str) -> None:
    c = find_casualties(sentence)
    assert c.killed not in {2019, 2012, 24, 11, 6, 1}
    assert c.injured not in {28, 35, 63, 6}


def test_year_is_not_a_count_but_the_real_count_is() -> None:
    assert figures("Attacks in 2019 killed 50 people.")[0] == 50
    assert figures("In 2019, 30 people were killed.")[0] == 30


@pytest.mark.parametrize(
    "sentence",
    [
        "The missile landed on a clinic, no casualties reported.",
        "No one was hurt in the attack.",
        "Nobody was killed.",
        "There were no immediate reports of casualties.",
        "The drone was shot down without causing any casualties.",
        "None of its crew was injured, the operator said.",
    ],
)
def test_none_reported(sentence: str) -> None:
    c = find_casualties(sentence)
    assert c.none_reported
    assert (c.killed, c.injured) == (None, None)
    assert c.phrases


def test_nothing_found_is_all_none() -> None:
    assert find_casualties("Pakistan recalled its ambassador from Tehran.") == Casualties()


def test_phrases_are_fragments_of_the_sentence() -> None:
    sentence = "Two people were killed and five wounded when rockets hit the market."
    c = find_casualties(sentence)
    assert c.phrases == ("Two people were killed", "five wounded")
    assert all(p in sentence for p in c.phrases)


# --- casualty figures: sentences of the seed articles -------------------------------


@pytest.mark.parametrize(
    ("name", "fragment", "expected"),
    [
        (SEED_000, "Attack Kills Two Children", (2, 2, 2, None, None, None)),
        (SEED_000, "southwestern province of Balochistan killed", (2, 2, 2, None, None, None)),
        (SEED_000, "the two children killed were", (2, 2, 2, None, None, None)),
        (SEED_000, "Three women aged between", (None, None, None, 3, 3, 3)),
        (SEED_000, "killing a local Kurdish businessman", (2, 2, 2, None, None, None)),
        (SEED_000, "three or four Iranian drones", (None,) * 6),
        (SEED_000, "Founded in 2012", (None,) * 6),
        (SEED_004, "air space” that killed two children", (2, 2, 2, None, None, None)),
        (SEED_004, "death of two innocent children", (2, 2, 2, 3, 3, 3)),
        (SEED_004, "police station in Rask", (11, 11, 11, None, None, None)),
        (SEED_004, "February 2019", (24, 24, None, None, None, None)),
        (SEED_004, "Kerman suicide bombings", (100, 90, 100, 200, 200, None)),
        (SEED_004, "medical clinic outside of Idlib", (None,) * 6),
        (SEED_004, "two other missile attacks", (None,) * 6),
        (SEED_004, "targeted two headquarters", (None,) * 6),
    ],
)
def test_seed_sentences(name: str, fragment: str, expected: Figures) -> None:
    assert figures(seed_sentence(name, fragment)) == expected


def test_seed_clinic_sentence_reports_no_casualties() -> None:
    c = find_casualties(seed_sentence(SEED_004, "medical clinic outside of Idlib"))
    assert c.none_reported
    assert c.phrases == ("no casualties reported",)


def test_seed_rask_sentence_keeps_the_several_wounded_phrase() -> None:
    c = find_casualties(seed_sentence(SEED_004, "police station in Rask"))
    assert "several others wounded" in c.phrases


def test_every_seed_figure_is_one_an_analyst_reads() -> None:
    killed: set[int] = set()
    injured: set[int] = set()
    for name in (SEED_000, SEED_004):
        for sentence in all_sentences(name):
            c = find_casualties(sentence)
            killed.update([] if c.killed is None else [c.killed])
            injured.update([] if c.injured is None else [c.injured])
    assert killed == {2, 11, 24, 100}
    assert injured == {3, 200}


# --- weapons -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iran launched ballistic missiles at Erbil.", ("ballistic missiles",)),
        ("Russia fired cruise missiles and Shahed drones.", ("cruise missiles", "drones")),
        ("The missile and drone strikes hit the base.", ("missiles", "drones")),
        ("Kamikaze drones and UAVs were shot down.", ("drones",)),
        ("Loitering munitions struck a tank.", ("loitering munitions",)),
        ("Militants fired rockets and mortar shells.", ("rockets", "mortars")),
        ("Artillery shelling continued overnight.", ("artillery",)),
        ("Warplanes carried out airstrikes; fighter jets returned.", ("aircraft",)),
        ("An air strike hit the convoy.", ("aircraft",)),
        ("A suicide bomber detonated his vest.", ("suicide bomb",)),
        ("A roadside bomb hit a patrol.", ("IED",)),
        ("An improvised explosive device went off.", ("IED",)),
        ("A car bomb exploded near the market.", ("car bomb",)),
        ("Gunmen opened fire on the checkpoint.", ("small arms",)),
        ("Helicopters dropped barrel bombs on the town.", ("aircraft", "bombs")),
        ("Pakistan recalled its ambassador.", ()),
        ("An anti-aircraft battery was deployed.", ()),
        ("Militants fired rocket-propelled grenades.", ()),
    ],
)
def test_find_weapons(sentence: str, expected: tuple[str, ...]) -> None:
    assert find_weapons(sentence) == expected


def test_weapons_are_from_the_vocabulary() -> None:
    sentences = [s for name in (SEED_000, SEED_004) for s in all_sentences(name)]
    assert {w for s in sentences for w in find_weapons(s)} <= set(WEAPONS)


@pytest.mark.parametrize(
    ("name", "fragment", "expected"),
    [
        (SEED_000, "three or four Iranian drones", ("drones",)),
        (SEED_000, "the strikes with missiles and drones", ("missiles", "drones")),
        # "struck by several missiles" refers back to the ballistic missiles
        (SEED_000, "launched ballistic missiles at Erbil", ("ballistic missiles",)),
        (SEED_004, "Condemns Iran Missile Strikes", ("missiles",)),
        (SEED_004, "a suicide bombing targeting a bus", ("suicide bomb",)),
        (SEED_004, "Kerman suicide bombings", ("suicide bomb",)),
        (SEED_004, "one of the missiles landed", ("missiles",)),
        (SEED_004, "during a missile barrage", ("missiles",)),
        (SEED_004, "showcase the ranges of Iranian ballistic", ("ballistic missiles",)),
        (SEED_004, "police station in Rask", ()),
        (SEED_000, "unprovoked violation of its air space", ()),
    ],
)
def test_seed_weapons(name: str, fragment: str, expected: tuple[str, ...]) -> None:
    assert find_weapons(seed_sentence(name, fragment)) == expected


# --- event type hint -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An Israeli airstrike hit the building.", "Air/drone strike"),
        ("Warplanes bombed the village.", "Air/drone strike"),
        ("A drone strike killed two militants.", "Air/drone strike"),
        (
            "Drones hit the depot after one missile missed and more drones followed.",
            "Air/drone strike",
        ),
        ("The missile strike destroyed a bridge.", "Shelling/artillery/missile attack"),
        ("Rockets were fired at the town.", "Shelling/artillery/missile attack"),
        ("Heavy shelling hit the suburbs.", "Shelling/artillery/missile attack"),
        ("The strikes with missiles and drones hit the camp.", "Shelling/artillery/missile attack"),
        ("A suicide bomber blew himself up at the gate.", "Suicide bomb"),
        ("A roadside bomb struck the convoy.", "Remote explosive/landmine/IED"),
        ("A bomb planted under a car exploded.", "Remote explosive/landmine/IED"),
        ("Troops clashed with militants near the border.", "Armed clash"),
        ("Gunmen opened fire on worshippers.", "Attack"),
        ("The group carried out an attack on a police station in Rask.", "Attack"),
        ("Pakistan recalled its ambassador.", None),
    ],
)
def test_event_type_hint(sentence: str, expected: str | None) -> None:
    assert event_type_hint(sentence) == expected
    assert expected is None or expected in SUB_EVENT_TYPES


@pytest.mark.parametrize(
    ("name", "fragment", "expected"),
    [
        (SEED_000, "three or four Iranian drones", "Air/drone strike"),
        (SEED_000, "the strikes with missiles and drones", "Shelling/artillery/missile attack"),
        (SEED_000, "launched ballistic missiles at Erbil", "Shelling/artillery/missile attack"),
        (SEED_004, "Condemns Iran Missile Strikes", "Shelling/artillery/missile attack"),
        (SEED_004, "a suicide bombing targeting a bus", "Suicide bomb"),
        (SEED_004, "Kerman suicide bombings", "Suicide bomb"),
        (SEED_004, "police station in Rask", "Attack"),
        (SEED_000, "recalled Pakistan’s ambassador", None),
    ],
)
def test_seed_event_types(name: str, fragment: str, expected: str | None) -> None:
    assert event_type_hint(seed_sentence(name, fragment)) == expected


def test_bodies_of_and_among_the_dead_count_the_dead() -> None:
    sentence = "Rescuers pulled the bodies of a ten-year-old boy and his grandmother out."
    assert figures(sentence)[0] == 2
    assert figures("A 9-year-old girl was among the dead.")[0] == 1
    assert find_casualties("Two children were among the injured.").injured == 2
    assert figures("The bodies were taken to the morgue.")[0] is None


def test_a_person_from_a_place_is_still_the_subject() -> None:
    assert figures("A Palestinian man from Gaza was killed in Jericho.")[0] == 1
    assert find_casualties("Two students from the United States were wounded.").injured == 2


def test_attackers_who_died_are_not_victims() -> None:
    c = find_casualties("Seven soldiers were killed, and all six attackers died.")
    assert c.killed == 7


def test_sailors_and_crewmen_are_people() -> None:
    assert find_casualties("The blast killed 17 American sailors.").killed == 17
    assert find_casualties("One Bulgarian crewman died after jumping into the sea.").killed == 1


def test_a_bomber_among_the_dead_is_not_counted() -> None:
    c = find_casualties("A car bomb exploded, killing at least two people, the bomber among them.")
    assert (c.killed, c.killed_low) == (1, 1)
    assert find_casualties("Ten people died in all, not counting the gunman.").killed == 10


def test_a_toll_lowered_to_a_figure_is_that_figure_not_a_count_of_sites() -> None:
    c = find_casualties("Jordan lowered the death toll from Wednesday night's suicide bombings "
                        "at three Amman hotels to 57 on Thursday, from the 67 first announced.")
    assert c.killed == 57


def test_a_count_ends_before_besides_or_a_preposition_after_the_number() -> None:
    assert find_casualties("The bomber blew himself up, killing at least 12 people besides "
                           "himself.").killed == 12
    assert find_casualties("Bomber Kills 12 Outside Tel Aviv Mall").killed == 12
