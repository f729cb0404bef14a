"""corpus_daten.py — indicator datasets and ```diagramm blocks for the benchmark corpus (gen-corpus.py).

The area table is the project's own (content/daten/gebiete.csv, copied verbatim). Indicators follow
docs/daten.md: `<slug>.md` (front matter + explanation) and `<slug>.csv` (`gebiet;jahr;wert;flag`,
one row per area and year, sorted Landkreis, Sozialregionen, Gemeinden by AGS, then year). Values
are invented but plausible (`example: true`), 2014–2023, deterministic from the seed. Five shapes
exercise what the site computes:

  voll       Landkreis, Sozialregionen and Gemeinden published (`daten`/`daten`)
  gewichtet  Gemeinden only; Sozialregionen and Landkreis as population-weighted mean
             (`mittelwert_gewichtet`, `gewicht: bevoelkerung`)
  summe      counts for Gemeinden only; Sozialregionen and Landkreis summed (`summe`)
  regionen   Landkreis and Sozialregionen only (last year sometimes „…“, not yet available)
  zweijahre  Landkreis and Sozialregionen every other year (a series break „|“)
  wahl       election years 2014 and 2019, all levels

Symbols of the official statistics appear where they would: `*` (small numbers, BA) and `.`
(secret) for small Gemeinden, `p` (provisional) in the newest year, `r` (revised), `|` (series
break), `()` (limited), `s` (estimated), `/` (not reliable), `…` (not yet available), `0` (less than
half a unit). A Gemeinde only has rows in years it existed (Ostrau and Zschaitz-Ottewig until
2022, Jahnatal from 2023), as the build requires.
"""
import csv
import io
import math

YEARS = list(range(2014, 2024))
DATENSTAND = "2024-11-30"
LICENCE = ("Keine Lizenz: erfundene Werte des Benchmark-Korpus, nicht weiterverwenden (echte Daten dieser "
           "Quelle stehen unter „Datenlizenz Deutschland – Namensnennung – 2.0“)")
GEBIETSSTAND = "jeweiliger Gebietsstand am 31.12.; Jahnatal ab 2023, davor Ostrau und Zschaitz-Ottewig"
NOTE = ("**Hinweis:** Die Zahlen sind erfundene Werte des Benchmark-Korpus. Sie sehen echten Werten "
        "ähnlich, sind aber keine amtlichen Daten.")

# Gemeinden whose population the area table does not give (rough shares of Sozialregion 6).
POPULATION_GUESS = {"14522310": 8000, "14522510": 7350, "14522570": 8700, "14522450": 3450, "14522620": 1250}

# slug, title, unit, decimals, handlungsfelder, higher_is_better, shape, value 2014, value 2023,
# spread between Gemeinden, source, definition, explanation.
# For `summe` the two values are rates per 1,000 inhabitants that turn into counts.
INDICATORS = [
    ("bevoelkerung", "Bevölkerung", "Personen", 0, ["miteinander", "senioren", "aufwachsen"], "none",
     "bevoelkerung", 0, 0, 0, "Statistisches Landesamt des Freistaates Sachsen, Bevölkerungsfortschreibung",
     "Zahl der Einwohnerinnen und Einwohner mit Hauptwohnsitz am 31. Dezember (Bevölkerungsfortschreibung).",
     "Wie viele Menschen leben in der Gemeinde, der Sozialregion oder im Landkreis? Ab 2022 beruht die "
     "Fortschreibung auf dem Zensus 2022; die Reihe ist dort unterbrochen („|“)."),
    ("arbeitslosenquote", "Arbeitslosenquote", "%", 1, ["arbeit", "armut-notlagen"], "false",
     "voll", 8.1, 5.6, 0.25, "Statistik der Bundesagentur für Arbeit",
     "Arbeitslose im Jahresdurchschnitt je 100 zivile Erwerbspersonen.",
     "Wie viele Menschen, die arbeiten könnten und wollen, sind arbeitslos gemeldet?"),
    ("sgb-ii-quote", "SGB-II-Quote", "%", 1, ["armut-notlagen", "arbeit"], "false",
     "voll", 9.6, 6.9, 0.35, "Statistik der Bundesagentur für Arbeit",
     "Leistungsberechtigte nach dem SGB II je 100 Einwohner unter der Regelaltersgrenze, am 31. Dezember.",
     "Wie viele Menschen beziehen Bürgergeld (bis 2022 Arbeitslosengeld II und Sozialgeld)?"),
    ("durchschnittsalter", "Durchschnittsalter", "Jahre", 1, ["senioren", "miteinander"], "none",
     "voll", 47.7, 49.2, 0.04, "Statistisches Landesamt des Freistaates Sachsen",
     "Arithmetisches Mittel des Alters aller Einwohnerinnen und Einwohner am 31. Dezember.",
     "Wie alt sind die Menschen im Durchschnitt? In Hochschulstädten ist der Durchschnitt niedriger."),
    ("anteil-ab-65", "Anteil der Menschen ab 65 Jahren", "%", 1, ["senioren"], "none",
     "gewichtet", 27.1, 29.9, 0.12, "Statistisches Landesamt des Freistaates Sachsen",
     "Einwohnerinnen und Einwohner im Alter von 65 Jahren und älter je 100 Einwohner, am 31. Dezember.",
     "Welcher Teil der Bevölkerung ist 65 Jahre oder älter?"),
    ("anteil-unter-18", "Anteil der unter 18-Jährigen", "%", 1, ["aufwachsen", "bildung"], "none",
     "gewichtet", 14.6, 15.5, 0.09, "Statistisches Landesamt des Freistaates Sachsen",
     "Einwohnerinnen und Einwohner im Alter von 0 bis unter 18 Jahren je 100 Einwohner, am 31. Dezember.",
     "Welcher Teil der Bevölkerung ist minderjährig?"),
    ("kita-betreuungsquote", "Betreuungsquote der unter 3-Jährigen", "%", 1, ["aufwachsen", "bildung"], "true",
     "voll", 49.5, 57.2, 0.15, "Statistisches Landesamt des Freistaates Sachsen, Kinder- und Jugendhilfestatistik",
     "Kinder unter 3 Jahren in Kitas und Kindertagespflege je 100 Kinder dieses Alters, am 1. März.",
     "Wie viele Kleinkinder werden in einer Kita oder von einer Tagesmutter betreut?"),
    ("mindestsicherungsquote", "Mindestsicherungsquote", "%", 1, ["armut-notlagen", "integration"], "false",
     "regionen", 7.6, 6.1, 0.2, "Statistische Ämter des Bundes und der Länder",
     "Empfängerinnen und Empfänger von Mindestsicherungsleistungen je 100 Einwohner, am 31. Dezember.",
     "Wie viele Menschen sind auf Leistungen zur Sicherung des Existenzminimums angewiesen? Nur für "
     "Sozialregionen und den Landkreis."),
    ("pflegebeduerftige", "Pflegebedürftige je 1.000 Einwohner", "je 1.000 Einwohner", 1, ["senioren", "gesundheit"],
     "none", "zweijahre", 44.8, 69.5, 0.12, "Statistisches Landesamt des Freistaates Sachsen, Pflegestatistik",
     "Pflegebedürftige im Sinne des SGB XI je 1.000 Einwohner, am 15. Dezember; erhoben alle zwei Jahre.",
     "Wie viele Menschen bekommen Leistungen der Pflegeversicherung? Seit 2017 gelten Pflegegrade („|“)."),
    ("geburten", "Lebendgeborene", "Personen", 0, ["aufwachsen"], "none",
     "summe", 7.4, 6.3, 0.2, "Statistisches Landesamt des Freistaates Sachsen, Geburtenstatistik",
     "Lebendgeborene im Kalenderjahr, nach dem Wohnort der Mutter.",
     "Wie viele Kinder kommen zur Welt? Kleine Zahlen einzelner Gemeinden bleiben geheim („.“)."),
    ("wahlbeteiligung-kreistag", "Wahlbeteiligung bei der Kreistagswahl", "%", 1, ["miteinander"], "true",
     "wahl", 44.6, 60.1, 0.1, "Landkreis Mittelsachsen, Kreiswahlleiter",
     "Wählerinnen und Wähler je 100 Wahlberechtigte bei der Wahl des Kreistags.",
     "Wie viele Wahlberechtigte haben bei der Kreistagswahl ihre Stimme abgegeben?"),
    ("beschaeftigungsquote", "Beschäftigungsquote", "%", 1, ["arbeit"], "true",
     "voll", 56.2, 62.4, 0.08, "Statistik der Bundesagentur für Arbeit",
     "Sozialversicherungspflichtig Beschäftigte am Wohnort je 100 Einwohner von 15 bis unter 65 Jahren, am 30. Juni.",
     "Wie viele Menschen im Erwerbsalter haben eine sozialversicherungspflichtige Stelle?"),
    ("altenquotient", "Altenquotient", "je 100 Personen von 20 bis unter 65 Jahren", 1, ["senioren"], "none",
     "gewichtet", 47.8, 58.3, 0.14, "Statistisches Landesamt des Freistaates Sachsen",
     "Einwohner ab 65 Jahren je 100 Einwohner von 20 bis unter 65 Jahren, am 31. Dezember.",
     "Wie viele ältere Menschen kommen auf 100 Menschen im Erwerbsalter?"),
    # ---- only in larger corpora (see count_for)
    ("jugendquotient", "Jugendquotient", "je 100 Personen von 20 bis unter 65 Jahren", 1, ["aufwachsen"], "none",
     "voll", 26.9, 29.4, 0.1, "Statistisches Landesamt des Freistaates Sachsen",
     "Einwohner unter 20 Jahren je 100 Einwohner von 20 bis unter 65 Jahren, am 31. Dezember.",
     "Wie viele junge Menschen kommen auf 100 Menschen im Erwerbsalter?"),
    ("bevoelkerungsveraenderung", "Bevölkerungsveränderung", "%", 1, ["wohnen", "miteinander"], "none",
     "voll", -0.6, -0.4, 0.9, "Statistisches Landesamt des Freistaates Sachsen",
     "Veränderung der Einwohnerzahl am 31. Dezember gegenüber dem Vorjahr, in Prozent.",
     "Um wie viel Prozent ist die Einwohnerzahl in einem Jahr gewachsen oder geschrumpft?"),
    ("wanderungssaldo", "Wanderungssaldo je 1.000 Einwohner", "je 1.000 Einwohner", 1, ["wohnen", "miteinander"],
     "none", "voll", 1.8, 3.1, 1.4, "Statistisches Landesamt des Freistaates Sachsen, Wanderungsstatistik",
     "Zuzüge minus Fortzüge im Kalenderjahr je 1.000 Einwohner.",
     "Ziehen mehr Menschen zu oder fort?"),
    ("sterbefaelle", "Gestorbene", "Personen", 0, ["senioren", "gesundheit"], "none",
     "summe", 14.9, 16.8, 0.15, "Statistisches Landesamt des Freistaates Sachsen, Sterbefallstatistik",
     "Gestorbene im Kalenderjahr, nach dem letzten Wohnort.",
     "Wie viele Menschen sind im Jahr gestorben?"),
    ("zuzuege", "Zuzüge", "Personen", 0, ["wohnen"], "none",
     "summe", 38.0, 44.5, 0.25, "Statistisches Landesamt des Freistaates Sachsen, Wanderungsstatistik",
     "Zuzüge über die Gemeindegrenze im Kalenderjahr.",
     "Wie viele Menschen sind in die Gemeinde gezogen?"),
    ("fortzuege", "Fortzüge", "Personen", 0, ["wohnen"], "none",
     "summe", 36.5, 41.0, 0.25, "Statistisches Landesamt des Freistaates Sachsen, Wanderungsstatistik",
     "Fortzüge über die Gemeindegrenze im Kalenderjahr.",
     "Wie viele Menschen sind aus der Gemeinde weggezogen?"),
    ("langzeitarbeitslose", "Anteil Langzeitarbeitsloser", "%", 1, ["arbeit", "armut-notlagen"], "false",
     "regionen", 41.5, 33.8, 0.12, "Statistik der Bundesagentur für Arbeit",
     "Arbeitslose, die ein Jahr oder länger arbeitslos sind, je 100 Arbeitslose, im Jahresdurchschnitt.",
     "Wie viele Arbeitslose suchen schon länger als ein Jahr?"),
    ("jugendarbeitslosenquote", "Arbeitslosenquote der unter 25-Jährigen", "%", 1, ["arbeit", "aufwachsen"], "false",
     "voll", 8.9, 5.2, 0.35, "Statistik der Bundesagentur für Arbeit",
     "Arbeitslose unter 25 Jahren je 100 zivile Erwerbspersonen dieses Alters, im Jahresdurchschnitt.",
     "Wie viele junge Menschen sind arbeitslos gemeldet? Kleine Zahlen werden anonymisiert („*“)."),
    ("beschaeftigte-wohnort", "Sozialversicherungspflichtig Beschäftigte am Wohnort", "Personen", 0, ["arbeit"],
     "none", "summe", 372.0, 398.0, 0.08, "Statistik der Bundesagentur für Arbeit",
     "Sozialversicherungspflichtig Beschäftigte mit Wohnort in der Gemeinde, am 30. Juni.",
     "Wie viele Menschen aus der Gemeinde haben eine sozialversicherungspflichtige Stelle?"),
    ("auspendleranteil", "Anteil der Auspendler", "%", 1, ["mobilitaet", "arbeit"], "none",
     "voll", 61.0, 64.5, 0.2, "Statistik der Bundesagentur für Arbeit, Pendlerrechnung",
     "Beschäftigte, die außerhalb ihrer Wohngemeinde arbeiten, je 100 Beschäftigte am Wohnort, am 30. Juni.",
     "Wie viele Beschäftigte fahren zur Arbeit in eine andere Gemeinde?"),
    ("pkw-dichte", "Pkw je 1.000 Einwohner", "je 1.000 Einwohner", 0, ["mobilitaet"], "none",
     "voll", 553.0, 601.0, 0.08, "Kraftfahrt-Bundesamt",
     "Zugelassene Personenkraftwagen je 1.000 Einwohner, am 1. Januar des Folgejahres.",
     "Wie viele Autos gibt es je 1.000 Einwohnerinnen und Einwohner?"),
    ("kinder-sgb-ii", "Kinder unter 15 Jahren in Bedarfsgemeinschaften", "%", 1, ["armut-notlagen", "aufwachsen"],
     "false", "voll", 15.8, 11.2, 0.4, "Statistik der Bundesagentur für Arbeit",
     "Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren je 100 Kinder dieses Alters, am 31. Dezember.",
     "Wie viele Kinder wachsen in Familien auf, die Bürgergeld beziehen?"),
    ("grundsicherung-alter", "Grundsicherung im Alter je 1.000 Einwohner ab 65 Jahren",
     "je 1.000 Einwohner ab 65 Jahren", 1, ["senioren", "armut-notlagen"], "false",
     "regionen", 11.2, 15.9, 0.2, "Statistisches Landesamt des Freistaates Sachsen, Sozialhilfestatistik",
     "Empfängerinnen und Empfänger von Grundsicherung im Alter nach SGB XII je 1.000 Einwohner ab 65 Jahren.",
     "Wie viele ältere Menschen reicht die Rente nicht zum Leben?"),
    ("wohngeldhaushalte", "Wohngeldhaushalte je 1.000 Haushalte", "je 1.000 Haushalte", 1, ["wohnen", "armut-notlagen"],
     "false", "regionen", 21.4, 29.8, 0.2, "Statistisches Landesamt des Freistaates Sachsen, Wohngeldstatistik",
     "Haushalte mit Wohngeld je 1.000 private Haushalte, am 31. Dezember.",
     "Wie viele Haushalte bekommen einen Zuschuss zur Miete?"),
    ("leerstandsquote", "Leerstandsquote bei Wohnungen", "%", 1, ["wohnen"], "false",
     "zweijahre", 11.8, 10.1, 0.3, "Landkreis Mittelsachsen, Wohnungsmarktbeobachtung",
     "Leer stehende Wohnungen je 100 Wohnungen in Wohngebäuden; erhoben alle zwei Jahre.",
     "Wie viele Wohnungen stehen leer?"),
    ("wohnflaeche", "Wohnfläche je Einwohner", "Quadratmeter", 1, ["wohnen"], "none",
     "voll", 44.1, 47.9, 0.1, "Statistisches Landesamt des Freistaates Sachsen, Gebäude- und Wohnungsfortschreibung",
     "Wohnfläche in Wohn- und Nichtwohngebäuden je Einwohner, am 31. Dezember.",
     "Wie viel Wohnraum hat jede Einwohnerin und jeder Einwohner im Durchschnitt?"),
    ("hausaerzte", "Hausärztinnen und Hausärzte je 10.000 Einwohner", "je 10.000 Einwohner", 1, ["gesundheit"],
     "true", "regionen", 6.4, 5.7, 0.18, "Kassenärztliche Vereinigung Sachsen",
     "Hausärztinnen und Hausärzte (Vollzeitäquivalente) je 10.000 Einwohner, am 31. Dezember.",
     "Wie gut ist die hausärztliche Versorgung?"),
    ("ohne-abschluss", "Schulabgänger ohne Hauptschulabschluss", "%", 1, ["bildung", "aufwachsen"], "false",
     "regionen", 9.8, 10.6, 0.3, "Statistisches Landesamt des Freistaates Sachsen, Schulstatistik",
     "Abgängerinnen und Abgänger allgemeinbildender Schulen ohne Hauptschulabschluss je 100 Abgänger.",
     "Wie viele Jugendliche verlassen die Schule ohne Abschluss?"),
    ("uebergewicht-einschueler", "Übergewichtige Kinder bei der Schulaufnahme", "%", 1, ["gesundheit", "aufwachsen"],
     "false", "regionen", 10.1, 11.9, 0.2, "Gesundheitsamt Mittelsachsen, Schulaufnahmeuntersuchung",
     "Kinder mit Übergewicht oder Adipositas je 100 untersuchte Kinder bei der Schulaufnahmeuntersuchung.",
     "Wie viele Kinder sind bei der Schulaufnahme übergewichtig?"),
    ("hilfen-zur-erziehung", "Hilfen zur Erziehung je 1.000 unter 21-Jährige", "je 1.000 unter 21-Jährige", 1,
     ["aufwachsen"], "none", "regionen", 24.6, 29.3, 0.2, "Landkreis Mittelsachsen, Jugendamt",
     "Laufende und beendete Hilfen zur Erziehung nach §§ 27–35 SGB VIII je 1.000 Einwohner unter 21 Jahren.",
     "Wie oft unterstützt das Jugendamt Familien bei der Erziehung?"),
    ("auslaenderanteil", "Anteil der ausländischen Bevölkerung", "%", 1, ["integration"], "none",
     "voll", 2.4, 5.1, 0.5, "Statistisches Landesamt des Freistaates Sachsen",
     "Einwohner ohne deutsche Staatsangehörigkeit je 100 Einwohner, am 31. Dezember.",
     "Wie viele Menschen ohne deutschen Pass leben hier?"),
    ("schutzsuchende", "Schutzsuchende", "Personen", 0, ["integration"], "none",
     "summe", 4.1, 9.6, 0.6, "Statistisches Bundesamt, Schutzsuchendenstatistik",
     "Schutzsuchende mit Wohnort in der Gemeinde, am 31. Dezember.",
     "Wie viele Menschen haben hier Schutz gesucht? Kleine Zahlen bleiben geheim („.“)."),
    ("schwerbehinderte", "Anteil schwerbehinderter Menschen", "%", 1, ["inklusion"], "none",
     "zweijahre", 9.9, 11.4, 0.12, "Statistisches Landesamt des Freistaates Sachsen, Schwerbehindertenstatistik",
     "Menschen mit einem Grad der Behinderung von mindestens 50 je 100 Einwohner, am 31. Dezember; alle zwei Jahre.",
     "Wie viele Menschen haben eine anerkannte Schwerbehinderung?"),
    ("ehrenamtskarten", "Ehrenamtskarten je 1.000 Einwohner", "je 1.000 Einwohner", 1, ["miteinander"], "true",
     "regionen", 1.2, 3.9, 0.35, "Landkreis Mittelsachsen, Ehrenamtsbüro",
     "Gültige Ehrenamtskarten des Freistaates Sachsen je 1.000 Einwohner, am 31. Dezember.",
     "Wie viele Menschen tragen die Ehrenamtskarte für besonders viel freiwilliges Engagement?"),
    ("sportvereinsmitglieder", "Mitglieder in Sportvereinen je 100 Einwohner", "je 100 Einwohner", 1, ["miteinander"],
     "true", "voll", 17.2, 18.9, 0.3, "Landessportbund Sachsen, Bestandserhebung",
     "Mitglieder in Sportvereinen je 100 Einwohner, am 1. Januar.",
     "Wie viele Menschen treiben Sport im Verein?"),
    ("pflegeheimplaetze", "Pflegeheimplätze je 1.000 Einwohner ab 75 Jahren", "je 1.000 Einwohner ab 75 Jahren", 1,
     ["senioren", "gesundheit"], "none", "zweijahre", 112.0, 104.0, 0.15,
     "Statistisches Landesamt des Freistaates Sachsen, Pflegestatistik",
     "Verfügbare Plätze in Pflegeheimen je 1.000 Einwohner ab 75 Jahren, am 15. Dezember; alle zwei Jahre.",
     "Wie viele Pflegeheimplätze gibt es für ältere Menschen?"),
    ("kita-betreuungsquote-3-6", "Betreuungsquote der 3- bis 6-Jährigen", "%", 1, ["aufwachsen", "bildung"], "true",
     "gewichtet", 94.1, 95.3, 0.03, "Statistisches Landesamt des Freistaates Sachsen, Kinder- und Jugendhilfestatistik",
     "Kinder von 3 bis unter 6 Jahren in Kitas je 100 Kinder dieses Alters, am 1. März.",
     "Wie viele Kinder im Kindergartenalter gehen in eine Kita?"),
    ("einpersonenhaushalte", "Anteil der Einpersonenhaushalte", "%", 1, ["wohnen", "senioren"], "none",
     "regionen", 38.1, 41.6, 0.12, "Statistisches Landesamt des Freistaates Sachsen, Mikrozensus",
     "Haushalte mit einer Person je 100 private Haushalte, im Jahresdurchschnitt.",
     "Wie viele Menschen leben allein?"),
]


def count_for(posts: int) -> int:
    """13 indicators (like the example site) up to 1,000 posts, rising to 40 at 10,000."""
    return max(13, min(len(INDICATORS), 13 + round((posts - 1000) * 27 / 9000)))


# --- areas --------------------------------------------------------------------------------------

class Areas:
    """The area table: Landkreis, seven Sozialregionen, the Gemeinden with their years."""

    def __init__(self, text: str):
        rows = list(csv.DictReader(io.StringIO("".join(l for l in text.splitlines(True) if not l.startswith("#"))),
                                   delimiter=";"))
        self.kreis = next(r for r in rows if r["art"] == "Landkreis")
        self.regions = [r for r in rows if r["art"] == "Sozialregion"]
        self.gemeinden = sorted((r for r in rows if r["art"] in ("Stadt", "Gemeinde")), key=lambda r: r["gebiet"])
        self.by_key = {r["gebiet"]: r for r in rows}
        self.pop2021 = {}
        for g in self.gemeinden:
            p = g["einwohner_2021_12_31"]
            self.pop2021[g["gebiet"]] = int(p) if p else POPULATION_GUESS.get(g["gebiet"], 4000)
        for g in self.gemeinden:   # a Gemeinde formed later: the sum of those it replaced
            if not g["einwohner_2021_12_31"] and g["gueltig_ab"]:
                parts = [p["gebiet"] for p in self.gemeinden if p["nachfolger"] == g["gebiet"]]
                if parts:
                    self.pop2021[g["gebiet"]] = sum(self.pop2021[p] for p in parts)

    @staticmethod
    def valid(area, year: int) -> bool:
        ref = f"{year:04d}-12-31"
        return not (area["gueltig_ab"] and area["gueltig_ab"] > ref) and not (area["gueltig_bis"] and area["gueltig_bis"] < ref)

    def gemeinden_in(self, year: int, region=None):
        return [g for g in self.gemeinden if self.valid(g, year) and (region is None or g["sozialregion"] == region)]

    def current_gemeinden(self):
        """Gemeinden that exist today (no end date): service entries may only sit there."""
        return [g for g in self.gemeinden if not g["gueltig_bis"]]

    def region_numbers(self):
        return [r["sozialregion"] for r in self.regions]


# --- values -------------------------------------------------------------------------------------

def fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def cell(value, decimals, flags=(), symbol=None):
    """(wert, flag) of one row: a value with flags, or a symbol instead of the value."""
    parts = ["|"] if "|" in flags else []
    wert = ""
    if symbol is not None:
        parts.append(symbol)
    else:
        rounded = round(value, decimals)
        if rounded == 0:
            parts.append("0")              # less than half a unit: never a 0 in `wert`
        else:
            wert = fmt(rounded, decimals)
    parts += [f for f in ("()", "p", "r", "s") if f in flags and symbol is None]
    return wert, " ".join(parts)


class Dataset:
    """One indicator: front matter fields, the rows, and what charts may ask of it."""

    def __init__(self, spec):
        (self.slug, self.title, self.unit, self.decimals, self.hf, self.better, self.shape, self.v0, self.v1,
         self.spread, self.source, self.definition, self.text) = spec
        self.rows = {}          # area key -> {year: (wert, flag)}
        self.numeric = {}       # area key -> set of years with a number (for charts)

    def put(self, key, year, value, flags=(), symbol=None):
        wert, flag = cell(value, self.decimals, flags, symbol)
        self.rows.setdefault(key, {})[year] = (wert, flag)
        if wert:
            self.numeric.setdefault(key, set()).add(year)

    @property
    def years(self):
        return sorted({y for r in self.rows.values() for y in r})

    def levels(self):
        keys = set(self.rows)
        return {"kreis": "14522" in keys or self.shape in ("summe", "gewichtet"),
                "regionen": any(k.startswith("sozialregion-") for k in keys) or self.shape in ("summe", "gewichtet"),
                "gemeinden": any(k.isdigit() and len(k) == 8 for k in keys)}

    def front_matter(self):
        region, kreis = {"summe": ("summe", "summe"), "gewichtet": ("mittelwert_gewichtet", "mittelwert_gewichtet")
                         }.get(self.shape, ("daten", "daten"))
        fm = ["---", f"title: {yq(self.title)}", f"unit: {yq(self.unit)}", f"decimals: {self.decimals}",
              f"definition: {yq(self.definition)}", f"source: {yq(self.source + '; erfundene Werte')}",
              f"licence: {yq(LICENCE)}", f"datenstand: {DATENSTAND}",
              "handlungsfelder: [" + ", ".join(self.hf) + "]", f"higher_is_better: {self.better}",
              f"region_values: {region}", f"kreis_values: {kreis}"]
        if self.shape == "gewichtet":
            fm.append("gewicht: bevoelkerung")
        zeit = {"wahl": "Wahltag", "zweijahre": "15. Dezember, alle zwei Jahre"}.get(self.shape, "31. Dezember")
        fm += [f"zeitbezug: {yq(zeit)}", f"gebietsstand: {yq(GEBIETSSTAND)}", "example: true", "---", ""]
        return "\n".join(fm)

    def markdown(self):
        more = {
            "summe": "Die Werte der Sozialregionen und des Landkreises sind die Summe ihrer Gemeinden; ist ein "
                     "Gemeindewert geheim, bleibt auch die Summe geheim.",
            "gewichtet": "Die Werte der Sozialregionen und des Landkreises sind Mittelwerte der Gemeinden, "
                         "gewichtet mit ihrer Einwohnerzahl.",
            "regionen": "Aus Datenschutzgründen gibt es die Zahl nur für die Sozialregionen und den Landkreis.",
            "zweijahre": "Die Statistik erscheint nur alle zwei Jahre.",
            "wahl": "Der Kreistag wird alle fünf Jahre gewählt.",
        }.get(self.shape, "Werte der Gemeinden mit wenigen Fällen sind anonymisiert („*“).")
        return self.front_matter() + "\n" + self.text + " " + more + "\n\n" + NOTE + "\n"

    def csv(self, areas: Areas):
        def order(key):
            if key == areas.kreis["gebiet"]:
                return (0, 0, key)
            if key.startswith("sozialregion-"):
                return (1, int(key.split("-")[1]), key)
            return (2, 0, key)
        out = ["gebiet;jahr;wert;flag"]
        for key in sorted(self.rows, key=order):
            for year in sorted(self.rows[key]):
                wert, flag = self.rows[key][year]
                out.append(f"{key};{year};{wert};{flag}")
        return "\n".join(out) + "\n"


def yq(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def population(areas: Areas, key: str, year: int, growth: dict) -> float:
    p = areas.pop2021[key] * (1 + growth[key]) ** (year - 2021)
    return p * (0.988 if year >= 2022 else 1.0)        # Zensus 2022


def build_datasets(areas: Areas, rng, count: int):
    """The first `count` indicators with their values; `rng` is the data's own random generator."""
    growth = {g["gebiet"]: -0.007 + 0.006 * rng.random() for g in areas.gemeinden}
    gem_factor_seed = rng.random()
    datasets = []
    for spec in INDICATORS[:count]:
        d = Dataset(spec)
        r = rng
        factors = {g["gebiet"]: 1 + d.spread * (2 * r.random() - 1) for g in areas.gemeinden}
        jitter = {(g["gebiet"], y): 0.03 * (2 * r.random() - 1) for g in areas.gemeinden for y in YEARS}
        flag_p = r.random() < 0.6          # newest year provisional
        flag_r = r.random() < 0.4          # 2021 revised
        break_year = {"bevoelkerung": 2022, "pflegebeduerftige": 2017}.get(d.slug, 2019 if r.random() < 0.2 else None)
        not_yet = d.shape == "regionen" and r.random() < 0.4

        def curve(year):
            return d.v0 + (d.v1 - d.v0) * (year - 2014) / 9 + (d.v1 - d.v0) * 0.08 * math.sin(year * 1.7 + gem_factor_seed)

        def flags(year):
            f = []
            if break_year == year:
                f.append("|")
            if flag_p and year == 2023:
                f.append("p")
            if flag_r and year == 2021:
                f.append("r")
            return tuple(f)

        years = {"zweijahre": [y for y in YEARS if y % 2 == 1], "wahl": [2014, 2019]}.get(d.shape, YEARS)
        for year in years:
            members = areas.gemeinden_in(year)
            pop = {g["gebiet"]: population(areas, g["gebiet"], year, growth) for g in members}
            if d.shape == "bevoelkerung":
                total = 0
                for n in areas.region_numbers():
                    s = sum(round(pop[g["gebiet"]]) for g in members if g["sozialregion"] == n)
                    d.put(f"sozialregion-{n}", year, s, flags(year))
                    total += s
                d.put(areas.kreis["gebiet"], year, total, flags(year))
                for g in members:
                    d.put(g["gebiet"], year, round(pop[g["gebiet"]]), flags(year))
                continue
            gem = {k: curve(year) * factors[k] * (1 + jitter[(k, year)]) for k in pop}
            if d.shape == "summe":
                for g in members:
                    k = g["gebiet"]
                    n = gem[k] * pop[k] / 1000
                    if n < 5:           # small numbers stay secret; so do the sums over them
                        d.put(k, year, 0, symbol=".")
                    else:
                        d.put(k, year, round(n), flags(year))
                continue
            if d.shape == "gewichtet":
                for g in members:
                    d.put(g["gebiet"], year, gem[g["gebiet"]], flags(year))
                continue
            # published values: the Landkreis on the curve, Sozialregionen near their weighted mean
            weight = sum(pop.values())
            mean = sum(gem[k] * pop[k] for k in pop) / weight
            scale = curve(year) / mean
            last = year == years[-1]
            d.put(areas.kreis["gebiet"], year, curve(year), flags(year),
                  symbol="…" if not_yet and last else None)
            for n in areas.region_numbers():
                ks = [g["gebiet"] for g in members if g["sozialregion"] == n]
                v = sum(gem[k] * pop[k] for k in ks) / sum(pop[k] for k in ks) * scale
                v *= 1 + 0.01 * (2 * r.random() - 1)
                symbol = "…" if not_yet and last else ("/" if r.random() < 0.01 else None)
                extra = ("s",) if r.random() < 0.01 else ()
                d.put(f"sozialregion-{n}", year, v, flags(year) + extra, symbol=symbol)
            if d.shape in ("regionen", "zweijahre"):
                continue
            for g in members:
                k = g["gebiet"]
                small = pop[k] < 2500
                if small and d.shape == "voll" and r.random() < 0.25:
                    d.put(k, year, 0, flags(year), symbol="*")
                else:
                    extra = ("()",) if small and r.random() < 0.05 else ()
                    d.put(k, year, gem[k] * scale, flags(year) + extra)
        datasets.append(d)
    return datasets


# --- chart blocks in posts -----------------------------------------------------------------------

def chart_block(d: Dataset, areas: Areas, rng) -> str:
    """A ```diagramm block that the build accepts without errors or warnings."""
    r = rng
    years = d.years
    levels = d.levels()
    regions = [f"sozialregion-{n}" for n in areas.region_numbers()]
    # Gemeinden that exist in every year of the data (no merger in between), for time series
    steady = [g["gebiet"] for g in areas.gemeinden if all(Areas.valid(g, y) for y in years)]

    def has_value(key, rng_years):
        return any(y in d.numeric.get(key, ()) for y in rng_years)

    def span():
        if len(years) <= 2 or r.random() < 0.3:
            return None, years
        a = r.randrange(0, len(years) - 2)
        b = r.randrange(a + 2, len(years))
        return f"{years[a]}-{years[b]}", years[a:b + 1]

    kinds = ["linie"] * 9 + ["saeulen"] * 3 + ["gruppiert"] * 3 + ["balken"] * 3
    if levels["regionen"]:
        kinds += ["karte"] * 2
    kind = r.choice(kinds)
    lines = ["```diagramm", f"indikator: {d.slug}"]
    if kind in ("linie", "saeulen", "gruppiert"):
        jahre, in_range = span()
        if kind == "gruppiert":
            start = max(0, len(years) - r.randint(3, 5))
            in_range = years[start:]
            jahre = f"{in_range[0]}-{in_range[-1]}" if len(in_range) > 1 else str(in_range[0])
        pool = (["kreis"] if levels["kreis"] else []) + (regions if levels["regionen"] else []) \
            + (steady if levels["gemeinden"] else [])
        want = 1 if kind == "saeulen" else (r.randint(2, 3) if kind == "gruppiert" else r.randint(1, 4))
        chosen = []
        for _ in range(20):
            if len(chosen) >= want:
                break
            a = r.choice(pool)
            key = "14522" if a == "kreis" else a
            if a not in chosen and (d.shape in ("summe", "gewichtet") and not key.isdigit() or has_value(key, in_range)):
                chosen.append(a)
        if not chosen:
            chosen = ["kreis"]
        lines.append("gebiete: [" + ", ".join(chosen) + "]")
        lines.append(f"art: {kind}")
        if jahre:
            lines.append(f"jahre: {jahre}")
        if kind != "saeulen" and len(chosen) > 1 and r.random() < 0.3:
            lines.append(f"hervorheben: {chosen[-1]}")
    elif kind == "balken":
        year = r.choice(years)
        lines += [f"art: {r.choice(['balken', 'rangfolge'])}", f"jahre: {year}"]
        if levels["gemeinden"]:
            candidates = [k for k in d.numeric if k.isdigit() and len(k) == 8 and year in d.numeric[k]]
        else:
            candidates = [k for k in regions if year in d.numeric.get(k, ())] if d.shape not in ("summe", "gewichtet") else []
        if candidates and r.random() < 0.7:
            lines.append(f"hervorheben: {r.choice(sorted(candidates))}")
    else:
        year = r.choice(years)
        lines += ["art: karte", f"jahre: {year}"]
        if r.random() < 0.6:
            lines.append(f"hervorheben: {r.choice(regions)}")
    if r.random() < 0.25:
        lines.append(f"titel: {yq(r.choice(TITLES).format(t=d.title))}")
    lines.append("```")
    return "\n".join(lines)


TITLES = ["{t}: Unterschiede zwischen den Regionen", "So hat sich der Wert entwickelt: {t}",
          "{t} im Vergleich", "Der Norden liegt über dem Kreiswert", "Stadt und Land im Vergleich"]
