"""Tests for geomap._links: which places a strike segment ties to the strike."""

from __future__ import annotations

import pytest

from geomap._clauses import Segment, origin_places, segments, sentences
from geomap._links import linked_places, said_there
from geomap.resolve import geoparse


def whole(text: str) -> Segment:
    return Segment(text, 0, 0, None)


def places(text: str) -> list[tuple[str, int]]:
    return [(t.text, p) for t, p in linked_places(whole(text), text, geoparse(text))]


def test_ambassador_to_a_country_is_not_a_site() -> None:
    text = "Pakistan recalled its ambassador to Iran after drones hit a mosque in Panjgur " \
           "in Balochistan."
    assert places(text) == [("Panjgur", 1), ("Balochistan", 3)]


def test_a_place_before_the_strike_noun_is_a_site() -> None:
    assert places("The Erbil attack killed two people.") == [("Erbil", 1)]


def test_near_makes_a_town_less_precise() -> None:
    assert places("Missiles landed near Aleppo.") == [("Aleppo", 2)]
    assert places("Missiles landed on Aleppo.") == [("Aleppo", 1)]


def test_precision_follows_the_kind_of_place() -> None:
    text = "The attack on Pakistan's southwestern province of Balochistan killed two."
    assert places(text) == [("Pakistan", 4), ("Balochistan", 3)]


def test_a_coordinated_list_of_places_is_tied() -> None:
    text = "Iran launched missiles at Erbil in Iraqi Kurdistan and northeastern Syria."
    assert [p for p, _ in places(text)] == ["Erbil", "Iraqi Kurdistan", "Syria"]


def test_from_a_country_is_an_origin_not_a_site() -> None:
    text = "Missiles fired from Iran hit Erbil."
    assert places(text) == [("Erbil", 1)]
    assert [t.text for t in origin_places(whole(text), text, geoparse(text))] == ["Iran"]


def test_from_iranian_territory_names_no_site() -> None:
    text = "Missiles fired from Iranian territory hit Erbil."
    assert places(text) == [("Erbil", 1)]  # the demonym is not a place at all


def test_places_outside_the_segment_are_left_out() -> None:
    text = "Drones hit Erbil. Missiles hit Kerman."
    toponyms = geoparse(text)
    _, (s2, e2) = sentences(text)
    second = Segment(text[s2:e2], s2, 1, None)
    assert [t.text for t, _ in linked_places(second, text, toponyms)] == ["Kerman"]




def test_the_volga_is_a_river_not_the_town_of_volga() -> None:
    text = "Drones targeted the Engels base near Saratov on the Volga on Monday."
    seg = segments(text, 0, 0, len(text))[0]
    names = [t.text for t, _ in linked_places(seg, text, geoparse(text))]
    assert "Volga" not in names and "Saratov" in names
    text = "US air strikes hit the al-Qaim area on Friday."
    seg = segments(text, 0, 0, len(text))[0]
    assert "al-Qaim" in [t.text for t, _ in linked_places(seg, text, geoparse(text))]
    assert places("Israeli jets had struck the Arak reactor on Monday.") == [("Arak reactor", 1)]


def test_a_site_before_the_speaker_of_the_sentence_is_tied() -> None:
    assert places("Drones set off fires at the Khurais oil field, the interior ministry "
                  "said.") == [("Khurais oil field", 1)]
    assert places("In Washington, the president said drones had struck.") == []




def test_a_street_of_a_town_ties_the_town() -> None:
    text = ("The shell landed in a residential street of Akcakale, in Sanliurfa province, "
            "killing five people.")
    first = next(iter(linked_places(whole(text), text, geoparse(text))))
    assert (first[0].text, first[1]) == ("Akcakale", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Houthi drones struck two pumping stations in the Afif area west of Riyadh.", ["Afif"]),
    ("A drone struck the US-owned bulk carrier 60 nautical miles south-east of Aden.",
     ["Aden"]),
    ("The latest attack comes at a time of high tension in the Gulf.", []),
])
def test_places_that_only_describe_where_others_are(text: str, expected: list[str]) -> None:
    assert [t.text for t, _ in linked_places(whole(text), text, geoparse(text))] == expected



def test_forests_and_a_university_of_a_place_tie_the_place() -> None:
    assert places("Maoist rebels ambushed police in the forests of Dantewada district on "
                  "Tuesday.") == [("Dantewada", 2)]
    assert places("A gunman shot dead 14 women at the University of Montreal's engineering "
                  "school.") == [("Montreal", 1)]


def test_a_place_across_a_river_from_a_town_is_near_the_town() -> None:
    assert places("Six gunmen massacred tourists at Deir el-Bahri, across the Nile from Luxor, "
                  "on Monday.") == [("Luxor", 2)]


def test_the_ports_of_a_list_of_towns_tie_every_town() -> None:
    assert [name for name, _ in places("Israel sent jets against the ports of Hodeidah, Ras "
                                       "Isa and Salif on Monday.")] == [
        "Hodeidah", "Ras Isa", "Salif"]


def test_places_reached_listed_or_outside_a_city_before_the_speaker_are_tied() -> None:
    assert places("After dark, bombers reached as far as Agra.") == [("Agra", 1)]
    assert [n for n, _ in places("Overnight they attacked air bases in the west, among them "
                                 "Sargodha and Masroor, outside Karachi, the ministry said.")
            ] == ["Sargodha", "Masroor", "Karachi"]
    assert places("Mrs Gandhi, who was in Calcutta when the raids began, flew back.") == []


def test_places_after_bombing_are_tied_and_an_allied_country_is_not() -> None:
    assert [n for n, _ in places("On Thursday two jets began bombing Bouaké and Korhogo.")] == [
        "Bouaké", "Korhogo"]
    assert places("The coalition began bombing the Iran-allied Houthis a year ago.") == []


def test_a_country_in_apposition_owns_the_site_it_is_not_another_one() -> None:
    assert places("Japanese bombers raided Singapore, Britain's great naval base at the tip of "
                  "the Malay peninsula.") == [("Singapore", 4)]


def test_a_region_they_came_back_from_is_no_site() -> None:
    assert places("They were killed by bombs as they crossed back from northern Iraq with "
                  "mules.") == []


def test_where_officials_decline_to_speak_is_no_site() -> None:
    assert places("In Washington, officials have declined to discuss the raid in public.") == []
    assert places("In Washington, the State Department condemned the raid.") == []


def test_a_country_opening_a_longer_name_is_no_site() -> None:
    text = "A drone hit the Saudi Teaching Maternal Hospital in El Fasher on Friday."
    assert [p for p, _ in places(text)] == ["El Fasher"]


def test_the_grounds_of_an_airport_are_the_site() -> None:
    text = ("The ballistic missile landed inside the grounds of Ben Gurion airport near Tel "
            "Aviv on Sunday morning after interceptors failed to stop it.")
    assert [p for p, _ in places(text)][:1] == ["Ben Gurion airport"]


@pytest.mark.parametrize("text", [
    "The attacks are the first suicide bombings in western Europe.",
    "The operator's president told reporters in Tokyo that crew members saw flying objects "
    "before the second blast.",
    "Pompeo said in Washington that Iran was behind the attack.",
    "Jets struck targets held by the Movement for Oneness and Jihad in West Africa.",
    "The group said it carried out that attack to avenge cartoons published in Denmark.",
    "In a statement delivered to a news agency in Beirut, the group said the attack avenged "
    "the killing.",
    "A group said in a telephone call to a news agency in Srinagar that it had carried out "
    "the bombings.",
    "Gunmen sprayed customers watching the World Cup match against Italy with automatic fire.",
    "Gunmen fired on fans cheering on the Irish team playing in New Jersey.",
    "The Syrian Observatory, a monitoring group based in Britain, said the strikes hit a "
    "research centre.",
    "Flashes lit up the mountains for hours as waves of planes flew in from bases in Italy.",
])
def test_a_continent_and_where_it_was_said_are_no_sites(text: str) -> None:
    assert places(text) == []


def test_where_it_was_said_is_told_apart_from_where_it_happened() -> None:
    said = "Jets bombed the site. In Washington, officials declined to discuss the raid."
    assert [said_there(said, t) for t in geoparse(said)] == [True]
    seat = ("A grenade exploded at the rally. The African Union, whose headquarters is in "
            "Addis Ababa, and several embassies condemned the attack.")
    assert [said_there(seat, t) for t in geoparse(seat)] == [False]
    protest = ("Russian aircraft pounded the Afghan bank of the river. In Kabul, the Afghan "
               "foreign ministry protested that the Russian strikes had killed many civilians.")
    assert [p for p, _ in places(protest)] == []


def test_a_place_after_from_and_a_possessive_is_no_site() -> None:
    text = ("Two airliners that had taken off from Moscow's Domodedovo airport were blown up, "
            "one crashing in the Tula region.")
    assert "Domodedovo airport" not in [p for p, _ in places(text)]


def test_a_place_after_because_is_a_reason_not_a_site() -> None:
    text = "The group targeted a tanker in the Red Sea because its owner had called at Haifa."
    assert places(text) == [("Red Sea", 3)]


def test_a_sea_before_city_describes_the_coast_of_the_town() -> None:
    text = "Drones struck the airport of Port Sudan, the Red Sea city, on Tuesday."
    assert places(text) == [("Port Sudan", 1)]


def test_the_city_of_a_strike_is_tied_though_the_speaker_follows_it() -> None:
    text = "A man stabbed three people in the city of Solingen, prosecutors said on Sunday."
    assert places(text) == [("Solingen", 1)]


def test_a_town_after_its_street_is_the_site() -> None:
    text = "A bomb destroyed a bar in North Queen Street, Belfast, killing 15 people."
    assert places(text) == [("Belfast", 1)]


def test_a_country_before_its_warships_is_no_site() -> None:
    assert places("Missiles were fired at US warships off Yemen.") == [("Yemen", 4)]


def test_the_city_a_person_comes_from_is_no_site() -> None:
    text = ("A bomb killed 14 people in the metro, and investigators named a man from the "
            "southern city of Osh.")
    assert places(text) == []


def test_a_town_naming_a_junction_or_checkpoint_is_the_site() -> None:
    assert places("A bomber blew himself up at the Ashkelon junction, killing one.") == [
        ("Ashkelon", 1)]


def test_the_tip_of_an_island_town_is_the_site() -> None:
    assert places("Two missiles destroyed the airliner off the southern tip of Qeshm.") == [
        ("Qeshm", 1)]


def test_where_a_jet_was_returning_from_is_no_site() -> None:
    assert places("The jet, returning from a summit in Dar es Salaam, was hit by two missiles "
                  "near Kigali.") == [("Kigali", 2)]


def test_a_state_of_a_country_is_a_site() -> None:
    assert places("Police opened fire on a road blockade in the Amazon state of Pará, and "
                  "said those responsible would be punished.") == [("Pará", 3)]


def test_the_states_a_border_faces_are_not_sites() -> None:
    assert places("Paratroopers attacked the camps along the stretch of border that faces "
                  "the north-eastern states of Manipur and Nagaland.") == []


def test_a_place_naming_a_bomb_is_its_site_unless_only_compared() -> None:
    assert places("The Hiroshima bomb was dropped on Monday morning from the Enola Gay.") == [
        ("Hiroshima", 1)]
    assert places("The blast released some 30 times the power of the Hiroshima bomb.") == []


def test_a_headline_verb_ties_the_place_it_strikes() -> None:
    assert places("Sri Lankan Jets Bomb Jaffna") == [("Jaffna", 1)]


def test_a_long_speaker_phrase_after_a_fronted_city_makes_no_site() -> None:
    text = ("In Washington, US officials speaking on condition of anonymity said the raid had "
            "been carried out by special forces.")
    assert places(text) == []



def test_where_a_troop_was_on_its_way_to_is_no_site() -> None:
    text = ("A car bomb went off as a mounted troop rode past on its way from the barracks to "
            "the daily Changing of the Guard in Whitehall.")
    assert places(text) == []


def test_where_the_victims_had_come_home_from_is_no_site() -> None:
    text = ("Soldiers opened fire on a community of peasants who had come home from refugee "
            "camps in Mexico, killing 11 of them.")
    assert places(text) == []


def test_what_a_war_was_fought_over_is_no_site() -> None:
    text = ("The bombings were meant to spread fear among refugees from the war over "
            "Nagorno-Karabakh.")
    assert places(text) == []


def test_a_town_naming_a_station_is_the_site() -> None:
    text = ("Hooded gunmen ambushed a Navy bus near the Sabana Seca communications station, "
            "killing two sailors.")
    assert [p for p, _ in places(text)] == ["Sabana Seca"]


def test_the_region_a_victim_commanded_is_no_site() -> None:
    text = ("A roadside bomb in Upper Dir district killed Major General Sanaullah Niazi, the "
            "army commander in the Malakand region, and two other soldiers.")
    assert [p for p, _ in places(text)] == ["Upper Dir"]


def test_the_powers_a_government_relies_on_are_no_sites() -> None:
    text = ("A US drone strike hit a compound in eastern Baghdad on Thursday, killing a commander "
            "of a militia that answers more to Tehran than to Baghdad. Its fighters draw state "
            "salaries, which makes strikes on them a delicate matter for a government that "
            "relies on both Washington and Tehran.")
    segs = [seg for i, (s, e) in enumerate(sentences(text)) for seg in segments(text, i, s, e)]
    assert linked_places(segs[-1], text, geoparse(text)) == []


def test_a_strait_named_after_a_land_is_not_that_land() -> None:
    assert places("Cuban fighters shot down two planes of a Miami exile group over the Florida "
                  "Straits north of Havana on Saturday.") == [("Havana", 2)]


def test_a_town_s_airport_after_of_is_a_site() -> None:
    assert places("Gunmen broke through the perimeter fence of Kaduna International Airport "
                  "and shot dead a guard.") == [("Kaduna", 1)]
    assert places("Gunmen shot dead a guard on a flight to Kaduna International Airport.") == []
