"""Analysis: the same word forms meet in one term, in Russian and English, in one text."""

from search.analysis import analyze, analyze_query, index_text, slots_from_index_text, terms_of


def shares_term(query_word: str, text: str) -> bool:
    return bool(terms_of(query_word) & terms_of(text))


def test_russian_noun_forms_share_a_lemma():
    for text in ["солдаты вернулись", "помощь солдатам", "память погибших солдат", "о солдате"]:
        assert shares_term("солдат", text), text


def test_russian_verb_and_adjective_forms_share_a_lemma():
    assert shares_term("погиб", "погибших")
    assert shares_term("выборы", "на выборах президента")
    assert shares_term("российский", "российского")


def test_unrelated_russian_words_do_not_match():
    assert not shares_term("солдат", "министерство обороны")


def test_yo_and_ye_are_the_same_letter():
    assert terms_of("ёлка") == terms_of("елка")
    assert shares_term("берёза", "у березы")
    assert shares_term("Королёв", "королев")


def test_english_forms_share_a_stem():
    assert terms_of("running") == terms_of("runs") == terms_of("run")
    assert shares_term("soldier", "the soldiers")


def test_ambiguous_form_keeps_every_plausible_lemma():
    terms = terms_of("стали")
    assert {"стать", "сталь"} <= terms
    terms = terms_of("мыла")
    assert {"мыло", "мыть"} <= terms


def test_mixed_scripts_in_one_text_are_each_analysed_in_their_language():
    terms = terms_of("Солдаты NATO were running в Кремле")
    assert {"солдат", "nato", "run", "кремль"} <= terms


def test_stop_words_are_dropped_in_both_languages():
    assert analyze("и в на the of") == []
    assert analyze("Кошка и the dog") == [("кошка",), ("dog",)]


def test_digits_are_terms():
    assert ("2024",) in analyze("в 2024 году")


def test_case_is_folded():
    assert terms_of("МОСКВА") == terms_of("москва")


def test_index_text_round_trips_to_slots():
    stored = index_text("Стали известны имена")
    slots = slots_from_index_text(stored)
    assert len(slots) == 3
    assert {"стать", "сталь"} <= slots[0]


def test_query_separates_quoted_phrases_from_loose_words():
    query = analyze_query('солдаты "министерство обороны" ')
    assert [w.surface for w in query.words] == ["солдаты"]
    assert [[w.surface for w in p] for p in query.phrases] == [["министерство", "обороны"]]
    assert {"солдат", "министерство", "оборона"} <= query.all_terms


def test_hostile_queries_become_plain_words_or_nothing():
    assert not analyze_query("")
    assert not analyze_query('" * : ( ) ')
    assert not analyze_query("\x00\x00")
    query = analyze_query("NEAR AND OR NOT'; DROP TABLE x;--")
    assert all(term.isalnum() for term in query.all_terms)
    long_query = analyze_query("слово " * 400)
    assert len(long_query.all_words) <= 32
