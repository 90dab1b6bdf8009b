"""Tests for geomap._clauses: sentences, segments, and who/where/what inside a segment."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geomap._clauses import (
    Segment,
    attacker_of,
    blamed_actor,
    date_text,
    has_strike,
    segments,
    sentences,
)
from geomap._senses import is_generic
from geomap._sites import nearest_date, target_of
from geomap.actors import find_actors

_TRIGGER = re.compile(r"\b(?:attack|strike|struck|bomb|launch|hit|target|missile|drone)",
                      re.IGNORECASE)


def cut(text: str) -> list[tuple[str, str | None]]:
    """The segments of a one-sentence text, as (stripped text, connector)."""
    (start, end), = sentences(text)
    out = []
    for seg in segments(text, 0, start, end):
        assert text[seg.start : seg.start + len(seg.text)] == seg.text  # offsets map back
        out.append((seg.text.strip(), seg.connector and seg.connector.strip()))
    return out


def whole(text: str) -> Segment:
    return Segment(text, 0, 0, None)


def attacker(text: str) -> tuple[str, str | None] | None:
    m = _TRIGGER.search(text)
    assert m is not None
    found = attacker_of(whole(text), text, find_actors(text), m.start())
    return None if found is None else (found.text, found.country_code)


# --- sentences ----------------------------------------------------------------------


def test_sentences_keep_the_headline_and_paragraphs_apart() -> None:
    text = ("Iran Strikes Pakistan\n\nIranian drones hit a mosque. Two children died.\n"
            "Pakistan recalled its envoy.")
    assert [text[s:e] for s, e in sentences(text)] == [
        "Iran Strikes Pakistan", "Iranian drones hit a mosque.", "Two children died.",
        "Pakistan recalled its envoy."]


def test_sentences_do_not_end_at_an_abbreviation() -> None:
    text = "Gen. Salami said Mr. Smith was wrong. Drones hit Erbil."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Gen. Salami said Mr. Smith was wrong.", "Drones hit Erbil."]
    text = "ROME, Dec. 28 - Gunmen struck at the airports of Rome and Vienna."
    assert [text[s:e] for s, e in sentences(text)] == [text]


def test_no_sentences_in_blank_text() -> None:
    assert sentences("") == []
    assert sentences("  \n\n ") == []


# --- segments -------------------------------------------------------------------------


def test_segment_cut_at_a_day_after() -> None:
    assert cut("The Balochistan attack came a day after Iran launched missiles at Erbil.") == [
        ("The Balochistan attack came", None),
        ("Iran launched missiles at Erbil.", "a day after"),
    ]


def test_segment_cut_at_in_retaliation_to() -> None:
    assert cut("Iran struck militants near Aleppo in retaliation to the Kerman bombings.") == [
        ("Iran struck militants near Aleppo", None),
        ("the Kerman bombings.", "in retaliation to"),
    ]


def test_segment_cut_at_amid() -> None:
    assert cut("This strike comes amid two other missile attacks by the IRGC on Iraq.") == [
        ("This strike comes", None),
        ("two other missile attacks by the IRGC on Iraq.", "amid"),
    ]


def test_segment_cut_at_follows_and_following() -> None:
    assert [c for _, c in cut("The strike follows an attack by the group in Rask.")] == [
        None, "follows"]
    assert [c for _, c in cut("Missiles hit Erbil following a bombing in Kerman.")] == [
        None, "following"]


def test_a_consequence_after_a_comma_is_its_own_segment() -> None:
    text = ("Pictures show a building that was bombed by Israeli aircraft on 6 September, "
            "deepening suspicion that the target was a reactor.")
    assert [c for _, c in cut(text)] == [None, ", deepening"]
    assert has_strike(cut(text)[0][0]) and not is_generic(cut(text)[0][0])


def test_a_sentence_without_connector_is_one_segment() -> None:
    text = "Iranian drones hit a mosque in Panjgur, killing two children."
    assert cut(text) == [(text, None)]


def test_segments_remember_their_sentence_and_offset() -> None:
    text = "Drones hit Erbil. Rockets hit Kerman a day after drones hit Erbil."
    _, (s, e) = sentences(text)
    segs = segments(text, 1, s, e)
    assert [g.sentence for g in segs] == [1, 1]
    assert segs[1].start == text.index(" drones hit Erbil.", s)


# --- strike or not --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Iranian drones hit a mosque and other buildings.",
    "Iran launched ballistic missiles at Erbil.",
    "A suicide bombing targeting a bus killed over two dozen IRGC members.",
    "An attack by the group against a police station left 11 dead.",
    "Iran said Iraqi jets had dropped mustard gas on Sardasht.",
    "Masked men burst into the farmhouse and shot three brothers, killing two of them.",
    "Eritrean planes struck the northern town of Mekele.",
    "Rebels who overran the town last Saturday killed 386 people.",
])
def test_strike_sentences(text: str) -> None:
    assert has_strike(text)
    assert not is_generic(text)


@pytest.mark.parametrize("text", [
    "Pakistan recalled its ambassador to Iran.",
    "The foreign ministry summoned Iran's charge d'affaires.",
    "The Balochistan attack came on Tuesday.",  # a strike word, nothing violent
    "Barcelona struck twice in the second half.",
    "Helicopters dropped leaflets on the town.",  # nothing violent
    "The police shot four of the attackers at the station.",  # not "shot four people"
])
def test_non_strike_sentences(text: str) -> None:
    assert not has_strike(text)


@pytest.mark.parametrize("text", [
    "Jaish al-Adl frequently targets Iranian forces.",
    "Iran could strike the bases with missiles.",
    "The group has conducted multiple attacks against police and border guards.",
    "Officials warned that drones might hit the base.",
    "On Jolo, clashes with Abu Sayyaf fighters have killed dozens in the past week.",
])
def test_habitual_or_hypothetical_statements_are_generic(text: str) -> None:
    assert is_generic(text)


# --- the attacker ---------------------------------------------------------------------


def test_attacker_as_modifier_of_the_weapon() -> None:
    assert attacker("Iranian drones hit a mosque in Panjgur.") == ("Iranian", "IR")


def test_attacker_as_subject_of_the_strike_verb() -> None:
    assert attacker("Iran launched missiles at Erbil.") == ("Iran", "IR")


def test_attacker_as_agent_after_by() -> None:
    assert attacker("An attack by the IRGC on a base in Erbil killed three.") == ("IRGC", "IR")


def test_the_speaker_is_not_the_attacker() -> None:
    assert attacker("Pakistan said Iranian drones hit a mosque.") == ("Iranian", "IR")


@pytest.mark.parametrize("text", [
    "Missiles launched against Iran killed two.",
    "The strikes in Iran killed two.",
    "Drones hit a market.",
    "US Ambassador and Three Other Americans Killed in Benghazi Consulate Attack",
    "Armed men stormed the US consulate in Benghazi in a night attack.",
    "The United States and Britain charged two officers with planting the bomb.",
    "Officials raised the US death toll from Wednesday's attack to four.",
    "The Vietnam News Agency said the bombs fell late on Tuesday night.",
    "Three gunmen killed 17 people in and around Paris in the country's worst attacks in "
    "decades.",
    "Gunmen dressed as medics began their attack on the hospital in Kabul, a few hundred metres "
    "from the US embassy.",
    "Drones Hit Russian Bomber Bases Far From Ukraine",
    "Indian commandos were still searching the air force station at Pathankot for the gunmen "
    "who stormed it, as politicians asked how the attackers had got in.",
    "Witnesses who reached Hungary and Yugoslavia said that soldiers attacked crowds.",
    "Navy jets supporting the invasion of Grenada bombed a mental hospital.",
    "Twin-engined bombers attacked three Cuban air bases at dawn, bombing aircraft.",
    "London Bombers Were Four Britons Who Died in the Blasts, Police Say",
    "Moscow Metro Blasts Hit Rush-Hour Trains",
    "Militants ambushed a Tajik army convoy in a gorge, and the attack killed 23 soldiers.",
    "Its master told Britain's UKMTO agency that a small craft had struck the stern.",
])
def test_no_attacker_when_the_actor_is_a_place_a_victim_a_speaker_or_absent(text: str) -> None:
    assert attacker(text) is None


def test_a_defence_force_speaking_of_its_units_is_the_attacker() -> None:
    assert attacker("The South African Defence Force said its ground and air units had "
                    "attacked ANC centres in Zimbabwe.") == ("South African", "ZA")


def test_the_group_holding_a_town_is_not_the_attacker() -> None:
    assert attacker("American commandos came ashore at Barawe, a port town held by the "
                    "Islamist militant group al-Shabaab, and attacked a seaside house.") == (
        "American", "US")


def test_the_aircraft_shot_down_is_not_the_attacker() -> None:
    text = "French troops shot down a Libyan bomber over N'Djamena with a Hawk missile."
    found = attacker_of(whole(text), text, find_actors(text), text.index("bomber"))
    assert found is not None and found.country_code == "FR"


def test_whose_target_it_was_is_not_the_attacker() -> None:
    text = "In Botswana, troops landed by helicopter attacked an ANC target at Mogoditshane."
    found = attacker_of(whole(text), text, find_actors(text), text.index("target"))
    assert found is None


def test_an_armed_group_is_an_attacker_without_a_country() -> None:
    assert attacker("Jaish al-Adl attacked a police station in Rask.") == (
        "Jaish al-Adl", None)


# --- the target -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("the strikes with missiles and drones targeted the “headquarters” of Jaish al-Adl "
     "in Balochistan", "headquarters of Jaish al-Adl"),
    ("three or four Iranian drones hit a mosque and other buildings, including a house",
     "mosque and other buildings"),
    ("an attack by the group against a police station in Rask last month", "police station"),
    ("a suicide bombing targeting a bus killed over two dozen IRGC members", "bus"),
])
def test_target(text: str, target: str) -> None:
    assert target_of(text) == target


@pytest.mark.parametrize("text", [
    "missiles struck Erbil on Monday",  # a bare place is the location
    "the strikes hit their targets",
    "Iranian drones were seen over the border",
])
def test_no_target(text: str) -> None:
    assert target_of(text, ("Erbil",)) is None


def test_target_is_the_object_of_attacked() -> None:
    assert target_of("Jaish al-Adl attacked a police station in Rask last month") == (
        "police station")


def test_a_phrase_naming_the_location_is_not_a_target() -> None:
    text = "Iran struck the city of Erbil with missiles"
    assert target_of(text, ("Erbil",)) is None
    assert target_of(text) == "city of Erbil"


def test_opening_fire_on_protesters_is_a_strike_even_before_the_toll() -> None:
    assert has_strike("Security forces opened fire on thousands of protesters in the capital.")
    assert not has_strike("Security forces opened fire in the air over the capital.")


def test_an_armed_group_killing_people_is_a_strike_but_attackers_killed_is_not() -> None:
    assert has_strike("Suspected Boko Haram fighters killed at least 110 civilians.")
    assert has_strike("Militants reportedly killed 12 soldiers at a checkpoint.")
    assert not has_strike("The minister said all four attackers had been killed.")
    assert not has_strike("The attackers were killed by police.")


# --- rules added after test set 7 ---------------------------------------------------------


def test_a_surge_in_attacks_is_habitual() -> None:
    assert is_generic("Relations have soured over a surge in attacks by the TTP.")
    assert not is_generic("Iraq condemned a wave of American air strikes that killed 25.")


def test_a_string_of_strikes_in_apposition_keeps_the_event() -> None:
    assert not is_generic("A Houthi attack on Abha airport killed one man late on Sunday, the "
                          "first death in a string of Houthi strikes on the kingdom's airports.")


def test_called_off_strikes_are_no_event() -> None:
    assert is_generic("Trump said he had called off retaliatory strikes on Iran at the last "
                      "minute because they could have killed 150 people.")


@pytest.mark.parametrize(("text", "trigger", "not_cc"), [
    ("An air force jet bombed a camp for people displaced by Boko Haram at Rann.", "bombed",
     None),  # not Boko Haram: checked by name below
    ("Ivory Coast began three days of national mourning on Monday after gunmen stormed "
     "beachfront hotels in Grand-Bassam, killing 16 people.", "stormed", "CI"),
    ("The Royal Navy destroyer HMS Sheffield was hit by an air-launched missile fired by an "
     "Argentine jet.", "hit", "GB"),
    ("Kyiv Orders Inquiry Into College Strike as Lviv Counts Its Dead", "Strike", "UA"),
    ("Ukraine's ground forces opened an investigation into how so many cadets were killed at "
     "a military college.", "killed", "UA"),
    ("The pilotless V-1s launched from the French coast fell on London.", "launched", "FR"),
])
def test_who_is_not_the_attacker(text: str, trigger: str, not_cc: str | None) -> None:
    found = attacker_of(whole(text), text, find_actors(text), text.index(trigger))
    assert found is None or (found.country_code != not_cc if not_cc else
                             found.name != "Boko Haram")


@pytest.mark.parametrize(("text", "trigger", "cc"), [
    ("The Ukrainian navy said it had destroyed a large landing ship at Berdyansk.",
     "destroyed", "UA"),
    ("The frigate was hit by two missiles fired by an Iraqi Mirage jet on Sunday.", "hit", "IQ"),
    ("The Pentagon confirmed that Ahmed Abdi Godane, the leader of the Somali militant group "
     "al-Shabaab, had been killed in an American air strike on Monday.", "strike", "US"),
])
def test_who_is_the_attacker(text: str, trigger: str, cc: str) -> None:
    found = attacker_of(whole(text), text, find_actors(text), text.index(trigger))
    assert found is not None and found.country_code == cc


def test_a_nationality_before_an_aircraft_model_is_the_attacker() -> None:
    text = "Iranian F-4 Phantoms then bombed the al-Rashid air base on the outskirts of Baghdad."
    found = attacker_of(whole(text), text, find_actors(text), text.index("bombed"))
    assert found is not None and found.country_code == "IR"


def test_a_sentence_opening_on_after_has_its_main_clause_apart() -> None:
    text = "After Libya fired missiles at US aircraft, US Navy jets struck a missile site."
    ((s, e),) = sentences(text)
    assert [(g.connector, g.text) for g in segments(text, 0, s, e)] == [
        ("after", "Libya fired missiles at US aircraft"),
        (None, "US Navy jets struck a missile site.")]


def test_soldiers_who_were_killed_are_victims_not_attackers() -> None:
    assert attacker("At least 33 Turkish soldiers were killed in an air strike in Idlib.") is None
    assert attacker("Turkish soldiers stormed the village in an attack.") == ("Turkish", "TR")


def test_artillery_fire_is_a_strike_and_calls_to_stop_strikes_are_not() -> None:
    assert has_strike("Syrian artillery fire near Saraqeb killed seven Turkish soldiers.")
    assert is_generic("Stoltenberg urged Damascus and Moscow to stop what he called "
                      "indiscriminate air strikes.")
    assert ("Rocket Fire on Safed", "answers") in cut(
        "South Lebanon Buries Ten Civilians After Israel Answers Rocket Fire on Safed")
    assert attacker("Turkey blamed the forces of President Bashar al-Assad for the strike.") == (
        "forces of President Bashar al-Assad", "SY")


def test_a_headline_cuts_at_as_before_another_actor_s_strike() -> None:
    assert cut("Somalia Buries Dead of Mogadishu Truck Bomb as US Strikes Al-Shabaab")[1] == (
        "US Strikes Al-Shabaab", "as")
    assert is_generic("The United States has carried out more strikes in Somalia this year.")
    assert has_strike("Minutes later, a third device went off on a street in Denpasar.")


def test_the_day_of_a_deadline_dates_no_strike() -> None:
    assert "Monday" not in date_text("The militants had not claimed the attack by Monday.")
    assert "April 23" not in date_text("COLOMBO, April 23 - Air force planes bombed camps "
                                       "around Jaffna on Wednesday.")
    assert "Sunday" not in date_text("The toll from Friday's bombing rose to four on Sunday.")
    assert "July" not in date_text("The PLO fired rockets, breaking a ceasefire that had held "
                                   "along the border since last July.")
    assert "Monday" not in date_text("A fifth victim died of injuries on Monday.")
    filed = date_text("BAGHDAD (Jan 5) - A US drone strike on Thursday destroyed a vehicle.")
    assert "Jan 5" not in filed and "Thursday" in filed


def test_after_one_of_its_jets_cuts_the_sentence() -> None:
    assert cut("French forces destroyed the air force on Saturday, hours after one of its "
               "jets bombed a French position.")[1] == ("one of its jets bombed a French "
                                                     "position.", "after")


def test_and_before_another_side_s_strike_cuts_the_sentence() -> None:
    parts = cut("Pakistani aircraft bombed air bases across northern India on Friday evening and "
                "Indian planes struck back overnight at airfields in Pakistan.")
    assert parts[1] == ("Indian planes struck back overnight at airfields in Pakistan.", "and")


def test_a_weekday_beats_a_part_of_the_day_further_from_the_strike_word() -> None:
    text = ("Jets bombed the air base at Amritsar on Friday, and officials counted the damage "
            "overnight.")
    found = nearest_date(whole(text), dt.date(1971, 12, 4))
    assert found is not None and found.value == "1971-12-03"


def test_an_air_raid_is_a_strike() -> None:
    assert has_strike("El Salvador opened a war between the two neighbours with an air raid on "
                      "Tegucigalpa.")


def test_a_bombing_that_prosecutors_blame_on_iran_is_iran_s() -> None:
    assert attacker("A car bomb destroyed the centre, a bombing that Argentine prosecutors "
                    "blame on Iran.") == ("Iran", "IR")


@pytest.mark.parametrize("text", ["Israel Pauses Air Raids on South Lebanon",
                                  "Israel has agreed to halt air raids on southern Lebanon."])
def test_a_pause_in_air_raids_is_no_raid(text: str) -> None:
    assert is_generic(text)


def test_a_country_counting_its_dead_after_two_attacks_is_not_their_attacker() -> None:
    text = "Colombia counted its dead on Friday after two attacks hours apart killed 19 people."
    assert cut(text)[1][1] == "after"
    assert attacker(text) is None


def test_from_names_an_agent_only_after_a_strike_word() -> None:
    assert attacker("The blast's shock wave hit Alaska and was picked up by barometers from New "
                    "Zealand to Britain.") is None
    assert attacker("Debris from a ballistic missile fired from Yemen killed a man in Riyadh.") \
        == ("Yemen", "YE")


def test_the_day_of_a_confession_dates_no_strike() -> None:
    assert "Friday" not in date_text("She confessed on Friday that she had planted the bomb "
                                     "that destroyed the airliner in November.")


def test_commandos_and_those_the_bombing_is_blamed_on_by_a_government_are_attackers() -> None:
    assert attacker("Israeli Commandos Free Hostages in Attack on Entebbe Airport") == (
        "Israeli", "IL")
    assert attacker("The bombing was blamed by the Basque government on German airmen.") == (
        "German", "DE")


def test_an_agent_in_quotation_marks_is_the_attacker() -> None:
    assert attacker('Aguirre said the town had been destroyed in the bombing by "German airmen '
                    'in the service of the Spanish rebels".') == ("German", "DE")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("American and British warplanes, warships and a submarine struck Houthi military "
         "sites across Yemen overnight.", ("American", "US")),
        ("US and Britain Strike Houthi Targets Across Yemen", ("US", "US")),
        ("American-led warplanes and cruise missiles opened the war with raids on Baghdad.",
         ("American", "US")),
        ("An Israeli F-16 dropped a one-tonne bomb on a crowded neighbourhood of Gaza City.",
         ("Israeli", "IL")),
        ("A cameraman was killed when missiles fired from the direction of Israel struck "
         "reporters near the village.", ("Israel", "IL")),
    ],
)
def test_of_two_attackers_the_first_and_from_the_direction_of_one_is_read(
        text: str, expected: tuple[str, str | None]) -> None:
    assert attacker(text) == expected


def test_a_knife_attack_is_a_strike_and_an_execution_is_not() -> None:
    assert has_strike("A young man stabbed three people to death inside the basilica in Nice.")
    assert not has_strike("Four Saudi men convicted of that attack were beheaded in Riyadh.")


def test_airliners_blown_up_are_a_strike() -> None:
    assert has_strike("Two airliners were blown up almost simultaneously, killing all 90 people "
                      "on board.")


def test_a_missile_that_tore_open_a_building_struck_it() -> None:
    assert has_strike("Rescuers pulled more bodies from the regional administration building "
                      "that a Russian missile tore open on Tuesday morning.")


def test_a_radio_of_a_state_that_reports_a_claim_is_not_blamed() -> None:
    text = "Callers to Israel Radio claimed the attack for Hamas."
    assert blamed_actor(Segment(text, 0, 0, None), text, find_actors(text)) is None


def test_a_state_accused_of_carrying_out_the_raid_is_blamed_but_not_in_a_counter_charge() -> None:
    text = "Its foreign minister accused Libya on Sunday of carrying out the raid."
    found = blamed_actor(Segment(text, 0, 0, None), text, find_actors(text))
    assert found is not None and found.country_code == "LY"
    text = "Separatist leaders denied any role and accused Cameroon of carrying out the attack."
    assert blamed_actor(Segment(text, 0, 0, None), text, find_actors(text)) is None
    text = "The head of the mission accused Serbian security forces of a massacre."
    found = blamed_actor(Segment(text, 0, 0, None), text, find_actors(text))
    assert found is not None and found.country_code == "RS"
    text = "The president accused Libya of trying to silence the radio station."
    assert blamed_actor(Segment(text, 0, 0, None), text, find_actors(text)) is None


def test_the_agent_of_an_attack_a_strike_was_meant_to_foil_is_not_its_attacker() -> None:
    text = ("The Israeli military said its aircraft struck a compound near Damascus to foil "
            "what it called an imminent attack by Iran's Quds Force.")
    seg = Segment(text, 0, 0, None)
    found = attacker_of(seg, text, find_actors(text), text.index("struck"))
    assert found is not None and found.country_code == "IL"


def test_shooting_down_an_aircraft_is_a_strike_but_not_shooting_down_drones() -> None:
    assert has_strike("The cruiser shot down an Iranian passenger jet over the strait, killing "
                      "all 290 people aboard.")
    assert not has_strike("Air defences shot down 30 drones over the capital overnight.")
    assert has_strike("A plane carrying the presidents of Rwanda and Burundi was shot down as "
                      "it came in to land.")


def test_setting_off_explosives_is_a_strike() -> None:
    assert has_strike("The visitor bent to greet Rabbani and set off explosives hidden in his "
                      "turban, killing him.")


def test_a_nationality_before_air_raids_of_a_campaign_is_not_taken_as_their_modifier() -> None:
    text = "The truce followed nearly two weeks of Israeli air raids on Iran."
    assert attacker_of(whole(text), text, find_actors(text), text.index("raids")) is None


def test_men_machine_gunned_in_barns_were_struck() -> None:
    assert has_strike("The men were led in groups into barns and garages and machine-gunned.")


def test_the_verdict_and_filing_days_do_not_date_the_massacre() -> None:
    text = ("BORDEAUX, Friday - A French military tribunal sentenced two former SS men to death "
            "in the early hours of today for the massacre at Oradour-sur-Glane.")
    assert nearest_date(whole(text), dt.date(1953, 2, 13)) is None


def test_firing_at_protesters_is_a_strike_firing_at_open_ground_is_not() -> None:
    assert has_strike("Videos showed soldiers firing at protesters outside the building.")
    assert not has_strike("Its artillery had been firing at open ground used by militants.")


def test_artillery_that_lobbed_shells_struck() -> None:
    assert has_strike("Ugandan artillery on the outskirts lobbed shells over the city centre.")
