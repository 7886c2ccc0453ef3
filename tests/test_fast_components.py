"""kg's faster attribute ruler and lemmatizer give exactly what spaCy's own components
give: every token attribute of real articles, and of patterns written to exercise each
operator, the override order and patterns of several tokens."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    LEMMA,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg import nlp as nlp_mod
from kg.fast_components import ExactAttributeRuler, MemoLemmatizer, _MemberList, speed_up

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START, NORM]

# sentences written for this test: contractions and dialect forms the English model's
# ruler has multi-token rules for, spaces, odd scripts, an empty text
WRITTEN = [
    "Y'all gonna see it, she said, and we ain't going nowhere.",
    "He ain't here.  Nothin' doin'.\n\nGonna rain, the farmer told the Dundee Courier.",
    "",
    "   ",
    "\n\n\n",
    "Ministers met in Тбилиси and 東京 on Tuesday; the 2,400-tonne ship's crew (27) left.",
    "“I can't, I won't,” said Dr. Amara Osei-Bonsu, 61, of the Ghana Health Service.",
]


@pytest.fixture(scope="module")
def pipelines():
    """spaCy's model as it ships (with kg's paragraph sentences, which the stand-ins do not
    touch) and the pipeline kg loads."""
    fast = nlp_mod.load()
    stock = None
    for name in nlp_mod.DEFAULT_MODELS:
        try:
            stock = spacy.load(name)
            break
        except OSError:
            continue
    assert stock is not None
    stock.add_pipe("kg_paragraph_sentences", before="parser")
    return stock, fast


def _same(stock, fast, texts: list[str]) -> list[int]:
    differ = []
    pairs = zip(stock.pipe(texts, batch_size=8), fast.pipe(texts, batch_size=8), strict=True)
    for i, (a, b) in enumerate(pairs):
        strings = [[(t.lemma_, str(t.morph), t.pos_) for t in d] for d in (a, b)]
        if not numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)) or strings[0] != strings[1]:
            differ.append(i)
    return differ


def test_the_stand_ins_are_in_kg_pipeline(pipelines):
    _, fast = pipelines
    assert "kg_attribute_ruler" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names  # disabled, its patterns in use
    assert "kg_lemmatizer" in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(index[k], _MemberList) for k in index)


def test_written_text_parses_identically(pipelines):
    stock, fast = pipelines
    assert _same(stock, fast, WRITTEN) == []


def test_example_articles_parse_identically(pipelines):
    stock, fast = pipelines
    texts = [
        nlp_mod.shadow(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))
    ]
    assert texts
    assert _same(stock, fast, texts) == []


def test_real_articles_parse_identically(pipelines):
    dev = SHARED / "data" / "polnear" / "dev" / "text"
    seed = SHARED / "seed" / "lavrov-no-surnames.txt"
    if not dev.is_dir() or not seed.is_file():
        pytest.skip("../shared (PolNeAR and the seed article) is absent in this clone")
    stock, fast = pipelines
    paths = [seed, *sorted(dev.glob("*.txt"))[:12]]
    texts = [nlp_mod.shadow(p.read_text(encoding="utf-8")) for p in paths]
    assert _same(stock, fast, texts) == []


def _tagged(nlp, words, tags, deps, heads) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


PATTERNS = [
    # later rules override earlier ones, as in spaCy
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBZ"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "said", "TAG": "VBD"}]], "attrs": {"LEMMA": "say"}},
    {"patterns": [[{"TAG": "NN", "DEP": {"NOT_IN": ["nsubj"]}}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"LOWER": {"REGEX": "^min"}}]], "attrs": {"MORPH": "Degree=Pos"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"DEP": "punct"}]], "attrs": {"POS": "PUNCT", "TAG": "."}},
    # two tokens, the attributes on the second (a negative index)
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "thing"}, "index": -1},
    # a word list beside a tag (filed under each word), and two tokens whose first is a
    # regular expression (tried on every token)
    {
        "patterns": [[{"TAG": "VBD", "LOWER": {"IN": ["closed", "shut"]}}]],
        "attrs": {"MORPH": "Tense=Past"},
    },
    {"patterns": [[{"LOWER": {"REGEX": "^cl"}}, {"DEP": "punct"}]], "attrs": {"POS": "AUX"}},
]


def test_rules_with_every_operator_and_override_order():
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(PATTERNS)
    fast = ExactAttributeRuler.of(stock)
    assert fast is not None
    words = ["The", "minister", "said", " ", "the", "mine", "closed", "."]
    tags = ["DT", "NN", "VBD", "_SP", "DT", "NN", "VBD", "."]
    deps = ["det", "nsubj", "ROOT", "dep", "det", "nsubj", "ccomp", "punct"]
    heads = [1, 2, 2, 2, 5, 6, 2, 2]
    a = stock(_tagged(nlp, words, tags, deps, heads))
    b = fast(_tagged(nlp, words, tags, deps, heads))
    assert [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in a] == [
        (t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in b
    ]
    # and the rules did something: "minister" is the subject, so stays NOUN; "said" has
    # its lemma; "the mine" had its lemma set by the two-token rule
    assert [t.pos_ for t in b][:3] == ["", "NOUN", "VERB"]
    assert b[2].lemma_ == "say" and b[5].lemma_ == "thing"
    assert str(b[6].morph) == "Tense=Past" and b[6].pos_ == "AUX"


def test_an_index_outside_its_span_fails_as_in_spacy():
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab)
    stock.add([[{"LOWER": "the"}, {"TAG": "NN"}]], {"LEMMA": "thing"}, index=2)
    fast = ExactAttributeRuler.of(stock)
    assert fast is not None
    words, tags = ["the", "mine"], ["DT", "NN"]
    doc = _tagged(nlp, words, tags, ["det", "ROOT"], [1, 1])
    with pytest.raises(ValueError) as expected:
        stock(doc)
    with pytest.raises(ValueError) as got:
        fast(_tagged(nlp, words, tags, ["det", "ROOT"], [1, 1]))
    assert str(got.value) == str(expected.value)


def test_a_form_it_cannot_reproduce_leaves_the_stock_component():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})
    assert ExactAttributeRuler.of(ruler) is None
    nlp.add_pipe("attribute_ruler").add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})
    speed_up(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_member_list_is_still_the_list():
    words = _MemberList(["run", "walk", "run"])
    assert words == ["run", "walk", "run"] and "walk" in words and "ran" not in words
    assert list(words) == ["run", "walk", "run"] and len(words) == 3


def test_a_lemmatizer_with_its_own_base_form_test_is_left_alone(pipelines):
    """The memo is exact only while a lemma depends on form, part of speech and morphology:
    a lemmatizer that tells base forms some other way keeps running itself."""
    _, fast = pipelines
    stock = fast.get_pipe("lemmatizer")
    assert MemoLemmatizer.of(stock) is not None

    class ByContext(type(stock)):
        def is_base_form(self, token):
            return token.i == 0

    stock.__class__ = ByContext
    try:
        assert MemoLemmatizer.of(stock) is None
    finally:
        stock.__class__ = ByContext.__mro__[1]


def test_lemmas_of_a_word_seen_in_two_roles(pipelines):
    """The same word as a noun and as a verb, and again after the memo has it."""
    stock, fast = pipelines
    texts = ["The leaves fell. She leaves today.", "Leaves leave; the leaves left."] * 2
    assert _same(stock, fast, texts) == []
    lemmas = [t.lemma_ for t in fast("She leaves today.")]
    assert lemmas[1] == "leave"
