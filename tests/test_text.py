from generator.text import sentence_at, split_sentences


def spans(body):
    return [s.text for s in split_sentences(body)]


def test_offsets_point_at_the_sentence_text():
    body = "The mayor spoke first.  Then the governor replied!\n\nA new paragraph starts here."
    for s in split_sentences(body):
        assert body[s.start:s.end] == s.text


def test_abbreviations_and_initials_do_not_end_a_sentence():
    body = "Gen. Ivan Petrenko met U.S. officials on Feb. 3 with Lloyd J. Smith. They talked."
    assert spans(body) == ["Gen. Ivan Petrenko met U.S. officials on Feb. 3 with Lloyd J. Smith.",
                           "They talked."]


def test_closing_quote_stays_with_its_sentence():
    body = '"We will hold the line." The commander left.'
    assert spans(body) == ['"We will hold the line."', "The commander left."]


def test_lowercase_continuation_is_not_a_new_sentence():
    body = 'He said "no more." and walked out.'
    assert spans(body) == ['He said "no more." and walked out.']


def test_paragraph_break_always_ends_a_sentence():
    out = split_sentences("A line without a stop\n\nNext paragraph")
    assert [s.paragraph for s in out] == [0, 1]


def test_sentence_at_finds_the_sentence_containing_an_offset():
    body = "One. Two. Three."
    sentences = split_sentences(body)
    assert sentence_at(sentences, body.index("Two")).text == "Two."
    assert sentence_at(sentences, len(body) + 5) is None


def test_splitting_is_linear_in_paragraph_length():
    # One long paragraph of many sentences: each boundary test must look at a small window.
    import time
    small, big = "Mr. Smith spoke. " * 2000, "Mr. Smith spoke. " * 20000
    t0 = time.perf_counter(); split_sentences(small); t1 = time.perf_counter()
    split_sentences(big); t2 = time.perf_counter()
    assert len(split_sentences(big)) == 20000
    assert (t2 - t1) < 40 * (t1 - t0) + 0.5   # 10x the text, far from 100x the time
