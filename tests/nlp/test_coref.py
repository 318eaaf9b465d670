"""Who is who inside a document: groups, pronouns, counterparts, the speaker of a statement."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.nlp.helpers import by_name, events, names

Run = Callable[..., dict[str, Any]]


def test_coref_group_of_leaders(run: Run) -> None:
    out = run(
        "South Korean President Lee Jae-myung met Japanese Prime Minister Shigeru Ishiba in Seoul. "
        "The two leaders signed a security pact."
    )
    (agree,) = events(out, "AGREE")
    assert names(out, agree["actors"]) == ["Lee Jae-myung", "Shigeru Ishiba"]


def test_coref_group_of_countries(run: Run) -> None:
    out = run("Belarus and Iran held talks in Minsk. Both countries rejected the criticism.")
    (reject,) = events(out, "REJECT")
    assert names(out, reject["actors"]) == ["Belarus", "Iran"]


def test_coref_ministers_through_counterpart(run: Run) -> None:
    out = run(
        "Belarusian Defence Minister Viktor Khrenin met his Iranian counterpart Aziz Nasirzadeh. "
        "The ministers agreed to expand cooperation."
    )
    agree = events(out, "AGREE")[0]
    assert names(out, agree["actors"]) == ["Viktor Khrenin", "Aziz Nasirzadeh"]


def test_coref_pronouns_he_she_it(run: Run) -> None:
    out = run(
        "Iranian envoy Ali Karimi arrived in Minsk. He praised Belarus for its support. "
        "Its government thanked him."
    )
    praise = events(out, "SUPPORT")[0]
    assert names(out, praise["actors"]) == ["Ali Karimi"]
    assert names(out, praise["targets"]) == ["Belarus"]


def test_coref_she_prefers_a_woman(run: Run) -> None:
    out = run(
        "Kim Yo Jong, the leader's sister, spoke after Ri Il Hwan. She accused Seoul of lying."
    )
    (accuse,) = events(out, "ACCUSE")
    assert names(out, accuse["actors"]) == ["Kim Yo Jong"]


def test_coref_we_of_a_statement(run: Run) -> None:
    out = run("We, the members of the G7, condemn the launch. We urge Pyongyang to stop.")
    (request,) = events(out, "REQUEST")
    assert names(out, request["actors"]) == ["G7"]
    assert names(out, request["targets"]) == ["North Korea"]


def test_coref_we_of_ministers_of_several_countries(run: Run) -> None:
    out = run(
        "We, the Foreign Ministers of Sweden, Poland and the Czech Republic, today issue this "
        "statement on the war. We call on Belarus to end its support. We reaffirm our support "
        "for Moldova."
    )
    (request,) = events(out, "REQUEST")
    assert names(out, request["actors"]) == ["Sweden", "Poland", "Czech Republic"]
    assert names(out, request["targets"]) == ["Belarus"]
    support = next(e for e in events(out, "SUPPORT") if names(out, e["targets"]) == ["Moldova"])
    assert names(out, support["actors"]) == ["Sweden", "Poland", "Czech Republic"]


def test_coref_the_parties_of_a_joint_statement(run: Run) -> None:
    out = run(
        "Belarus and Russia signed a joint statement in Minsk on Monday. The Parties condemn "
        "the hostile policy of Poland. The parties designated today include two Polish firms."
    )
    (accuse,) = events(out, "ACCUSE")
    assert names(out, accuse["actors"]) == ["Belarus", "Russia"]
    assert names(out, accuse["targets"]) == ["Poland"]
    assert not any(names(out, e["actors"]) for e in events(out, "SANCTION"))


def test_coref_spokesperson_speaks_for_the_organisation(run: Run) -> None:
    out = run(
        "A spokesperson for the Foreign Ministry of Belarus rejected the report on Monday. "
        "The spokesperson said Minsk had never sold drones to Russia."
    )
    aid = events(out, "AID")[0]
    assert aid["attribution"]["entity"] == next(
        e["id"] for e in out["entities"] if e["name"] == "Foreign Ministry of Belarus"
    )


def test_coref_leader_of_a_country_by_any_leader_title(run: Run) -> None:
    out = run("President Alexander Lukashenko met Xi Jinping. The Belarusian leader also "
              "invited Xi to visit Minsk.")  # fmt: skip
    (invite,) = events(out, "REQUEST")
    assert names(out, invite["actors"]) == ["Alexander Lukashenko"]


def test_coref_reporter_speaks_of_itself(run: Run) -> None:
    out = run("Japan's Coast Guard Agency, a body of the country's transport ministry, said it "
              "had seized the tanker Sea Lion.")  # fmt: skip
    (seize,) = events(out, "COERCE")
    assert names(out, seize["actors"]) == ["Coast Guard Agency"]


def test_coref_unnamed_ministry_speaks_for_its_country(run: Run) -> None:
    out = run("Belarus's foreign ministry issued a statement on Monday. The ministry rejected "
              "the claims by the European Union.")  # fmt: skip
    (reject,) = events(out, "REJECT")
    assert names(out, reject["actors"]) == ["Belarus"]


def test_coref_the_team_is_the_named_team(run: Run) -> None:
    out = run("The Multilateral Sanctions Monitoring Team published its report. The team said "
              "Iran had sold drones to Russia.")  # fmt: skip
    (aid,) = events(out, "AID")
    assert aid["attribution"]["text"] == "The team said"
    assert names(out, [aid["attribution"]["entity"]]) == ["Multilateral Sanctions Monitoring Team"]


def test_coref_body_word_before_a_title_names_no_one_new(run: Run) -> None:
    out = run("The Korea Coast Guard Agency boarded the tanker Sea Lion on Friday, agency "
              "spokesman Kim Min-su said. The agency has detained the captain.")  # fmt: skip
    detained = next(v for v in out["events"] if v["trigger"] == "detained")
    assert names(out, detained["actors"]) == ["Korea Coast Guard Agency"]


def test_coref_it_after_a_country_s_unnamed_ministry(run: Run) -> None:
    out = run("The NIS questioned the soldier. Seoul's foreign ministry said it would accept him.")
    (agree,) = events(out, "AGREE")
    assert names(out, agree["actors"]) == ["South Korea"]


def test_coref_the_paper_is_the_newspaper_named(run: Run) -> None:
    out = run("Rodong Sinmun ran a commentary on Thursday. The paper said Washington had sent "
              "bombers to Seoul.")  # fmt: skip
    (aid,) = events(out, "AID")
    assert names(out, [aid["attribution"]["entity"]]) == ["Rodong Sinmun"]


def test_coref_surname_with_a_female_apposition_is_the_woman(run: Run) -> None:
    out = run(
        "His sister Kim Yo Jong was there. North Korean leader Kim Jong Un inspected a factory. "
        "On Monday, Kim, the sister of leader Kim Jong Un, warned Japan."
    )
    (threat,) = events(out, "THREATEN")
    assert names(out, threat["actors"]) == ["Kim Yo Jong"]


def test_coref_we_in_a_statement_speaks_for_its_opening_country(run: Run) -> None:
    out = run("Thank you, Mr Chair. The United Kingdom condemns Belarus for arming Russia. We "
              "call on Minsk to stop.")  # fmt: skip
    (request,) = events(out, "REQUEST")
    assert names(out, request["actors"]) == ["United Kingdom"]


def test_coref_quoted_we_is_not_the_statement_s_speaker(run: Run) -> None:
    out = run('Russia signed a pact with Pyongyang. "We will develop our relations with '
              'Pyongyang," Peskov said.')  # fmt: skip
    coop = [v for v in out["events"] if v["type"] == "COOPERATE"]
    assert all(names(out, v["actors"]) != ["Russia"] for v in coop)


def test_coref_both_companies_are_named_companies_not_bodies(run: Run) -> None:
    out = run("The European Union listed Hengtai Zhiyuan Trading LLC and Vedanshi Aerotech Ltd, "
              "Reuters reported. Both companies denied wrongdoing.")  # fmt: skip
    (deny,) = events(out, "REJECT")
    assert names(out, deny["actors"]) == ["Hengtai Zhiyuan Trading LLC", "Vedanshi Aerotech Ltd"]


def test_coref_both_companies_are_the_latest_named_not_the_most_named(run: Run) -> None:
    out = run(
        "The Treasury designated Meridian Star Shipping LLC in May. Meridian Star Shipping LLC "
        "owns the tanker OCEAN PEARL, and Meridian Star Shipping LLC also manages two bulk "
        "carriers.\n\nOrion Trading LLC, based in Minsk, sold lathes to Russian arms makers. "
        "Dalian Sunrise Machinery Co., a Chinese company, shipped bearings to the same plants. "
        "Both companies are designated today."
    )
    last = events(out, "SANCTION")[-1]
    assert names(out, last["targets"]) == ["Orion Trading LLC", "Dalian Sunrise Machinery Co."]


def test_coref_the_company_is_no_government_body(run: Run) -> None:
    out = run("Britain accused Arcadia Shipping of moving Russian oil. The Foreign Office said "
              "the company had falsified cargo papers.")  # fmt: skip
    mentions = {m["text"] for m in by_name(out)["Arcadia Shipping"]["mentions"]}
    assert "the company" in mentions


def test_coref_object_pronoun_is_not_its_verbs_subject(run: Run) -> None:
    out = run("The Kremlin hosted the talks. Washington accuses it of arming the Houthis.")
    aid = [v for v in out["events"] if v["type"] == "AID"]
    assert aid and all("United States" not in names(out, v["actors"]) for v in aid)


def test_coref_counted_phrase_ending_in_names(run: Run) -> None:
    out = run(
        "Canada listed Daedong Credit Bank. Two of the bank's agents in Dandong, Pak Il Nam and "
        "Ri Song Chol, are also listed. They allegedly received transfers from Koryo Link LLC."
    )
    found = [(v["type"], sorted(names(out, v["targets"]))) for v in out["events"]]
    assert ("SANCTION", ["Pak Il Nam", "Ri Song Chol"]) in found
    assert ("AID", ["Pak Il Nam", "Ri Song Chol"]) in found


def test_coref_vessel_described_before_it_is_named(run: Run) -> None:
    out = run("Indonesian authorities seized a Comoros-flagged oil tanker off Batam on Monday. "
              "Officials said the ship, the Sea Falcon 3, had no valid papers.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "COERCE")
    assert names(out, v["targets"]) == ["Sea Falcon 3"]
    assert "Comoros" in [e["name"] for e in out["entities"]]


def test_coref_a_countrys_ship_is_another_ship(run: Run) -> None:
    out = run("Japan detained the tanker Kum Hae 3 for transferring diesel to a North Korean "
              "ship at sea.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "AID")
    assert names(out, v["targets"]) == ["North Korea"]


def test_coref_bare_office_speaks_for_whom_it_did_before(run: Run) -> None:
    out = run("A spokesperson for the Foreign Ministry of Belarus called the report a lie. "
              "The spokesperson also accused Poland of staging provocations.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "ACCUSE" and v["targets"])
    assert names(out, v["targets"]) == ["Poland"]
    assert v["actors"], out["entities"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Sergei Lavrov met Wang Yi in Beijing. The two sides discussed Ukraine.",
         ["Sergei Lavrov", "Wang Yi"]),
        ("Russia and Iran held talks in Tehran. Both sides agreed to expand trade.",
         ["Russia", "Iran"]),
    ],
)  # fmt: skip
def test_coref_the_sides_are_the_parties_named_last(
    run: Run, text: str, parties: list[str]
) -> None:
    out = run(text)
    second = [v for v in out["events"] if v["type"] in ("CONSULT", "AGREE")][-1]
    assert names(out, second["actors"]) == parties


def test_coref_the_agency_is_the_government_service_named_before(run: Run) -> None:
    out = run("South Korea's National Intelligence Service briefed lawmakers on Monday. The "
              "agency said North Korea had shipped shells to Russia.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "AID")
    source = v["attribution"]
    assert source is not None and source["entity"] is not None
    named = {e["id"]: e["name"] for e in out["entities"]}
    assert named[source["entity"]] == "National Intelligence Service"


@pytest.mark.parametrize(
    "text",
    [
        "Shandong Haoyu Petrochemical, a teapot refinery in Dongying, bought the oil. The "
        "refinery was designated by the US Treasury in March.",
        "One of those refineries, Shandong Haoyu Petrochemical in Dongying, bought the oil. The "
        "refinery was designated by the US Treasury in March.",
    ],
)
def test_coref_definite_refers_to_the_name_an_apposition_describes(run: Run, text: str) -> None:
    out = run(text)
    v = next(v for v in out["events"] if v["type"] == "SANCTION")
    assert names(out, v["targets"]) == ["Shandong Haoyu Petrochemical"]


def test_coref_it_in_a_joined_clause_is_the_main_subject_not_the_agent(run: Run) -> None:
    out = run("Kum Hae Shipping was designated by the Treasury in May, but it has continued to "
              "receive North Korean coal.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "AID")
    assert names(out, v["targets"]) == ["Kum Hae Shipping"]


def test_coref_their_in_an_urged_act_is_the_urged_parties(run: Run) -> None:
    out = run("We call on Tehran, Minsk and Pyongyang to cease their military support to Moscow.")
    v = next(v for v in out["events"] if v["type"] in ("AID", "SUPPORT"))
    assert sorted(names(out, v["actors"])) == ["Belarus", "Iran", "North Korea"]


def test_coref_the_bloc_is_the_body_named_last(run: Run) -> None:
    out = run("The European Union met on Monday. The bloc sanctioned three Iranian firms.")
    v = next(v for v in out["events"] if v["type"] == "SANCTION")
    assert names(out, v["actors"]) == ["European Union"]


def test_coref_the_group_is_the_group_named_before(run: Run) -> None:
    out = run("The FBI blamed the Lazarus Group for the theft. In June the group stole "
              "$100 million from Atomic Wallet.")  # fmt: skip
    v = [v for v in out["events"] if v["type"] == "ASSAULT"][-1]
    assert names(out, v["actors"]) == ["Lazarus Group"]


def test_coref_the_companies_are_the_country_of_the_firms_named_before(run: Run) -> None:
    out = run("Washington sanctioned eleven Chinese firms on Monday. The measures accuse the "
              "companies of shipping drone engines to Russia.")  # fmt: skip
    v = next(v for v in out["events"] if v["type"] == "AID")
    assert names(out, v["actors"]) == ["China"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The representative of France said the launch breached the resolutions. "
            "She urged Pyongyang to return to talks.",
            "France",
        ),
        (
            "The speaker for Japan said the test was illegal. He urged Pyongyang to stop.",
            "Japan",
        ),
        (
            "Belarus's delegate rejected the draft. He urged Lithuania to open the border.",
            "Belarus",
        ),
    ],
)
def test_coref_unnamed_delegate_and_its_pronoun_speak_for_the_country(
    run: Run, text: str, country: str
) -> None:
    out = run(text)
    (request,) = events(out, "REQUEST")
    assert names(out, request["actors"]) == [country]


def test_coref_delegate_named_in_apposition_is_the_person(run: Run) -> None:
    out = run("The representative of Germany, Antje Leendertse, urged Pyongyang to stop.")
    (request,) = events(out, "REQUEST")
    assert names(out, request["actors"]) == ["Antje Leendertse"]


def test_coref_the_council_of_an_eu_text_is_the_council_of_the_eu(run: Run) -> None:
    out = run(
        "The European Union strongly condemns the decision of Minsk. The Council stands ready "
        "to impose restrictive measures on Belarus."
    )
    (sanction,) = events(out, "SANCTION")
    assert names(out, sanction["actors"]) == ["Council of the European Union"]


def test_coref_it_is_not_the_plural_people_reporting_it_nor_their_country(run: Run) -> None:
    out = run(
        "The tanker Ocean Star left Nampo on Monday. Japanese officials believe that it "
        "carried coal to China."
    )
    (aid,) = events(out, "AID")
    assert names(out, aid["actors"]) == ["Ocean Star"]


def test_coref_the_government_is_the_one_called_so_before(run: Run) -> None:
    out = run(
        "The Government of the Republic of Lithuania has decided to close two border crossings. "
        "Belarus and Russia held drills near the border, and Belarus sent balloons across it. "
        "The Government strongly condemns the hybrid attacks by Belarus."
    )
    (accuse,) = events(out, "ACCUSE")
    assert names(out, accuse["actors"]) == ["Lithuania"]


def test_coref_a_vessel_described_first_is_the_first_named_after_it(run: Run) -> None:
    out = run(
        "The Norwegian Coast Guard boarded an oil tanker in the North Sea on Monday. The Arctic "
        "Meridian, which sails under a false flag, was carrying Russian crude to India. Last "
        "year Finland seized the tanker Eagle S."
    )
    boarded = next(v for v in events(out, "COERCE") if v["trigger"].startswith("boarded"))
    assert names(out, boarded["targets"]) == ["Arctic Meridian"]


@pytest.mark.parametrize(
    "text",
    [
        "Belarus's delegate, Valentin Rybakov, said his country had never bought drones from Iran.",
        "Valentin Rybakov of Belarus said his country had never bought drones from Iran.",
    ],
)
def test_coref_his_country_is_the_speaker_s_country(run: Run, text: str) -> None:
    out = run(text)
    (aid,) = events(out, "AID")
    assert names(out, aid["actors"]) == ["Iran"]
    assert names(out, aid["targets"]) == ["Belarus"]


def test_coref_pronouns_and_descriptions_in_a_list_entry_are_its_heading_name(
    run: Run,
) -> None:
    out = run(
        "Canada today listed the following parties.\n\n"
        "- Amur Polar Freight LLC: a Russian logistics firm owned by the Rosneft group. It "
        "shipped drone engines to Russia.\n"
        "- Tabriz Rotor Works: an Iranian engine maker. The company sold engines to Moscow.\n"
    )
    actors = sorted(n for v in events(out, "AID") for n in names(out, v["actors"]))
    assert actors == ["Amur Polar Freight LLC", "Tabriz Rotor Works"]


def test_coref_a_colon_in_running_text_makes_no_list_entry(run: Run) -> None:
    out = run(
        "Britain said on Monday that Minsk had bought drones. Its message to Belarus: it will "
        "keep up the pressure."
    )
    assert all("United Kingdom" not in names(out, v["targets"]) for v in out["events"])


def test_coref_the_ministers_are_every_minister_and_secretary_named(run: Run) -> None:
    out = run(
        "Foreign Secretary Yvette Cooper, German Foreign Minister Johann Wadephul and French "
        "Minister for Foreign Affairs Jean-Noel Barrot met in London on Monday. The Ministers "
        "urged Tehran to cooperate with the IAEA."
    )
    (request,) = events(out, "REQUEST")
    assert sorted(names(out, request["actors"])) == [
        "Jean-Noel Barrot",
        "Johann Wadephul",
        "Yvette Cooper",
    ]


def test_coref_a_body_s_own_patrol_vessel_is_not_the_ship_it_stops(run: Run) -> None:
    out = run(
        "A Coast Guard patrol vessel intercepted the Togo-flagged MIRELLA K near the cable and "
        "escorted it to port."
    )
    coerce = events(out, "COERCE")
    assert coerce and all("MIRELLA K" not in names(out, v["actors"]) for v in coerce)


def test_coref_the_two_sides_are_the_states_the_people_named_stand_for(run: Run) -> None:
    out = run(
        "Belarusian minister Viktor Karankevich met Iranian envoy Ali Rahimi in Minsk on "
        "Monday. The two sides signed agreements on rail freight."
    )
    (agree,) = events(out, "AGREE")
    assert sorted(names(out, agree["actors"])) == ["Belarus", "Iran"]


def test_coref_the_two_sides_are_the_documents_protagonists(run: Run) -> None:
    out = run(
        "Sergei Shoigu arrived in Pyongyang on Monday for talks with North Korean officials. "
        "Russia thanked North Korea for troops that fought Ukrainian forces in Kursk. "
        "Moscow said the two sides had signed a protocol on security."
    )
    (agree,) = events(out, "AGREE")
    assert sorted(names(out, agree["actors"])) == ["North Korea", "Russia"]


def test_coref_he_two_sentences_after_the_only_speaker(run: Run) -> None:
    out = run(
        "The representative of China opposed the draft, saying it would only raise tensions. "
        "The text was tabled by three members, he said. He accused Washington of blocking talks."
    )
    (accuse,) = [v for v in events(out, "ACCUSE") if names(out, v["targets"]) == ["United States"]]
    assert names(out, accuse["actors"]) == ["China"]


def test_coref_he_two_sentences_after_two_people_stays_unresolved(run: Run) -> None:
    out = run(
        "Kim Jong Un met Sergei Shoigu in Pyongyang. The talks lasted three hours, KCNA said. "
        "He accused Washington of blocking talks."
    )
    (accuse,) = events(out, "ACCUSE")
    assert accuse["actors"] == []


def test_coref_an_object_it_is_the_previous_sentences_subject(run: Run) -> None:
    out = run(
        "Minsk has shipped two thousand drones to Russia since 2023. Kyiv accuses it of "
        "arming the Russian army."
    )
    (accuse,) = events(out, "ACCUSE")
    assert names(out, accuse["targets"]) == ["Belarus"]
