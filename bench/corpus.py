"""A deterministic synthetic corpus of news reports for the benchmark.

Articles are written from templates in the style of wire reports, with speakers, places, dates,
strikes and pledges drawn from pools that grow with N, so entity pages grow as they would in a
real archive (a few very frequent names, a long tail of rare ones).
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Olena", "Mykola", "Iryna", "Andriy", "Serhiy", "Natalia", "Oleksandr", "Yulia", "Dmytro",
         "Kateryna", "Ahmed", "Leila", "Omar", "Sara", "Daniel", "Maria", "Jonas", "Anna", "Pierre",
         "Claire", "Tomasz", "Agnieszka", "James", "Emily", "Hassan", "Nour", "Viktor", "Svitlana"]
LAST = ["Kovalenko", "Shevchuk", "Bondar", "Melnyk", "Tkachenko", "Kravets", "Hrytsenko", "Lysenko",
        "Haddad", "Khalil", "Nasser", "Mansour", "Weber", "Fischer", "Dubois", "Laurent", "Nowak",
        "Kowalski", "Carter", "Hughes", "Rahimi", "Saleh", "Petrenko", "Savchenko", "Moroz", "Yatsenko"]
ROLES = ["governor of the {region} region", "mayor of {city}", "regional police chief",
         "head of the {region} military administration", "spokesperson for the air force",
         "deputy defence minister", "foreign minister", "interior minister"]
PLACES = [("Kharkiv", "Kharkiv"), ("Odesa", "Odesa"), ("Dnipro", "Dnipropetrovsk"), ("Zaporizhzhia", "Zaporizhzhia"),
          ("Mykolaiv", "Mykolaiv"), ("Kherson", "Kherson"), ("Sumy", "Sumy"), ("Chernihiv", "Chernihiv"),
          ("Kramatorsk", "Donetsk"), ("Sloviansk", "Donetsk"), ("Pokrovsk", "Donetsk"), ("Poltava", "Poltava"),
          ("Vinnytsia", "Vinnytsia"), ("Uman", "Cherkasy"), ("Kryvyi Rih", "Dnipropetrovsk"), ("Lviv", "Lviv"),
          ("Izium", "Kharkiv"), ("Kupiansk", "Kharkiv"), ("Nikopol", "Dnipropetrovsk"), ("Pavlohrad", "Dnipropetrovsk"),
          ("Bilhorod-Dnistrovskyi", "Odesa"), ("Ochakiv", "Mykolaiv"), ("Konotop", "Sumy"), ("Okhtyrka", "Sumy"),
          ("Kostiantynivka", "Donetsk"), ("Druzhkivka", "Donetsk"), ("Selydove", "Donetsk"), ("Lozova", "Kharkiv"),
          ("Chuhuiv", "Kharkiv"), ("Kremenchuk", "Poltava"), ("Zhytomyr", "Zhytomyr"), ("Rivne", "Rivne")]
WEAPONS = ["missile", "cruise missile", "ballistic missile", "Iskander missile", "drone", "Shahed drone",
           "rocket", "guided bomb", "artillery"]
TARGETS = ["an apartment block", "an energy facility", "a railway station", "a school", "a hospital",
           "a grain terminal", "a shopping centre", "a residential area", "a power substation"]
DONORS = ["Germany", "France", "the United States", "Britain", "Poland", "Canada", "the Netherlands",
          "Sweden", "Norway", "Denmark", "Italy", "Japan", "the European Union", "Spain", "Finland"]
ITEMS = [("air defence systems", True), ("armoured vehicles", True), ("artillery shells", True),
         ("tanks", True), ("generators", True), ("military aid", False), ("humanitarian aid", False),
         ("reconstruction funds", False)]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15", "20"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _person(rng: random.Random, pool: int) -> tuple[str, str]:
    # A skewed draw: a few names recur across many articles, most are rare.
    i = int(rng.paretovariate(1.2)) % pool
    first, last = FIRST[i % len(FIRST)], LAST[(i * 7 + i // len(FIRST)) % len(LAST)]
    place, region = PLACES[i % len(PLACES)]
    return f"{first} {last}", ROLES[i % len(ROLES)].format(region=region, city=place)


def article(n: int, rng: random.Random, pool: int) -> str:
    day = date(2022, 3, 1) + timedelta(days=(n * 37) % 900)
    place, region = PLACES[rng.randrange(len(PLACES))]
    other, other_region = PLACES[rng.randrange(len(PLACES))]
    weapon, target = rng.choice(WEAPONS), rng.choice(TARGETS)
    killed, injured = rng.randint(1, 30), rng.randint(0, 60)
    speaker, role = _person(rng, pool)
    second, role2 = _person(rng, pool)
    surname = speaker.split()[-1]
    donor, (item, countable) = rng.choice(DONORS), rng.choice(ITEMS)
    qty = rng.choice(NUMBERS)
    amount = rng.choice(["$150 million", "€200 million", "£75 million", "$1.2 billion", "€45 million"])
    weekday = WEEKDAYS[(day.weekday() - rng.randint(0, 2)) % 7]
    pledge = (f"{donor[0].upper() + donor[1:]} pledged {qty} {item} to Ukraine on {weekday}, "
              f"{second}, the {role2}, said." if countable else
              f"{donor[0].upper() + donor[1:]} announced {amount} in {item} for Ukraine, {second}, the {role2}, said.")
    paragraphs = [
        f"A Russian {weapon} strike on {target} in {place} killed at least {killed} people and wounded "
        f"{injured} on {weekday}, {speaker}, the {role}, said.",
        f"\"The enemy struck {place} again overnight. Rescue teams are still working at the site,\" "
        f"{surname} wrote on Telegram.",
        f"Russian forces also shelled the outskirts of {other} in the {other_region} region, according to the "
        f"General Staff, which said the attacks damaged houses and a power line.",
        f"\"We need more air defence, and we need it now,\" {surname} said, adding that the city had "
        f"spent the night in shelters.",
        pledge,
        f"Moscow did not comment on the strike. The Kremlin has repeatedly denied targeting civilians.",
    ]
    rng.shuffle(paragraphs[2:4])
    return f"---\ntitle: \"{weapon.capitalize()} strike on {place} kills {killed}\"\ndate: {day.isoformat()}\n" \
           f"source: Bench Wire\n---\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """N articles in folder/, the same bytes for the same (n, seed)."""
    rng = random.Random(seed)
    pool = max(20, n // 10)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"article-{i:05d}.md"
        text = article(i, rng, pool)
        if not p.exists() or p.read_text(encoding="utf-8") != text:
            p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
