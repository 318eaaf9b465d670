"""The selective reader: models only where they can find something, same reading as the whole."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sanctionwatch.nlp import Reader
from sanctionwatch.nlp._attributes import FastAttributes, FastLemmatizer, compile_ruler
from sanctionwatch.nlp._ner import BatchDecoder, names_only
from sanctionwatch.nlp._segment import datelines, segment
from sanctionwatch.settings import SPACY_MODEL
from tests.nlp.helpers import push_actions

TEXT = (
    "MINSK, May 3 (Reuters) - Belarus sold drones to Iran on Friday, officials said.\n\n"
    "The weather was mild. Analysts expect more of the same.\n\n"
    "Iranian envoy Ali Karimi thanked Minsk."
)


def test_reader_parses_only_sentences_with_a_trigger_and_a_party(nlp: Language) -> None:
    doc = next(Reader(nlp).pipe([TEXT]))
    unparsed = {doc[i].sent.text.strip() for i in doc._.sw_unparsed}
    assert "The weather was mild." in unparsed
    assert "MINSK, May 3 (Reuters) -" in unparsed
    parsed = [s for s in doc.sents if s.start not in doc._.sw_unparsed]
    assert [s.text.strip() for s in parsed] == [
        "Belarus sold drones to Iran on Friday, officials said.",
        "Iranian envoy Ali Karimi thanked Minsk.",
    ]
    assert all(
        t.tag_ == "" for s in doc.sents if s.start in doc._.sw_unparsed for t in s if not t.is_space
    )


def test_reader_parses_a_sentence_whose_party_only_a_legal_form_shows(nlp: Language) -> None:
    # the NER misses the company; the rules read it back from "LLC", after the parse
    text = "The weather was mild.\n\nDalnyaya Gavan LLC is subject to an asset freeze."
    doc = next(Reader(nlp).pipe([text]))
    parsed = [s.text.strip() for s in doc.sents if s.start not in doc._.sw_unparsed]
    assert parsed == ["Dalnyaya Gavan LLC is subject to an asset freeze."]


def test_reader_names_entities_everywhere(nlp: Language) -> None:
    doc = next(Reader(nlp).pipe([TEXT]))
    assert {"Ali Karimi", "Reuters"} <= {e.text for e in doc.ents}


@pytest.mark.parametrize(
    "text",
    [
        "The representative of Brazil called on all Member States to fully implement existing "
        "sanctions.\n\nVassily Nebenzia of the Russian Federation dismissed the claims.",
        "Mexico asked every Member State to enforce the existing sanctions.\n\nVassily "
        "Nebenzia of the Russian Federation said the report was biased.",
    ],
)
def test_reader_reads_a_name_opening_a_sentence_without_the_window_before(
    nlp: Language, text: str
) -> None:
    # After the end of the previous sentence's window the model missed the name; read with its
    # own sentence only, as at the start of a text, it finds it
    doc = next(Reader(nlp).pipe([text]))
    assert ("Vassily Nebenzia", "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_reader_matches_the_whole_pipeline_on_parsed_sentences(nlp: Language) -> None:
    whole = spacy.load(SPACY_MODEL)
    text = "Belarus sold drones to Iran on Friday, officials said."
    ours = next(Reader(nlp).pipe([text]))
    theirs = whole(text)
    assert [(t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_) for t in ours] == [
        (t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_) for t in theirs
    ]


def test_reader_attribute_rules_and_lemmas_match_spacys(nlp: Language) -> None:
    whole = spacy.load(SPACY_MODEL)
    texts = ["I'd say they won't sell it.", "Nothing was done; y'all know that."]
    ruler = compile_ruler(whole.get_pipe("attribute_ruler"))
    assert isinstance(ruler, FastAttributes)
    lemmatizer = FastLemmatizer(whole.get_pipe("lemmatizer"))
    for text in texts:
        theirs = whole(text)
        with whole.select_pipes(enable=["tok2vec", "tagger", "parser"]):
            ours = whole(text)
        ours = lemmatizer(ruler(ours))
        assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [
            (t.pos_, str(t.morph), t.lemma_) for t in theirs
        ]


NUMERIC = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")


def test_names_only_ner_keeps_the_name_labels_and_their_readings() -> None:
    whole = spacy.load(SPACY_MODEL)
    ner = whole.get_pipe("ner")
    names = names_only(ner, NUMERIC)
    assert names is not ner
    assert set(names.labels) == set(ner.labels) - set(NUMERIC)
    assert "DATE" in ner.labels  # the pipeline's own recogniser is left as it was
    texts = [
        "Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday, 13 September 2023.",
        "The Treasury sanctioned Korea Ryonbong General Corporation and two Chinese firms, "
        "fining them $2 million for 37 shipments of coal.",
        "Hamas, the Wagner Group and the Islamic Revolutionary Guard Corps were named.",
    ]
    for text in texts:
        full = ner(whole.make_doc(text))
        ours = names(whole.make_doc(text))
        assert [(e.start, e.end, e.label_) for e in full.ents if e.label_ not in NUMERIC] == [
            (e.start, e.end, e.label_) for e in ours.ents
        ]
        assert all(e.label_ not in NUMERIC for e in ours.ents)


def test_names_only_leaves_other_recognisers_alone() -> None:
    whole = spacy.load(SPACY_MODEL)
    ner = whole.get_pipe("ner")
    assert names_only(ner, ()) is ner  # no label to drop
    assert names_only(ner, ("NO_SUCH_LABEL",)) is ner
    tagger = whole.get_pipe("tagger")
    assert names_only(tagger, NUMERIC) is tagger


DECODER_TEXTS = [
    "Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday, 13 September 2023.",
    "The Treasury sanctioned Korea Ryonbong General Corporation and two Chinese firms, "
    "fining them $2 million for 37 shipments of coal.",
    "Hamas, the Wagner Group and the Islamic Revolutionary Guard Corps were named.",
    "PYONGYANG \n\n Choe Son Hui of the DPRK Foreign Ministry \n said Seoul lied.",
    "Ukraine's President Volodymyr Zelensky. United Nations Secretary-General spoke.",
    "Tehran",
    "\n\nVladimir Putin met Kim Jong Un.\n",
    "",
    "Officials of the European Union and the United Kingdom met in New York on 4 July "
    "with Ambassador Linda Thomas-Greenfield, who said the Kremlin's envoy refused.",
]


def _sentenced(nlp: Language, text: str) -> spacy.tokens.Doc:
    """A Doc with sentence starts set, as the reader's windows and sentences have them."""
    return segment(nlp.get_pipe("senter")(nlp.make_doc(text)))


@pytest.mark.parametrize("labels", ["all", "names"])
def test_batch_decoder_finds_what_spacys_decoder_finds(nlp: Language, labels: str) -> None:
    ner = nlp.get_pipe("ner") if labels == "all" else names_only(nlp.get_pipe("ner"), NUMERIC)
    decoder = BatchDecoder.for_recogniser(ner)
    assert decoder is not None
    makers = (nlp.make_doc, lambda text: _sentenced(nlp, text))
    for make in makers:
        ours = decoder([make(text) for text in DECODER_TEXTS])
        spacys = [[(e.start, e.end, e.label_) for e in doc.ents]
                  for doc in ner.pipe([make(text) for text in DECODER_TEXTS])]  # fmt: skip
        assert ours == spacys
    assert any(ents for ents in ours)
    # one at a time as in a batch: no state leaks between the Docs of a batch
    assert [decoder([nlp.make_doc(t)])[0] for t in DECODER_TEXTS] == decoder(
        [nlp.make_doc(t) for t in DECODER_TEXTS]
    )


def test_batch_decoder_entity_does_not_cross_a_sentence_start(nlp: Language) -> None:
    ner = nlp.get_pipe("ner")
    decoder = BatchDecoder.for_recogniser(ner)
    assert decoder is not None
    words = ["Officials", "met", "Vladimir", "Putin", "Vladimir", "Putin", "spoke", "."]
    starts = [True, False, False, False, True, False, False, False]

    def make() -> spacy.tokens.Doc:
        return spacy.tokens.Doc(nlp.vocab, words=words, sent_starts=starts)

    found = decoder([make()])[0]
    assert found == [(e.start, e.end, e.label_) for e in ner(make()).ents]
    assert all(not (a < 4 < b) for a, b, _ in found)


@pytest.mark.parametrize("pushed", [("B-", "U-"), ("B-", "I-")])
def test_batch_decoder_keeps_spacys_rules_where_the_model_pushes_against_them(
    nlp: Language, pushed: tuple[str, str]
) -> None:
    # A recogniser that wants to open (and to continue) entities everywhere: only the rules
    # stop it starting on a space, running over a sentence start or past the last token.
    ner = names_only(nlp.get_pipe("ner"), NUMERIC)
    push_actions(ner, pushed, 60.0)
    decoder = BatchDecoder.for_recogniser(ner)
    assert decoder is not None
    ours = decoder([_sentenced(nlp, text) for text in DECODER_TEXTS])
    spacys = [[(e.start, e.end, e.label_) for e in doc.ents]
              for doc in ner.pipe([_sentenced(nlp, text) for text in DECODER_TEXTS])]  # fmt: skip
    assert ours == spacys
    assert sum(len(ents) for ents in ours) >= 10


def test_batch_decoder_refuses_docs_with_entities_and_other_models(nlp: Language) -> None:
    ner = nlp.get_pipe("ner")
    decoder = BatchDecoder.for_recogniser(ner)
    assert decoder is not None
    doc = ner(nlp.make_doc("Kim Jong Un met Vladimir Putin."))
    with pytest.raises(ValueError, match="without entities"):
        decoder([doc])
    assert decoder([]) == []
    assert BatchDecoder.for_recogniser(nlp.get_pipe("tagger")) is None


def test_segment_paragraphs_and_datelines(nlp: Language) -> None:
    doc = nlp.make_doc("SEOUL, Jan 2 (Yonhap) -- A ship sank.\nKim Thomas-Lee spoke.")
    assert datelines(doc) == [(0, 7)]
    segment(doc)
    assert doc[8].is_sent_start  # after the dateline
    assert doc[13].is_sent_start  # after the line break
    assert not doc[15].is_sent_start  # a hyphen inside a name is no dateline dash
