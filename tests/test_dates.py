from datetime import date

from generator.extract.dates import find_date, parse_date

FRIDAY = date(2023, 2, 3)


def test_publication_dates_in_several_formats():
    assert parse_date("2023-02-03") == FRIDAY
    assert parse_date("3 February 2023") == FRIDAY
    assert parse_date("Feb. 3, 2023") == FRIDAY
    assert parse_date("February 3rd, 2023") == FRIDAY


def test_impossible_date_is_rejected():
    assert parse_date("2023-02-30") is None
    assert parse_date("sometime") is None


def test_month_and_day_take_the_article_year():
    assert find_date("later on February 2 in a speech", FRIDAY) == ("2023-02-02", "day")


def test_december_in_a_january_article_is_last_year():
    assert find_date("on Dec. 30", date(2023, 1, 4)) == ("2022-12-30", "day")


def test_weekday_is_the_latest_such_day_on_or_before_the_article():
    assert find_date("struck on Wednesday", FRIDAY) == ("2023-02-01", "day")
    assert find_date("on Friday", FRIDAY) == ("2023-02-03", "day")


def test_relative_words_keep_their_precision():
    assert find_date("last week", FRIDAY) == ("2023-01-27", "week")
    assert find_date("yesterday", FRIDAY) == ("2023-02-02", "day")
    assert find_date("overnight", FRIDAY) == ("2023-02-03", "day")


def test_relative_words_without_an_article_date_stay_unresolved():
    assert find_date("on Tuesday", None) == (None, "unknown")
