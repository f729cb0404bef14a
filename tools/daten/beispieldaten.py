#!/usr/bin/env python3
"""Erzeugt die Beispiel-Indikatoren in content/daten/indikatoren/ (Beschreibung .md und Werte .csv).

Alle Werte sind ERFUNDEN (example: true), nur die Einwohnerzahlen 2021 und die Summen der
Sozialregionen stammen aus content/daten/gebiete.csv. Das Skript ist deterministisch: kein
Zufallsgenerator, sondern ein Hash aus (Indikator, Gebiet, Jahr). Gleiche Eingabe, gleiche Dateien.

Aufruf aus dem Wurzelordner der Website:  python3 tools/daten/beispieldaten.py
"""
import csv
import hashlib
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEBIETE = os.path.join(ROOT, "content", "daten", "gebiete.csv")
OUT = os.path.join(ROOT, "content", "daten", "indikatoren")
YEARS = list(range(2014, 2024))
DATENSTAND = "2024-11-30"
EXAMPLE_LICENCE = ("Keine Lizenz: erfundene Beispielwerte, nicht weiterverwenden "
                   "(echte Daten dieser Quelle stehen unter „Datenlizenz Deutschland – Namensnennung – 2.0“)")


def noise(*key):
    """Deterministic number in [-1, 1) from the key."""
    digest = hashlib.sha256("|".join(str(k) for k in key).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**63 - 1.0


# ---------------------------------------------------------------- areas

def load_areas():
    with open(GEBIETE, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    kreis = next(r for r in rows if r["art"] == "Landkreis")
    regions = [r for r in rows if r["art"] == "Sozialregion"]
    gemeinden = [r for r in rows if r["art"] in ("Stadt", "Gemeinde")]
    return kreis, regions, gemeinden


def valid(area, year):
    ref = "%04d-12-31" % year
    if area["gueltig_ab"] and area["gueltig_ab"] > ref:
        return False
    if area["gueltig_bis"] and area["gueltig_bis"] < ref:
        return False
    return True


KREIS, REGIONS, GEMEINDEN = load_areas()
REGION_POP = {int(r["sozialregion"]): int(r["einwohner_2021_12_31"]) for r in REGIONS}
BY_AGS = {g["gebiet"]: g for g in GEMEINDEN}
JAHNATAL = "14522275"
JAHNATAL_PARTS = ["14522450", "14522620"]

# Gemeinden without a population of their own in the source: the rest of Sozialregion 6 is
# split with rough weights (example values only).
UNKNOWN_WEIGHTS = {"14522310": 8000, "14522510": 7350, "14522570": 8700, "14522450": 3450, "14522620": 1250}


def population_2021():
    pop = {}
    for g in GEMEINDEN:
        if g["einwohner_2021_12_31"]:
            pop[g["gebiet"]] = int(g["einwohner_2021_12_31"])
    known6 = sum(v for k, v in pop.items() if BY_AGS[k]["sozialregion"] == "6")
    rest = REGION_POP[6] - known6
    total_w = sum(UNKNOWN_WEIGHTS.values())
    keys = sorted(UNKNOWN_WEIGHTS)
    assigned = 0
    for k in keys[:-1]:
        pop[k] = round(rest * UNKNOWN_WEIGHTS[k] / total_w)
        assigned += pop[k]
    pop[keys[-1]] = rest - assigned
    return pop


POP2021 = population_2021()

# Growth per year: small places shrink faster, the Chemnitz suburbs and Freiberg less.
SUBURBS = {"14522420", "14522260", "14522070", "14522020", "14522140"}
TOWNS_NORTH = {"14522080", "14522250", "14522310", "14522510", "14522570"}


def growth(ags):
    if ags == "14522180":
        return -0.001
    if ags in SUBURBS:
        return -0.002 + 0.002 * noise("g", ags)
    size = POP2021.get(ags, 3000)
    return -0.0075 + 0.0008 * math.log(size / 3000) + 0.003 * noise("g", ags)


def model_population(ags, year):
    """Population on 31.12. of year for an old-style unit (not Jahnatal)."""
    g = growth(ags)
    factor = (1 + g) ** (year - 2021)
    factor *= (1.004 if year >= 2015 else 1.0) / 1.004      # 2015: arrival of refugees
    factor *= 1.005 if year >= 2022 else 1.0                # 2022: people from Ukraine
    factor *= 0.988 if year >= 2022 else 1.0                # from 2022: based on Zensus 2022 (series break)
    return POP2021[ags] * factor


def population(ags, year):
    if ags == JAHNATAL:
        return sum(model_population(p, year) for p in JAHNATAL_PARTS)
    return model_population(ags, year)


def gemeinden_in(year, region=None):
    return [g for g in GEMEINDEN if valid(g, year) and (region is None or int(g["sozialregion"]) == region)]


def region_numbers():
    return sorted(REGION_POP)


# ---------------------------------------------------------------- writing

def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fmt(value, decimals):
    return ("%.*f" % (decimals, value)).replace(".", ",")


def cell(state, decimals):
    """(wert, flag) from ('v', value, flags) or ('s', symbol, flags)."""
    kind, payload, flags = state
    parts = []
    if "|" in flags:
        parts.append("|")
    wert = ""
    if kind == "v":
        rounded = round(payload, decimals)
        if rounded == 0:
            parts.append("0")          # less than half of the last unit shown
        else:
            wert = fmt(rounded, decimals)
    else:
        parts.append(payload)
    for f in ("()", "p", "r", "s"):
        if f in flags:
            parts.append(f)
    return wert, " ".join(parts)


def write_indicator(slug, meta, body, values):
    """values: dict area key -> dict year -> state."""
    decimals = meta["decimals"]
    lines = ["---"]
    for key in ("title", "unit", "decimals", "definition", "source", "licence", "datenstand",
                "handlungsfelder", "higher_is_better", "region_values", "kreis_values", "zeitbezug",
                "gebietsstand", "example"):
        if key not in meta:
            continue
        v = meta[key]
        if key == "handlungsfelder":
            lines.append("handlungsfelder: [" + ", ".join(v) + "]")
        elif isinstance(v, bool):
            lines.append("%s: %s" % (key, "true" if v else "false"))
        elif isinstance(v, int):
            lines.append("%s: %d" % (key, v))
        elif key in ("higher_is_better", "region_values", "kreis_values", "datenstand"):
            lines.append("%s: %s" % (key, v))
        else:
            lines.append("%s: %s" % (key, yaml_str(v)))
    lines.append("---")
    lines.append("")
    lines.append(body.strip())
    lines.append("")
    with open(os.path.join(OUT, slug + ".md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))

    def order(key):
        if key == KREIS["gebiet"]:
            return (0, 0, key)
        if key.startswith("sozialregion-"):
            return (1, int(key.split("-")[1]), key)
        return (2, 0, key)

    rows = ["gebiet;jahr;wert;flag"]
    for key in sorted(values, key=order):
        for year in sorted(values[key]):
            wert, flag = cell(values[key][year], decimals)
            rows.append("%s;%d;%s;%s" % (key, year, wert, flag))
    with open(os.path.join(OUT, slug + ".csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def V(value, flags=()):
    return ("v", value, tuple(flags))


def S(symbol, flags=()):
    return ("s", symbol, tuple(flags))


# ---------------------------------------------------------------- indicators

COMMON_NOTE = ("**Hinweis:** Die Zahlen sind erfundene Beispielwerte für die Entwicklung der Website. "
               "Sie sehen echten Werten ähnlich, sind aber keine amtlichen Daten.")


def weighted(members, year, value_of):
    total = sum(population(g["gebiet"], year) for g in members)
    return sum(value_of(g["gebiet"]) * population(g["gebiet"], year) for g in members) / total


def rate_indicator(slug, kreis_curve, spread, factor_of=None, decimals=1, flags_of=None, symbol_of=None,
                   published_jitter=0.1):
    """Gemeinde values around the Kreis curve; region and Kreis values are published
    values of their own (close to, but not exactly, the weighted mean of the members)."""
    values = {}
    def gem_value(ags, year):
        f = factor_of(ags) if factor_of else 1.0
        return kreis_curve[year] * f * (1 + spread * noise(slug, ags)) * (1 + 0.02 * noise(slug, ags, year))
    for year in kreis_curve:
        flags = flags_of(year) if flags_of else ()
        members_all = gemeinden_in(year)
        mean_all = weighted(members_all, year, lambda a: gem_value(a, year))
        scale = kreis_curve[year] / mean_all
        values.setdefault(KREIS["gebiet"], {})[year] = V(kreis_curve[year], flags)
        for n in region_numbers():
            members = gemeinden_in(year, n)
            v = weighted(members, year, lambda a: gem_value(a, year) * scale)
            v += published_jitter * noise(slug, "region", n, year)
            values.setdefault("sozialregion-%d" % n, {})[year] = V(v, flags)
        for g in members_all:
            ags = g["gebiet"]
            symbol = symbol_of(ags, year) if symbol_of else None
            if symbol:
                values.setdefault(ags, {})[year] = symbol
            else:
                values.setdefault(ags, {})[year] = V(gem_value(ags, year) * scale, flags)
    return values


def curve(points):
    """Linear interpolation through {year: value}."""
    years = sorted(points)
    out = {}
    for y in YEARS:
        if y in points:
            out[y] = points[y]
            continue
        lo = max(p for p in years if p < y)
        hi = min(p for p in years if p > y)
        out[y] = points[lo] + (points[hi] - points[lo]) * (y - lo) / (hi - lo)
    return out


BASE = {
    "datenstand": DATENSTAND,
    "licence": EXAMPLE_LICENCE,
    "example": True,
    "gebietsstand": "jeweiliger Gebietsstand am 31.12.; Jahnatal ab 2023, davor Ostrau und Zschaitz-Ottewig",
}


def meta(**kw):
    m = dict(BASE)
    m.update(kw)
    return m


def build():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".md") or name.endswith(".csv"):
            os.remove(os.path.join(OUT, name))

    # --- Bevölkerung
    values = {}
    for year in YEARS:
        flags = ("|",) if year == 2022 else ()
        kreis_total = 0
        for n in region_numbers():
            members = gemeinden_in(year, n)
            total = sum(round(population(g["gebiet"], year)) for g in members)
            if year == 2021:
                total = REGION_POP[n]   # published region totals
            values.setdefault("sozialregion-%d" % n, {})[year] = V(total, flags)
            kreis_total += total
            for g in members:
                values.setdefault(g["gebiet"], {})[year] = V(round(population(g["gebiet"], year)), flags)
        if year == 2021:
            kreis_total = int(KREIS["einwohner_2021_12_31"])
        values[KREIS["gebiet"]] = values.get(KREIS["gebiet"], {})
        values[KREIS["gebiet"]][year] = V(kreis_total, flags)
    write_indicator("bevoelkerung", meta(
        title="Bevölkerung", unit="Personen", decimals=0,
        definition="Zahl der Einwohnerinnen und Einwohner mit Hauptwohnsitz am 31. Dezember (Bevölkerungsfortschreibung).",
        source="Statistisches Landesamt des Freistaates Sachsen, Bevölkerungsfortschreibung; Beispielwerte (nur 2021 nach gebiete.csv)",
        handlungsfelder=["miteinander", "senioren", "aufwachsen"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember"),
        """
Wie viele Menschen leben in der Gemeinde, der Sozialregion oder im Landkreis? Gezählt wird,
wer hier mit Hauptwohnsitz gemeldet ist, jeweils am Jahresende.

Ab 2022 beruht die Fortschreibung auf dem Zensus 2022. Deshalb ist die Reihe dort unterbrochen
(Zeichen „|“): Werte vor und nach 2022 lassen sich nur eingeschränkt vergleichen.

""" + COMMON_NOTE, values)
    pop_values = values

    # --- Bevölkerungsveränderung (from the example populations)
    values = {}
    for key, series in pop_values.items():
        for year in YEARS:
            prev_year = year - 1
            now = series.get(year)
            if now is None:
                continue
            if prev_year in series:
                prev = series[prev_year][1]
            elif key == JAHNATAL:
                prev = sum(pop_values[p][prev_year][1] for p in JAHNATAL_PARTS)
            elif year == 2014:
                if key.startswith("sozialregion-") or key == KREIS["gebiet"]:
                    prev = now[1] / (1 - 0.006)
                else:
                    prev = population(key, 2013)
            else:
                continue
            change = (now[1] / prev - 1) * 100
            values.setdefault(key, {})[year] = V(change, ("|",) if year == 2022 else ())
    write_indicator("bevoelkerungsveraenderung", meta(
        title="Bevölkerungsveränderung", unit="%", decimals=1,
        definition="Veränderung der Einwohnerzahl am 31. Dezember gegenüber dem 31. Dezember des Vorjahres, in Prozent.",
        source="Statistisches Landesamt des Freistaates Sachsen; Beispielwerte, berechnet aus den Beispielwerten der Bevölkerung",
        handlungsfelder=["wohnen", "miteinander"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember gegenüber Vorjahr"),
        """
Um wie viel Prozent ist die Einwohnerzahl in einem Jahr gewachsen oder geschrumpft? Ein Minus
bedeutet: Ende des Jahres lebten weniger Menschen hier als ein Jahr zuvor. Für Jahnatal wird 2023
mit der Summe von Ostrau und Zschaitz-Ottewig im Jahr 2022 verglichen.

Eine „0“ ohne Komma steht für eine Veränderung von weniger als 0,05 Prozent.

""" + COMMON_NOTE, values)

    factor_young = lambda a: 0.95 if a == "14522180" else 1.0
    # --- Durchschnittsalter
    age = curve({2014: 47.7, 2018: 48.4, 2023: 49.2})
    values = rate_indicator("durchschnittsalter", age, 0.035,
                            factor_of=lambda a: 0.95 if a == "14522180" else (0.97 if a == "14522360" else 1.0),
                            published_jitter=0.05)
    write_indicator("durchschnittsalter", meta(
        title="Durchschnittsalter", unit="Jahre", decimals=1,
        definition="Arithmetisches Mittel des Alters aller Einwohnerinnen und Einwohner am 31. Dezember.",
        source="Statistisches Landesamt des Freistaates Sachsen; Beispielwerte (Landkreis 2018: 48,4 Jahre)",
        handlungsfelder=["senioren", "miteinander"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember"),
        """
Wie alt sind die Menschen im Durchschnitt? Mittelsachsen gehört zu den Landkreisen mit der ältesten
Bevölkerung in Deutschland. In Hochschulstädten wie Freiberg und Mittweida ist der Durchschnitt
niedriger, weil dort viele junge Menschen studieren.

""" + COMMON_NOTE, values)

    # --- Anteil unter 18 / ab 65 and the quotients derived from them
    u18 = curve({2014: 14.6, 2019: 15.4, 2023: 15.5})
    a65 = curve({2014: 27.1, 2018: 28.2, 2023: 29.9})
    f_u18 = lambda a: 0.9 if a == "14522180" else (1.06 if a in SUBURBS else 1.0)
    f_a65 = lambda a: 0.93 if a == "14522180" else (0.95 if a in SUBURBS else 1.0)
    v_u18 = rate_indicator("anteil-unter-18", u18, 0.08, factor_of=f_u18)
    v_a65 = rate_indicator("anteil-ab-65", a65, 0.10, factor_of=f_a65)
    write_indicator("anteil-unter-18", meta(
        title="Anteil der unter 18-Jährigen", unit="%", decimals=1,
        definition="Einwohnerinnen und Einwohner im Alter von 0 bis unter 18 Jahren je 100 Einwohner, am 31. Dezember.",
        source="Statistisches Landesamt des Freistaates Sachsen; Beispielwerte",
        handlungsfelder=["aufwachsen", "bildung"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember"),
        """
Welcher Teil der Bevölkerung ist minderjährig? Der Anteil zeigt, wie viele Kinder und Jugendliche
Angebote wie Kita, Schule, Jugendarbeit und Hilfen zur Erziehung brauchen könnten.

""" + COMMON_NOTE, v_u18)
    write_indicator("anteil-ab-65", meta(
        title="Anteil der Menschen ab 65 Jahren", unit="%", decimals=1,
        definition="Einwohnerinnen und Einwohner im Alter von 65 Jahren und älter je 100 Einwohner, am 31. Dezember.",
        source="Statistisches Landesamt des Freistaates Sachsen; Beispielwerte",
        handlungsfelder=["senioren", "gesundheit"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember"),
        """
Welcher Teil der Bevölkerung ist 65 Jahre oder älter? Wo der Anteil hoch ist, werden Angebote für
Seniorinnen und Senioren, Pflege und barrierefreie Mobilität besonders wichtig.

""" + COMMON_NOTE, v_a65)
    jq, aq = {}, {}
    for key in v_u18:
        for year, state in v_u18[key].items():
            u20 = state[1] + 2.0
            old = v_a65[key][year][1]
            working = 100 - u20 - old
            jq.setdefault(key, {})[year] = V(100 * u20 / working)
            aq.setdefault(key, {})[year] = V(100 * old / working)
    write_indicator("jugendquotient", meta(
        title="Jugendquotient", unit="je 100 Personen von 20 bis unter 65 Jahren", decimals=1,
        definition="Einwohner im Alter von 0 bis unter 20 Jahren je 100 Einwohner im Alter von 20 bis unter 65 Jahren, am 31. Dezember.",
        source="Statistisches Landesamt des Freistaates Sachsen; Beispielwerte",
        handlungsfelder=["aufwachsen", "arbeit"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember"),
        """
Der Jugendquotient setzt die junge Generation (unter 20 Jahre) ins Verhältnis zu den Menschen im
erwerbsfähigen Alter (20 bis unter 65 Jahre). Ein Wert von 30 heißt: Auf 100 Menschen im
erwerbsfähigen Alter kommen 30 Kinder und Jugendliche. Die Altersgrenzen sind immer anzugeben,
weil andere Statistiken mit 15 oder 67 Jahren rechnen.

""" + COMMON_NOTE, jq)
    write_indicator("altenquotient", meta(
        title="Altenquotient", unit="je 100 Personen von 20 bis unter 65 Jahren", decimals=1,
        definition="Einwohner im Alter von 65 Jahren und älter je 100 Einwohner im Alter von 20 bis unter 65 Jahren, am 31. Dezember.",
        source="Statistisches Landesamt des Freistaates Sachsen; Beispielwerte",
        handlungsfelder=["senioren", "arbeit"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember"),
        """
Der Altenquotient setzt die ältere Generation (65 Jahre und älter) ins Verhältnis zu den Menschen
im erwerbsfähigen Alter (20 bis unter 65 Jahre). Ein Wert von 55 heißt: Auf 100 Menschen im
erwerbsfähigen Alter kommen 55 Menschen im Rentenalter.

""" + COMMON_NOTE, aq)

    # --- Arbeitslosenquote
    alq = {2014: 8.1, 2015: 7.4, 2016: 6.6, 2017: 6.0, 2018: 5.4, 2019: 5.1, 2020: 5.7, 2021: 5.4, 2022: 5.3, 2023: 5.6}
    f_labour = lambda a: 1.3 if a in TOWNS_NORTH else (0.8 if a in SUBURBS else (1.05 if a == "14522180" else 1.0))
    values = rate_indicator("arbeitslosenquote", alq, 0.15, factor_of=f_labour,
                            flags_of=lambda y: ("p",) if y == 2023 else (("r",) if y == 2021 else ()),
                            symbol_of=lambda a, y: S(".") if a == "14522600" and y <= 2015 else None)
    write_indicator("arbeitslosenquote", meta(
        title="Arbeitslosenquote", unit="%", decimals=1,
        definition="Arbeitslose im Jahresdurchschnitt je 100 zivile Erwerbspersonen (abhängige zivile Erwerbspersonen, Selbstständige und mithelfende Familienangehörige).",
        source="Statistik der Bundesagentur für Arbeit; Beispielwerte",
        handlungsfelder=["arbeit", "armut-notlagen"], higher_is_better="false",
        region_values="daten", kreis_values="daten", zeitbezug="Jahresdurchschnitt"),
        """
Wie viele Menschen, die arbeiten könnten und wollen, sind arbeitslos gemeldet? Die Quote bezieht
die Arbeitslosen auf alle zivilen Erwerbspersonen. Die Werte für 2023 sind vorläufig (p), die für
2021 berichtigt (r).

""" + COMMON_NOTE, values)

    # --- SGB-II-Quote
    sgb2 = {2014: 10.4, 2015: 10.0, 2016: 9.3, 2017: 8.6, 2018: 7.9, 2019: 7.2, 2020: 7.1, 2021: 6.8, 2022: 6.9, 2023: 7.3}
    small = {"14522600": range(2014, 2024), "14522280": range(2020, 2022), "14522090": range(2018, 2019)}
    values = rate_indicator("sgb-ii-quote", sgb2, 0.25, factor_of=f_labour,
                            flags_of=lambda y: ("p",) if y == 2023 else (),
                            symbol_of=lambda a, y: S("*") if a in small and y in small[a] else None)
    write_indicator("sgb-ii-quote", meta(
        title="SGB-II-Quote", unit="%", decimals=1,
        definition="Personen in Bedarfsgemeinschaften nach dem SGB II (Grundsicherung für Arbeitsuchende, seit 2023 Bürgergeld) je 100 Einwohner unter der Regelaltersgrenze, im Dezember.",
        source="Statistik der Bundesagentur für Arbeit; Beispielwerte",
        handlungsfelder=["armut-notlagen", "arbeit"], higher_is_better="false",
        region_values="daten", kreis_values="daten", zeitbezug="Dezember"),
        """
Wie viele Menschen leben von Grundsicherung für Arbeitsuchende („Hartz IV“, seit 2023 Bürgergeld)?
Dazu zählen auch Kinder in diesen Haushalten. In sehr kleinen Gemeinden veröffentlicht die
Bundesagentur für Arbeit keine Werte, damit niemand erkennbar wird (Zeichen „*“).

""" + COMMON_NOTE, values)

    # --- Mindestsicherungsquote (only regions and Kreis)
    msq = {2014: 7.6, 2015: 7.5, 2016: 7.0, 2017: 6.0, 2018: 5.9, 2019: 5.6, 2020: 5.6, 2021: 5.5, 2022: 5.9}
    values = {KREIS["gebiet"]: {}}
    region_factor = {1: 1.15, 2: 0.8, 3: 0.85, 4: 0.9, 5: 0.95, 6: 1.25, 7: 0.95}
    for year in YEARS:
        if year == 2023:
            values[KREIS["gebiet"]][year] = S("…")
        else:
            values[KREIS["gebiet"]][year] = V(msq[year])
        for n in region_numbers():
            key = "sozialregion-%d" % n
            if year == 2023:
                values.setdefault(key, {})[year] = S("…")
            else:
                values.setdefault(key, {})[year] = V(msq[year] * region_factor[n] * (1 + 0.03 * noise("msq", n, year)))
    write_indicator("mindestsicherungsquote", meta(
        title="Mindestsicherungsquote", unit="%", decimals=1,
        definition="Empfängerinnen und Empfänger von Mindestsicherungsleistungen (SGB II, Hilfe zum Lebensunterhalt und Grundsicherung im Alter und bei Erwerbsminderung nach SGB XII, Regelleistungen nach dem Asylbewerberleistungsgesetz) je 100 Einwohner, am 31. Dezember.",
        source="Statistische Ämter des Bundes und der Länder, Landkreis Mittelsachsen (Sozialplanung); Beispielwerte (Landkreis 2017: etwa 6 %)",
        handlungsfelder=["armut-notlagen", "integration"], higher_is_better="false",
        region_values="daten", kreis_values="daten", zeitbezug="31. Dezember"),
        """
Wie viele Menschen sind auf staatliche Leistungen zur Sicherung des Existenzminimums angewiesen?
Die Mindestsicherungsquote fasst Grundsicherung für Arbeitsuchende, Sozialhilfe, Grundsicherung im
Alter und Leistungen für Asylbewerber zusammen. Aus Datenschutzgründen gibt es sie nur für die
Sozialregionen und den Landkreis. Die Werte für 2023 liegen noch nicht vor („…“).

""" + COMMON_NOTE, values)

    # --- Pflegebedürftige je 1.000 Einwohner (Pflegestatistik, every two years; regions and Kreis)
    care = {2015: 42.0, 2017: 51.5, 2019: 58.6, 2021: 66.1, 2023: 73.4}
    values = {}
    for year, v in care.items():
        flags = ("|",) if year == 2017 else (("p",) if year == 2023 else ())
        values.setdefault(KREIS["gebiet"], {})[year] = V(v, flags)
        for n in region_numbers():
            f = {1: 0.9, 6: 1.12, 7: 1.05}.get(n, 1.0)
            values.setdefault("sozialregion-%d" % n, {})[year] = V(v * f * (1 + 0.04 * noise("care", n, year)), flags)
    write_indicator("pflegebeduerftige", meta(
        title="Pflegebedürftige je 1.000 Einwohner", unit="je 1.000 Einwohner", decimals=1,
        definition="Pflegebedürftige im Sinne des SGB XI (ambulant, stationär und Pflegegeldempfänger) je 1.000 Einwohner, am 15. Dezember; erhoben alle zwei Jahre.",
        source="Statistisches Landesamt des Freistaates Sachsen, Pflegestatistik; Beispielwerte",
        handlungsfelder=["senioren", "gesundheit", "inklusion"], higher_is_better="none",
        region_values="daten", kreis_values="daten", zeitbezug="15. Dezember, alle zwei Jahre"),
        """
Wie viele Menschen bekommen Leistungen der Pflegeversicherung? Die Pflegestatistik erscheint nur
alle zwei Jahre. Seit 2017 gelten Pflegegrade statt Pflegestufen; seitdem werden mehr Menschen als
pflegebedürftig eingestuft. Deshalb ist die Reihe 2017 unterbrochen (Zeichen „|“).

""" + COMMON_NOTE, values)

    # --- Kita-Betreuungsquote unter 3 Jahren
    kita = curve({2014: 50.2, 2019: 54.8, 2023: 57.1})
    special = {("14522600", 2016): S("."), ("14522600", 2017): S("."), ("14522280", 2019): S("/")}
    values = rate_indicator("kita-betreuungsquote", kita, 0.09,
                            symbol_of=lambda a, y: special.get((a, y)))
    values["14522090"][2020] = V(values["14522090"][2020][1], ("()",))
    values[JAHNATAL][2023] = V(values[JAHNATAL][2023][1], ("s",))
    write_indicator("kita-betreuungsquote", meta(
        title="Betreuungsquote der unter 3-Jährigen", unit="%", decimals=1,
        definition="Kinder unter 3 Jahren in Kindertageseinrichtungen und öffentlich geförderter Kindertagespflege je 100 Kinder dieser Altersgruppe, am 1. März.",
        source="Statistisches Landesamt des Freistaates Sachsen, Kinder- und Jugendhilfestatistik; Beispielwerte",
        handlungsfelder=["aufwachsen", "bildung"], higher_is_better="true",
        region_values="daten", kreis_values="daten", zeitbezug="1. März"),
        """
Wie viele Kinder unter drei Jahren gehen in eine Kita oder zu einer Tagesmutter oder einem
Tagesvater? Eine hohe Quote erleichtert es Eltern, Familie und Beruf zu verbinden. In kleinen
Gemeinden schwanken die Werte stark, weil wenige Kinder den Ausschlag geben; einzelne Werte sind
deshalb geheim (.), unsicher (/) oder nur eingeschränkt aussagekräftig (( )).

""" + COMMON_NOTE, values)

    # --- Wahlbeteiligung Landtagswahl
    turnout = {2014: 49.2, 2019: 66.9, 2024: 74.6}
    values = {}
    for year, v in turnout.items():
        values.setdefault(KREIS["gebiet"], {})[year] = V(v)
        members_all = gemeinden_in(year)
        gem = {g["gebiet"]: v * (1 + 0.06 * noise("wahl", g["gebiet"])) * (1 + 0.015 * noise("wahl", g["gebiet"], year))
               for g in members_all}
        for n in region_numbers():
            members = gemeinden_in(year, n)
            values.setdefault("sozialregion-%d" % n, {})[year] = V(weighted(members, min(year, 2023), lambda a: gem[a]))
        for ags, x in gem.items():
            values.setdefault(ags, {})[year] = V(x)
    write_indicator("wahlbeteiligung-landtagswahl", meta(
        title="Wahlbeteiligung bei der Landtagswahl", unit="%", decimals=1,
        definition="Wählerinnen und Wähler je 100 Wahlberechtigte bei den Wahlen zum Sächsischen Landtag (2014, 2019, 2024).",
        source="Statistisches Landesamt des Freistaates Sachsen, Wahlstatistik; Beispielwerte",
        handlungsfelder=["miteinander"], higher_is_better="true",
        region_values="daten", kreis_values="daten", zeitbezug="Wahltag"),
        """
Wie viele Wahlberechtigte haben bei der Landtagswahl ihre Stimme abgegeben? Die Wahlbeteiligung
ist ein Hinweis darauf, wie stark sich Menschen am demokratischen Leben beteiligen. Gewählt wird
alle fünf Jahre; 2024 zählt Jahnatal als eine Gemeinde.

""" + COMMON_NOTE, values)


if __name__ == "__main__":
    build()
    print("Beispieldaten geschrieben nach", os.path.relpath(OUT, ROOT), file=sys.stderr)
