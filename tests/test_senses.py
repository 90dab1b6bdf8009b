"""Tests for geomap._senses: sentences with strike words that report no strike."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap._clauses import has_strike
from geomap._senses import is_generic, not_a_strike
from geomap.events import extract_events
from geomap.records import Article, Event
from geomap.resolve import geoparse

MONDAY = dt.date(2023, 4, 10)


def events(text: str) -> list[Event]:
    article = Article(id="t", text=text, title="Test", date=MONDAY)
    return extract_events(article, geoparse(text))


@pytest.mark.parametrize("sentence", [
    "Warships and bombers rehearsed precision strikes on targets across the island.",
    "The navy said its units had carried out simulated missile strikes on Sunday.",
    "Coast guard crews tracked the drills with aircraft and no shots were fired.",
    "Groups opposed to the Navy's bombing and shelling exercises on Vieques have staged "
    "repeated protests on the island's beaches.",
    "North Korea fired two ballistic missiles into the sea off its east coast on Thursday.",
    "Pakistan said it had test-fired a cruise missile with a range of 450 km.",
    "The film recreates the first nuclear test in the desert, and its explosion sequence "
    "was shot without computer effects.",
    "Two costly franchise films bombed at the box office this summer.",
    "In a level called \"No Russian\", the player, an undercover agent, takes part in a "
    "massacre of civilians by terrorists at a Moscow airport.",
    "Junior doctors went on strike in Manchester on Tuesday.",
    "\"It was like a bomb going off under your feet,\" said one roustabout, recovering in "
    "hospital in Aberdeen with burns to his hands and face.",
    "Waves of up to 15 metres struck the west coast of Tongatapu after the eruption.",
    "The Security Council on Saturday condemned South Africa for an air and parachute attack "
    "on a settlement deep inside Angola.",
    "Attack helicopters fired on mock armoured columns and bombers struck targets on the range.",
])
def test_sentences_that_report_no_strike(sentence: str) -> None:
    assert not_a_strike(sentence)


@pytest.mark.parametrize("sentence", [
    "Russian missiles hit an apartment block in Dnipro on Saturday, killing 40 people.",
    "A car bomb exploded outside a police station in Quetta, killing seven.",
    "Israeli jets struck a training camp near Damascus on Monday.",
])
def test_strike_sentences_are_strikes(sentence: str) -> None:
    assert not not_a_strike(sentence)


def test_an_exercise_around_an_island_makes_no_event() -> None:
    text = ("China's military said on Monday it had ended three days of exercises around "
            "Taiwan in which warplanes rehearsed precision strikes on key targets. Last "
            "August China fired ballistic missiles into the waters around Taiwan.")
    assert events(text) == []


def test_an_industrial_explosion_is_not_a_strike_even_beside_a_bomb_comparison() -> None:
    text = ("Tianjin Blast Toll Passes 40\n\nThe death toll from two explosions at a chemical "
            "storage yard in Tianjin rose to 40 on Monday. The blasts tore through a warehouse "
            "late on Saturday after fire crews arrived to tackle a blaze. Residents compared "
            "the scene to a bomb attack.")
    assert events(text) == []


def test_a_chain_of_sewer_explosions_after_a_fuel_leak_is_no_strike() -> None:
    text = ("A series of explosions tore through the sewers under a district of Monterrey on "
            "Sunday morning, killing at least 40 people. Residents had complained of a smell "
            "of petrol for days, and officials said fuel had leaked into the drains.")
    assert events(text) == []


def test_a_bomb_at_a_chemical_plant_is_still_a_strike() -> None:
    text = ("A bomb exploded at the gate of a chemical plant in Quetta on Sunday, killing "
            "three guards. Police said the device had been planted overnight.")
    found = events(text)
    assert [e.location_name for e in found] == ["Quetta"]


def test_to_storm_a_compound_is_no_storm() -> None:
    assert not not_a_strike("A suicide bomber rammed a truck into an army post while other "
                            "militants tried to storm the compound.")
    assert not_a_strike("A storm killed 12 people in the province on Sunday.")


def test_missiles_that_can_strike_anywhere_are_no_strike() -> None:
    text = ("A day after the Games opened, Pyongyang staged a military parade, rolling out "
            "missiles that it says can strike anywhere in the United States.")
    assert events(text) == []


@pytest.mark.parametrize("text", [
    "In Washington, the White House initially described the raid as a legitimate response.",
    "Ban Ki-moon condemned the bombing and called on Khartoum to cease hostilities.",
])
def test_a_comment_on_a_strike_told_before_is_no_strike(text: str) -> None:
    assert not_a_strike(text)


def test_a_comment_with_new_figures_is_still_read() -> None:
    assert not not_a_strike("Israel defended the strike, which killed 12 people in Gaza.")


def test_a_meteor_strike_is_no_strike() -> None:
    assert not_a_strike("A meteor exploded over Chelyabinsk, and the blast injured 1,200.")


def test_what_an_army_seldom_or_rarely_does_is_habitual() -> None:
    assert is_generic("It seldom comments on individual strikes away from the south and the "
                      "southern suburbs of Beirut.")
    assert is_generic("The air force rarely strikes targets so far north.")
    assert is_generic("The targets had been guerrillas planning attacks inside the country.")


def test_stepping_up_strikes_is_a_campaign() -> None:
    assert is_generic("Russia has stepped up its long-range strikes as its troops push east.")
    assert not is_generic("Russian missiles hit an apartment block in Dnipro on Saturday.")


def test_a_controlled_explosion_is_bomb_disposal() -> None:
    assert not_a_strike("Detectives searched six homes in Leeds on Tuesday and made a "
                        "controlled explosion at one of them.")


def test_words_against_a_government_are_no_strike() -> None:
    assert not_a_strike("Opposition leaders attacked the government for rejecting a motion on "
                        "safety at the mines, and bombarded ministers with questions.")


def test_calling_the_bombing_a_terrorist_act_is_a_comment() -> None:
    assert not_a_strike("President Dmitry Medvedev, who was attending a forum in Yaroslavl, "
                        "called the bombing a terrorist act.")


def test_an_accusation_added_after_the_strike_does_not_void_it() -> None:
    assert not is_generic("A government air strike on a crowded market in a village killed "
                          "at least 51 people, health workers said on Wednesday, and soldiers "
                          "were accused of stopping ambulances from reaching the wounded.")
    assert is_generic("Iran accused Israel of the strike, and warned that it would respond.")
    assert is_generic("Violence has risen in the province since the ceasefire ended, and the "
                      "bombing was one of the deadliest in years.")


def test_a_country_accustomed_to_violence_is_no_accusation() -> None:
    assert not is_generic("Gunmen stormed a maternity ward in western Kabul on Tuesday, in an "
                          "assault that horrified a country long accustomed to violence.")


def test_weapons_that_killed_beside_sport_words_are_a_strike() -> None:
    assert not not_a_strike("Firing rifles and a rocket, and rolling a grenade under the team "
                            "bus, they killed eight people, among them the driver of the van "
                            "carrying the match referee.")
    assert not_a_strike("The striker fired home in the 89th minute to win the match.")


def test_an_accusation_of_carrying_out_a_raid_reports_the_raid() -> None:
    text = ("Syria accused the United States on Sunday of carrying out a helicopter raid on a "
            "village near Abu Kamal that killed eight civilians.")
    assert not is_generic(text)
    (event,) = events(text)
    assert (event.location_name, event.attacker_country, event.fatalities) == (
        "Ālbū Kamāl", "US", 8)
    assert event.date is None  # the accusation's day is not the raid's
    assert is_generic("Residents accused the soldiers of stopping ambulances.")


def test_the_men_accused_of_a_killing_is_no_statement_the_killing_is_told() -> None:
    text = ("The operation was launched to seize the men accused of killing the regional "
            "security chief, who was stabbed to death on the outskirts of Khorog on Saturday.")
    assert not is_generic(text)
    assert is_generic("The minister accused the rebels of killing the security chief.")


def test_a_bomber_among_soldiers_rehearsing_for_a_parade_is_a_strike_not_a_drill() -> None:
    assert not not_a_strike("A suicide bomber blew himself up among soldiers rehearsing for a "
                            "military parade, killing more than 90 of them.")
    assert not_a_strike("Soldiers were rehearsing for a military parade when a shell exploded.")


def test_a_campaign_s_toll_since_a_year_is_no_event() -> None:
    assert is_generic("Attacks by groups linked to al Qaeda have killed thousands of people in "
                      "Burkina Faso since 2015.")


def test_a_count_of_claimed_attacks_is_a_campaign_not_an_event() -> None:
    assert is_generic("Groups that call themselves the Islamic Resistance in Iraq have claimed "
                      "more than 100 rocket and drone attacks on US troops in Iraq and Syria.")
    assert is_generic("The rebels launched 40 drone attacks on the city last year.")
    assert not is_generic("The rebels claimed the drone attack on the city on Tuesday.")


def test_a_car_blown_into_the_air_is_a_strike_and_shots_into_the_air_celebrate() -> None:
    text = ("Admiral Luis Carrero Blanco was killed on Thursday morning when a huge charge of "
            "explosives hidden under a street blew his official car into the air.")
    assert has_strike(text) and not not_a_strike(text)
    assert not_a_strike("Fighters fired their rifles into the air as the convoy passed.")


def test_a_falling_number_of_attacks_is_a_trend_not_an_event() -> None:
    assert is_generic("The number of attacks has fallen sharply since 2014 as security forces "
                      "killed hundreds of militants and others left to fight in Syria.")


def test_a_toll_since_a_day_is_a_running_count() -> None:
    assert is_generic("A monitoring group said more than 300 people had been killed in the "
                      "province since Sunday.")
    assert is_generic("The raid carried the war, in which tens of thousands have died since "
                      "Russian troops entered the republic in December, onto Russian soil.")


def test_an_accusation_of_a_massacre_reports_it_and_threatened_air_strikes_are_a_threat() -> None:
    assert not is_generic("Monitors counted 45 bodies in the village of Racak on Saturday, and "
                          "the head of their mission accused Serbian security forces of a "
                          "massacre.")
    assert is_generic("NATO, which threatened air strikes in October, said its ambassadors "
                      "would meet.")


def test_attacks_halted_when_a_ceasefire_took_effect_are_no_event() -> None:
    assert is_generic("The Houthis had halted their attacks on shipping in the Red Sea when a "
                      "ceasefire took effect in Gaza in January.")
