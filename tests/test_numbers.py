from generator.extract.numbers import find_money, is_at_least, parse_money, parse_number, word_value


def test_number_words_and_numerals():
    assert word_value("twenty-three") == 23
    assert word_value("two hundred") == 200
    assert word_value("1,200") == 1200
    assert parse_number("at least five people") == 5
    assert parse_number("a dozen drones") == 12


def test_at_least_is_detected_before_a_number():
    assert is_at_least("killing at least ")
    assert not is_at_least("killing ")


def test_money_with_sign_scale_and_currency_word():
    assert parse_money("$2.5 billion in military aid").amount == 2_500_000_000
    assert parse_money("$2.5 billion in military aid").currency == "USD"
    assert parse_money("€50m for reconstruction").amount == 50_000_000
    assert parse_money("£2.3bn").currency == "GBP"
    m = parse_money("300 million euros")
    assert (m.amount, m.currency) == (300_000_000, "EUR")


def test_several_amounts_are_all_found_in_order():
    found = [m.currency for _, _, m in find_money("$1 million and €2 million")]
    assert found == ["USD", "EUR"]


def test_currency_codes_and_more_currency_words():
    assert (parse_money("NOK 75 billion").amount, parse_money("NOK 75 billion").currency) == (75e9, "NOK")
    assert parse_money("CHF 5m").currency == "CHF"
    assert parse_money("20 million yuan").currency == "CNY"
    assert parse_money("the USD index rose") is None


def test_currency_named_with_its_country():
    assert parse_money("6.5 billion Danish kroner").currency == "DKK"
    assert parse_money("NOK 75 billion").currency == "NOK"
    assert parse_money("300 million Norwegian kroner").currency == "NOK"


def test_financial_times_millions():
    assert parse_money("$880mn").amount == 880_000_000


def test_a_currency_code_in_lower_case_is_still_a_currency():
    # The money pattern ignores case; a lower-case code once raised KeyError (found by the
    # front-matter property test).
    assert [(m.amount, m.currency) for _, _, m in find_money("a grant of chf 5 million and usd 2 million")] == \
        [(5_000_000, "CHF"), (2_000_000, "USD")]
