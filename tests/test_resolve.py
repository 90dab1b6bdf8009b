"""Resolution (geomap.resolve): seed articles, ambiguous names, explanations, gold spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.gazetteer import haversine_km, load_gazetteer
from geomap.ingest import read_articles
from geomap.records import Article, Mention, Toponym
from geomap.resolve import geoparse, resolve, resolve_spans
from geomap.toponyms import find_mentions

ROOT = Path(__file__).resolve().parents[1]

# seeds/EXPECTED.md: the places that must resolve correctly, with rough points
# mention text -> (country, kind, lat, lon)
SEED_PLACES: dict[str, dict[str, tuple[str, str, float, float]]] = {
    "000_ab62be1e5a254e21": {
        "Balochistan": ("PK", "adm1", 28.5, 65.5),
        "Sistan and Baluchestan": ("IR", "adm1", 28.0, 60.9),
        "Tehran": ("IR", "populated", 35.69, 51.42),
        "Erbil": ("IQ", "populated", 36.19, 44.01),
        "Islamabad": ("PK", "populated", 33.72, 73.04),
        "Syria": ("SY", "country", 35.0, 38.5),
    },
    "004_20d6123dc004915c": {
        "Balochistan": ("PK", "adm1", 28.5, 65.5),
        "Sistan and Balochestan Province": ("IR", "adm1", 28.0, 60.9),
        "Rask": ("IR", "populated", 26.23, 61.40),
        "Kerman": ("IR", "populated", 30.28, 57.08),
        "Tehran": ("IR", "populated", 35.69, 51.42),
        "Erbil": ("IQ", "populated", 36.19, 44.01),
        "Idlib": ("SY", "populated", 35.93, 36.63),
        "Aleppo": ("SY", "populated", 36.20, 37.16),
    },
}
DEMONYMS = {"Iranian": "IR", "Pakistani": "PK", "Israeli": "IL", "Kurdish": None}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    result = read_articles([ROOT / "seeds"])
    return {a.id: a for a in result.articles}


@pytest.mark.parametrize("article_id", sorted(SEED_PLACES))
def test_seed_places_found_and_resolved(seeds: dict[str, Article], article_id: str) -> None:
    toponyms = geoparse(seeds[article_id].text)
    by_text: dict[str, list[Toponym]] = {}
    for t in toponyms:
        by_text.setdefault(t.text, []).append(t)
    for text, (cc, kind, lat, lon) in SEED_PLACES[article_id].items():
        assert text in by_text, f"{text} not found in {article_id}"
        for t in by_text[text]:
            assert (t.country_code, t.kind) == (cc, kind), (text, t)
            assert haversine_km(t.lat, t.lon, lat, lon) < 150, (text, t.lat, t.lon)


def test_balochistan_provinces_not_confused(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        for t in geoparse(article.text):
            if "Balochistan" in t.text and "Sistan" not in t.text:
                assert t.country_code == "PK"
            if "Sistan" in t.text or "Baluchestan" in t.text or "Balochestan" in t.text:
                assert t.country_code == "IR"


@pytest.mark.parametrize("article_id", sorted(SEED_PLACES))
def test_seed_demonyms_are_not_places(seeds: dict[str, Article], article_id: str) -> None:
    text = seeds[article_id].text
    place_texts = {t.text for t in geoparse(text)}
    assert not place_texts & set(DEMONYMS)
    found = {m.text: m.country_code for m in find_mentions(text) if m.kind == "demonym"}
    for word, cc in DEMONYMS.items():
        if word in text:
            assert found.get(word, "missing") == cc, word


def test_arbil_is_erbil() -> None:
    [t] = geoparse("Missiles struck Arbil overnight, officials said.")
    assert (t.name, t.country_code) == ("Erbil", "IQ")


# ---- ambiguous names: each resolved by the company it keeps


def _pick(text: str, name: str) -> Toponym:
    hits = [t for t in geoparse(text) if t.text == name]
    assert hits, f"{name} not found in {text!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Clashes erupted in Tripoli, the main city of northern Lebanon, a day after "
         "protests in Beirut.", "Tripoli", "LB", None),
        ("Militias fought for control of Tripoli as Libya's rival governments traded "
         "blame.", "Tripoli", "LY", None),
        ("Floods hit Hyderabad in Sindh, and officials in Karachi said relief was on its "
         "way.", "Hyderabad", "PK", "Sindh"),
        ("Hyderabad, the capital of Telangana, hosted the summit; ministers flew in from "
         "Delhi.", "Hyderabad", "IN", "Telangāna"),
        ("Russian tanks rolled towards Tbilisi as Georgia asked for help.", "Georgia", "GE",
         None),
        ("Georgia and Russia traded accusations over the breakaway regions.", "Georgia",
         "GE", None),
        ("Storms in Georgia knocked out power across Atlanta on Tuesday.", "Georgia", "US",
         None),
        ("Farmers in Punjab protested in Lahore against new taxes.", "Punjab", "PK", None),
        ("Farmers in Punjab marched from Amritsar to the state capital.", "Punjab", "IN",
         None),
        ("Indian jets struck Balakot in Khyber Pakhtunkhwa early on Tuesday.", "Balakot",
         "PK", "Khyber Pakhtunkhwa"),
    ],
)
def test_ambiguous_names(text: str, name: str, country: str, admin1: str | None) -> None:
    t = _pick(text, name)
    assert t.country_code == country, t
    if admin1 is not None:
        assert t.admin1 == admin1


def test_container_pattern_picks_the_us_town() -> None:
    t = _pick("The fire in Paris, Texas, destroyed two homes.", "Paris")
    assert (t.country_code, t.admin1) == ("US", "Texas")
    assert any(r.startswith("in Texas") for r in t.reasons)


def test_a_town_in_the_northern_region_named_next_is_that_region_s() -> None:
    t = _pick("KYIV - Missiles hit a training centre at Desna, in the northern Chernihiv "
              "region, a week ago.", "Desna")
    assert t.admin1 == "Chernihivska oblast"
    assert any(r.startswith("in Chernihivska oblast") for r in t.reasons)


def test_a_country_before_village_of_is_the_country() -> None:
    t = _pick("NATO bombs fell on a field outside the Kosovo village of Korisa.", "Kosovo")
    assert t.kind == "country"


def test_one_sense_per_discourse() -> None:
    text = ("Paris Library to offer Illinois skills workshop. The Paris Public Library will "
            "offer a workshop for job seekers. Paris police also attended, as did Danville.")
    paris = [t for t in geoparse(text) if t.text == "Paris"]
    assert len(paris) == 3
    assert {(t.country_code, t.admin1) for t in paris} == {("US", "Illinois")}
    # the other mentions of "Paris" are not context for each other
    assert not any("Île-de-France" in r for t in paris for r in t.reasons)


def test_capital_outranks_namesakes_without_context() -> None:
    t = _pick("Officials in Washington said the sanctions would stay.", "Washington")
    assert t.admin1 == "District of Columbia"


def test_alternate_name_yields_to_exact_name() -> None:
    # "Salisbury" is a former name of Harare; towns called Salisbury come first
    t = _pick("The council of Salisbury met on Monday.", "Salisbury")
    assert t.country_code != "ZW"


# ---- explanations


def test_explanations_are_kept() -> None:
    t = _pick("Drones hit Panjgur in Balochistan.", "Panjgur")
    assert t.score > 0
    assert t.reasons[0].startswith("prior ")
    assert "in Balochistan +4.0" in t.reasons
    tripoli = _pick("Clashes erupted in Tripoli near Beirut, Lebanon.", "Tripoli")
    assert tripoli.runner_up is not None and "LY" in tripoli.runner_up
    assert tripoli.runner_up_score is not None and tripoli.runner_up_score < tripoli.score


def test_weak_guesses_are_dropped_by_geoparse_only() -> None:
    gaz = load_gazetteer()
    text = "The Ghazni river rose."
    mentions = [m for m in find_mentions(text, gaz) if m.kind == "place"]
    assert len(resolve(text, mentions, gaz)) == len(mentions)
    assert all(t.score >= 3.0 for t in geoparse(text, gaz))


def test_resolve_skips_demonyms() -> None:
    text = "Iranian drones hit Panjgur."
    mentions = find_mentions(text)
    out = resolve(text, mentions)
    assert out[0] is None and out[1] is not None and out[1].name == "Panjgur"
    assert resolve("x", [Mention(0, 1, "x", "demonym", "IR")]) == [None]


# ---- gold spans: forms that are not names


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Russian troops left the town.", "Russian", "Russia"),
        ("Russians and Palestinians voted.", "Palestinians", "Palestinian Territory"),
        ("European leaders met in Brussels.", "European", "Europe"),
        ("African Union envoys arrived in Addis Ababa.", "African", "Africa"),
        ("Many Ohioans commute to Cincinnati.", "Ohioans", "Ohio"),
        ("A Texan rancher sued in Dallas.", "Texan", "Texas"),
        ("Scottish voters went to the polls in Glasgow.", "Scottish", "Scotland"),
        ("He was born in Fresno, Calif., in 1950.", "Calif.", "California"),
        ("Route closed near Charleston, W. Va., after a slide.", "W. Va.", "West Virginia"),
        ("Tension rose in the Gulf after Iran seized a tanker.", "Gulf", "Persian Gulf"),
        ("The EU and Britain agreed.", "EU", "European Union"),
    ],
)
def test_resolve_spans_reads_forms_that_are_not_names(text: str, span: str, name: str) -> None:
    start = text.index(span)
    [t] = resolve_spans(text, [(start, start + len(span))])
    assert t is not None and t.name == name


def test_resolve_spans_is_parallel_and_reads_context() -> None:
    text = "Clashes in Tripoli. Lebanon's army deployed. Qwzx Street was closed."
    spans = [(11, 18), (text.index("Qwzx"), text.index("Qwzx") + 11)]
    out = resolve_spans(text, spans)
    assert len(out) == 2
    assert out[0] is not None and out[0].country_code == "LB"
    assert out[1] is None


# ---- facility names, provinces by their admin word, capitals standing for governments


def _found(text: str) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.country_code, t.kind) for t in geoparse(text)]


def test_facility_names_abroad_are_not_towns() -> None:
    # Zion (Illinois), St. Sebastian (Austria), Shangri-La (China), Kingsbury (US) each
    # match only as a facility's name, and nothing else of the text is in their country
    text = ("Bombers struck St Sebastian's Church in Negombo, the Shangri-La and Kingsbury "
            "hotels in Colombo and Zion Church in Batticaloa, Sri Lanka.")
    assert [name for name, _, _ in _found(text)] == ["Negombo", "Colombo", "Batticaloa",
                                                     "Sri Lanka"]


def test_facility_names_keep_towns_the_text_supports() -> None:
    assert _found("Shells hit the Kupiansk market in Kharkiv oblast, Ukraine.")[0] == (
        "Kupiansk", "UA", "populated")
    # with no other place in the text there is nothing to contradict the town
    assert _found("Shells hit the Kupiansk market.") == [("Kupiansk", "UA", "populated")]
    # big cities by their own name are kept
    text = "Kabul hospital staff went on strike in Pakistan."
    assert ("Kabul", "AF", "populated") in _found(text)


def test_facility_explanation() -> None:
    text = "Bombers struck Zion Church and a hotel in Colombo, Sri Lanka."
    places = [m for m in find_mentions(text) if m.kind == "place"]
    zion = resolve(text, places)[0]
    assert zion is not None and any(r.startswith("facility name ('church')")
                                    for r in zion.reasons)
    assert [t.text for t in geoparse(text)] == ["Colombo", "Sri Lanka"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The health ministry in Saada province said 51 people were killed.", "Saada", "adm1"),
        ("Missiles were fired over Russia's Kursk region, Ukraine said.", "Kursk", "adm1"),
        ("Drones hit the Russian city of Kursk.", "Kursk", "populated"),
        ("Drones struck the republic of Tatarstan, Russia.", "Tatarstan", "adm1"),
        ("Shelling hit Belgorod Oblast overnight.", "Belgorod Oblast", "adm1"),
    ],
)
def test_provinces_named_by_their_admin_word(text: str, name: str, kind: str) -> None:
    t = _pick(text, name)
    assert (t.kind, t.country_code) == (kind, "YE" if name == "Saada" else "RU")


def test_news_spellings_in_the_supplement() -> None:
    assert _pick("Turkish jets pounded Ras al-Ain, Syria.", "Ras al-Ain").country_code == "SY"
    molenbeek = _pick("He grew up in the Brussels district of Molenbeek.", "Molenbeek")
    assert molenbeek.admin1 is not None and "Brux" in molenbeek.name + molenbeek.admin1


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian drones hit refineries in Russia's Tatarstan, prompting unease in Washington.",
        "Governments in Washington, Canberra and Warsaw pressed Israel over the strike in Gaza.",
        "The blast tore through the port of Beirut, Lebanon. In Washington, President Donald "
        "Trump said it looked like an attack.",
    ],
)
def test_far_capitals_standing_for_governments_are_left_out(text: str) -> None:
    assert "Washington" not in [t.text for t in geoparse(text)]
    # resolve itself still reads the name (gold spans, explanations)
    mentions = [m for m in find_mentions(text) if m.text == "Washington"]
    assert all(t is not None for t in resolve(text, mentions))


@pytest.mark.parametrize(
    "text",
    [
        "A gunman opened fire in Washington on Sunday.",
        "Moscow said the talks failed, and Washington told allies.",
        "Officials in Washington, Virginia and Maryland closed schools.",
        "Drones hit Kyiv, prompting unease in Washington, where Congress met in Washington.",
    ],
)
def test_capitals_of_the_story_stay(text: str) -> None:
    assert "Washington" in [t.text for t in geoparse(text)]


def test_facility_names_alone_are_not_penalised() -> None:
    # only facility names: nothing in the text contradicts the towns
    assert [t.country_code for t in geoparse("Shelling hit Kupiansk market and Izium hospital.")
            ] == ["UA", "UA"]


def test_a_small_far_town_nothing_supports_is_dropped() -> None:
    text = ("Iranian missiles hit the headquarters of a Kurdish party in Koya, in Erbil province "
            "of Iraq, on Saturday. Baghdad and Erbil condemned the strike.")
    found = [(t.text, t.country_code) for t in geoparse(text)]
    assert ("Koya", "JP") not in found
    assert ("Erbil", "IQ") in found


def test_a_weak_guess_in_a_country_the_text_never_names_is_dropped() -> None:
    text = ("French helicopters attacked a column of trucks near Konna, a town about 60 km "
            "north-east of Mopti, in Mali. The jets took off from Saint-Dizier in France. "
            "Britain is lending two transport planes.")
    found = [(t.text, t.country_code) for t in geoparse(text)]
    assert not [c for _, c in found if c == "IE"]  # Conna, a village in Ireland
    assert ("Mopti", "ML") in found and ("Saint-Dizier", "FR") in found


def test_congo_is_the_drc_when_the_text_is_about_the_drc() -> None:
    text = "Ugandan jets struck camps in eastern Congo, in Beni territory, North Kivu province."
    assert next(t for t in geoparse(text) if t.text == "Congo").country_code == "CD"
    text = "In Congo, President Sassou Nguesso said in Brazzaville that talks would resume."
    assert next(t for t in geoparse(text) if t.text == "Congo").country_code == "CG"


def test_a_village_is_not_a_city_that_shares_an_alternate_name() -> None:
    text = ("A landmine exploded under a bus in the Chitwan district of southern Nepal, near "
            "the village of Kalyanpur, days after India sent aid.")
    found = {t.text: t for t in geoparse(text)}
    assert found["Chitwan"].country_code == "NP"
    assert "Kalyanpur" not in found  # only Itanagar, India (59,000 people), has that name


def test_a_sea_named_before_coast_is_the_sea() -> None:
    found = {t.text: t for t in geoparse(
        "American strikes hit the fuel terminal on Yemen's Red Sea coast on Thursday.")}
    assert (found["Red Sea"].kind, found["Red Sea"].country_code) == ("feature", None)
    (state,) = geoparse("Rebels hold the Red Sea state of Sudan.")[:1]
    assert (state.text, state.country_code) == ("Red Sea", "SD")


def test_an_international_airport_by_its_news_name() -> None:
    found = [(t.text, t.country_code, t.kind) for t in geoparse(
        "A handful of aircraft struck Toncontín airport on Monday.")]
    assert found == [("Toncontín airport", "HN", "airport")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Torpedo boats fired at a destroyer in the Gulf of Tonkin.", [("Gulf of Tonkin", None)]),
        ("The ship was stopped in the Gulf of Siam.", [("Gulf of Thailand", None)]),
        ("Low pressure systems in the Gulf of Alaska are weaker.", [("Alaska", "US")]),
        ("Tankers were hit in the Gulf on Monday.", [("Persian Gulf", None)]),
    ],
)
def test_a_water_word_before_of_is_part_of_a_longer_name(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t.name, t.country_code) for t in geoparse(text)] == expected


def test_a_hamlet_of_the_very_name_does_not_take_a_city_s_spelling() -> None:
    found = geoparse("Russian missiles hit a convoy on the edge of Zaporizhzhia.")
    assert [(t.text, t.country_code) for t in found] == [("Zaporizhzhia", "UA")]
    assert found[0].population > 500_000


def test_small_towns_of_a_country_the_text_never_names_do_not_prop_each_other_up() -> None:
    text = ("The bombs went off on trains near Aldgate and Piccadilly stations in London and "
            "Leeds police searched homes; in 1996 a lorry bomb hit Docklands in London.")
    assert not [t.text for t in geoparse(text) if t.country_code == "AU"]
    assert "London" in [t.text for t in geoparse(text)]


def test_the_x_hotel_is_no_small_town_even_in_a_country_the_text_names() -> None:
    text = ("A US tank fired a shell into the Palestine Hotel in Baghdad, killing two cameramen. "
            "Officials in Washington and New York and in Dallas, Texas, expressed regret.")
    assert ("Palestine", "US") not in [(t.text, t.country_code) for t in geoparse(text)]
    assert [t.country_code for t in geoparse("Shells hit a hotel in Palestine, Texas.")] == [
        "US", "US"]


def test_a_country_s_name_on_a_hotel_is_no_country() -> None:
    text = ("A tank fired a shell into the Palestine Hotel in Baghdad, where the foreign press "
            "stayed, on Tuesday.")
    assert [t.text for t in geoparse(text) if t.country_code == "PS"] == []


def test_a_name_with_its_facility_noun_is_the_gazetteer_s_facility_everywhere() -> None:
    text = "Jets struck Evin prison on Monday. The strike on Evin killed 71, France said."
    assert [(t.text, t.name, t.country_code) for t in geoparse(text) if t.text == "Evin"] == [
        ("Evin", "Evin Prison", "IR"), ("Evin", "Evin Prison", "IR")]


def test_a_generic_word_ending_an_unknown_name_is_no_place_nor_the_word_before() -> None:
    text = "A truck bomb hit a hotel in Naama Bay on Saturday."
    assert geoparse(text) == []


def test_a_town_said_to_lie_some_distance_away_is_no_speaker() -> None:
    text = ("Gunmen opened fire in the city of Anuradhapura. Officials said Anuradhapura, about "
            "200 km north-east of the capital, had been chosen for its shrines.")
    assert [t.country_code for t in geoparse(text)] == ["LK", "LK"]


def test_a_word_after_del_in_a_longer_name_is_no_place() -> None:
    text = "Police broke up a blockade of the Autopista del Sol motorway in Chilpancingo."
    assert [t.text for t in geoparse(text)] == ["Chilpancingo"]


def test_a_compass_point_picks_the_namesake_that_lies_that_way() -> None:
    text = ("The generals put down the uprising in the south-western city of Kwangju in "
            "May 1980, and relatives of the Kwangju dead wept outside the court in Seoul.")
    found = [t for t in geoparse(text) if t.text == "Kwangju"]
    assert len(found) == 2 and all(t.lat < 36.0 for t in found)  # not Gwangju near Seoul


def test_the_caribbean_as_a_noun_is_the_sea_but_not_as_an_adjective() -> None:
    assert [t.name for t in geoparse("A strike hit a boat in the Caribbean on Tuesday.")] == [
        "Caribbean"]
    assert [t.name for t in geoparse("The Caribbean island of Grenada was invaded.")] == [
        "Grenada"]


def test_the_state_of_a_name_is_what_the_name_means_elsewhere_in_the_text() -> None:
    text = ("Police opened fire on a road blockade in the Amazon state of Pará. Pará's "
            "governor suspended the officers.")
    assert [(t.name, t.kind) for t in geoparse(text)] == [("Pará", "adm1"), ("Pará", "adm1")]


def test_a_town_named_as_its_province_keeps_its_own_name() -> None:
    text = ("Missiles hit the province of Kharkiv overnight. In Kharkiv, two people were "
            "killed in the city centre.")
    kinds = [t.kind for t in geoparse(text) if t.text == "Kharkiv"]
    assert kinds == ["adm1", "populated"]


def test_one_name_does_not_vouch_twice_for_a_small_namesake_beside_it() -> None:
    text = ("An American bomber dropped an atomic bomb on Nagasaki, the port city on the "
            "west coast of Kyushu. Tokyo radio said the city had been badly damaged.")
    found = [t for t in geoparse(text) if t.text == "Nagasaki"]
    assert found and found[0].lat < 33.5  # the port, not the Nagasaki quarter of Tokyo


def test_a_district_named_after_its_city_is_the_city() -> None:
    text = ("A suicide bomber blew himself up in a pizzeria in Jerusalem, killing 15. Israeli "
            "helicopters later struck west of Ramallah in the West Bank.")
    (jerusalem,) = [t for t in geoparse(text) if t.text == "Jerusalem"]
    assert (jerusalem.country_code, jerusalem.feature_code) == ("IL", "PPLC")
