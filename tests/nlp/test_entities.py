from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import pytest

from tests.nlp.helpers import FakeLinker, by_name, events, names

Run = Callable[..., dict[str, Any]]


def _mentions(entity: dict[str, Any]) -> list[str]:
    return [m["text"] for m in entity["mentions"]]


def test_entities_surname_joins_full_name(run: Run) -> None:
    out = run("Chinese President Xi Jinping received the delegation. Xi later hosted a banquet.")
    xi = by_name(out)["Xi Jinping"]
    assert xi["type"] == "Person"
    assert _mentions(xi) == ["Xi Jinping", "Xi"]


def test_entities_two_kims_bare_surname_goes_to_the_one_just_named(run: Run) -> None:
    out = run(
        "Kim Jong Un inspected a shipyard on Friday. Kim Yo Jong issued a statement the next day. "
        "Kim said the drills were a provocation."
    )
    people = by_name(out)
    assert _mentions(people["Kim Jong Un"]) == ["Kim Jong Un"]
    assert _mentions(people["Kim Yo Jong"]) == ["Kim Yo Jong", "Kim"]


def test_entities_two_kims_partner_picks_the_one_met_before(run: Run) -> None:
    out = run(
        "Kim Jong Un met Vladimir Putin in Moscow. Kim Yo Jong later criticised Seoul. "
        "The Kremlin said Putin and Kim would meet again."
    )
    assert _mentions(by_name(out)["Kim Jong Un"]) == ["Kim Jong Un", "Kim"]


def test_entities_two_kims_leader_is_the_salient_one(run: Run) -> None:
    out = run(
        "North Korean leader Kim Jong Un opened a factory. His sister Kim Yo Jong watched. "
        "Officials praised the new machines at length. Kim then left for Wonsan."
    )
    assert _mentions(by_name(out)["Kim Jong Un"])[-1] == "Kim"


def test_entities_full_name_again_rejoins_first_person(run: Run) -> None:
    out = run(
        "Kim Jong Un toured a factory. Kim Yo Jong criticised the drills. "
        "Kim Jong Un later returned to the capital."
    )
    assert _mentions(by_name(out)["Kim Jong Un"]) == ["Kim Jong Un", "Kim Jong Un"]


def test_entities_role_phrase_joins_the_person_introduced_with_it(run: Run) -> None:
    out = run(
        "Russian President Vladimir Putin spoke by phone with the prime minister. "
        "The call lasted an hour, and the Russian president described it as useful."
    )
    putin = by_name(out)["Vladimir Putin"]
    assert _mentions(putin) == ["Vladimir Putin", "the Russian president"]
    assert putin["country"] == ["ru"]


def test_entities_unestablished_role_links_no_one(run: Run) -> None:
    out = run("The Iranian foreign minister arrived in Minsk.")
    assert not [e for e in out["entities"] if e["type"] == "Person"]
    assert _mentions(by_name(out)["Iran"]) == ["Iranian"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Foreign Minister Choe Son Hui met reporters after the session.", "Choe Son Hui"),
        ("Vice Marshal Pak Jong-chon inspected an artillery unit.", "Pak Jong-chon"),
        ("Choe Son Hui, the North's foreign minister, met the envoy.", "Choe Son Hui"),
        ("Defence Minister No Kwang Chol toured the base.", "No Kwang Chol"),
    ],
)
def test_entities_korean_names_whole_and_without_titles(run: Run, text: str, name: str) -> None:
    assert by_name(run(text))[name]["type"] == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Defence Ministry Spokesman Reza Talaei-Nik on Tuesday strongly condemned the vote.",
            "Reza Talaei-Nik",
        ),
        (
            "Foreign Ministry Spokesman Esmaeil Baghaei on Friday strongly condemned the raid.",
            "Esmaeil Baghaei",
        ),
    ],
)
def test_entities_names_the_ner_missed_after_a_title(run: Run, text: str, name: str) -> None:
    assert by_name(run(text))[name]["type"] == "Person"


@pytest.mark.parametrize(
    "text",
    [
        "The Defence Minister of Belarus met the press.",
        "The Secretary of State said the plan was sound.",
        "Chinese Politburo member Li Qiang arrived on Monday.",
    ],
)
def test_entities_title_words_are_not_organisations(run: Run, text: str) -> None:
    orgs = [e["name"] for e in run(text)["entities"] if e["type"] == "Organization"]
    assert orgs == []


def test_entities_country_opening_an_organisation_is_split_off(run: Run) -> None:
    out = run(
        "The U.S. Department of the Treasury fined the bank. Russia's Ministry of Defence replied."
    )
    names = by_name(out)
    assert names["Department of the Treasury"]["country"] == ["us"]
    assert names["United States"]["type"] == "Country"
    assert names["Ministry of Defence"]["country"] == ["ru"]


def test_entities_government_of_a_country_is_the_country(run: Run) -> None:
    out = run("The Government of Japan froze the accounts.")
    assert [e["name"] for e in out["entities"]] == ["Japan"]


def test_entities_vessel_after_cue_word_and_in_apposition(run: Run) -> None:
    out = run(
        "The tanker Sky Rose switched off its transponder. Inspectors boarded a Togo-flagged "
        "freighter, the Golden Bell, in May. The vessel later sailed to Nampo."
    )
    names = by_name(out)
    assert names["Sky Rose"]["type"] == "Vessel"
    assert _mentions(names["Golden Bell"]) == ["Golden Bell", "The vessel"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The tanker unloaded its diesel onto the Chinese-owned barge Luyan 118 at night.",
         "Luyan 118"),
        ("Coast guards stopped the trawler Song Hae 3 near Dandong.", "Song Hae 3"),
        ("North Korea said the destroyer Choe Hyon fired cruise missiles on Tuesday.",
         "Choe Hyon"),
    ],
)  # fmt: skip
def test_entities_vessel_after_the_name_of_its_kind(run: Run, text: str, name: str) -> None:
    found = {e["name"]: e["type"] for e in run(text)["entities"]}
    assert found.get(name) == "Vessel", found


def test_entities_the_barge_refers_back_to_the_barge(run: Run) -> None:
    # the NER finds "Hong Yun" (a person); a vessel's name takes the number after it
    out = run(
        "Coast guards stopped the barge Hong Yun 8 near Dandong. The barge was carrying coal."
    )
    assert _mentions(by_name(out)["Hong Yun 8"]) == ["Hong Yun 8", "The barge"]


def test_entities_a_count_after_a_vessel_name_is_not_its_number(run: Run) -> None:
    out = run("Coast guards found the barge Hong Yun 12 miles off Nampo on Friday.")
    assert by_name(out)["Hong Yun"]["type"] == "Vessel"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Belarus shipped UAVs to Russia last month.", ["drones"]),
        ("Moscow has supplied Pyongyang with Pantsir air defense systems.",
         ["air defence systems"]),
    ],
)  # fmt: skip
def test_entities_goods_the_ner_calls_a_body_are_goods(
    run: Run, text: str, items: list[str]
) -> None:
    out = run(text)
    assert {e["type"] for e in out["entities"]} == {"Country"}, out["entities"]
    (aid,) = events(out, "AID")
    assert aid["items"] == items and len(aid["targets"]) == 1


def test_entities_a_company_named_for_its_goods_stays_a_company(run: Run) -> None:
    out = run("Almaz Drones LLC shipped engines to Russia.")
    found = {e["name"]: e["type"] for e in out["entities"]}
    assert found.get("Almaz Drones LLC") == "Organization", found


def test_entities_acronym_joins_organisation(run: Run) -> None:
    out = run(
        "Investigators named the Korea Tangun Trading Corporation (KTTC) in the report. "
        "KTTC did not reply."
    )
    org = by_name(out)["Korea Tangun Trading Corporation"]
    assert _mentions(org) == ["Korea Tangun Trading Corporation", "KTTC", "KTTC"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("SEOUL, March 2 (Yonhap) -- North Korea fired a missile.", "Seoul", "Place"),
        ("UNITED NATIONS (AP) — The council met.", "United Nations", "Organization"),
        ("KHABAROVSK, Russia (Reuters) - A train arrived.", "Khabarovsk", "Place"),
    ],
)
def test_entities_datelines(run: Run, text: str, name: str, kind: str) -> None:
    assert by_name(run(text))[name]["type"] == kind


def test_entities_agencies_and_media_from_tables(run: Run) -> None:
    out = run("OFAC named the firm, the NIS said, citing Yonhap.")
    names = by_name(out)
    assert names["Office of Foreign Assets Control"]["country"] == ["us"]
    assert names["National Intelligence Service"]["country"] == ["kr"]
    assert names["Yonhap"]["type"] == "Organization"


def test_entities_definite_descriptions_refer_back(run: Run) -> None:
    out = run("Investigators boarded the tanker Blue Sky. The tanker carried fuel.")
    assert _mentions(by_name(out)["Blue Sky"]) == ["Blue Sky", "The tanker"]


def test_entities_offsets_slice_to_mention_text(run: Run) -> None:
    text = (
        "North Korean leader Kim Jong Un met Russian Defence Minister Andrei Belousov in "
        "Pyongyang. Belousov later travelled to Wonsan, where Kim showed him a new resort."
    )
    out = run(text)
    for entity in out["entities"]:
        assert entity["mentions"]
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_entities_linker_called_once_per_full_name_never_for_surnames(
    run: Run, linker: FakeLinker
) -> None:
    out = run(
        "Ri Pyong-chol inspected the launch. Ri praised the engineers. Kim said nothing about it."
    )
    called = [name for name, _, _ in linker.calls]
    assert called.count("Ri Pyong-chol") == 1
    assert "Ri" not in called and "Kim" not in called
    assert by_name(out)["Ri Pyong-chol"]["links"][0]["list_id"] == "KPi.T01"
    assert by_name(out)["Kim"]["links"] == []


def test_entities_generic_organisation_not_linked_across_countries(run: Run) -> None:
    out = run("Russia's Munitions Industry Department denied the report.")
    assert by_name(out)["Munitions Industry Department"]["links"] == []


def test_entities_law_title_parts_are_no_names(run: Run) -> None:
    out = run("The measures were made under the Belarus (Sanctions) (EU Exit) Regulations 2019.")
    assert "EU Exit" not in by_name(out)


def test_entities_hyphenated_place_and_seat_as_place(run: Run) -> None:
    out = run("Putin received Lukashenko in the Kremlin after tankers left Ningbo-Zhoushan.")
    places = {e["name"] for e in out["entities"] if e["type"] == "Place"}
    assert {"Ningbo-Zhoushan"} <= places
    assert any(name.endswith("Kremlin") for name in places)
    assert "Russia" not in by_name(out)


class _VariantLinker(FakeLinker):
    """Answers an exact match and a spelling variant of another listed name."""

    def link(self, name: str, *, entity_type: str, countries: Any = ()) -> list[dict[str, Any]]:
        exact = {"list_id": "KPe.T1", "name": name.upper(), "score": 1.0, "programs": ["DPRK"]}
        variant = {"list_id": "KPe.T2", "name": "VARIANT", "score": 0.99, "programs": ["DPRK"]}
        return [exact, variant] if "Taesong" in name else [variant]


def test_entities_exact_link_outranks_variants(nlp: Any) -> None:
    from sanctionwatch.ingest._document import Document
    from sanctionwatch.nlp import extract

    text = "Korea Taesong Trading Company and Korea Ryongbong Trading Company were named."
    out = extract(Document(text=text), nlp=nlp, linker=_VariantLinker())
    links = {e["name"]: [x["list_id"] for x in e["links"]] for e in out["entities"]}
    assert links["Korea Taesong Trading Company"] == ["KPe.T1"]
    assert links["Korea Ryongbong Trading Company"] == ["KPe.T2"]


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a legal form makes a company of words the NER took for a person
        ("Kaspiy Trans LLC and Volga Shipping LLC were designated.", "Volga Shipping LLC",
         "Organization"),
        # an apposition that calls a name a vessel
        ("Customs officers inspected the Sea Pearl, a Comoros-flagged oil tanker, on Monday.",
         "Sea Pearl", "Vessel"),
        # the second of two coordinated vessel names
        ("The cargo ships Angara Star and Maia Bay have also been listed.", "Maia Bay",
         "Vessel"),
    ],
)  # fmt: skip
def test_entities_type_repairs(run: Run, text: str, name: str, etype: str) -> None:
    found = {e["name"]: e["type"] for e in run(text)["entities"]}
    assert found.get(name) == etype, found


def test_entities_bracketed_short_name_of_an_organisation(run: Run) -> None:
    out = run("Indonesia's Maritime Security Agency (Bakamla) said it had seized the tanker. "
              "Bakamla patrol boats intercepted it on Friday.")  # fmt: skip
    orgs = [e for e in out["entities"] if e["type"] == "Organization"]
    assert [len(e["mentions"]) for e in orgs] == [3], out["entities"]


class _AnyNameLinker(FakeLinker):
    """Lists every name it is asked about, under the DPRK programme."""

    def link(self, name: str, *, entity_type: str, countries: Any = ()) -> list[dict[str, Any]]:
        return [{"list_id": "KPe.T9", "name": name.upper(), "score": 1.0, "programs": ["DPRK"]}]


def test_entities_generic_body_links_only_where_the_text_places_it(nlp: Any) -> None:
    from sanctionwatch.ingest._document import Document
    from sanctionwatch.nlp import extract

    def links(text: str) -> dict[str, list[Any]]:
        out = extract(Document(text=text), nlp=nlp, linker=_AnyNameLinker())
        return {e["name"]: e["links"] for e in out["entities"]}

    # a name every government's ministry has, placed nowhere: no link
    assert (
        links("The Ministry of Defense said the tanker was seen off Shanghai.")[
            "Ministry of Defense"
        ]
        == []
    )
    # placed in the listed country by an "of" phrase: linked
    assert (
        links("The Ministry of Defence of the DPRK denied the report.")["Ministry of Defence"] != []
    )


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [("Analysts at the Stimson Center said the trains carried shells.", "Stimson Center",
      "Organization"),
     ("OFAC designated Kazakh payment agent Sarygash Ruby Payments on Monday.",
      "Sarygash Ruby Payments",
      "Organization"),
     ("The agent worked with Orda Koktem Capital in Bishkek.", "Orda Koktem Capital",
      "Organization")],
)  # fmt: skip
def test_entities_body_word_makes_an_organisation(
    run: Run, text: str, name: str, etype: str
) -> None:
    found = {e["name"]: e["type"] for e in run(text)["entities"]}
    assert found.get(name) == etype, found


def test_entities_short_form_of_a_company_name(run: Run) -> None:
    # the NER cuts the name before "General"; the legal form shows where it ends
    out = run("Hossein Karimi set up Kavir Star General Trading LLC in Sharjah as a front "
              "company. Since 2023, Kavir Star has supplied drones to Russia.")  # fmt: skip
    orgs = [e for e in out["entities"] if e["type"] == "Organization"]
    assert [(e["name"], len(e["mentions"])) for e in orgs] == [
        ("Kavir Star General Trading LLC", 2)
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the NER finds "LLC" alone and the tagger, seeing every opening word capitalised,
        # takes "Zenit" for a common noun: the parse still makes it part of the name
        ("Zenit Trading LLC shipped artillery shells to North Korea in March.",
         "Zenit Trading LLC"),
        ("Zenit Trading LLC sold rifles to the Wagner Group last year.", "Zenit Trading LLC"),
        # the NER misses the name; its legal form, written without a full stop, gives it back
        ("Velor Shipping Co delivered refined petroleum to Nampo last year.",
         "Velor Shipping Co"),
    ],
)  # fmt: skip
def test_entities_company_name_opening_a_sentence_is_whole(run: Run, text: str, name: str) -> None:
    orgs = [e["name"] for e in run(text)["entities"] if e["type"] == "Organization"]
    assert name in orgs, orgs


def test_entities_common_noun_opening_a_sentence_stays_out_of_a_name(run: Run) -> None:
    # tagged and attached like "Zenit" above, but the name has no legal form
    out = run("Tanker Ji Song 6 delivered oil to Nampo.")
    found = {e["name"]: e["type"] for e in out["entities"]}
    assert found.get("Ji Song 6") == "Vessel", found


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # the NER finds "Angara" (a person) and the name was extended back over the cue
        ("Freighter Angara carried containers to Vostochny.", "Angara", "Vessel"),
        # the NER reads the cue as part of a person's name
        ("MV Lady R docked in Simon's Town in December 2022.", "Lady R", "Vessel"),
        # a company's name may hold a cue word
        ("Tanker Pacific Management chartered the vessel.", "Tanker Pacific Management",
         "Organization"),
        # nor is a name ending in a legal form a vessel's, whatever comes before it
        ("Tanker Trading LLC chartered the vessel.", "Tanker Trading LLC", "Organization"),
    ],
)  # fmt: skip
def test_entities_vessel_cue_opening_a_sentence_is_not_part_of_the_name(
    run: Run, text: str, name: str, etype: str
) -> None:
    found = {e["name"]: e["type"] for e in run(text)["entities"]}
    assert found.get(name) == etype, found


def test_entities_place_based_prefix_is_a_place_then_the_name(run: Run) -> None:
    out = run("In Türkiye, Istanbul-based Demir Kaya Makina Ltd. shipped engines to Tehran.")
    found = {e["name"]: e["type"] for e in out["entities"]}
    assert found.get("Istanbul") == "Place", found
    assert found.get("Demir Kaya Makina Ltd.") == "Organization", found


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's Joint Chiefs of Staff detected the launch. JCS spokesman Lee Sung-jun "
        "said Seoul was on alert.",
        "Lee Sung-jun, a spokesman for South Korea's Joint Chiefs of Staff, said Seoul was on "
        "alert.",
        "South Korea's Joint Chiefs of Staff detected the launch. Lee Sung-jun, a JCS "
        "spokesman, told reporters that Seoul was on alert.",
        # abbreviated ranks, one token or two
        "South Korea's Joint Chiefs of Staff detected the launch. JCS spokesperson Col. Lee "
        "Sung-jun said Seoul was on alert.",
    ],
)
def test_entities_spokesperson_takes_the_body_s_country(
    run: Run, linker: FakeLinker, text: str
) -> None:
    # screened with his country, a South Korean officer is not a North Korean namesake
    out = run(text)
    assert by_name(out)["Lee Sung-jun"]["country"] == ["kr"]
    assert ("Lee Sung-jun", "Person", ("kr",)) in linker.calls


def test_entities_body_word_opening_a_name(run: Run) -> None:
    out = run("Analysts at the Center for Naval Analyses said the ships were Russian.")
    found = {e["name"]: e["type"] for e in out["entities"]}
    assert found.get("Center for Naval Analyses") == "Organization", found


def test_entities_last_word_of_a_two_word_body(run: Run) -> None:
    out = run("Iran's Revolutionary Guards seized the tanker Sea Lion. IRNA said the Guards had "
              "detained the ship.")  # fmt: skip
    orgs = [e for e in out["entities"] if e["type"] == "Organization" and e["name"] != "IRNA"]
    assert [(e["name"], len(e["mentions"])) for e in orgs] == [("Revolutionary Guards", 2)]


def test_entities_flag_before_a_name_makes_a_vessel(run: Run) -> None:
    out = run("The tanker pumped oil into the Panama-flagged Nora Sky off Johor.")
    assert by_name(out)["Nora Sky"]["type"] == "Vessel"


def test_entities_company_words_make_an_organisation(run: Run) -> None:
    out = run("The Council listed Hengtai Zhiyuan Trading and Vedanshi Aerotech on Thursday.")
    found = {e["name"]: e["type"] for e in out["entities"]}
    assert found.get("Hengtai Zhiyuan Trading") == "Organization", found


def test_entities_body_after_a_country_s_possessive_with_a_rank_word(run: Run) -> None:
    # "General" is also a rank; "the North's ... Bureau" is still a body
    out = run("The hackers work for the North's Reconnaissance General Bureau, the FBI said.")
    assert by_name(out)["Reconnaissance General Bureau"]["type"] == "Organization"


def test_entities_portfolio_of_an_office_is_no_name(run: Run) -> None:
    out = run('"We will act," said Under Secretary for Terrorism and Financial Intelligence '
              "Brian E. Nelson.")  # fmt: skip
    assert [(e["name"], e["type"]) for e in out["entities"]] == [("Brian E. Nelson", "Person")]


def test_entities_portfolio_before_its_title_is_no_name(run: Run) -> None:
    out = run("TOKYO, March 3 (Kyodo) - Russian Natural Resources Minister Alexander Kozlov met "
              "Kim Jong Un in Pyongyang.")  # fmt: skip
    assert "Natural Resources" not in by_name(out)
    assert by_name(out)["Alexander Kozlov"]["type"] == "Person"
    # a body's name with a rank word in it is still the body
    out = run("The Armed Forces General Staff sells crude oil to buyers in China.")
    assert by_name(out)["Armed Forces General Staff"]["type"] == "Organization"


def test_entities_noun_before_a_name_makes_it_an_organisation(run: Run) -> None:
    out = run("Investigators traced the funds to the Singapore-based exchange Lumen Bay.")
    assert by_name(out)["Lumen Bay"]["type"] == "Organization"


@pytest.mark.parametrize(
    "name",
    ["Iran Aircraft Manufacturing Industrial Company", "Islamic Republic of Iran Shipping Lines",
     "Russia Ship Repair Works"],
)  # fmt: skip
def test_entities_company_named_after_its_country(run: Run, name: str) -> None:
    out = run(f"Canada listed the {name} on Friday. The U.S. Department of State agreed.")
    assert by_name(out)[name]["type"] == "Organization"
    assert "Department of State" in by_name(out)


def test_entities_names_listed_after_vessels_are_vessels(run: Run) -> None:
    out = run("Seoul named the cargo vessels Baltic Wind, Lira and Amurskiy Bereg, and two of "
              "its tankers, the Volga Sunrise and the Sadra.")  # fmt: skip
    types = {e["name"]: e["type"] for e in out["entities"]}
    for name in ("Baltic Wind", "Lira", "Amurskiy Bereg", "Volga Sunrise", "Sadra"):
        assert types.get(name) == "Vessel", (name, types)


def test_entities_naval_ranks_are_titles(run: Run) -> None:
    out = run("Kim met the flotilla commander, Rear Admiral Ivan Petrov, in Wonsan.")
    assert by_name(out)["Ivan Petrov"]["type"] == "Person"


def test_entities_apposition_with_a_company_word_names_an_organisation(run: Run) -> None:
    out = run("Officials believe that Tengri Link, the Almaty-registered front company, "
              "forwarded the machine tools to Russia.")  # fmt: skip
    assert by_name(out)["Tengri Link"]["type"] == "Organization"
    aid = [v for v in out["events"] if v["type"] == "AID"]
    by_id = {e["id"]: e["name"] for e in out["entities"]}
    assert [[by_id[i] for i in v["actors"]] for v in aid] == [["Tengri Link"]]


def test_entities_distinctive_word_of_an_agency_joins_it(run: Run) -> None:
    out = run(
        "The U.S. Commerce Department added six Chinese firms to its Entity List on Monday. "
        "A Commerce spokesperson said more listings would follow."
    )
    orgs = [e for e in out["entities"] if e["type"] == "Organization"]
    assert [e["name"] for e in orgs] == ["Department of Commerce"]
    assert "Commerce" in _mentions(orgs[0])


def test_entities_names_after_the_in_a_text_about_ships_are_vessels(run: Run) -> None:
    out = run(
        "Satellite images show the tanker Silver Cove alongside another ship in May. Days later "
        "the Amber Lantern unloaded fuel at Nampo, and the Marlow Dawn followed it."
    )
    kinds = {e["name"]: e["type"] for e in out["entities"]}
    assert kinds["Amber Lantern"] == "Vessel"
    assert kinds["Marlow Dawn"] == "Vessel"


def test_entities_article_names_stay_what_they_are_without_ships(run: Run) -> None:
    out = run("Delegates met at the Grand Meridian in Minsk and signed a memorandum.")
    assert all(e["type"] != "Vessel" for e in out["entities"])


def test_entities_a_vessel_name_the_ner_calls_a_person_later_is_the_vessel(run: Run) -> None:
    out = run(
        "The Liberia-flagged Nora Linden took on fuel off Johor. The owner denied that the "
        "Nora Linden had ever loaded Iranian oil."
    )
    named = [e for e in out["entities"] if e["name"] == "Nora Linden"]
    assert [e["type"] for e in named] == ["Vessel"]


def test_entities_a_body_s_ministers_are_the_body(run: Run) -> None:
    out = run("G7 Leaders condemned the attack on the pipeline.")
    kinds = {e["name"]: e["type"] for e in out["entities"]}
    assert kinds == {"G7": "Organization"}


def test_entities_organisation_after_the_in_a_ship_text_is_a_vessel_unless_a_body(
    run: Run,
) -> None:
    out = run(
        "Greek authorities detained a tanker on Friday. The Sierra Vantor, which lists Comoros as "
        "its flag state, was carrying Russian crude. The Sierra Leone Maritime Administration "
        "said it would cooperate with the investigation."
    )
    kinds = {e["name"]: e["type"] for e in out["entities"]}
    assert kinds.get("Sierra Vantor") == "Vessel"
    assert kinds.get("Sierra Leone Maritime Administration") != "Vessel"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Parties listed:\nOleg Varnavin: Russian national and arms broker.\n", "Oleg Varnavin",
         "Person"),
        ("Parties listed:\n- Kestrel Arc Trading: a Dubai-based trading company.\n",
         "Kestrel Arc Trading", "Organization"),
    ],
)  # fmt: skip
def test_entities_names_heading_list_entries(run: Run, text: str, name: str, kind: str) -> None:
    assert by_name(run(text))[name]["type"] == kind


def test_entities_speaker_labels_and_headings_are_no_entries(run: Run) -> None:
    out = run("MR LANGLEY: The company denied it.\nBegin Text:\nThe firm said so.\n")
    assert [e["name"] for e in out["entities"]] == []


def test_entities_a_vessel_name_written_again_is_the_vessel(run: Run) -> None:
    out = run(
        "Aircraft spotted the North Korean-flagged tanker YU SON 9 beside another ship. The "
        "YU SON 9 itself was designated by the 1718 Committee in 2019."
    )
    (vessel,) = [e for e in out["entities"] if e["type"] == "Vessel"]
    assert len(vessel["mentions"]) == 2
    (sanction,) = events(out, "SANCTION")
    assert names(out, sanction["targets"]) == ["YU SON 9"]


@pytest.mark.parametrize("name", ["Kolyma", "Svetlana", "Pevek", "Vanino"])
def test_entities_a_one_word_vessel_name_written_again_after_the(run: Run, name: str) -> None:
    # the NER reads the second a person ("Kolyma", "Svetlana") or not at all ("Pevek")
    out = run(f"Satellite images show the Russian-flagged cargo ship {name} has made nine "
              f"voyages to Rajin since May. The {name} is subject to U.S. sanctions.")  # fmt: skip
    (entity,) = [e for e in out["entities"] if e["name"] == name]
    assert entity["type"] == "Vessel"
    assert len(entity["mentions"]) == 2
    (sanction,) = events(out, "SANCTION")
    assert names(out, sanction["targets"]) == [name]


def test_entities_a_name_the_ner_ended_with_and_is_cut_there(run: Run) -> None:
    # the NER read "ANGARA BAY and" as one name; extended, it swallowed the next ship
    out = run("Zolotoy Rog Shipping LLC operates the cargo ships ANGARA BAY and LENA BAY.")
    vessels = sorted(e["name"] for e in out["entities"] if e["type"] == "Vessel")
    assert vessels == ["ANGARA BAY", "LENA BAY"]


def test_entities_a_one_word_vessel_name_in_capitals_written_again(run: Run) -> None:
    out = run(
        "Marlow Shipping manages the Togo-flagged tanker VESTARA and the tanker OCEAN LARK. "
        "VESTARA and OCEAN LARK are identified as blocked property."
    )
    (vessel,) = [e for e in out["entities"] if e["name"] == "VESTARA"]
    assert len(vessel["mentions"]) == 2


def test_entities_a_vessel_the_ner_took_for_a_work_of_art(run: Run) -> None:
    out = run("Finland detained two ageing tankers this year.\n\nThe Kira Moon, which claims to "
              "sail under the flag of Comoros, was carrying crude.")  # fmt: skip
    assert by_name(out)["Kira Moon"]["type"] == "Vessel"


def test_entities_names_in_capitals_near_a_ship_word_are_vessels(run: Run) -> None:
    out = run("Estonia detained an oil tanker. Officials said VOLGA PRIDE had loaded crude.")
    kinds = {e["name"]: e["type"] for e in out["entities"]}
    assert kinds.get("VOLGA PRIDE") == "Vessel"


def test_entities_title_ending_inside_a_tagged_name_is_cut(run: Run) -> None:
    out = run('"The network is a lifeline," said Secretary of the Treasury Janet Morrow.')
    assert by_name(out)["Janet Morrow"]["type"] == "Person"


def test_entities_weapon_models_and_plants_in_apposition(run: Run) -> None:
    out = run(
        "Moscow delivered MiG-29 jets, Tor-M2 batteries and Shahed-136 drones. Washington "
        "designated Dalzavod Aviaremont, a Khabarovsk-based aircraft repair plant, on Monday."
    )
    kinds = {e["name"]: e["type"] for e in out["entities"]}
    assert not {"MiG-29", "Tor-M2", "Shahed-136"} & set(kinds)
    assert kinds.get("Dalzavod Aviaremont") == "Organization"


def test_entities_a_law_is_no_organisation(run: Run) -> None:
    out = run("The visa restrictions were imposed under the Immigration and Nationality Act.")
    assert [e["name"] for e in out["entities"]] == []


class _SurnameTypoLinker:
    """Links every person to one listed name, at the score the name is given."""

    SCORES: ClassVar[dict[str, float]] = {"Jang Song Chol": 0.934, "Kang Song Chol": 1.0}

    def link(
        self, name: str, *, entity_type: str, countries: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        score = self.SCORES.get(name)
        if score is None:
            return []
        return [{"dataset": "un_sc", "list_id": "KPi.T9", "name": "Kang Song Chol",
                 "score": score, "programs": ["DPRK"], "explanation": "surname"}]  # fmt: skip


def test_entities_a_person_links_only_on_a_near_exact_name(nlp: Any) -> None:
    from sanctionwatch.ingest._document import Document
    from sanctionwatch.nlp import extract

    text = "North Korean envoys Jang Song Chol and Kang Song Chol arrived in Minsk."
    out = extract(Document(text=text), nlp=nlp, linker=_SurnameTypoLinker())
    links = {e["name"]: [x["list_id"] for x in e["links"]] for e in out["entities"]}
    assert links["Jang Song Chol"] == []
    assert links["Kang Song Chol"] == ["KPi.T9"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In Dubai, Zarafshan Gold General Trading LLC supplied the ministry with gold.",
         "Zarafshan Gold General Trading LLC"),
        ("Treasury designated Amur Polar Logistik LLC, a Khabarovsk firm.",
         "Amur Polar Logistik LLC"),
    ],
)  # fmt: skip
def test_entities_company_names_read_back_from_their_legal_form(
    run: Run, text: str, name: str
) -> None:
    assert by_name(run(text))[name]["type"] == "Organization"


def test_entities_one_word_names_after_a_locative_are_places(run: Run) -> None:
    out = run(
        "The drones are assembled at a factory in Yelabuga. The freighter sailed from the port "
        "of Bandar Torkaman to Makhachkala."
    )
    kinds = {e["name"]: e["type"] for e in out["entities"]}
    assert kinds.get("Yelabuga") == "Place"
    assert kinds.get("Bandar Torkaman") == "Place"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The cargo left the Russian port of Ust-Kut on Monday.", "Ust-Kut"),
        ("Russian drones struck Ukrainian cities, including Poltava and Chernihiv.", "Poltava"),
        ("Prosecutors in Gdansk charged the captain on Friday.", "Gdansk"),
        # tagged a product by the NER
        ("The tanker loaded crude at the Russian port of Primorsk in May.", "Primorsk"),
        ("The money went through banks in border towns such as Blagoveshchensk.",
         "Blagoveshchensk"),
    ],
)  # fmt: skip
def test_entities_hyphenated_listed_and_peopled_places(run: Run, text: str, place: str) -> None:
    assert by_name(run(text))[place]["type"] == "Place"


def test_entities_a_place_tagged_name_ending_in_a_business_word_is_a_body(run: Run) -> None:
    out = run("Washington sanctioned Hunchun Xinda Rural Commercial Bank on Friday.")
    assert by_name(out)["Hunchun Xinda Rural Commercial Bank"]["type"] == "Organization"
