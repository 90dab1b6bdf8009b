"""Tests for geomap.actors: states, forces, groups, demonyms and governments in text."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap import actors as actors_module
from geomap.actors import (
    CAPITAL_GOVERNMENTS,
    ActorMention,
    actors,
    country_code,
    country_name,
    demonym_country,
    find_actors,
    is_demonym,
)
from geomap.errors import GazetteerError

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("0*.md"))


def seed_text(path: Path) -> str:
    """The article body, without the YAML front matter of the repository's copies."""
    text = path.read_text(encoding="utf-8")
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def found(text: str) -> list[tuple[str, str, str | None, str]]:
    return [(m.text, m.name, m.country_code, m.kind) for m in find_actors(text)]


# --- sentences from the seed articles ----------------------------------------------


def test_iranian_attack_is_a_demonym_of_iran() -> None:
    text = "Pakistan Recalls Ambassador From Iran After Iranian Attack Kills Two Children"
    assert found(text) == [
        ("Pakistan", "Pakistan", "PK", "state"),
        ("Iran", "Iran", "IR", "state"),
        ("Iranian", "Iran", "IR", "demonym"),
    ]


def test_possessive_state_then_longest_force() -> None:
    text = "A statement from Iran’s Islamic Revolutionary Guard Corps published in"
    assert found(text) == [
        ("Iran", "Iran", "IR", "state"),
        ("Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guard Corps", "IR", "force"),
    ]


def test_jaish_al_adl_and_its_english_name_are_one_group() -> None:
    mentions = find_actors("targeted the “headquarters” of Jaish al-Adl (Army of Justice), a")
    assert [(m.text, m.name, m.country_code, m.kind) for m in mentions] == [
        ("Jaish al-Adl", "Jaish al-Adl", None, "group"),
        ("Army of Justice", "Jaish al-Adl", None, "group"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The IRGC claimed responsibility", ("IRGC", "force", "IR")),
        ("Tehran believes that the group has safe havens", ("Tehran", "government", "IR")),
        ("Islamabad issued a condemnation", ("Islamabad", "government", "PK")),
        ("Kurdish media and officials", ("Kurdish", "demonym", None)),
        ("targeted an Israeli spy headquarters", ("Israeli", "demonym", "IL")),
        ("at Erbil in Iraqi Kurdistan", ("Iraqi", "demonym", "IQ")),
        ("ISIS militants near Aleppo", ("ISIS", "group", None)),
        ("strike inside Pakistani territory", ("Pakistani", "demonym", "PK")),
        ("Pakistani warplanes", ("Pakistani", "demonym", "PK")),
        ("it was striking a Mossad base", ("Mossad", "force", "IL")),
        ("Islamic State training facilities", ("Islamic State", "group", None)),
        ("the vicinity of the United States Consulate", ("United States", "state", "US")),
        ("SS troops of the Das Reich division", ("SS troops", "force", "DE")),
        ("the Luftwaffe bombed the city", ("Luftwaffe", "force", "DE")),
        ("blames the Mozambique National Resistance", ("Mozambique National Resistance",
                                                       "group", None)),
    ],
)
def test_single_mention(text: str, expected: tuple[str, str, str | None]) -> None:
    mentions = find_actors(text)
    assert [(m.text, m.kind, m.country_code) for m in mentions] == [expected]


def test_prmi_with_curly_apostrophe_and_acronym() -> None:
    text = "a splinter group from the People’s Resistance Movement of Iran (PRMI) in 2012"
    assert found(text) == [
        ("People’s Resistance Movement of Iran", "People's Resistance Movement of Iran", None,
         "group"),
        ("PRMI", "People's Resistance Movement of Iran", None, "group"),
    ]  # fmt: skip


def test_longest_match_beats_demonym() -> None:
    assert found("frequently targets Iranian military forces") == [
        ("Iranian military", "Iranian Armed Forces", "IR", "force")
    ]
    assert found("Pakistani Taliban fighters")[0][1:] == (
        "Tehreek-e-Taliban Pakistan",
        None,
        "group",
    )
    assert found("Kataib Hezbollah")[0][1] == "Kataib Hezbollah"


@pytest.mark.parametrize("text", ["it is striking", "this is it", "Is it?", "WHY IS IRAN?"])
def test_is_never_matches_the_verb(text: str) -> None:
    assert all(m.name != "Islamic State" for m in find_actors(text))


def test_is_matches_as_an_acronym() -> None:
    assert found("IS claimed the Kerman bombings") == [("IS", "Islamic State", None, "group")]


def test_acronyms_are_case_sensitive() -> None:
    assert find_actors("the paf and iaf and irgc") == []
    assert found("PAF jets")[0][1] == "Pakistan Air Force"


def test_other_aliases_allow_capitalised_first_letter_and_caps() -> None:
    assert [m.name for m in find_actors("al-Qaeda, Al-Qaeda, AL-QAEDA")] == ["al-Qaeda"] * 3
    assert find_actors("jaish al-adl, turkey and chad") == []
    assert found("IRAN STRIKES PAKISTAN") == [
        ("IRAN", "Iran", "IR", "state"),
        ("PAKISTAN", "Pakistan", "PK", "state"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [("Iran’s", "Iran"), ("IRGC’s", "Islamic Revolutionary Guard Corps"), ("Iran's", "Iran"),
     ("Hezbollah’s", "Hezbollah"), ("Houthis’", "Houthis")],
)  # fmt: skip
def test_possessives(text: str, name: str) -> None:
    (mention,) = find_actors(f"{text} drones")
    assert mention.name == name
    assert mention.text == text.removesuffix("’s").removesuffix("'s").removesuffix("’")


def test_plurals() -> None:
    assert found("Iranians, Pakistanis and Kurds") == [
        ("Iranians", "Iran", "IR", "demonym"),
        ("Pakistanis", "Pakistan", "PK", "demonym"),
        ("Kurds", "Kurd", None, "demonym"),
    ]


def test_folding_of_accents_hyphens_and_line_breaks() -> None:
    assert [m.country_code for m in find_actors("Türkiye, Turkiye, Côte d’Ivoire")] == [
        "TR",
        "TR",
        "CI",
    ]
    assert found("Jaish al Adl")[0][1] == "Jaish al-Adl"
    assert found("the Iranian\nmilitary")[0][:2] == ("Iranian\nmilitary", "Iranian Armed Forces")


def test_words_inside_words_do_not_match() -> None:
    assert find_actors("a woman in Somalia") == [
        ActorMention(11, 18, "Somalia", "Somalia", "SO", "state")
    ]
    assert [m.name for m in find_actors("Niger and Nigeria; Guinea-Bissau")] == [
        "Niger",
        "Nigeria",
        "Guinea-Bissau",
    ]


def test_blocked_phrases_name_no_actor() -> None:
    text = "The Washington Post said ships in the Indian Ocean and the South China Sea"
    assert find_actors(text) == []
    assert find_actors("Latin American leaders in New Mexico") == []


def test_shared_acronym_follows_the_other_mentions() -> None:
    assert found("IAF jets struck Gaza, Israel said")[0][1:3] == ("Israeli Air Force", "IL")
    assert found("IAF jets struck, India said")[0][1:3] == ("Indian Air Force", "IN")
    assert found("IAF jets struck")[0][1:3] == ("Indian Air Force", "IN")
    assert found("PAF jets, Manila said")[0][1:3] == ("Philippine Air Force", "PH")
    assert found("ADF rebels near Beni, DR Congo")[0][1:3] == ("Allied Democratic Forces", None)
    assert found("US and UK")[0][3] == "state"


def test_governments_and_seats() -> None:
    assert found("The Kremlin and the White House")[0][1:] == ("Russia", "RU", "government")
    assert found("The Kremlin and the White House")[1][1:] == ("United States", "US", "government")
    assert all(len(code) == 2 and country_name(code) for code in CAPITAL_GOVERNMENTS.values())
    assert "Sanaa" not in CAPITAL_GOVERNMENTS


def test_offsets_index_the_original_text() -> None:
    text = "«İstanbul» — Türkiye’s army and Iran’s IRGC… ISIS‑K struck."
    mentions = find_actors(text)
    assert [m.text for m in mentions] == ["Türkiye", "Iran", "IRGC", "ISIS‑K"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_articles(path: Path) -> None:
    text = seed_text(path)
    mentions = find_actors(text)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    names = {m.name for m in mentions}
    assert {"Iran", "Pakistan", "Jaish al-Adl", "Islamic Revolutionary Guard Corps"} <= names
    assert ("Tehran", "government") in {(m.text, m.kind) for m in mentions}
    assert all(m.text.lower() != "is" for m in mentions)
    groups = {m.name for m in mentions if m.kind == "group"}
    # Jaish al-Adl and the Islamic State act for no state; Hamas and Hezbollah carry the
    # country they act from (PS, LB), as ACLED codes them
    assert all(m.country_code is None for m in mentions
               if m.kind == "group" and m.name not in {"Hamas", "Hezbollah"})
    assert {(m.name, m.country_code) for m in mentions if m.name in {"Hamas", "Hezbollah"}
            } <= {("Hamas", "PS"), ("Hezbollah", "LB")}
    assert "Islamic State" in groups


def test_no_text_no_mentions() -> None:
    assert find_actors("") == []
    assert find_actors("Strike near Quetta killed two.") == []


# --- lookups -------------------------------------------------------------------------


def test_demonym_lookups() -> None:
    assert demonym_country("Iranian") == "IR"
    assert demonym_country("Pakistanis") == "PK"
    assert demonym_country("pakistani") == "PK"
    assert demonym_country("Kurdish") is None
    assert is_demonym("Kurdish")
    assert is_demonym("Baluch")
    assert not is_demonym("Kurdistan")
    assert demonym_country("Erbil") is None
    assert demonym_country("Congolese") == "CD"
    assert demonym_country("Kosovar") == "XK"


@pytest.mark.parametrize(
    ("word", "code"),
    [("Iranian", "IR"), ("Pakistani", "PK"), ("Iraqi", "IQ"), ("Syrian", "SY"),
     ("Israeli", "IL"), ("Palestinian", "PS"), ("Lebanese", "LB"), ("Yemeni", "YE"),
     ("Saudi", "SA"), ("Emirati", "AE"), ("Qatari", "QA"), ("Turkish", "TR"),
     ("Russian", "RU"), ("Ukrainian", "UA"), ("Belarusian", "BY"), ("Polish", "PL"),
     ("American", "US"), ("U.S.", "US"), ("British", "GB"), ("French", "FR"),
     ("German", "DE"), ("Indian", "IN"), ("Afghan", "AF"), ("Chinese", "CN"),
     ("Taiwanese", "TW"), ("North Korean", "KP"), ("South Korean", "KR"),
     ("Japanese", "JP"), ("Sudanese", "SD"), ("South Sudanese", "SS"), ("Somali", "SO"),
     ("Ethiopian", "ET"), ("Eritrean", "ER"), ("Nigerian", "NG"), ("Malian", "ML"),
     ("Burkinabe", "BF"), ("Nigerien", "NE"), ("Chadian", "TD"), ("Libyan", "LY"),
     ("Egyptian", "EG"), ("Jordanian", "JO"), ("Azerbaijani", "AZ"), ("Armenian", "AM"),
     ("Georgian", "GE"), ("Bahraini", "BH"), ("Omani", "OM"), ("Kuwaiti", "KW"),
     ("Rwandan", "RW"), ("Burmese", "MM"), ("Thai", "TH"), ("Cambodian", "KH"),
     ("Bangladeshi", "BD"), ("Sri Lankan", "LK"), ("Nepali", "NP"), ("Venezuelan", "VE"),
     ("Colombian", "CO"), ("Mexican", "MX"), ("Serbian", "RS")],
)  # fmt: skip
def test_conflict_news_demonyms(word: str, code: str) -> None:
    assert demonym_country(word) == code


@pytest.mark.parametrize(
    "word", ["Kurdish", "Baloch", "Baluch", "Pashtun", "Arab", "Serb", "Croat"])
def test_peoples_without_a_state(word: str) -> None:
    assert is_demonym(word)
    assert demonym_country(word) is None


def test_country_lookups() -> None:
    assert country_name("IR") == "Iran"
    assert country_name("cd") == "Democratic Republic of the Congo"
    assert country_name("ZZ") is None
    assert country_code("United States") == "US"
    assert country_code("U.K.") == "GB"
    assert country_code("DPRK") == "KP"
    assert country_code("Burma") == "MM"
    assert country_code("Atlantis") is None


def test_actor_table() -> None:
    table = actors()
    assert len(table) > 150
    by_name = {a.name: a for a in table}
    assert by_name["Islamic Revolutionary Guard Corps"].country_code == "IR"
    assert "IRGC" in by_name["Islamic Revolutionary Guard Corps"].aliases
    assert by_name["Jaish al-Adl"].country_code is None
    assert by_name["Jaish al-Adl"].operates_in == ("IR", "PK")
    # de facto authorities and militias based in one country carry it, so that their
    # strikes across a border read as cross-border (ACLED's convention)
    assert by_name["Houthis"].country_code == "YE"
    assert by_name["Taliban"].country_code == "AF"
    assert by_name["Hezbollah"].country_code == "LB"
    assert by_name["Wagner Group"].country_code == "RU"
    assert {a.kind for a in table} == {"state", "force", "group"}
    assert all(country_name(a.country_code) for a in table if a.country_code)


def test_bad_table_row_is_a_gazetteer_error(monkeypatch: pytest.MonkeyPatch) -> None:
    row = {"name": "X", "aliases": "", "country_code": "", "kind": "militia", "notes": "",
           "operates_in": ""}  # fmt: skip
    monkeypatch.setattr(actors_module, "_read_tsv", lambda name: [(2, row)])
    with pytest.raises(GazetteerError, match=r"actors\.tsv:2"):
        actors.__wrapped__()


# --- laziness and speed ------------------------------------------------------------


def test_import_loads_nothing() -> None:
    code = (
        "import geomap.actors as a\n"
        "assert a._tables.cache_info().currsize == 0\n"
        "assert a.actors.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_speed_hundreds_of_articles_per_second() -> None:
    texts = [seed_text(path) for path in SEEDS]
    find_actors(texts[0])  # load the tables
    began = time.perf_counter()
    for _ in range(100):
        for text in texts:
            find_actors(text)
    assert time.perf_counter() - began < 1.0  # about 0.1 s on a laptop


def test_liberation_movements_of_the_cold_war_are_groups() -> None:
    found = {a.text: a for a in find_actors(
        "Rhodesian jets hit a ZIPRA camp; the PLO, SWAPO and the ANC condemned the raid.")}
    assert found["Rhodesian"].country_code == "ZW"
    assert all(found[g].kind == "group" and found[g].country_code is None
               for g in ("ZIPRA", "PLO", "SWAPO", "ANC"))


def test_aircraft_only_one_state_flies_name_that_state_s_forces() -> None:
    found = [(a.text, a.country_code, a.kind) for a in find_actors(
        "More than 70 B-29 Superfortresses bombed Sinuiju; AC-130 gunships hit Mogadishu.")]
    assert ("B-29", "US", "force") in found and ("AC-130 gunships", "US", "force") in found
    assert find_actors("A B-26 bomber and two F-16s attacked the base.") == []
    assert [(a.text, a.country_code) for a in find_actors("A B-1 bomber dropped four bombs.")] \
        == [("B-1 bomber", "US")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Irish Republican Army said it had planted the bomb.",
         "Provisional Irish Republican Army"),
        ("Tamil Tiger rebels attacked the base.", "Liberation Tigers of Tamil Eelam"),
        ("Two gunmen of the PFLP fired at an airliner.",
         "Popular Front for the Liberation of Palestine"),
        ("Viet Cong guerrillas shelled the airfield.", "Viet Cong"),
    ],
)
def test_armed_groups_of_past_wars_are_groups_without_a_country(text: str, name: str) -> None:
    found = [(a.name, a.country_code, a.kind) for a in find_actors(text)]
    assert found == [(name, None, "group")]
