"""Events across articles: the rule that decides 'same strike', tested on near misses."""
from generator.events import group_events
from generator.index import Entity
from generator.model import ArticleMeta, Evidence, FactSheet, Place, Strike


def report(place: Entity, article_date: str, strike_date: str | None, killed=None, n=[0], outlet="Wire", weapon="missile"):
    n[0] += 1
    sheet = FactSheet(article=ArticleMeta(id=f"a{n[0]}", title=f"Article {n[0]}", date=article_date,
                                          source=f"a{n[0]}.md", outlet=outlet))
    strike = Strike(place=Place(name=place.name), weapon=weapon, evidence=Evidence(0, 0, 1), killed=killed,
                    date=strike_date, date_precision="day" if strike_date else "unknown", id="sk1")
    sheet.strikes.append(strike)
    place.strikes.append((sheet, strike))


def place(pid: str) -> Entity:
    return Entity("place", pid, pid.split("-")[0].title(), "place")


def test_same_town_on_different_days_is_two_events():
    kharkiv = place("kharkiv-ua")
    report(kharkiv, "2024-03-05", "2024-03-04")
    report(kharkiv, "2024-03-06", "2024-03-05")
    assert len(group_events([kharkiv])) == 2


def test_same_strike_reported_twice_with_a_rising_toll_is_one_event():
    odesa = place("odesa-ua")
    report(odesa, "2024-03-04", "2024-03-04", killed=3, outlet="Morning Wire")
    report(odesa, "2024-03-05", "2024-03-04", killed=7, outlet="Evening Post")
    [event] = group_events([odesa])
    toll = event.toll("killed")
    assert (toll.low, toll.best, toll.high, toll.source) == (3, 7, 7, "Evening Post")
    assert event.disagreements == ["the number killed: 3, 7"]


def test_undated_report_the_next_morning_joins_the_strike_of_the_day_before():
    sumy = place("sumy-ua")
    report(sumy, "2024-03-04", "2024-03-04")
    report(sumy, "2024-03-05", None)
    [event] = group_events([sumy])
    assert event.date == "2024-03-04" and len(event.reports) == 2


def test_daily_strikes_never_chain_into_one_event():
    city = place("kherson-ua")
    for day in range(1, 8):
        report(city, f"2024-03-0{day}", f"2024-03-0{day}")
    assert len(group_events([city])) == 7


def test_two_towns_with_one_name_are_never_merged():
    a, b = place("mykolaivka-ua-1"), place("mykolaivka-ua-2")
    report(a, "2024-03-04", "2024-03-04")
    report(b, "2024-03-04", "2024-03-04")
    events = group_events([a, b])
    assert len(events) == 2 and {e.place.id for e in events} == {a.id, b.id}


def test_grouping_is_deterministic_whatever_the_input_order():
    city = place("dnipro-ua")
    report(city, "2024-03-04", "2024-03-04", killed=2)
    report(city, "2024-03-05", None, killed=4)
    report(city, "2024-03-09", "2024-03-09")
    first = [(e.id, [r.sheet.article.id for r in e.reports]) for e in group_events([city])]
    city.strikes.reverse()
    assert [(e.id, [r.sheet.article.id for r in e.reports]) for e in group_events([city])] == first


def test_two_strikes_in_one_article_stay_two_events():
    town = place("kramatorsk-ua")
    report(town, "2024-03-04", None)
    sheet, strike = town.strikes[-1]
    second = Strike(place=Place(name="Kramatorsk"), weapon="rocket", evidence=Evidence(1, 2, 3),
                    date="2024-03-03", date_precision="day", id="sk2")
    sheet.strikes.append(second)
    town.strikes.append((sheet, second))
    assert len(group_events([town])) == 2
