"""The batch decoder of the dependency parser gives spaCy's parses."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from sanctionwatch.nlp import _parser
from sanctionwatch.nlp._parser import BatchParser
from sanctionwatch.settings import SPACY_MODEL
from tests.nlp.helpers import push_actions

SENTENCES = [
    "Pyongyang shipped thousands of containers of munitions to Russia, which fired them at "
    "Ukrainian cities, according to officials in Seoul and Kyiv.",
    "The envoy, who had flown in from Beijing on Tuesday, neither confirmed nor denied that "
    "the tanker had transferred oil to a vessel flagged in Sierra Leone.",
    "Sanctioned",
    "Who did the ministry say would sign the agreement that Moscow and Pyongyang drafted?",
    "It was the first time since 2017 that the council failed to renew the panel's mandate.",
    "Officials said: “We will not be intimidated.” The talks, however, went on.",
    "Kim, Choe and Shoigu -- all three of them -- met at the Vostochny Cosmodrome; Lavrov did not.",
    "Satellite photos show the Panama-flagged tanker Silver Lark moored beside the "
    "Togo-registered Morning Glory 3 off Nampo on 4 March, in an apparent transfer of fuel.",
    "The Liberia-flagged bulk carrier Iron Gull, owned by Dubai-based Crescent Wave Marine LLC, "
    "delivered more than 12,000 tonnes of coal to the Marshall Islands-flagged Blue Harbour 9.",
    # words put back on the buffer and then given a left arc ("the Sierra Leone-flagged ...")
    "A coast guard plane photographed the North Korea-flagged tanker Paek Ma lying alongside "
    "the Sierra Leone-flagged Jade Wind in the Yellow Sea on April 9.",
    "The British navy tracked the Saint Kitts and Nevis-flagged Dawn Breeze as it met the "
    "Sierra Leone-flagged Pearl Moon east of Taiwan.",
    "The firm's director, a former naval officer whom the Treasury designated in 2023 for "
    "procuring parts for missiles, says he has never visited North Korea.",
]


def _read(nlp: Language, texts: list[str]) -> list[Doc]:
    """Docs as the reader gives the parser: tokens, the shared tok2vec's output and tags."""
    docs = [nlp.make_doc(text) for text in texts]
    for name in ("tok2vec", "tagger"):
        docs = list(nlp.get_pipe(name).pipe(docs))
    return docs


def _parses(docs: list[Doc]) -> list[list[tuple[int, str]]]:
    return [[(t.head.i, t.dep_) for t in doc] for doc in docs]


def _compare(nlp: Language, texts: list[str]) -> list[list[tuple[int, str]]]:
    parser = nlp.get_pipe("parser")
    batch = BatchParser.for_parser(parser)
    assert batch is not None
    ours = _parses(batch(_read(nlp, texts)))
    spacys = _parses(list(parser.pipe(_read(nlp, texts))))
    assert ours == spacys
    return ours


def test_batch_parser_gives_spacys_parses(nlp: Language) -> None:
    parses = _compare(nlp, SENTENCES)
    assert parses[0][0] == (1, "nsubj")  # "Pyongyang" is the subject of "shipped"
    # one Doc at a time, and the same Docs in another batch: no state leaks between them
    assert _compare(nlp, SENTENCES[::-1]) == parses[::-1]
    assert [_compare(nlp, [text])[0] for text in SENTENCES[:3]] == parses[:3]


def test_batch_parser_lifts_non_projective_arcs_as_spacy_does(nlp: Language) -> None:
    texts = [
        "A hearing is scheduled on the issue today.",
        "What did the envoy say the ship carried that the inspectors could not find?",
    ]
    _compare(nlp, texts)
    parser = nlp.get_pipe("parser")
    batch = BatchParser.for_parser(parser)
    assert batch is not None
    # without the parser's post-processing some labels would keep their "||" decoration
    assert all("||" not in dep for parse in _compare(nlp, texts) for _, dep in parse)


@pytest.mark.parametrize(
    "pushed",
    [("D",), ("B-",), ("L-",), ("R-",), ("D", "L-"), ("R-", "D"), ("B-", "L-"), ("B-", "R-")],
    ids=["D", "B", "L", "R", "D+L", "R+D", "B+L", "B+R"],
)
def test_batch_parser_keeps_spacys_transition_rules_under_a_skewed_model(
    pushed: tuple[str, ...],
) -> None:
    # A parser that prefers some moves everywhere: only the transition rules (no Shift of an
    # unshifted word, no arc over a sentence start, a new head replacing the old one, words
    # put back on the buffer by Reduce) keep it in line, and both decoders must agree.
    nlp = spacy.load(SPACY_MODEL)
    parser = nlp.get_pipe("parser")
    push_actions(parser, pushed, 6.0)
    _compare(nlp, SENTENCES)


def test_batch_parser_refuses_parsed_docs_and_other_components(nlp: Language) -> None:
    parser = nlp.get_pipe("parser")
    batch = BatchParser.for_parser(parser)
    assert batch is not None
    parsed = list(parser.pipe(_read(nlp, ["Russia vetoed the resolution."])))
    with pytest.raises(ValueError, match="without a parse"):
        batch(parsed)
    assert batch([]) == []
    assert BatchParser.for_parser(nlp.get_pipe("tagger")) is None
    assert BatchParser.for_parser(nlp.get_pipe("ner")) is None


def test_batch_parser_reads_empty_docs_beside_others(nlp: Language) -> None:
    parser = nlp.get_pipe("parser")
    batch = BatchParser.for_parser(parser)
    assert batch is not None
    docs = batch(_read(nlp, ["", "Iran sold drones.", ""]))
    heads = docs[1].to_array([HEAD, DEP])
    assert len(docs[0]) == 0 and np.count_nonzero(heads[:, 0] == 0) == 1


def test_batch_parser_parses_in_groups_of_bounded_width(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Groups of a few Docs each, shortest first: the same parses, in the callers' order.
    monkeypatch.setattr("sanctionwatch.nlp._parser._CELLS", 64)
    widths: list[tuple[int, int]] = []
    decode = _parser._decode

    def spy(parser: BatchParser, cached: np.ndarray, lengths: np.ndarray) -> Any:
        widths.append((len(lengths), int(lengths.max())))
        return decode(parser, cached, lengths)

    monkeypatch.setattr("sanctionwatch.nlp._parser._decode", spy)
    texts = [*SENTENCES, "Iran sold drones.", " ".join(["Kim met Putin and Shoigu"] * 30)]
    parses = _compare(nlp, texts)
    assert len(parses) == len(texts) and len(parses[-1]) == 150
    assert len(widths) > 3
    assert all(n == 1 or n * width <= 64 for n, width in widths)
