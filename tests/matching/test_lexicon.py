"""The bilingual concepts of matching (search/matching/lexicon.py), without a database."""

from search.matching.lexicon import lexicon_build, tag_key


def lexicon():
    return lexicon_build(
        terms={
            "d1": ("Radiologie et imagerie médicale", "Radiology and medical imaging"),
            "t1": ("Vision par ordinateur", "Computer vision"),
            "t2": ("Traitement automatique des langues", "Natural language processing"),
        },
        tags=["imagerie médicale", "TAL", "ECG"],
    )


def test_french_and_english_phrases_meet_in_one_concept():
    words = lexicon()
    assert words.concepts("vision par ordinateur") == words.concepts("computer vision")
    # A tag is sharper than half of a label: "medical imaging" is the tag.
    assert set(words.concepts("medical imaging")) == {tag_key("imagerie médicale")}
    assert set(words.concepts("Imagerie médicale")) == {tag_key("imagerie médicale")}
    assert set(words.concepts("radiology")) == {"d1"}
    # The search synonyms join the taxonomy: NLP, TAL and the technique are one.
    assert words.concepts("NLP") == words.concepts("TAL") == {"t2": 1}


def test_short_words_and_labels_in_the_active_language():
    words = lexicon()
    assert tag_key("ECG") in words.concepts("un ECG de repos")
    assert words.label("t1") == "Vision par ordinateur"
    assert words.label("t1", english=True) == "Computer vision"
