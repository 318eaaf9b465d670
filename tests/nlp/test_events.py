from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.nlp.helpers import events, names

Run = Callable[..., dict[str, Any]]


def _one(out: dict[str, Any], etype: str) -> dict[str, Any]:
    found = events(out, etype)
    assert len(found) == 1, [(v["type"], v["trigger"]) for v in out["events"]]
    return found[0]


def _roles(out: dict[str, Any], etype: str) -> tuple[list[str], list[str]]:
    """The actor and target names of the one event of ``etype``."""
    v = _one(out, etype)
    return names(out, v["actors"]), names(out, v["targets"])


def test_events_meet_subject_and_object(run: Run) -> None:
    out = run("Chinese President Xi Jinping met Kim Jong Un in Beijing on Tuesday.")
    v = _one(out, "CONSULT")
    assert (v["mode"], v["trigger"]) == ("meet", "met")
    assert names(out, v["actors"]) == ["Xi Jinping"]
    assert names(out, v["targets"]) == ["Kim Jong Un"]
    assert names(out, v["locations"]) == ["Beijing"]


def test_events_meet_with_target(run: Run) -> None:
    out = run("Sergei Shoigu met with Kim Jong Un during the visit.")
    v = events(out, "CONSULT")[0]
    assert names(out, v["actors"]) == ["Sergei Shoigu"]
    assert names(out, v["targets"]) == ["Kim Jong Un"]


def test_events_agree_coordinated_subjects(run: Run) -> None:
    out = run("Iran and Belarus signed a military cooperation pact last week.")
    v = _one(out, "AGREE")
    assert v["trigger"] == "signed"
    assert names(out, v["actors"]) == ["Iran", "Belarus"]


def test_events_provide_ditransitive(run: Run) -> None:
    out = run("Belarus provides Russia with artillery shells and drones.")
    v = _one(out, "AID")
    assert names(out, v["actors"]) == ["Belarus"]
    assert names(out, v["targets"]) == ["Russia"]
    assert v["items"] == ["artillery shells", "drones"]
    assert v["mode"] == "military"


def test_events_supply_to_target_economic_mode(run: Run) -> None:
    out = run("China supplied refined petroleum to North Korea.")
    v = _one(out, "AID")
    assert names(out, v["targets"]) == ["North Korea"]
    assert (v["items"], v["mode"]) == (["refined petroleum"], "economic")


def test_events_passive_agent_acts(run: Run) -> None:
    out = run("The missiles were delivered to Iran by North Korea.")
    v = _one(out, "AID")
    assert names(out, v["actors"]) == ["North Korea"]
    assert names(out, v["targets"]) == ["Iran"]
    assert v["items"] == ["missiles"]


def test_events_sanction_imposed_on_coordinated_targets(run: Run) -> None:
    out = run(
        "Japan imposed sanctions on Korea Mining Development Trading Corporation and Jo Yong Won."
    )
    v = _one(out, "SANCTION")
    assert v["trigger"] == "imposed sanctions"
    assert names(out, v["actors"]) == ["Japan"]
    assert names(out, v["targets"]) == [
        "Korea Mining Development Trading Corporation",
        "Jo Yong Won",
    ]


def test_events_sanction_verb(run: Run) -> None:
    out = run("The European Union sanctioned Ocean Maritime Management.")
    v = _one(out, "SANCTION")
    assert names(out, v["actors"]) == ["European Union"]
    assert names(out, v["targets"]) == ["Ocean Maritime Management"]


def test_events_veto(run: Run) -> None:
    out = run("China vetoed the draft resolution in the Security Council.")
    v = _one(out, "REJECT")
    assert (v["mode"], v["trigger"]) == ("veto", "vetoed")
    assert names(out, v["actors"]) == ["China"]


def test_events_veto_passive(run: Run) -> None:
    out = run("The draft was vetoed by Russia on Friday.")
    v = _one(out, "REJECT")
    assert names(out, v["actors"]) == ["Russia"]


def test_events_deny_embeds_denied_transfer(run: Run) -> None:
    out = run("Minsk denied sending drones to Russia.")
    deny = _one(out, "REJECT")
    assert (deny["mode"], deny["modality"]) == ("deny", "asserted")
    aid = _one(out, "AID")
    assert names(out, aid["actors"]) == ["Belarus"]
    assert names(out, aid["targets"]) == ["Russia"]
    assert aid["modality"] == "denied"


def test_events_reject_accusations_of_noun_event(run: Run) -> None:
    out = run("Tehran rejected accusations of weapons shipments.")
    assert _one(out, "REJECT")["mode"] == "deny"
    aid = _one(out, "AID")
    assert names(out, aid["actors"]) == ["Iran"]
    assert aid["items"] == ["weapons"]
    assert aid["modality"] == "denied"


def test_events_coordinated_objects(run: Run) -> None:
    out = run("The United Kingdom sanctioned Iran and Belarus.")
    v = _one(out, "SANCTION")
    assert names(out, v["targets"]) == ["Iran", "Belarus"]


def test_events_noun_trigger_with_possessive_actor(run: Run) -> None:
    out = run("Washington condemned Beijing's veto of the resolution.")
    veto = _one(out, "REJECT")
    assert names(out, veto["actors"]) == ["China"]


def test_events_launch_missiles_mobilize_or_assault(run: Run) -> None:
    out = run("North Korea launched two ballistic missiles. Russia fired missiles at Ukraine.")
    assert [(v["type"], v["trigger"]) for v in out["events"]] == [
        ("MOBILIZE", "launched missiles"),
        ("ASSAULT", "fired missiles"),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Iran and Belarus signed the pact on 4 February 2025.", "2025-02-04"),
        ("Iran and Belarus signed the pact in January.", "2025-01"),
        ("Iran and Belarus signed the pact in June.", "2024-06"),
        ("Iran and Belarus signed the pact last month.", "2025-02"),
        ("Iran and Belarus signed the pact in 2023.", "2023"),
    ],
)
def test_events_dates_relative_to_publication(run: Run, text: str, date: str) -> None:
    assert _one(run(text), "AGREE")["date"] == date


def test_events_span_is_the_sentence(run: Run) -> None:
    text = "The talks ended. Iran and Belarus signed a pact. Nothing else happened."
    v = _one(run(text), "AGREE")
    assert text[v["start"] : v["end"]] == v["text"] == "Iran and Belarus signed a pact."


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Both Minsk and Beijing reject the claims.", ["Belarus", "China"], []),
        ("Iran provides Russia with drones and artillery rounds.", ["Iran"], ["Russia"]),
        ("The drones were shipped to Russia by Iran.", ["Iran"], ["Russia"]),
        ("A veto by China ended the debate.", ["China"], []),
        ("Pyongyang's arms transfers to Moscow continued.", ["North Korea"], ["Russia"]),
        ("Belarus bought missiles from Iran.", ["Iran"], ["Belarus"]),
        ("Moscow received artillery shells from Pyongyang.", ["North Korea"], ["Russia"]),
        ("China did not import coal from North Korea.", ["North Korea"], ["China"]),
        ("Russian firms procured North Korean missiles.", ["North Korea"], ["Russia"]),
        # parse repairs: a receiver hung on the verb, coordinated prepositions
        ("Moscow cited the report to defend its own arms deliveries to Belarus.",
         ["Russia"], ["Belarus"]),
        ("Any sale of drones to or from Iran is banned.", [], ["Iran"]),
    ],
)  # fmt: skip
def test_events_argument_structures(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    v = next(v for v in run(text)["events"] if v["type"] in ("AID", "REJECT"))
    assert (names(run(text), v["actors"]), names(run(text), v["targets"])) == (actors, targets)


def test_events_clause_misread_as_a_prepositional_phrase(run: Run) -> None:
    # the parser makes "Moscow and Pyongyang" the object of "after" and "signed" a conjunct
    out = run("Seoul will review its policy on supplying weapons after Moscow and Pyongyang "
              "signed a pact.")  # fmt: skip
    v = _one(out, "AGREE")
    assert names(out, v["actors"]) == ["Russia", "North Korea"]


def test_events_receive_a_person_is_a_meeting(run: Run) -> None:
    v = _one(run("Lukashenko received the Iranian envoy Ali Karimi in Minsk."), "CONSULT")
    assert v["mode"] == "meet"


def test_events_exchange_is_two_events(run: Run) -> None:
    out = run("Belarus sold drones to Iran in exchange for Iranian oil.")
    aid = events(out, "AID")
    assert [(names(out, v["actors"]), names(out, v["targets"]), v["items"]) for v in aid] == [
        (["Belarus"], ["Iran"], ["drones"]),
        (["Iran"], ["Belarus"], ["oil"]),
    ]
    assert aid[1]["trigger"] == "in exchange for"


def test_events_exchange_noun_is_two_events(run: Run) -> None:
    out = run("Analysts expect a swap, an exchange of Belarusian drones for Iranian oil.")
    aid = events(out, "AID")
    assert [(names(out, v["actors"]), names(out, v["targets"])) for v in aid] == [
        (["Belarus"], ["Iran"]),
        (["Iran"], ["Belarus"]),
    ]


def test_events_goods_origin_names_the_giver(run: Run) -> None:
    out = run("The Council condemned the transfer of Iranian drones to Russia.")
    aid = _one(out, "AID")
    assert (names(out, aid["actors"]), names(out, aid["targets"])) == (["Iran"], ["Russia"])


def test_events_denial_points_back_at_the_claim(run: Run) -> None:
    out = run("Minsk rejected accusations of arms sales to Russia.")
    assert _one(out, "REJECT")["mode"] == "deny"
    sale = _one(out, "AID")
    assert names(out, sale["actors"]) == ["Belarus"]
    assert sale["modality"] == "denied"


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Lukashenko praised Iran.", "SUPPORT", None),
        ("Belarus and Iran held a summit in Minsk.", "CONSULT", "meet"),
        ("Lukashenko travelled to Tehran.", "CONSULT", "visit"),
        ("The EU halted shipments of oil to Belarus.", "SANCTION", "halt"),
        ("Japan designated three Chinese firms.", "SANCTION", None),
        ("Russia launched drones at Kyiv.", "ASSAULT", "military"),
        ("Russia struck Kharkiv with missiles.", "ASSAULT", None),
        ("Washington threatened Minsk with new sanctions.", "THREATEN", None),
        ("Iran dropped its objection to the inspection.", "CONCEDE", None),
        ("Seoul broadcast propaganda across the border to Pyongyang.", "PROTEST", "broadcast"),
        ("Belarus sent propaganda leaflets to Ukraine.", "PROTEST", "propaganda"),
        ("The Ukrainian ministry accused Minsk of smuggling.", "ACCUSE", "allege"),
    ],
)
def test_events_lexicon_types_and_modes(run: Run, text: str, etype: str, mode: str | None) -> None:
    assert _one(run(text), etype)["mode"] == mode


def test_events_warning_that_reports_is_not_a_threat(run: Run) -> None:
    out = run("Ukrainian officials warned that Iran could sell missiles to Russia.")
    assert events(out, "THREATEN") == []
    assert _one(out, "AID")["modality"] == "hypothetical"


def test_events_warning_of_consequences_is_a_threat(run: Run) -> None:
    out = run("Lukashenko warned that Belarus would strike back if Poland attacked.")
    assert names(out, _one(out, "THREATEN")["actors"]) == ["Lukashenko"]


def test_events_blocked_act_is_no_event(run: Run) -> None:
    out = run("China blocked a council statement condemning Iran.")
    assert events(out, "ACCUSE") == []


def test_events_items_and_places(run: Run) -> None:
    v = _one(run("Iran delivered drones and fuel to Russia in the port of Nakhodka."), "AID")
    assert v["items"] == ["drones", "oil"]
    assert names(run("Iran delivered drones and fuel to Russia in the port of Nakhodka."),
                 v["locations"]) == ["Nakhodka"]  # fmt: skip


def test_events_date_of_the_reporting_verb_is_not_the_events(run: Run) -> None:
    out = run("Zelenskyy said on Monday that Iran had sent missiles to Russia.")
    assert _one(out, "AID")["date"] is None


def test_events_date_in_the_events_clause(run: Run) -> None:
    out = run("Zelenskyy said on Monday that Iran had sent missiles to Russia in February.")
    assert _one(out, "AID")["date"] == "2025-02"


def test_events_month_is_the_nearest_not_after_publication(run: Run) -> None:
    assert (
        _one(run("Iran sold drones to Russia in March.", published="2025-02-10"), "AID")["date"]
        == "2024-03"
    )


def test_events_thanks_and_the_support_thanked_for(run: Run) -> None:
    out = run("Lukashenko thanked Iran for its support.")
    assert [
        (names(out, v["actors"]), names(out, v["targets"])) for v in events(out, "SUPPORT")
    ] == [
        (["Lukashenko"], ["Iran"]),
        (["Iran"], []),
    ]


def test_events_exchange_of_prisoners_runs_back_as_a_handover(run: Run) -> None:
    out = run(
        "Minsk is ready to hand over two Polish prisoners to Warsaw in exchange for "
        "Belarusians held in Lithuania."
    )
    found = {(tuple(names(out, v["actors"])), tuple(names(out, v["targets"])))
             for v in events(out, "CONCEDE")}  # fmt: skip
    assert found == {(("Belarus",), ("Poland",)), (("Poland",), ("Belarus",))}


def test_events_participle_modifier_is_a_passive_event(run: Run) -> None:
    out = run("Kyiv showed two captured Russian pilots to reporters on Monday.")
    (v,) = events(out, "COERCE")
    assert (names(out, v["actors"]), names(out, v["targets"])) == ([], ["Russia"])


def test_events_banned_act_is_not_an_event(run: Run) -> None:
    out = run("Iranian officials are banned from travelling to the European Union.")
    assert events(out, "CONSULT") == []
    assert len(events(out, "SANCTION")) == 1


def test_events_added_to_the_list(run: Run) -> None:
    out = run("Minsk Tractor Works has been added to the Entity List by the United States.")
    (v,) = events(out, "SANCTION")
    assert names(out, v["targets"]) == ["Minsk Tractor Works"]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Sweden detained the tanker Nordic Star on Friday. The tanker was added to the "
         "European Union's sanctions list in December.", ["European Union"]),
        ("The firm, Baltic Crest Shipping, was added to Canada's sanctions list last year.",
         ["Canada"]),
        # "its list": the possessor could be anyone, and no one is guessed
        ("The tanker Nordic Star was added to its list in December.", []),
    ],
)  # fmt: skip
def test_events_added_to_someones_list(run: Run, text: str, actors: list[str]) -> None:
    out = run(text)
    v = next(v for v in events(out, "SANCTION") if v["trigger"] == "added list")
    assert names(out, v["actors"]) == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Iranian Foreign Minister Abbas Araghchi will travel to Beijing next month for talks "
         "with his Chinese counterpart Wang Yi.", ["Abbas Araghchi"]),
        ("Viktor Khrenin signed the agreement in Minsk after talks with the Chinese defence "
         "minister, Dong Jun.", ["Viktor Khrenin"]),
        # "the talks": told before, not given a holder here
        ("After the talks with Dong Jun, Viktor Khrenin signed the agreement.", []),
    ],
)  # fmt: skip
def test_events_talks_held_by_the_subject_of_their_trip(
    run: Run, text: str, actors: list[str]
) -> None:
    out = run(text)
    (v,) = [v for v in events(out, "CONSULT") if v["trigger"] == "talks"]
    assert names(out, v["actors"]) == actors


@pytest.mark.parametrize(
    "text",
    [
        "Iran has provided nearly half of the attack drones used by Russian forces this winter.",
        "Belarus shipped about a third of the artillery shells that Russian units fired in May.",
        "Chinese firms have sold engines for the drones that Russia launches at Ukrainian towns.",
    ],
)
def test_events_goods_go_to_those_who_use_them(run: Run, text: str) -> None:
    # no "to" phrase says where the goods went: the clause on them says who uses them
    out = run(text)
    (v,) = events(out, "AID")
    assert names(out, v["targets"]) == ["Russia"]


def test_events_cut_off_from_a_system_names_no_party(run: Run) -> None:
    # what a party is cut off from is neither side of the sanction
    out = run("The Treasury Department cut off Kestrel Pay Ltd from the U.S. financial system.")
    (v,) = events(out, "SANCTION")
    assert names(out, v["actors"]) == ["Department of the Treasury"]
    assert names(out, v["targets"]) == ["Kestrel Pay Ltd"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Korean People's Army will launch a devastating strike at dawn.", ["ASSAULT"]),
        ("Russian forces carried out a massive strike overnight.", ["ASSAULT"]),
        # a strike no one launches and no one suffers is no attack
        ("The strike ended on Monday.", []),
    ],
)  # fmt: skip
def test_events_a_strike_someone_launches_needs_no_target(
    run: Run, text: str, expected: list[str]
) -> None:
    assert [v["type"] for v in run(text)["events"]] == expected


@pytest.mark.parametrize(
    "text",
    [
        "North Korea launched what it said was a new cruise missile on Friday.",
        "Iran fired what state media said was a new ballistic missile.",
    ],
)
def test_events_what_it_said_was_a_missile(run: Run, text: str) -> None:
    out = run(text)
    (v,) = events(out, "MOBILIZE")
    assert names(out, v["actors"]) and all("missile" in item for item in v["items"])
    assert v["items"]


def test_events_receiver_fused_into_the_goods(run: Run) -> None:
    out = run("Tehran is offering Minsk drones and fuel, a Ukrainian official said.")
    (v,) = events(out, "AID")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["Iran"], ["Belarus"])


def test_events_unnamed_receivers_in_a_country(run: Run) -> None:
    out = run("Belarus sold tractors to traders in Iran last year.")
    (v,) = events(out, "AID")
    assert names(out, v["targets"]) == ["Iran"]


def test_events_subject_of_an_adjective_complement(run: Run) -> None:
    out = run("Officials said Minsk was likely to ship more drones to Russia.")
    (v,) = events(out, "AID")
    assert names(out, v["actors"]) == ["Belarus"]


def test_events_unnamed_accuser_with_a_named_accused(run: Run) -> None:
    out = run("European diplomats have accused Minsk of hosting Russian missiles.")
    v = events(out, "ACCUSE")[0]
    assert (names(out, v["actors"]), names(out, v["targets"])) == ([], ["Belarus"])


def test_events_join_the_fighting_and_kill(run: Run) -> None:
    out = run("About 200 Belarusian soldiers were killed after the soldiers joined the fighting.")
    found = sorted((tuple(names(out, v["actors"])), tuple(names(out, v["targets"])))
                   for v in events(out, "ASSAULT"))  # fmt: skip
    assert found == [((), ("Belarus",)), (("Belarus",), ())]


def test_events_questioning_findings_is_an_accusation(run: Run) -> None:
    out = run("Belarus questioned the commission's findings. Police questioned the two men.")
    assert [v["trigger"] for v in events(out, "ACCUSE")] == ["questioned findings"]


def test_events_prohibiting_sales_to_a_country(run: Run) -> None:
    out = run("The Council also prohibited the sale to Belarus of aircraft parts.")
    (v,) = events(out, "SANCTION")
    assert names(out, v["targets"]) == ["Belarus"]


def test_events_gerund_fused_with_its_object_after_accused_of(run: Run) -> None:
    out = run("Kyiv accused Minsk of hosting missiles that Russia fired at Kharkiv.")
    (attack,) = events(out, "ASSAULT")
    assert names(out, attack["actors"]) == ["Russia"]
    assert names(out, attack["locations"]) == ["Kharkiv"]


def test_events_plural_title_of_countries(run: Run) -> None:
    out = run("The defence ministers of Belarus and Russia met in Minsk on Friday.")
    (v,) = events(out, "CONSULT")
    assert names(out, v["actors"]) == ["Belarus", "Russia"]


def test_events_invitation_accepted_is_a_planned_visit(run: Run) -> None:
    out = run("Lukashenko accepted an invitation to visit Tehran next year.")
    (v,) = events(out, "CONSULT")
    assert (names(out, v["actors"]), v["modality"]) == (["Lukashenko"], "expected")


def test_events_partner_as_subject_of_a_small_clause(run: Run) -> None:
    out = run("Iran agreed to work closely with Belarus to develop drones.")
    (v,) = events(out, "COOPERATE")
    assert names(out, v["targets"]) == ["Belarus"]


def test_events_voyages_of_ships_are_no_visits(run: Run) -> None:
    assert events(run("Three Iranian tankers made trips to Venezuela last year."), "CONSULT") == []


def test_events_passive_conjunct_takes_the_shared_subject_as_target(run: Run) -> None:
    out = run(
        "Lukashenko arrived in Tehran on Monday and was greeted at the airport by Iranian "
        "President Masoud Pezeshkian."
    )
    (v,) = [e for e in events(out, "CONSULT") if e["trigger"] == "greeted"]
    assert names(out, v["actors"]) == ["Masoud Pezeshkian"]
    assert names(out, v["targets"]) == ["Lukashenko"]


def test_events_withdrawn_troops_retreat(run: Run) -> None:
    out = run("Belarusian troops stationed near the border have been withdrawn, Lithuania said.")
    (v,) = events(out, "RETREAT")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["Belarus"], [])


def test_events_listing_sentence_names_the_designated(run: Run) -> None:
    out = run("Among the entities designated are Korea Ryonbong General Corporation and "
              "Tanchon Commercial Bank.")  # fmt: skip
    v = _one(out, "SANCTION")
    assert names(out, v["targets"]) == [
        "Korea Ryonbong General Corporation", "Tanchon Commercial Bank"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two entities designated are Sinhung Information Technology Corporation, which has "
         "sent hundreds of IT workers to Russia and China; and Dalian Beiyang Software Co., a "
         "front company in Dalian that hid the workers' nationality from clients.",
         ["Dalian Beiyang Software Co.", "Sinhung Information Technology Corporation"]),
        ("The individuals designated are Jon Chol Ho, an agent of the Reconnaissance General "
         "Bureau, a unit under the Ministry of State Security, who ran the 2024 theft of crypto "
         "from an exchange in Seoul; Mun Kyong Il, a North Korean banker based in Dandong, who "
         "allegedly laundered the proceeds and sent them back to Pyongyang; and Pak Song Nam "
         "and Ri Kum Hyok, who manage IT workers in Laos.",
         ["Jon Chol Ho", "Mun Kyong Il", "Pak Song Nam", "Ri Kum Hyok"]),
    ],
)  # fmt: skip
def test_events_designees_listed_between_semicolons(
    run: Run, text: str, expected: list[str]
) -> None:
    # each item with its own clauses: the parser loses the items after the first
    out = run(text)
    v = _one(out, "SANCTION")
    assert sorted(names(out, v["targets"])) == expected


def test_events_those_designated_are_the_parties_sanctioned_before(run: Run) -> None:
    out = run(
        "The Treasury designated Ri Song Hyok and the Hana Shipping Company on Monday. "
        "All property of the designated persons is blocked, and those listed are also "
        "banned from entering the country."
    )
    first, blocked, banned = events(out, "SANCTION")
    assert names(out, first["targets"]) == ["Ri Song Hyok", "Hana Shipping Company"]
    assert names(out, blocked["targets"]) == ["Ri Song Hyok", "Hana Shipping Company"]
    assert names(out, banned["targets"]) == ["Ri Song Hyok"]  # a travel ban binds people


def test_events_their_assets_after_a_designation(run: Run) -> None:
    out = run("Japan sanctioned Pak Il Nam and Choe Myong Su. Their assets have been frozen.")
    frozen = events(out, "SANCTION")[-1]
    assert frozen["trigger"] == "assets frozen"
    assert names(out, frozen["targets"]) == ["Pak Il Nam", "Choe Myong Su"]


def test_events_an_office_of_a_department_acts_for_itself(run: Run) -> None:
    out = run("The State Department's Bureau of Arms Control designated two firms.")
    v = _one(out, "SANCTION")
    assert names(out, v["actors"]) == ["Bureau of Arms Control"]


def test_events_unnamed_sanctioned_parties_do_what_they_are_sanctioned_for(run: Run) -> None:
    out = run("Britain sanctioned three companies for selling drones to Iran.")
    v = _one(out, "AID")
    assert (names(out, v["actors"]), names(out, v["targets"])) == ([], ["Iran"])


def test_events_receiver_hung_inside_the_object(run: Run) -> None:
    out = run("Seoul believes Pyongyang is shipping shells of the same calibre to Russia.")
    v = _one(out, "AID")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["North Korea"], ["Russia"])


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("President Yoon held a phone call with Prime Minister Ishiba.", "CONSULT"),
        ("Tokyo will share intelligence with Seoul.", "COOPERATE"),
        ("The Security Council voted down a draft tabled by Russia.", "REJECT"),
        ("The navy intercepted the tanker Ocean Star.", "COERCE"),
        ("Paris, Berlin and London triggered the snapback mechanism.", "SANCTION"),
        ("Russia's use of Iranian drones against Ukraine is a war crime.", "ASSAULT"),
        ("A Russian firm ferried North Korean troops to Vladivostok.", "AID"),
    ],
)  # fmt: skip
def test_events_lexicon_additions(run: Run, text: str, etype: str) -> None:
    assert [v["type"] for v in run(text)["events"]] == [etype]


def test_events_fire_at_a_time_is_a_launch(run: Run) -> None:
    out = run("North Korea fired two cruise missiles at about 7 a.m. on Sunday.")
    assert [v["type"] for v in out["events"]] == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        # a deal struck is an agreement, once
        ("Belarus and Iran struck a deal on drone parts.", "AGREE", ["Belarus", "Iran"], []),
        # forces deployed at a position of one's own are mobilised, not handed over
        ("Russia deployed two brigades near the Finnish border.", "MOBILIZE", ["Russia"], []),
        ("Japan raised its readiness posture after the launch.", "MOBILIZE", ["Japan"], []),
        # the partner of a verb hung on its topic
        ("Tokyo is sharing data on the test with Seoul and Washington.", "COOPERATE", ["Japan"],
         ["South Korea", "United States"]),
        # criticising a writing criticises its author
        ("Beijing condemned a report by the European Union.", "ACCUSE", ["China"],
         ["European Union"]),
        # a writing speaks for its author
        ("Seoul welcomed a report by the United Nations, which accused Pyongyang of hacking.",
         "ACCUSE", ["United Nations"], ["North Korea"]),
        # "against" hung on the object of the phrase before
        ("Belarusian volunteers fought alongside Russian units against Ukraine.", "ASSAULT",
         ["Belarus", "Russia"], ["Ukraine"]),
        # light verb "slap"
        ("Moscow accused Tokyo of slapping sanctions on Russian banks.", "SANCTION", ["Japan"],
         ["Russia"]),
    ],
)  # fmt: skip
def test_events_argument_repairs(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_they_after_a_country_s_soldiers(run: Run) -> None:
    out = run("Minsk protested the deployment of Russian soldiers to Belarus, where they "
              "attacked Ukraine.")  # fmt: skip
    v = _one(out, "ASSAULT")
    assert names(out, v["actors"]) == ["Russia"]


def test_events_goods_carried_from_a_country_come_from_it(run: Run) -> None:
    out = run("The trains were carrying shells from Belarus to Russia.")
    v = _one(out, "AID")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["Belarus"], ["Russia"])


def test_events_apposition_stands_for_the_name(run: Run) -> None:
    out = run("Inspectors found the Sky Rose, a Panama-flagged tanker sanctioned by Japan.")
    v = _one(out, "SANCTION")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["Japan"], ["Sky Rose"])


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("Prosecutors charged two Chinese and Russian nationals with laundering money for "
         "North Korea.", "AID", ["China", "Russia"], ["North Korea"]),
        ("Britain condemns Iran, the DPRK and Belarus for their support.", "ACCUSE",
         ["United Kingdom"], ["Iran", "North Korea", "Belarus"]),
        ("Moscow fired drones of Iranian design at Ukrainian cities.", "ASSAULT", ["Russia"],
         ["Ukraine"]),
        ("Shells keep flowing from North Korea to Russia.", "AID", ["North Korea"], ["Russia"]),
        ("Analysts asked whether Moscow will reward Pyongyang with missile technology.", "AID",
         ["Russia"], ["North Korea"]),
        ("The firm wired the money to accounts controlled by Pyongyang.", "AID", [],
         ["North Korea"]),
    ],
)  # fmt: skip
def test_events_more_argument_structures(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_the_two_officers_are_those_designated(run: Run) -> None:
    out = run("The Council listed Ri Chol Ho, Pak Song Il and the Sungri Trading Company. The two "
              "officers are also banned from entering the EU.")  # fmt: skip
    banned = events(out, "SANCTION")[-1]
    assert names(out, banned["targets"]) == ["Ri Chol Ho", "Pak Song Il"]


def test_events_in_return_runs_back_along_the_last_transfer(run: Run) -> None:
    out = run("Belarus has sent shells to Russia, officials said. In return, Minsk is believed "
              "to be receiving fighter jets.")  # fmt: skip
    back = events(out, "AID")[-1]
    assert (names(out, back["actors"]), names(out, back["targets"])) == (["Russia"], ["Belarus"])


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Britain also listed Volna Tekh, a Belarusian firm based in Brest, which has supplied "
         "Russian drone makers with batteries.", "Volna Tekh"),
        ("The EU named Kestrel Arc Trading, a company registered in Dubai, which sold drone "
         "engines to Russia.", "Kestrel Arc Trading"),
    ],
)  # fmt: skip
def test_events_relative_clause_after_a_firms_seat_is_the_firms(
    run: Run, text: str, firm: str
) -> None:
    # the parser hangs "which ..." on the place: the firm placed there acts
    out = run(text)
    (v,) = events(out, "AID")
    assert names(out, v["actors"]) == [firm]


def test_events_relative_pronoun_subject_of_a_reported_clause(run: Run) -> None:
    out = run("Britain sanctioned Kaspiy Trans LLC, which the Foreign Office said had shipped "
              "drones to Russia.")  # fmt: skip
    v = _one(out, "AID")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["Kaspiy Trans LLC"], ["Russia"])


def test_events_source_phrase_is_no_receiver(run: Run) -> None:
    out = run("According to OFAC, Lanxin Electronics Co. shipped gyroscopes and alloy to the "
              "Second Academy of Natural Sciences.")  # fmt: skip
    v = _one(out, "AID")
    assert "Office of Foreign Assets Control" not in names(out, v["targets"])


def test_events_it_in_a_clause_below_the_main_one_is_its_subject(run: Run) -> None:
    out = run("Japanese aircraft spotted the tanker Sea Lion. The Sea Lion was designated by the "
              "1718 Committee after the Panel of Experts found that it had delivered oil to "
              "Nampo.")  # fmt: skip
    v = _one(out, "AID")
    assert names(out, v["actors"]) == ["Sea Lion"]


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        # people acting for the countries they come from
        ("Senior diplomats from Japan and South Korea condemned Pyongyang's launch.",
         "ACCUSE", ["Japan", "South Korea"], ["North Korea"]),
        # "X is on a visit to Y"
        ("Lukashenko is on an official visit to North Korea this week.", "CONSULT",
         ["Lukashenko"], ["North Korea"]),
        # sharing technology hands it over
        ("Moscow is sharing satellite technology with Pyongyang.", "AID", ["Russia"],
         ["North Korea"]),
        ("The network channelled the wages to Pyongyang.", "AID", [], ["North Korea"]),
        ("Coast guards confiscated the Sea Star, a Comoros-flagged tanker.", "COERCE", [],
         ["Sea Star"]),
    ],
)  # fmt: skip
def test_events_yet_more_argument_structures(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_held_a_summit_still_a_meeting_and_held_a_call_too(run: Run) -> None:
    out = run("Belarus and Iran held a summit. Lukashenko later held a call with Xi Jinping.")
    assert [v["type"] for v in out["events"]] == ["CONSULT", "CONSULT"]


def test_events_the_visiting_premier_is_the_premier(run: Run) -> None:
    out = run("Premier Pak Thae Song arrived in Beijing. The visiting premier praised China.")
    v = _one(out, "SUPPORT")
    assert names(out, v["actors"]) == ["Pak Thae Song"]


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        # light verbs: wage, prolong
        ("Minsk is waging a hybrid attack against Lithuania.", "ASSAULT", ["Belarus"],
         ["Lithuania"]),
        ("The Council of the European Union decided to prolong the restrictive measures "
         "against Belarus.", "SANCTION", ["Council of the European Union"], ["Belarus"]),
        # destinations and reasons of a sanction are not its targets
        ("The tanker Sea Star was blacklisted by Japan last year over voyages to Russia.",
         "SANCTION", ["Japan"], ["Sea Star"]),
        # a city in a country's region reaches that country
        ("Tehran shipped the drones to Makhachkala in Russia's Dagestan region.", "AID",
         ["Iran"], ["Russia"]),
        # people moved by a transfer come from their country
        ("North Korean workers could be sent to Russian construction sites.", "AID",
         ["North Korea"], ["Russia"]),
    ],
)  # fmt: skip
def test_events_light_verbs_destinations_and_movers(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


@pytest.mark.parametrize(
    "text",
    [
        "Rodong Sinmun carried a commentary on the drills.",
        "Our industry is capable of meeting the needs of the army.",
        "Peskov dismissed the accusation as unfounded.",
    ],
)
def test_events_non_events(run: Run, text: str) -> None:
    assert [v["type"] for v in run(text)["events"] if v["type"] != "REJECT"] == []


def test_entities_weapon_models_are_no_organisations(run: Run) -> None:
    out = run("American B-1B bombers flew over the peninsula, and the KN-23 missile was shown.")
    assert not any(e["name"] in ("B-1B", "KN-23") for e in out["entities"])


def test_events_assets_of_both_companies(run: Run) -> None:
    out = run("Britain designated Volga Shipping LLC and Kaspiy Trans LLC. The assets of both "
              "companies will be frozen.")  # fmt: skip
    frozen = events(out, "SANCTION")[-1]
    assert names(out, frozen["targets"]) == ["Volga Shipping LLC", "Kaspiy Trans LLC"]


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("China renewed its call on North Korea to return to talks.", ["China"],
         ["North Korea"]),
        ("Japan repeated its calls on Russia to stop buying North Korean missiles.", ["Japan"],
         ["Russia"]),
        ("The EU reaffirms its call upon Iran to halt drone deliveries to Moscow.",
         ["European Union"], ["Iran"]),
    ],
)  # fmt: skip
def test_events_a_call_on_a_party_is_a_request(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), "REQUEST") == (actors, targets)


def test_events_a_phone_call_stays_a_meeting(run: Run) -> None:
    out = run("Vladimir Putin held a phone call with Kim Jong Un on Friday.")
    assert _roles(out, "CONSULT") == (["Vladimir Putin"], ["Kim Jong Un"])
    assert not events(out, "REQUEST")


def test_events_a_name_before_goods_sent_to_a_receiver_is_their_origin(run: Run) -> None:
    out = run("Orion Semicon LLC exported US microchips to Russia through Armenia.")
    assert _roles(out, "AID") == (["Orion Semicon LLC"], ["Russia"])


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("The EU listed Kama Logistics LLC for being involved in the transfer of drones to "
         "Russia.", "AID", ["Kama Logistics LLC"], ["Russia"]),
        ("Kama Logistics LLC played a key role in the sale of drones to Russia.", "AID",
         ["Kama Logistics LLC"], ["Russia"]),
        ("Kama Logistics LLC is responsible for supporting Russia with drones.", "SUPPORT",
         ["Kama Logistics LLC"], ["Russia"]),
        ("Kama Logistics LLC was complicit in the attack on Ukraine.", "ASSAULT",
         ["Kama Logistics LLC"], ["Ukraine"]),
    ],
)  # fmt: skip
def test_events_who_is_involved_in_an_act_does_it(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_nationals_involved_in_an_act_do_not_make_their_countries_its_doers(
    run: Run,
) -> None:
    out = run("Britain sanctioned three Belarusian and Russian officers involved in the "
              "transfer of North Korean shells to Russia.")  # fmt: skip
    aid = [v for v in events(out, "AID")]
    assert [(names(out, v["actors"]), names(out, v["targets"])) for v in aid] == [
        (["North Korea"], ["Russia"])
    ]


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        # the trained are named after "of"; the trainer by the verb the noun joins
        ("Belarus is organising the training of Russian drone crews.", ["Belarus"], ["Russia"]),
        ("Colonel Ivan Petrov coordinated the training of North Korean artillery units.",
         ["Ivan Petrov"], ["North Korea"]),
        # the act a party is sanctioned for is the party's
        ("The UK designated Pavel Sorokin for the training of North Korean pilots.",
         ["Pavel Sorokin"], ["North Korea"]),
        ("The UK sanctioned Kama Logistics LLC for the supply of drones to Russia.",
         ["Kama Logistics LLC"], ["Russia"]),
        ("Kama Logistics LLC was designated for the delivery of shells to Russia.",
         ["Kama Logistics LLC"], ["Russia"]),
    ],
)  # fmt: skip
def test_events_training_and_acts_a_party_is_sanctioned_for(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), "AID") == (actors, targets)


def test_events_an_act_waited_for_is_not_the_waiters(run: Run) -> None:
    out = run("Kama Logistics LLC waited for the delivery of shells to Russia.")
    assert [names(out, v["actors"]) for v in events(out, "AID")] == [[]]


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Belarus has become Russia's second-largest supplier of tank engines.", ["Belarus"],
         ["Russia"]),
        ("Iran is now one of the main providers of attack drones to the Russian army.",
         ["Iran"], ["Russia"]),
        ("The EU listed Kama Logistics LLC, an exporter of machine tools to Russia.",
         ["Kama Logistics LLC"], ["Russia"]),
        ("Chinese suppliers shipped the lathes to Russia, officials said.", ["China"],
         ["Russia"]),
    ],
)  # fmt: skip
def test_events_a_noun_naming_the_supplier_is_a_transfer_by_whom_it_is_said_of(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), "AID") == (actors, targets)


def test_events_a_supplier_of_no_one_is_no_event(run: Run) -> None:
    assert not events(run("Iran is a major exporter of crude oil and condensate."), "AID")


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang condemned the U.S. air strikes on nuclear facilities in Iran.",
        "Seoul said Israeli missile strikes against air defence sites inside Iran had begun.",
    ],
)
def test_events_a_strike_on_sites_in_a_country_targets_the_country(run: Run, text: str) -> None:
    (strike,) = events(run(text), "ASSAULT")
    assert names(run(text), strike["targets"]) == ["Iran"]


def test_events_proposed_talks_is_one_request(run: Run) -> None:
    out = run("Seoul proposed talks with the North's military on Monday.")
    v = _one(out, "REQUEST")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["South Korea"], ["North Korea"])
    assert not events(out, "CONSULT")


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # an attack that killed is one attack
        ("The Russian attack killed seven civilians in Ukraine.", ["ASSAULT"]),
        # "war drills" are drills
        ("Pyongyang accused Seoul of staging war drills.", ["ACCUSE", "MOBILIZE"]),
    ],
)
def test_events_one_event_per_act(run: Run, text: str, types: list[str]) -> None:
    assert [v["type"] for v in run(text)["events"]] == types


def test_events_suspending_cooperation_with_a_body_targets_it(run: Run) -> None:
    out = run("Tehran suspended its cooperation with the International Atomic Energy Agency.")
    v = _one(out, "SANCTION")
    assert names(out, v["targets"]) == ["International Atomic Energy Agency"]


def test_events_a_vessel_s_operator_is_not_the_vessel(run: Run) -> None:
    out = run("Customs officers boarded the tanker Sea Lion. Japan accused the vessel's "
              "operator of smuggling.")  # fmt: skip
    v = _one(out, "ACCUSE")
    assert names(out, v["targets"]) == []


def test_events_listing_sentence_names_only_its_own_parties(run: Run) -> None:
    out = run("Canberra sanctioned the tanker Sea Lion. Among the individuals sanctioned is "
              "Majid Karimi, who heads the firm.")  # fmt: skip
    listed = events(out, "SANCTION")[-1]
    assert names(out, listed["targets"]) == ["Majid Karimi"]


def test_events_verb_read_as_its_object_s_modifier(run: Run) -> None:
    # the parser reads "transported" as a modifier of "munitions" and hangs "to Russia" on them
    out = run("The United States on Thursday imposed sanctions on two Russian companies and three "
              "vessels that it said transported North Korean munitions to Russia, the State "
              "Department announced.")  # fmt: skip
    v = _one(out, "AID")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["North Korea"], ["Russia"])


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        # sanctions on vessels: the vessels' country is sanctioned, it does not sanction
        ("South Korea imposed sanctions on four Russian vessels and six North Korean bankers.",
         "SANCTION", ["South Korea"], ["Russia", "North Korea"]),
        # attacks in which weapons were used are the user's
        ("Russia has used at least 60 Iranian drones in attacks on Ukraine.", "ASSAULT",
         ["Russia"], ["Ukraine"]),
        ("Lukashenko expressed his thanks to Putin for the gas deal.", "SUPPORT",
         ["Lukashenko"], ["Putin"]),
        ("Foreign Minister Choe Son Hui met her Russian counterpart Sergei Lavrov. The two "
         "foreign ministers signed a plan.", "AGREE", ["Choe Son Hui", "Sergei Lavrov"], []),
        ("Foreign Minister Abbas Araghchi arrived in Pyongyang on Tuesday. On Thursday he was "
         "received by leader Kim Jong Un.", "CONSULT", ["Kim Jong Un"], ["Abbas Araghchi"]),
    ],
)  # fmt: skip
def test_events_more_repairs(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    out = run(text)
    v = events(out, etype)[-1]
    assert (names(out, v["actors"]), names(out, v["targets"])) == (actors, targets)


def test_events_threat_of_consequences_targets_those_who_would_bear_them(run: Run) -> None:
    out = run("Pyongyang warned that Seoul and Kyiv would face grave consequences.")
    v = _one(out, "THREATEN")
    assert names(out, v["targets"]) == ["South Korea", "Ukraine"]



@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Washington has poured weapons into Ukraine, Pyongyang said.", "AID"),
        ("Altyn Trade forwarded the machine tools to the Izhevsk plant in Russia.", "AID"),
        ("The Sea Lion pumped 2mn barrels of oil into the tanker Nora Star.", "AID"),
        ("The Kremlin brushed aside the criticism from Warsaw.", "REJECT"),
        ("China's envoy defended Pyongyang at the council.", "SUPPORT"),
        ("Kyiv and Moscow swapped 150 prisoners of war each.", "CONCEDE"),
        ("Washington raised the issue with Chinese officials.", "CONSULT"),
        ("The U.S. Treasury Department cut Korea Kwangson Bank off from the U.S. financial "
         "system.", "SANCTION"),
        ("We will continue to develop our relations with Pyongyang, Peskov said.", "COOPERATE"),
        ("Tehran and Minsk continue to equip the Russian military.", "AID"),
    ],
)  # fmt: skip
def test_events_lexicon_more_additions(run: Run, text: str, etype: str) -> None:
    assert etype in [v["type"] for v in run(text)["events"]]


def test_events_those_who_would_face_sanctions_are_their_targets(run: Run) -> None:
    out = run("Washington warned that Chinese firms would face U.S. sanctions.")
    v = _one(out, "SANCTION")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["United States"], ["China"])


def test_events_goods_unloaded_at_a_country_s_port_reach_it(run: Run) -> None:
    out = run("The tanker Sea Lion later discharged its cargo at the Chinese port of Qingdao.")
    v = _one(out, "AID")
    assert names(out, v["targets"]) == ["China"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Some trains may also have brought Russian diesel back to the North.", "AID"),
        ("The Panel of Experts recommends that the Security Council designate the tanker Sea Lion.",
         "REQUEST"),
        ("Tokyo would step up information-sharing with Washington and Seoul.", "COOPERATE"),
    ],
)  # fmt: skip
def test_events_lexicon_last_additions(run: Run, text: str, etype: str) -> None:
    assert etype in [v["type"] for v in run(text)["events"]]


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("Japan froze the assets of four North Korean organizations on Friday.", "SANCTION",
         ["Japan"], ["North Korea"]),
    ],
)  # fmt: skip
def test_events_last_repairs(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_carrying_out_launches_moves_no_goods(run: Run) -> None:
    out = run("Pyongyang has carried out a dozen ballistic missile launches this year.")
    assert not events(out, "AID")


def test_events_names_tangled_by_the_parse_are_both_targets(run: Run) -> None:
    # the parser hangs "Crest" on "LLC" and "Marine" on "FZE": one phrase, two names
    out = run("Canada sanctioned Bright Harbor Logistics FZE and Sever Marine LLC on Monday.")
    v = _one(out, "SANCTION")
    assert sorted(names(out, v["targets"])) == ["Bright Harbor Logistics FZE", "Sever Marine LLC"]


def test_events_names_in_separate_clauses_are_not_joined(run: Run) -> None:
    out = run("Japan imposed sanctions on Iran, and Belarus protested the move.")
    v = _one(out, "SANCTION")
    assert names(out, v["targets"]) == ["Iran"]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Moscow condemned the sanctions that London keeps imposing on Minsk.",
         "United Kingdom", "Belarus"),
        ("Ships breached the quota the Security Council imposed on the DPRK.",
         "United Nations Security Council", "North Korea"),
        ("It was the fifth package of measures Tokyo has imposed on Iran this year.",
         "Japan", "Iran"),
    ],
)  # fmt: skip
def test_events_impose_with_its_object_left_out(
    run: Run, text: str, actor: str, target: str
) -> None:
    out = run(text)
    v = _one(out, "SANCTION")
    assert (names(out, v["actors"]), names(out, v["targets"])) == ([actor], [target])


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Iran said it would deploy the new radar with coastal defence units.", "MOBILIZE"),
        ("The Pentagon is sending two aircraft carriers to the South China Sea.", "MOBILIZE"),
        ("Russian strategic bombers flew over the Sea of Japan on Tuesday.", "MOBILIZE"),
        ("Pyongyang was preparing to deploy more infantry units, officials said.", "AID"),
        ("North Korea deployed 3,000 engineers to Russia last year.", "AID"),
    ],
)
def test_events_forces_moved_on_ones_own_side_mobilise(run: Run, text: str, etype: str) -> None:
    out = run(text)
    assert [v["type"] for v in out["events"]] == [etype]


def test_events_object_control_of_prompt(run: Run) -> None:
    out = run("The exercise alarmed Seoul, prompting Japan to lodge a protest with Moscow.")
    v = _one(out, "PROTEST")
    assert (names(out, v["actors"]), names(out, v["targets"])) == (["Japan"], ["Russia"])


def test_events_receiver_with_giver_deep_in_the_object(run: Run) -> None:
    out = run("Ivan Petrov received payment for the coal from Korea Sobaeksu Trading Company.")
    v = _one(out, "AID")
    assert names(out, v["actors"]) == ["Korea Sobaeksu Trading Company"]
    assert names(out, v["targets"]) == ["Ivan Petrov"]


def test_events_aim_on_the_last_of_coordinated_objects(run: Run) -> None:
    out = run("Iran fired 200 attack drones and 30 ballistic missiles at Israel on Saturday.")
    assert [(v["type"], names(out, v["targets"])) for v in out["events"]] == [
        ("ASSAULT", ["Israel"])
    ]


def test_events_who_clause_on_a_place_is_about_the_person(run: Run) -> None:
    out = run("Pak Chol Jin, a DPRK banker based in Vladivostok, who allegedly met "
              "Sergei Ivanov in March, was designated.")  # fmt: skip
    v = _one(out, "CONSULT")
    assert names(out, v["actors"]) == ["Pak Chol Jin"]


def test_events_office_with_portfolio_and_apposed_holder(run: Run) -> None:
    out = run("The High Representative for Foreign Affairs and Security Policy, Josep Borrell, "
              "condemned the launch.")  # fmt: skip
    v = _one(out, "ACCUSE")
    assert names(out, v["actors"]) == ["Josep Borrell"]
    assert [e["name"] for e in out["entities"]] == ["Josep Borrell"]


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("Russian troops fired hundreds of Iranian drones at cities in Ukraine.",
         "ASSAULT", ["Russia"], ["Ukraine"]),
        ("Hackers linked to Pyongyang stole $80 million from the exchange Harbor Coin.",
         "ASSAULT", [], ["Harbor Coin"]),
        ("The theft of $300 million from Atomic Wallet was the work of the Lazarus Group.",
         "ASSAULT", ["Lazarus Group"], ["Atomic Wallet"]),
        ("Chinese and Russian strategic bombers conducted a joint patrol near Alaska.",
         "MOBILIZE", ["China", "Russia"], []),
    ],
)  # fmt: skip
def test_events_counted_weapons_theft_and_patrols(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


@pytest.mark.parametrize(
    "text",
    [
        "Among them is Jinhai Trading, a Ningbo company that the Council says had exported "
        "drone engines to Russia.",
        "Volna Marine LLC, a Dubai firm, is among the entities that shipped engines to Russia.",
    ],
)
def test_events_relative_clauses_of_designation_notices(run: Run, text: str) -> None:
    out = run(text)
    v = _one(out, "AID")
    assert len(v["actors"]) == 1 and names(out, v["targets"]) == ["Russia"]
    actor = next(e for e in out["entities"] if e["id"] == v["actors"][0])
    assert actor["type"] == "Organization"


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Australia sanctioned two banks. Among the new listings are Daesong Bank and "
         "Koryo Credit Bank.", ["Daesong Bank", "Koryo Credit Bank"]),
        ("Tokyo designated the tankers Sea Lark and Blue Horizon. The two ships will be barred "
         "from entering Japanese ports.", ["Sea Lark", "Blue Horizon"]),
        ("Belarus and Iran signed a pact. Both countries are under Western sanctions.",
         ["Belarus", "Iran"]),
        ("Canada sanctioned three trading firms. The companies include Sunrise Metals Ltd and "
         "Ostrov Logistics LLC.", ["Sunrise Metals Ltd", "Ostrov Logistics LLC"]),
    ],
)  # fmt: skip
def test_events_sanctions_stated_as_listings_bars_and_states(
    run: Run, text: str, targets: list[str]
) -> None:
    out = run(text)
    found = [sorted(names(out, v["targets"])) for v in events(out, "SANCTION")]
    assert sorted(targets) in found


def test_events_include_lists_parties_only_after_a_sanction(run: Run) -> None:
    out = run("The delegation includes Sunrise Metals Ltd and Ostrov Logistics LLC.")
    assert not events(out, "SANCTION")


def test_events_manner_phrase_acts_for_the_verbs_subject(run: Run) -> None:
    out = run("Canada imposed the measures in close coordination with Australia and New Zealand.")
    v = _one(out, "COOPERATE")
    assert names(out, v["actors"]) == ["Canada"]
    assert names(out, v["targets"]) == ["Australia", "New Zealand"]


@pytest.mark.parametrize(
    "text",
    [
        "Spokesman Lin Jian said Beijing had raised the issue with Washington and urged Japan "
        "to stop the drills.",
        "Prime Minister Jacinda Ardern said New Zealand would never accept the launch and "
        "urged Japan to stay calm.",
    ],
)
def test_events_speech_act_joined_to_a_report_is_the_speakers(run: Run, text: str) -> None:
    out = run(text)
    v = _one(out, "REQUEST")
    assert names(out, v["targets"]) == ["Japan"]
    assert [by["type"] for by in out["entities"] if by["id"] in v["actors"]] == ["Person"]


def test_events_act_joined_to_a_report_stays_the_reported_subjects(run: Run) -> None:
    out = run("Officials said North Korea had sent troops and shipped shells to Russia.")
    aid = events(out, "AID")
    assert aid and all(names(out, v["actors"]) == ["North Korea"] for v in aid)


@pytest.mark.parametrize(
    ("text", "etype", "actors"),
    [
        ("Iran has carried out more than a dozen ballistic missile launches this year.",
         "MOBILIZE", ["Iran"]),
        ("Japanese and U.S. forces began a five-day combined naval exercise on Monday.",
         "MOBILIZE", ["Japan", "United States"]),
        ("Beijing tightened export controls on drone engines last year.", "SANCTION", ["China"]),
    ],
)  # fmt: skip
def test_events_launches_exercises_and_export_controls(
    run: Run, text: str, etype: str, actors: list[str]
) -> None:
    out = run(text)
    v = _one(out, etype)
    assert names(out, v["actors"]) == actors


def test_events_meeting_requested_of_a_body_is_asked_not_held(run: Run) -> None:
    out = run("France and Britain requested an urgent meeting of the Security Council.")
    assert [(v["type"], names(out, v["targets"])) for v in out["events"]] == [
        ("REQUEST", ["United Nations Security Council"])
    ]


def test_events_brussels_acting_is_the_eu(run: Run) -> None:
    out = run("Beijing urged Brussels to reverse the listings, a day after talks in Brussels.")
    v = _one(out, "REQUEST")
    assert names(out, v["targets"]) == ["European Union"]
    assert [e["name"] for e in out["entities"] if e["type"] == "Place"] == ["Brussels"]


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("While Russia bombards Ukraine's cities, Europe debates.", "ASSAULT", ["Russia"],
         ["Ukraine"]),
        ("Kim Chol collected payments from Sinpo Trading Company.", "AID",
         ["Sinpo Trading Company"], ["Kim Chol"]),
    ],
)  # fmt: skip
def test_events_bombard_and_collect_payments(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("London adopted a fresh package of sanctions against Minsk.", "SANCTION",
         ["United Kingdom"], ["Belarus"]),
        ("Poland's expulsion of three Belarusian diplomats angered Minsk.", "COERCE",
         ["Poland"], ["Belarus"]),
    ],
)  # fmt: skip
def test_events_sanction_packages_and_expulsions(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_exchange_gives_the_transfer_its_receiver(run: Run) -> None:
    out = run("Moscow's supply of air defence systems in exchange for North Korean shells "
              "worries Seoul.")  # fmt: skip
    found = [(names(out, v["actors"]), names(out, v["targets"])) for v in events(out, "AID")]
    assert (["Russia"], ["North Korea"]) in found and (["North Korea"], ["Russia"]) in found


def test_events_writing_speaks_for_whoever_issued_it(run: Run) -> None:
    out = run("Rodong Sinmun on Monday carried a commentary on the drills. The commentary "
              "warned Washington that it would pay a heavy price.")  # fmt: skip
    v = _one(out, "THREATEN")
    assert names(out, v["actors"]) == ["Rodong Sinmun"]


def test_events_statement_released_is_no_concession(run: Run) -> None:
    out = run("Seoul studied the joint statement released by Moscow and Pyongyang on Friday.")
    assert events(out, "CONCEDE") == []


def test_events_being_on_a_blacklist_is_being_sanctioned(run: Run) -> None:
    out = run("The Kazan Optical Plant has been on Japan's export blacklist since 2023.")
    v = _one(out, "SANCTION")
    assert names(out, v["actors"]) == ["Japan"]
    assert names(out, v["targets"]) == ["Kazan Optical Plant"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amur Stroy Group LLC paid $9 million into accounts held by Sobaeksu Trading LLC.",
         [("AID", ["Amur Stroy Group LLC"], ["Sobaeksu Trading LLC"])]),
        ("Pyongyang warned that Seoul and Kyiv would pay dearly for it.",
         [("THREATEN", ["North Korea"], ["South Korea", "Ukraine"])]),
        ("Minsk invited Putin to pay a state visit to Belarus.",
         [("REQUEST", ["Belarus"], ["Putin"]), ("CONSULT", ["Putin"], ["Belarus"])]),
    ],
)  # fmt: skip
def test_events_paying_someone(run: Run, text: str, expected: list[Any]) -> None:
    out = run(text)
    found = [(v["type"], names(out, v["actors"]), names(out, v["targets"])) for v in out["events"]]
    assert found == expected


def test_events_indictment_of_people_listed_with_ages_and_towns(run: Run) -> None:
    out = run(
        "A grand jury returned an indictment charging Vladimir Sokolov, 41, of Gyumri, "
        "Armenia, and Oleg Sidorov, 39, of Bishkek, with smuggling electronics to Russia."
    )
    accused = _one(out, "ACCUSE")
    assert names(out, accused["targets"]) == ["Vladimir Sokolov", "Oleg Sidorov"]
    aid = _one(out, "AID")
    assert names(out, aid["actors"]) == ["Vladimir Sokolov", "Oleg Sidorov"]
    assert names(out, aid["targets"]) == ["Russia"]


def test_events_deploying_more_of_the_troops_sent_stays_aid(run: Run) -> None:
    out = run("Officials said North Korea had sent 11,000 troops to Russia and could deploy "
              "several thousand more this year.")  # fmt: skip
    assert {v["type"] for v in out["events"]} == {"AID"}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Peskov said cooperation between Russia and Belarus was developing.",
         ["Russia", "Belarus"]),
        ("Russian-Iranian cooperation in the energy sector was also discussed.",
         ["Iran", "Russia"]),
    ],
)  # fmt: skip
def test_events_cooperation_as_subject_and_hyphenated_partners(
    run: Run, text: str, actors: list[str]
) -> None:
    out = run(text)
    v = _one(out, "COOPERATE")
    assert sorted(names(out, v["actors"])) == sorted(actors)


def test_events_treaty_the_two_countries_signed(run: Run) -> None:
    out = run("Iran and Belarus met. Trade grew under the treaty the two countries signed in 2023.")
    v = _one(out, "AGREE")
    assert (names(out, v["actors"]), v["targets"]) == (["Iran", "Belarus"], [])


def test_events_lashing_out_at_someone_is_an_accusation(run: Run) -> None:
    out = run("Maria Zakharova lashed out at Finland on Thursday.")
    v = _one(out, "ACCUSE")
    assert names(out, v["targets"]) == ["Finland"]


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        # talks on the telephone
        ("Lukashenko spoke by phone with President Pezeshkian on Sunday.", "CONSULT",
         ["Lukashenko"], ["Pezeshkian"]),
        # workers taken on come from their country; the employer receives them
        ("Several Chinese fishing firms employed North Korean crews and labourers.", "AID",
         ["North Korea"], ["China"]),
        ("Mongolia denied having hired North Korean workers since 2017.", "AID",
         ["North Korea"], ["Mongolia"]),
        # training soldiers is military aid
        ("Belarusian officers trained Venezuelan soldiers last year.", "AID",
         ["Belarus"], ["Venezuela"]),
        # fuel taken on from another ship comes from it
        ("The tanker Sea Breeze took on fuel from the Iranian tanker Nasim.", "AID",
         ["Nasim"], ["Sea Breeze"]),
        # disputing another side's claims
        ("Minsk disputes the Lithuanian account.", "REJECT", ["Belarus"], ["Lithuania"]),
    ],
)  # fmt: skip
def test_events_lexicon_calls_hiring_training_disputes(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        # a ban falls on whoever does what it bans
        ("In 2017 the Security Council banned the employment of North Korean nationals abroad.",
         ["United Nations Security Council"], ["North Korea"]),
        ("The Security Council prohibited the import of North Korean seafood in 2017.",
         ["United Nations Security Council"], ["North Korea"]),
        # resolutions that limit a country
        ("Security Council resolutions restrict Eritrea to small quantities of such goods.",
         ["United Nations Security Council"], ["Eritrea"]),
    ],
)  # fmt: skip
def test_events_ban_falls_on_the_doer_of_what_it_bans(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), "SANCTION") == (actors, targets)


def test_events_possessor_of_a_kept_up_war_is_its_actor(run: Run) -> None:
    out = run("Minsk is prolonging Russia's war against Ukraine, the minister said.")
    assert _roles(out, "ASSAULT") == (["Russia"], ["Ukraine"])


def test_events_dispatch_as_a_noun_is_a_transfer(run: Run) -> None:
    out = run("Seoul condemned the dispatch of North Korean engineers to Russia.")
    assert _roles(out, "AID") == (["North Korea"], ["Russia"])


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("The tanker Sea Lark is identified today as blocked property.", ["Sea Lark"]),
        ("Washington imposed visa restrictions on nine officials of the Belarusian State "
         "Security Committee.", ["Belarusian State Security Committee"]),
    ],
)  # fmt: skip
def test_events_blocked_property_and_restrictions_on_a_body_s_officials(
    run: Run, text: str, targets: list[str]
) -> None:
    out = run(text)
    assert [names(out, v["targets"]) for v in events(out, "SANCTION")] == [targets]


def test_events_veto_of_a_body_s_renewal_targets_the_body(run: Run) -> None:
    out = run("In 2024 Russia vetoed the extension of the 1718 Committee's expert panel mandate.")
    out2 = run("Moscow vetoed the renewal of the Panel of Experts in March.")
    assert _roles(out2, "REJECT") == (["Russia"], ["Panel of Experts"])
    assert events(out, "REJECT")


def test_events_the_governor_is_the_governor_named_before(run: Run) -> None:
    out = run(
        "Alexander Uss, governor of Russia's Krasnoyarsk region, arrived in Pyongyang on Monday. "
        "The governor met Premier Pak Thae Song on Tuesday."
    )
    met = next(v for v in events(out, "CONSULT") if v["trigger"] == "met")
    assert names(out, met["actors"]) == ["Alexander Uss"]


def test_events_a_person_and_a_company_tangled_by_the_parse_are_both_targets(run: Run) -> None:
    # the parse hangs the person on the company's name (not the dev set's sentence)
    out = run("OFAC designated Kim Song Il and Primorye Transit LLC today.")
    assert sorted(_roles(out, "SANCTION")[1]) == ["Kim Song Il", "Primorye Transit LLC"]


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        # the condemned are the doers of the act they are condemned for
        ("Tehran condemned Israel for the strikes on Iranian oil depots.", ["Israel"], ["Iran"]),
        ("Belarusian units assaulted Ukrainian positions near Kupiansk.", ["Belarus"],
         ["Ukraine"]),
    ],
)  # fmt: skip
def test_events_assaults_and_the_condemned_doers(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), "ASSAULT") == (actors, targets)


@pytest.mark.parametrize(
    "text",
    [
        # the act is its own event in the sentence
        "Minsk condemned the raids carried out by Lithuania and Latvia against Belarusian "
        "smugglers.",
        # the act was told before and is pointed back at
        "Lithuania and Latvia stepped up cooperation with Ukraine. Minsk condemned this "
        "cooperation on Friday.",
    ],
)
def test_events_a_condemned_act_targets_its_doers(run: Run, text: str) -> None:
    (accuse,) = events(run(text), "ACCUSE")
    assert sorted(names(run(text), accuse["targets"])) == ["Latvia", "Lithuania"]


def test_events_condemning_an_act_pins_it_on_no_one(run: Run) -> None:
    out = run("Seoul condemned the launch of the missile as a grave provocation.")
    assert all(not v["actors"] for v in events(out, "MOBILIZE"))


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # the speaker's own side would act: it is no target
        ("Chinese spokesperson Mao Ning warned that China would take resolute countermeasures.",
         []),
        # ... and whom it would act on is
        ("Finnish President Alexander Stubb warned that Finland would confront Russia.",
         ["Russia"]),
        ("The minister warned that Seoul and Kyiv would pay dearly.", ["South Korea", "Ukraine"]),
        # the side that will take measures is the warning side, its country known or not
        ("Spokeswoman Zakharova warned that Moscow would take retaliatory measures.", []),
        # a warning joined to a request is for the one asked
        ("Spokesman Wang Wenbin urged Tokyo to halt the discharge and warned that Beijing would "
         "take necessary measures.", ["Japan"]),
    ],
)  # fmt: skip
def test_events_a_warning_threatens_the_others_not_the_speaker_s_side(
    run: Run, text: str, targets: list[str]
) -> None:
    out = run(text)
    found = [sorted(names(out, v["targets"])) for v in events(out, "THREATEN")]
    assert found == [sorted(targets)]


@pytest.mark.parametrize(
    "text",
    [
        "Rubio called on all UN Member States, including Iran and Belarus, to enforce them.",
        "The envoy urged member states, including Iran and Belarus, to stop the trade.",
    ],
)
def test_events_states_in_general_including_some_are_those_named(run: Run, text: str) -> None:
    (request,) = events(run(text), "REQUEST")
    assert sorted(names(run(text), request["targets"])) == ["Belarus", "Iran"]


def test_events_a_sum_in_payments_processed_is_the_processor_s_aid(run: Run) -> None:
    out = run("Washington says Altai Merchant Bank had processed hundreds of millions of "
              "dollars in payments for Russian importers.")  # fmt: skip
    assert _roles(out, "AID") == (["Altai Merchant Bank"], ["Russia"])


def test_events_them_after_a_designation_are_those_designated(run: Run) -> None:
    out = run("On Monday OFAC designated Altai Merchant Bank and two Kyrgyz firms, Kyzyl Pay and "
              "Orda Trade LLP, accusing them of clearing payments for Russian arms makers.")
    (accuse,) = events(out, "ACCUSE")
    assert sorted(names(out, accuse["targets"])) == [
        "Altai Merchant Bank", "Kyzyl Pay", "Orda Trade LLP"
    ]  # fmt: skip


def test_events_denied_entry_is_a_ban_on_the_ones_kept_out(run: Run) -> None:
    out = run("Japan designated the tankers Kira Moon and Sea Lark. The two tankers will be denied "
              "entry to Japanese ports.")  # fmt: skip
    ban = events(out, "SANCTION")[-1]
    assert ban["trigger"] == "denied"
    assert sorted(names(out, ban["targets"])) == ["Kira Moon", "Sea Lark"]
    assert not events(out, "REJECT")


def test_events_parties_in_general_including_some(run: Run) -> None:
    out = run("In May the Council listed further persons and entities, including Pars Aviation "
              "Services, under Council Regulation (EU) 2024/1485.")  # fmt: skip
    assert [names(out, v["targets"]) for v in events(out, "SANCTION")] == [
        ["Pars Aviation Services"]
    ]
    assert "Council Regulation" not in {e["name"] for e in out["entities"]}
    out = run("Canada imposed sanctions on Belarusian individuals and entities, including Minsk "
              "Wheel Tractor Plant.")  # fmt: skip
    assert sorted(_roles(out, "SANCTION")[1]) == ["Belarus", "Minsk Wheel Tractor Plant"]


@pytest.mark.parametrize(
    ("text", "etype", "actors"),
    [
        ("Iran will further bolster its missile arsenal, the general said.", "MOBILIZE", ["Iran"]),
        ("Belarus will expand its nuclear forces.", "MOBILIZE", ["Belarus"]),
        # the second noun of an object is done as the first is ...
        ("Iran and Belarus conduct normal trade and military cooperation.", "COOPERATE",
         ["Iran", "Belarus"]),
    ],
)  # fmt: skip
def test_events_build_ups_and_conducted_cooperation(
    run: Run, text: str, etype: str, actors: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, [])


@pytest.mark.parametrize(
    ("text", "etype", "actor"),
    [
        ("Belarus continues to arm Russia's war against Ukraine.", "AID", "Belarus"),
        ("Iran supports Russia's war against Ukraine.", "SUPPORT", "Iran"),
    ],
)
def test_events_backing_a_war_backs_its_doer_not_its_target(
    run: Run, text: str, etype: str, actor: str
) -> None:
    assert _roles(run(text), etype) == ([actor], ["Russia"])


def test_events_a_ship_that_lists_a_flag_state_is_no_listing(run: Run) -> None:
    out = run("The tanker Volga Star, which lists Comoros as its flag state, carried crude.")
    assert not events(out, "SANCTION")
    out = run("OFAC listed Volga Shipping as a Specially Designated National.")
    assert _roles(out, "SANCTION")[1] == ["Volga Shipping"]


def test_events_the_government_of_a_country_acts_for_it(run: Run) -> None:
    out = run("The Government of the Republic of Korea designated four individuals on Monday.")
    assert _roles(out, "SANCTION") == (["South Korea"], [])


def test_events_two_measures_imposed_together_are_one_event(run: Run) -> None:
    # ... but a measure with two nouns is one event
    out = run("Canada imposed financial sanctions and travel bans on Belarus.")
    assert len(events(out, "SANCTION")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Finnish navy held the Cook Islands-flagged tanker Volga Star off Porvoo.",
        "Police said the tanker Volga Star had been stopped off Porvoo.",
        "Moscow condemned the boarding of the tanker Volga Star by Finnish commandos.",
        "Border guards detained the tanker Volga Star. The ship would be escorted to Kotka.",
        # a ship by its name
        "Estonia detained a tanker on Monday. The Volga Star was boarded by Estonian commandos.",
        "Estonia detained a tanker on Monday. The navy held the Togo-flagged Volga Star for days.",
    ],
)
def test_events_ships_held_stopped_boarded_or_escorted_are_coerced(run: Run, text: str) -> None:
    out = run(text)
    assert [names(out, v["targets"]) for v in events(out, "COERCE")][-1] == ["Volga Star"]
    assert not events(out, "CONSULT")


@pytest.mark.parametrize(
    "second",
    [
        "Russian spokeswoman Maria Zakharova called the boarding an act of piracy.",
        "Kremlin spokesman Dmitry Peskov called the detention \"an act of piracy\".",
    ],
)
def test_events_calling_an_act_an_offence_accuses_its_doers(run: Run, second: str) -> None:
    out = run("The French navy boarded and detained the tanker Volga Star off Brittany on "
              f"Tuesday. {second}")  # fmt: skip
    accuse = events(out, "ACCUSE")
    assert [names(out, v["targets"]) for v in accuse] == [["France"]]


def test_events_calling_it_a_violation_after_condemning_is_one_accusation(run: Run) -> None:
    out = run("Tokyo condemned Pyongyang's launch, calling it a violation of UN resolutions.")
    assert len(events(out, "ACCUSE")) == 1


def test_events_the_report_accuses_for_its_author(run: Run) -> None:
    out = run("Ministers discussed a report by the MSMT on Tuesday. The report accused Chinese "
              "authorities of turning a blind eye to the transfers.")  # fmt: skip
    assert _roles(out, "ACCUSE") == (["Multilateral Sanctions Monitoring Team"], ["China"])


def test_events_an_escort_of_unnamed_ships_is_no_coercion(run: Run) -> None:
    out = run("Moscow sent a warship to escort vessels through the Gulf of Finland.")
    assert not events(out, "COERCE")


def test_events_demanding_that_someone_act_asks_them(run: Run) -> None:
    out = run("Belarus's foreign ministry demanded that Lithuania immediately release the lorries.")
    assert _roles(out, "REQUEST") == (["Belarus"], ["Lithuania"])


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("Lavrov met Choe Son Hui in Wonsan. Lavrov presented Choe with a samovar.", "AID",
         ["Lavrov"], ["Choe Son Hui"]),
        ("Tokyo has notified the 1718 Committee of the transfer.", "CONSULT", ["Japan"],
         ["1718 Committee"]),
        ("Shoigu arrived to meet Kim Jong Un on Friday. The two men held talks in Pyongyang.",
         "CONSULT", ["Kim Jong Un", "Shoigu"], []),
    ],
)  # fmt: skip
def test_events_gifts_notifications_and_the_two_men(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    out = run(text)
    found = [
        (sorted(names(out, v["actors"])), names(out, v["targets"])) for v in events(out, etype)
    ]
    assert (sorted(actors), targets) in found


def test_events_a_denied_role_in_a_hack_is_the_hack_denied(run: Run) -> None:
    out = run("Pyongyang has denied any role in the hack of the exchange.")
    (hack,) = events(out, "ASSAULT")
    assert names(out, hack["actors"]) == ["North Korea"] and hack["modality"] == "denied"


def test_events_arriving_in_a_country_s_capital_visits_the_country(run: Run) -> None:
    out = run("Sergei Lavrov arrived in the Iranian capital on Monday.")
    assert _roles(out, "CONSULT") == (["Sergei Lavrov"], ["Iran"])


def test_events_unnamed_firms_in_a_country_act_for_it_but_are_no_sanction_targets(
    run: Run,
) -> None:
    out = run("Companies in Turkey continue to supply Russia with machine tools.")
    assert _roles(out, "AID") == (["Turkey"], ["Russia"])
    out = run("Ottawa sanctioned three companies in Turkey on Monday.")
    assert _roles(out, "SANCTION") == (["Canada"], [])


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("Sergei Kiriyenko arrived in Belarus on Monday.", "CONSULT", ["Sergei Kiriyenko"],
         ["Belarus"]),
        ("Minsk deplored the raids carried out by Poland against Belarusian border posts.",
         "ASSAULT", ["Poland"], ["Belarus"]),
    ],
)  # fmt: skip
def test_events_arrivals_in_a_country_and_acts_carried_out_by(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


@pytest.mark.parametrize(
    ("text", "rejects"),
    [
        ('Minsk has called the allegations "a provocation".', [["Belarus"]]),
        ('Tehran described the reports as baseless.', []),
        ('Minsk denied that it had sold drones to Russia, calling the reports "lies".',
         [["Belarus"]]),
    ],
)  # fmt: skip
def test_events_calling_claims_false_rejects_them_once(
    run: Run, text: str, rejects: list[list[str]]
) -> None:
    out = run(text)
    assert [names(out, v["actors"]) for v in events(out, "REJECT")] == rejects


def test_events_a_date_after_call_is_no_particle(run: Run) -> None:
    out = run('Peskov called the seizure "an act of piracy" on Monday.')
    assert not events(out, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Russia fired hundreds of Shaheds at Ukrainian power plants overnight.",
        "Russian forces fired a barrage of rockets at Ukrainian positions.",
    ],
)
def test_events_firing_counted_weapons_at_a_country_is_an_assault(run: Run, text: str) -> None:
    assert _roles(run(text), "ASSAULT") == (["Russia"], ["Ukraine"])


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("Lukashenko received the Iranian delegation in Minsk.", "CONSULT", ["Lukashenko"],
         ["Iran"]),
        ("Finland welcomed Estonia's decision to detain the tanker.", "SUPPORT", ["Finland"],
         ["Estonia"]),
    ],
)  # fmt: skip
def test_events_delegations_received_and_moves_welcomed(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_a_named_exercise_is_a_mobilisation(run: Run) -> None:
    out = run("Seoul and Washington began the Ulchi Shield exercise on Monday.")
    assert _roles(out, "MOBILIZE") == (["South Korea", "United States"], [])


def test_events_a_quoted_exercise_name_and_the_ships_taking_part(run: Run) -> None:
    out = run('Tokyo and Canberra kicked off the "Southern Jackaroo" multi-domain exercises on '
              "Tuesday, with the aircraft carrier USS Carl Vinson taking part.")  # fmt: skip
    assert _roles(out, "MOBILIZE") == (["Japan", "Australia"], [])


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("The ship is run by Nord Aster Shipping, a firm registered in Panama that Canada "
         "sanctioned last year.", "SANCTION", ["Canada"], ["Nord Aster Shipping"]),
        ("Listed too is Volga Kinetic Trading, an Iranian-owned company that shipped drone "
         "engines to Russia.", "AID", ["Volga Kinetic Trading"], ["Russia"]),
    ],
)  # fmt: skip
def test_events_that_opening_a_relative_clause_is_its_antecedent(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        ("Hundreds of Belarusian volunteers attacked Ukrainian positions near Kupiansk.",
         "ASSAULT", ["Belarus"], ["Ukraine"]),
        ("Chinese instructors trained dozens of Myanmar officers last spring.", "AID",
         ["China"], ["Myanmar"]),
    ],
)  # fmt: skip
def test_events_counted_people_stand_for_their_party(
    run: Run, text: str, etype: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), etype) == (actors, targets)


def test_events_counted_goods_are_no_party(run: Run) -> None:
    out = run("Moscow fired hundreds of Geran drones at Ukrainian power plants.")
    assert _roles(out, "ASSAULT") == (["Russia"], ["Ukraine"])


def test_events_an_active_verb_joined_to_a_passive_one_shares_its_subject(run: Run) -> None:
    out = run("Belarusian units were moved to the border in May and attacked Ukrainian posts.")
    assert _roles(out, "ASSAULT") == (["Belarus"], ["Ukraine"])


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("OFSI targeted two Cyprus-based firms, Volna Marine and Arktur Capital, on Monday.",
         ["Office of Financial Sanctions Implementation"], ["Volna Marine", "Arktur Capital"]),
        ("Treasury will keep targeting the middlemen who move this oil.", ["Treasury"], []),
    ],
)  # fmt: skip
def test_events_the_treasury_targeting_someone_sanctions_them(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), "SANCTION") == (actors, targets)


def test_events_targeting_by_an_army_is_no_sanction(run: Run) -> None:
    out = run("Russian forces targeted the port of Odesa with drones overnight.")
    assert events(out, "SANCTION") == []


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("The Amber Sky moved about 5,000 tons of refined petroleum to the North Korean tanker "
         "PAEKMA 2 in the Bohai Sea.", ["PAEKMA 2"]),
        ("The Coral Bay was caught pumping diesel into the North Korean tankers Chol Bong 3 and "
         "Kum Ho San 6.", ["Chol Bong 3", "Kum Ho San 6"]),
    ],
)  # fmt: skip
def test_events_a_ship_word_before_ship_names_is_those_ships(
    run: Run, text: str, targets: list[str]
) -> None:
    assert _roles(run(text), "AID")[1] == targets


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Kestrel Maritime Ltd., a Turkish shipping firm whose vessels carried the shells to the "
         "Russian port of Novorossiysk, was also designated.", ["Kestrel Maritime Ltd."],
         ["Russia"]),
        ("A new accord commits Tehran to supply 200 drones to Belarus.", ["Iran"], ["Belarus"]),
    ],
)  # fmt: skip
def test_events_whose_things_act_for_the_owner_and_commit_to_binds_the_object(
    run: Run, text: str, actors: list[str], targets: list[str]
) -> None:
    assert _roles(run(text), "AID") == (actors, targets)
