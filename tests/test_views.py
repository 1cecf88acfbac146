"""Cross-article views: pledge threads and repeated quotes."""
from generator.index import Entity
from generator.model import ArticleMeta, Evidence, FactSheet, Money, Party, Pledge, Speaker, Statement
from generator.views import entity_totals, pledge_threads, repeated_quotes


def sheet(n: int, date: str, outlet: str = "Wire") -> FactSheet:
    return FactSheet(article=ArticleMeta(id=f"a{n}", title=f"Article {n}", date=date, source=f"a{n}.md",
                                         outlet=outlet))


def pledge(item: str, status="pledged", quantity=None, value=None, pid="pl1") -> Pledge:
    return Pledge(donor=Party("Germany", id="germany"), recipient=Party("Ukraine", id="ukraine"), item=item,
                  evidence=Evidence(0, 0, 1), quantity=quantity, value=value, status=status, id=pid)


def test_one_pledge_announced_then_approved_then_delivered_is_one_thread():
    pledges = [(sheet(1, "2024-01-10"), pledge("Leopard 2 tanks", "announced", 14)),
               (sheet(2, "2024-02-01"), pledge("tanks", "approved")),
               (sheet(3, "2024-03-15"), pledge("14 tanks", "delivered", 14))]
    [thread] = pledge_threads(pledges)
    assert thread.statuses == ["announced", "approved", "delivered"] and thread.quantity == 14


def test_contradicting_figures_start_a_new_pledge_and_totals_count_each_once():
    money = lambda amount: Money(amount, "EUR")  # noqa: E731
    donor = Entity("actor", "germany", "Germany", "country")
    donor.pledges_given = [(sheet(1, "2024-01-10"), pledge("military aid", value=money(500e6))),
                           (sheet(2, "2024-01-11"), pledge("military aid", value=money(500e6))),
                           (sheet(3, "2024-05-01"), pledge("military aid", value=money(1.1e9)))]
    assert len(pledge_threads(donor.pledges_given)) == 2
    totals = entity_totals(donor)
    assert [(m.amount, m.currency) for m in totals["given_value"]] == [(1.6e9, "EUR")]


def test_two_pledges_in_one_article_are_never_one_thread():
    s = sheet(1, "2024-01-10")
    assert len(pledge_threads([(s, pledge("tanks", pid="pl1")), (s, pledge("tanks", pid="pl2"))])) == 2


def test_a_quote_carried_by_two_articles_is_shown_once_with_both_sources():
    speaker = Entity("person", "olena-petrenko", "Olena Petrenko", "person")
    text = "We will rebuild every school that the shelling has destroyed in this city"
    for n, (date, quote) in enumerate([("2024-01-10", text), ("2024-01-11", text + " by the autumn")], 1):
        st = Statement(speaker=Speaker("Olena Petrenko"), text=quote, mode="direct", verb="say", date=None,
                       evidence=Evidence(0, 0, 1), id="st1")
        speaker.statements.append((sheet(n, date), st))
    [(shown, items, count)] = repeated_quotes(speaker)
    assert shown.endswith("by the autumn") and count == 2 and len(items) == 2
