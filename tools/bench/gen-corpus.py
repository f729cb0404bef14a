#!/usr/bin/env python3
"""gen-corpus.py — a deterministic benchmark site for `sozialsite build`.

    gen-corpus.py --posts 1000 [--seed 20240611] [--themes DIR] [--force] OUT_DIR

Writes a complete site folder in the project's content format (see the brief / docs):
  site-config.json
  content/beitraege/YYYY/MM/<slug>.md      N posts of German Markdown
  content/handlungsfelder/<slug>.md        the eleven Handlungsfelder
  content/seiten/<slug>.md                 impressum, datenschutz, barrierefreiheit,
                                           ueber-das-projekt, leichte-sprache
  content/static/bilder/*.svg              a few accessible charts the posts show
  content/angebote/_verzeichnis.md, <slug>.md   N/10 service entries (corpus_angebote.py)
  content/daten/gebiete.csv                the project's area table, copied
  content/daten/indikatoren/<name>.md/.csv 13 indicators up to 1,000 posts, 40 at 10,000
                                           (corpus_daten.py)
  themes/                                  copied from --themes (default: the repo's themes/)
Posts: 300–2,000 words (triangular, mode 550); `##`/`###` headings, paragraphs with
emphasis and "straight quotes", bullet/ordered/nested/task lists, GFM tables, blockquotes,
footnotes, images, links to other generated posts (`/YYYY/MM/slug/`, some with
`#heading-id`), to Handlungsfelder, tag pages, the pages and a few public web sites; tags
from a 131-word vocabulary (Zipf-weighted), 1–2 Handlungsfelder, summary, date 2014–2025 in
the three accepted forms, sometimes updated, author, image, slug, aliases, id; ~2.5 % drafts
(nothing links to a draft); 12 % name service entries (`angebote:`), 6 % hold ```diagramm
blocks, 5 % link a service entry or an indicator page. Service entries, indicators and these
additions draw from random generators of their own, so the rest of each post is the same as
without them. Same seed and N → byte-identical files (only the random
generator seeded here decides; no clock, no network, no set order).
Prints the counts and a sha256 over all generated files (themes excluded).
"""
import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_angebote  # noqa: E402  (service entries)
import corpus_daten     # noqa: E402  (areas, indicator datasets, chart blocks)

# --- vocabulary ---------------------------------------------------------------------------------

HANDLUNGSFELDER = [  # slug, display title, plain label, summary, examples
    ("arbeit", "attraktive ARBEIT", "Attraktive Arbeit",
     "Gute Arbeit, Berufsorientierung und Fachkräfte für Mittelsachsen.",
     ["Berufsorientierung", "Wirtschafts- und Arbeitsförderung", "Fachkräftesicherung"]),
    ("inklusion", "INKLUSION leben", "Inklusion leben",
     "Teilhabe für alle Menschen, mit und ohne Behinderung.",
     ["Teilhabeleistungen", "Abbau von Barrieren", "Leichte Sprache"]),
    ("integration", "INTEGRATION gestalten", "Integration gestalten",
     "Ankommen, Sprache lernen und mitmachen im Landkreis.",
     ["Sprachkurse", "Begleitung im Alltag", "Zugang zu Arbeit"]),
    ("bildung", "lebenslange BILDUNG", "Lebenslange Bildung",
     "Von der Kita bis zur Erwachsenenbildung: Lernen ein Leben lang.",
     ["Kita", "Schule", "Ausbildung", "Erwachsenenbildung"]),
    ("gesundheit", "GESUNDHEIT rundum", "Gesundheit rundum",
     "Vorsorge, Beratung und Hilfe für Körper und Seele.",
     ["Reihenuntersuchungen", "Beratung", "sozialpsychiatrischer Dienst"]),
    ("aufwachsen", "AUFWACHSEN unterstützen", "Aufwachsen unterstützen",
     "Gute Bedingungen für Kinder, Jugendliche und ihre Familien.",
     ["Babybegrüßung", "Hilfen zur Erziehung", "Kinderschutz", "Jugendarbeit"]),
    ("mobilitaet", "MOBILITÄT vernetzt", "Mobilität vernetzt",
     "Unterwegs in Stadt und Land: Bus, Bahn und mehr.",
     ["ÖPNV", "Schülerbeförderung", "Rufbus"]),
    ("senioren", "SENIOREN schätzen", "Senioren schätzen",
     "Gut älter werden in Mittelsachsen.",
     ["Beratung", "Pflegenetz", "Ehrenamt im Alter"]),
    ("wohnen", "WOHNEN in Mittelsachsen", "Wohnen in Mittelsachsen",
     "Bezahlbar, sicher und barrierearm wohnen.",
     ["Kosten der Unterkunft", "Frauenschutzhaus", "Wohngeld"]),
    ("miteinander", "MITEINANDER wachsen", "Miteinander wachsen",
     "Ehrenamt, Demokratie, Sport und Kultur verbinden Menschen.",
     ["Ehrenamt", "Demokratie", "Sport", "Kultur"]),
    ("armut-notlagen", "ARMUT & NOTLAGEN", "Armut und Notlagen",
     "Hilfe in schwierigen Lebenslagen und Mindestsicherung.",
     ["Mindestsicherung", "SGB II", "SGB XII", "AsylbLG"]),
]

TAGS = """Ehrenamt; Pflege; Kita; Schule; Ausbildung; Jugendhilfe; Familie; Senioren; Demografie; Armut;
Grundsicherung; Bürgergeld; Wohngeld; Mieten; ÖPNV; Rufbus; Radverkehr; Inklusion; Barrierefreiheit;
Migration; Sprachkurs; Integration; Gesundheitsamt; Prävention; Suchtberatung; Psychiatrie; Hausärzte;
Pflegeheim; Nachbarschaft; Sport; Kultur; Demokratie; Beteiligung; Kreistag; Sozialbericht; Sozialplanung;
Statistik; Hochschule Mittweida; Freiberg; Döbeln; Mittweida; Hainichen; Flöha; Burgstädt; Frankenberg;
Rochlitz; Leisnig; Roßwein; Oederan; Brand-Erbisdorf; Penig; Waldheim; Hartha; Geringswalde; Sayda;
Frauenstein; Augustusburg; Lunzenau; Großschirma; Halsbrücke; Kinderschutz; Babybegrüßung; Frühe Hilfen;
Schuleingangsuntersuchung; Übergewicht; Sprachförderung; Erwachsenenbildung; Volkshochschule;
Berufsorientierung; Fachkräfte; Arbeitsmarkt; Arbeitslosigkeit; Jobcenter; Langzeitarbeitslosigkeit;
Teilhabe; Behinderung; Leichte Sprache; Gebärdensprache; Wohnungslosigkeit; Frauenschutzhaus;
Schuldnerberatung; Tafel; Kinderarmut; Altersarmut; Pflegenetz; Demenz; Pflegende Angehörige;
Einsamkeit; Mehrgenerationenhaus; Jugendclub; Streetwork; Schulsozialarbeit; Ganztag; Hort;
Kindertagespflege; Elterngeld; Alleinerziehende; Unterhaltsvorschuss; Asyl; Ukraine; Willkommenskultur;
Dolmetschen; Ehrenamtskarte; Freiwilligendienst; Vereine; Feuerwehr; Sportverein; Bibliothek; Museum;
Dorfladen; Ländlicher Raum; Digitalisierung; Onlinezugang; Datenschutz; Dashboard; Kennzahlen;
Bevölkerungsprognose; Geburten; Zuzug; Wegzug; Pendeln; Schülerbeförderung; Barrierefreie Haltestellen;
Medizinische Versorgung; Hebammen; Impfen; Psychische Gesundheit; Krisendienst; Suizidprävention;
Gewaltschutz; Kinderrechte; Jugendbeteiligung; Seniorenbeirat; Behindertenbeirat; Inklusionsbeirat;
Sozialregion; Gemeindeporträt; Interview; Veranstaltung""".replace("\n", " ")

PLACES = ["Freiberg", "Döbeln", "Mittweida", "Hainichen", "Flöha", "Burgstädt", "Frankenberg/Sa.",
          "Rochlitz", "Leisnig", "Roßwein", "Oederan", "Brand-Erbisdorf", "Penig", "Waldheim", "Hartha",
          "Geringswalde", "Sayda", "Frauenstein", "Augustusburg", "Lunzenau", "Großschirma", "Halsbrücke",
          "Lichtenau", "Niederwiesa", "Striegistal", "Ostrau", "Jahnatal", "Königsfeld", "Kriebstein",
          "Mulda/Sa.", "Eppendorf", "Claußnitz", "Taura", "Wechselburg", "Zettlitz", "Seelitz"]
REGIONS = ["Freiberg", "Südost (Sayda)", "Süd (Flöha)", "Südwest (Burgstädt)", "West (Mittweida)",
           "Nord (Döbeln)", "Nordost (Hainichen)"]
GROUPS = ["Familien mit kleinen Kindern", "Alleinerziehende", "ältere Menschen", "pflegende Angehörige",
          "Jugendliche", "Schülerinnen und Schüler", "Zugewanderte", "Menschen mit Behinderung",
          "Langzeitarbeitslose", "Studierende der Hochschule Mittweida", "Ehrenamtliche", "Berufstätige",
          "Seniorinnen und Senioren", "junge Erwachsene", "Geflüchtete aus der Ukraine"]
PLACES_OF_HELP = ["die Beratungsstelle", "das Mehrgenerationenhaus", "der Jugendclub", "die Tafel",
                  "das Familienzentrum", "die Suchtberatung", "der Pflegestützpunkt", "die Volkshochschule",
                  "das Jobcenter", "der Seniorentreff", "die Schuldnerberatung", "das Frauenschutzhaus",
                  "die Schulsozialarbeit", "der Sportverein", "die Stadtbibliothek"]
INDICATORS = [("Arbeitslosenquote", "%"), ("SGB-II-Quote", "%"), ("Mindestsicherungsquote", "%"),
              ("Kita-Betreuungsquote", "%"), ("Wahlbeteiligung", "%"), ("Durchschnittsalter", "Jahre"),
              ("Anteil ab 65 Jahren", "%"), ("Anteil unter 18 Jahren", "%"), ("Pflegebedürftige", "je 1.000"),
              ("Beschäftigungsquote", "%"), ("Altenquotient", "je 100"), ("Jugendquotient", "je 100")]
PEOPLE = ["Anja Lehmann", "Thomas Richter", "Katrin Schubert", "Mehmet Yılmaz", "Sophie Krause",
          "Jens Hoffmann", "Olena Kovalenko", "Peter Neumann", "Franziska Wolf", "Lukas Fischer",
          "Marie Zimmermann", "Sebastian Günther", "Dr. Ute Bergmann", "Prof. Dr. Heike Wagner"]
AUTHORS = ["Redaktion", "Anna Müller", "Jonas Weber", "Lea Schmidt", "Paul Becker", "Mia Schulz",
           "Felix Hartmann", "Emma König", "Integrierte Sozialplanung", "Hochschule Mittweida"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
QUOTES = ["Wir wollen, dass niemand mit seinen Sorgen allein bleibt",
          "Die Zahlen zeigen, wo wir genauer hinschauen müssen",
          "Ohne das Ehrenamt wäre vieles im ländlichen Raum nicht möglich",
          "Gute Angebote nützen nur, wenn die Menschen sie auch erreichen",
          "Jede Familie soll wissen, an wen sie sich wenden kann",
          "Teilhabe beginnt bei einer verständlichen Sprache",
          "Wir lernen viel von den Menschen vor Ort"]
EXTERNAL = [("Statistischen Landesamt Sachsen", "https://www.statistik.sachsen.de/"),
            ("Landkreis Mittelsachsen", "https://www.landkreis-mittelsachsen.de/"),
            ("Hochschule Mittweida", "https://www.hs-mittweida.de/"),
            ("Bundesagentur für Arbeit", "https://statistik.arbeitsagentur.de/"),
            ("Familienwegweiser", "https://www.familienwegweiser.de/")]
TITLE_TOPICS = ["Ehrenamt", "Pflege", "Kinderbetreuung", "Schulsozialarbeit", "Wohnungslosigkeit",
                "Altersarmut", "Sprachförderung", "Mobilität", "Einsamkeit im Alter", "Jugendbeteiligung",
                "Suchtprävention", "Frühe Hilfen", "Fachkräftesicherung", "Barrierefreiheit", "Demokratiebildung",
                "Integration", "Kinderarmut", "Grundsicherung", "Familienbildung", "Gesundheitsförderung",
                "Nachbarschaftshilfe", "Schuldnerberatung", "Berufsorientierung", "Inklusion im Sport"]
TITLE_PATTERNS = [
    "{topic} in {place}: {claim}",
    "Sozialbericht {year}: {topic} im Blick",
    "Neues Angebot in {place}: {help} öffnet",
    "Wie {group} in {place} Unterstützung finden",
    "„{quote}“ – {person} über {topic}",
    "Interview: {person} über {topic} in {place}",
    "Zahlen des Monats: {indicator} im {month} {year}",
    "{topic}: Was sich {year} für {group} ändert",
    "{count} Jahre {help_plain} in {place}",
    "Sozialregion {region}: {topic} und {topic2}",
    "Fünf Fragen zu {topic}",
    "{topic} & {topic2} – ein Besuch in {place}",
]
CLAIMS = ["mehr Anfragen als je zuvor", "ein Jahr Erfahrung", "was wirklich hilft",
          "neue Wege auf dem Land", "Zahlen und Hintergründe", "gemeinsam stark",
          "erste Ergebnisse", "ein Zwischenstand", "Chancen und Grenzen"]
HEADINGS = ["Ausgangslage", "Was die Zahlen zeigen", "Stimmen aus {place}", "Wer hilft weiter?",
            "Angebote in der Sozialregion {region}", "Was sich ändert", "Hintergrund: {indicator}",
            "So geht es weiter", "Beratung und Kontakt", "Blick in die Gemeinden", "Erfahrungen vor Ort",
            "Was Familien wissen sollten", "Finanzierung", "Ehrenamt macht den Unterschied",
            "Die wichtigsten Ergebnisse", "Methodik", "Fazit", "Termine", "Häufige Fragen",
            "Zahlen für {place}", "Rückblick {year}", "Ausblick auf {year2}"]
SENTENCES = [
    "Im Jahr {year} lebten in {place} rund {n} Menschen, {pct} von ihnen waren 65 Jahre oder älter.",
    "Besonders {group} fragen seit {year} häufiger bei {help_dat} in {place} nach.",
    "Die Integrierte Sozialplanung hat die Daten gemeinsam mit der Hochschule Mittweida ausgewertet.",
    "Besonders {group} profitieren von kurzen Wegen und verlässlichen Ansprechpersonen.",
    "Der Kreistag hat im {month} {year} beschlossen, das Angebot um weitere {k} Jahre fortzuführen.",
    "Nach Angaben des Statistischen Landesamts lag der Indikator {indicator} zuletzt bei {pct}.",
    "\"{quote}\", sagt {person}, die seit {k} Jahren in {place} arbeitet.",
    "„{quote}“, betont {person}.",
    "Die Sozialregion {region} ist dabei kein Einzelfall: Ähnliche Entwicklungen zeigen sich im ganzen Landkreis.",
    "Wer Fragen hat, kann sich telefonisch oder per E-Mail melden; die Beratung ist *kostenfrei* und vertraulich.",
    "Zwischen {year} und {year2} hat sich die Zahl der Plätze um {pct} erhöht.",
    "Auf dem Land sind die Wege weit, und der Bus fährt oft nur zweimal am Tag.",
    "Das ist eine **gute Nachricht** für {group}, aber längst nicht das Ende der Arbeit.",
    "Viele Angebote leben vom Ehrenamt: In {place} engagieren sich mehr als {k}0 Freiwillige.",
    "Die Ergebnisse fließen in den nächsten Sozialbericht ein, der {year2} erscheinen soll.",
    "Im Vergleich zu {year} ist der Wert für {indicator} leicht gesunken, liegt aber über dem sächsischen Durchschnitt.",
    "Manche Gemeinden haben weniger als {k}.000 Einwohnerinnen und Einwohner; dort zählt jede Initiative.",
    "Für {group} gibt es seit {month} {year} eine eigene Sprechstunde in {place}.",
    "Die Fachleute empfehlen, früh Kontakt aufzunehmen – am besten, bevor aus einer Sorge eine Notlage wird.",
    "Die Daten stammen aus amtlichen Statistiken; kleine Werte werden aus Gründen des Datenschutzes nicht veröffentlicht.",
    "{Help} arbeitet dabei eng mit Schulen, Vereinen und den Kirchgemeinden zusammen.",
    "Ein Blick auf die Karte zeigt: Die Unterschiede zwischen Stadt und Land sind groß.",
    "Der Landkreis Mittelsachsen umfasst rund 2.117 Quadratkilometer und mehr als 50 Städte und Gemeinden.",
    "Gerade im Winter steigt der Bedarf, weil Heiz- und Stromkosten viele Haushalte belasten.",
    "Für das Projekt stehen bis {year2} insgesamt {n} Euro aus Landes- und Kreismitteln bereit.",
    "Eine Anmeldung ist nicht nötig; Dolmetscherinnen und Dolmetscher können vermittelt werden.",
    "So entstehen Orte, an denen sich {group} begegnen und gegenseitig helfen.",
    "Die Mitarbeitenden berichten von ~~wenigen~~ immer mehr Menschen, die zum ersten Mal Hilfe suchen.",
]
LIST_ITEMS = ["Beratung zu {topic}", "Sprechzeiten dienstags von 9 bis 12 Uhr in {place}",
              "Anmeldung telefonisch unter 03731 799-{k}{k}{k}", "Unterstützung beim Ausfüllen von Anträgen",
              "offene Treffs für {group}", "Hausbesuche nach Absprache", "Informationen in Leichter Sprache",
              "Vermittlung an {help_plain}", "Angebote in {place} und Umgebung", "Fahrdienst für {group}",
              "kostenfreie Kurse an der Volkshochschule", "Hilfe bei Fragen zu {topic}"]
FOOTNOTES = ["Quelle: Statistisches Landesamt des Freistaates Sachsen, Datenstand 31.12.{year}.",
             "Eigene Berechnung der Integrierten Sozialplanung auf Grundlage amtlicher Daten.",
             "Quelle: Statistik der Bundesagentur für Arbeit, Jahresdurchschnitt {year}.",
             "Die Werte für {place} sind wegen kleiner Fallzahlen gerundet.",
             "Vgl. {n_report}. Sozialbericht des Landkreises Mittelsachsen."]
IMAGES = [  # file, title, kind
    ("bevoelkerung-2014-2024.svg", "Bevölkerung im Landkreis Mittelsachsen 2014 bis 2024", "bars"),
    ("arbeitslosenquote.svg", "Arbeitslosenquote in Mittelsachsen nach Jahren", "line"),
    ("kita-betreuung.svg", "Kita-Betreuungsquote nach Sozialregion", "bars"),
    ("altersstruktur.svg", "Altersstruktur der Bevölkerung 2024", "bars"),
    ("sgb2-quote.svg", "SGB-II-Quote nach Sozialregion", "bars"),
    ("pflegebeduerftige.svg", "Pflegebedürftige je 1.000 Einwohner", "line"),
    ("wahlbeteiligung.svg", "Wahlbeteiligung bei Kreistagswahlen", "line"),
    ("ehrenamt-umfrage.svg", "Umfrage: Engagement im Ehrenamt nach Altersgruppen", "bars"),
]

# --- helpers ------------------------------------------------------------------------------------

TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "ss",
            "&": " und "}
for chars, repl in [("àáâãåą", "a"), ("ÀÁÂÃÅĄ", "A"), ("çćč", "c"), ("ÇĆČ", "C"), ("èéêëęě", "e"),
                    ("ÈÉÊËĘĚ", "E"), ("ìíîï", "i"), ("ÌÍÎÏ", "I"), ("ñńň", "n"), ("ÑŃŇ", "N"),
                    ("òóôõø", "o"), ("ÒÓÔÕØ", "O"), ("ł", "l"), ("Ł", "L"), ("ř", "r"), ("Ř", "R"),
                    ("śšş", "s"), ("ŚŠŞ", "S"), ("ùúûů", "u"), ("ÙÚÛŮ", "U"), ("ýÿ", "y"), ("Ý", "Y"),
                    ("źżž", "z"), ("ŹŻŽ", "Z")]:
    for ch in chars:
        TRANSLIT[ch] = repl
TRANSLIT.update({"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})


def slug(text: str) -> str:
    """Same rule as Support's Slug.make: transliterate, lower-case, runs of other characters → '-'."""
    out, dash = [], False
    for ch in text:
        rep = ch if ch.isascii() else TRANSLIT.get(ch, " ")
        for c in rep:
            c = c.lower()
            if ("a" <= c <= "z") or ("0" <= c <= "9"):
                if dash and out:
                    out.append("-")
                dash = False
                out.append(c)
            else:
                dash = True
    return "".join(out)


def yq(s: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def de_num(x: float, decimals: int = 0) -> str:
    s = f"{x:,.{decimals}f}"
    return s.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def berlin_offset(d: dt.date) -> str:
    """+02:00 in summer time (last Sunday of March to last Sunday of October), for 7–19 h local."""
    def last_sunday(month):
        last = dt.date(d.year, month, 31)
        return last - dt.timedelta(days=(last.weekday() + 1) % 7)
    return "+02:00" if last_sunday(3) <= d < last_sunday(10) else "+01:00"


class Gen:
    def __init__(self, seed: int, n_posts: int):
        self.r = random.Random(seed)
        self.n = n_posts
        tags, seen = [], set()
        for t in (x.strip() for x in TAGS.split(";")):
            if t and slug(t) not in seen:
                seen.add(slug(t))
                tags.append(t)
        self.tags = tags
        self.r.shuffle(self.tags)              # which tags are frequent is part of the seed
        self.tag_cum = []
        acc = 0.0
        for i in range(len(self.tags)):
            acc += 1.0 / (i + 1) ** 1.07       # Zipf
            self.tag_cum.append(acc)
        self.hf_cum = []
        acc = 0.0
        for i in range(len(HANDLUNGSFELDER)):
            acc += 1.0 / (i + 1) ** 0.5
            self.hf_cum.append(acc)
        self.hf_order = [h[0] for h in HANDLUNGSFELDER]
        self.r.shuffle(self.hf_order)

    # ---- small pieces
    def pick(self, xs):
        return xs[self.r.randrange(len(xs))]

    def fill(self, template: str, **extra) -> str:
        r = self.r
        year = r.randint(2014, 2025)
        help_ = self.pick(PLACES_OF_HELP)
        vals = dict(place=self.pick(PLACES), region=self.pick(REGIONS), group=self.pick(GROUPS),
                    Help=help_[0].upper() + help_[1:], help=help_, help_plain=help_.split(" ", 1)[1],
                    help_dat={"die": "der", "das": "dem", "der": "dem"}[help_.split(" ", 1)[0]]
                    + " " + help_.split(" ", 1)[1],
                    indicator=self.pick(INDICATORS)[0], person=self.pick(PEOPLE), quote=self.pick(QUOTES),
                    topic=self.pick(TITLE_TOPICS), topic2=self.pick(TITLE_TOPICS), month=self.pick(MONTHS),
                    year=year, year2=min(2030, year + r.randint(1, 5)), k=r.randint(2, 9),
                    n=de_num(r.randint(1200, 98000)), pct=de_num(r.uniform(1, 40), 1) + " %",
                    claim=self.pick(CLAIMS), count=r.choice([5, 10, 15, 20, 25, 30]),
                    n_report=r.randint(1, 3))
        vals.update(extra)
        return template.format(**vals)

    def tags_for_post(self):
        k = min(6, max(1, round(self.r.triangular(1, 6, 2))))
        out = []
        while len(out) < k:
            t = self.r.choices(self.tags, cum_weights=self.tag_cum)[0]
            if t not in out:
                out.append(t)
        return out

    def hf_for_post(self):
        k = 1 if self.r.random() < 0.6 else 2
        out = []
        while len(out) < k:
            h = self.r.choices(self.hf_order, cum_weights=self.hf_cum)[0]
            if h not in out:
                out.append(h)
        return out

    # ---- the posts' metadata (all first, so that bodies can link to any published post)
    def plan_posts(self):
        r = self.r
        start, days = dt.date(2014, 1, 1), (dt.date(2025, 12, 31) - dt.date(2014, 1, 1)).days
        posts, urls = [], set()
        for i in range(self.n):
            d = start + dt.timedelta(days=r.randrange(days + 1))
            title = self.fill(self.pick(TITLE_PATTERNS))
            base = slug(title)
            explicit = r.random() < 0.15
            s = "-".join(base.split("-")[:4]) if explicit else base
            part = 1
            while (d.year, d.month, s) in urls:
                part += 1
                explicit = True
                s = f"{'-'.join(base.split('-')[:4])}-{part}"
            urls.add((d.year, d.month, s))
            hour, minute = r.randint(7, 19), r.choice([0, 0, 15, 30, 45])
            form = r.random()
            if form < 0.4:
                date_str = d.isoformat()
            elif form < 0.7:
                date_str = f"{d.isoformat()} {hour:02d}:{minute:02d}"
            else:
                date_str = f"{d.isoformat()}T{hour:02d}:{minute:02d}:00{berlin_offset(d)}"
            headings, seen = [], set()
            for _ in range(r.randint(2, 6)):
                h = self.fill(self.pick(HEADINGS))
                if slug(h) not in seen:       # unique ids without -2 suffixes: anchors stay simple
                    seen.add(slug(h))
                    headings.append(h)
            posts.append(dict(i=i, date=d, date_str=date_str, title=title, slug=s, explicit_slug=explicit,
                              url=f"/{d.year}/{d.month:02d}/{s}/", draft=False,
                              tags=self.tags_for_post(), hf=self.hf_for_post(), headings=headings))
        for i in r.sample(range(self.n), round(self.n * 0.025)):
            posts[i]["draft"] = True
        # aliases: old WordPress addresses of a few posts; never equal to a live address
        taken = {p["url"] for p in posts}
        for p in posts:
            if r.random() < 0.03:
                old = f"/{p['date'].year}/{p['date'].month:02d}/{'-'.join(p['slug'].split('-')[:2])}-alt/"
                if old not in taken:
                    taken.add(old)
                    p["aliases"] = [old]
        posts.sort(key=lambda p: (p["date"], p["i"]))
        return posts

    # ---- Markdown bodies
    def paragraph(self, ctx, sentences=None) -> str:
        n = sentences or self.r.randint(2, 6)
        parts = [self.fill(self.pick(SENTENCES)) for _ in range(n)]
        r = self.r
        t = ctx["target"]() if r.random() < 0.35 else None
        if t is not None:
            if r.random() < 0.3 and t["headings"]:
                h = self.pick(t["headings"])
                parts.append(f"Mehr dazu steht im Abschnitt [{h}]({t['url']}#{slug(h)}) des Beitrags "
                             f"„{t['title']}“.")
            else:
                parts.append(f"Lesen Sie dazu auch unseren Beitrag [{t['title']}]({t['url']}).")
        if r.random() < 0.12:
            h = self.pick(HANDLUNGSFELDER)
            parts.append(f"Weitere Beiträge finden Sie im Handlungsfeld [{h[2]}](/handlungsfelder/{h[0]}/).")
        if r.random() < 0.08 and ctx["live_tags"]:
            t = self.pick(ctx["live_tags"])
            parts.append(f"Alle Beiträge zum Thema [{t}](/tag/{slug(t)}/) stehen auf einer eigenen Seite.")
        if r.random() < 0.08:
            name, url = self.pick(EXTERNAL)
            parts.append(f"Aktuelle Zahlen veröffentlicht auch die Seite [{name}]({url} \"{name}\").")
        if r.random() < 0.2 and ctx["footnotes"] < 3:
            ctx["footnotes"] += 1
            parts[0] = parts[0][:-1] + f"[^{ctx['footnotes']}]" + parts[0][-1]
        return " ".join(parts)

    def bullet_list(self) -> str:
        r = self.r
        items = [self.fill(self.pick(LIST_ITEMS)) for _ in range(r.randint(3, 6))]
        kind = r.random()
        if kind < 0.55:
            lines = [f"- {x}" for x in items]
            if r.random() < 0.3:
                lines.insert(2, "  - " + self.fill(self.pick(LIST_ITEMS)))
            return "\n".join(lines)
        if kind < 0.9:
            return "\n".join(f"{i}. {x}" for i, x in enumerate(items, 1))
        return "\n".join(f"- [{'x' if r.random() < 0.5 else ' '}] {x}" for x in items)

    def table(self) -> str:
        r = self.r
        name, unit = self.pick(INDICATORS)
        if r.random() < 0.5:
            rows = []
            y0 = r.randint(2014, 2019)
            v = r.uniform(3, 30)
            for y in range(y0, y0 + r.randint(3, 6)):
                nv = max(0.1, v + r.uniform(-2, 2))
                rows.append(f"| {y} | {de_num(nv, 1)} | {'+' if nv >= v else '−'}{de_num(abs(nv - v), 1)} |")
                v = nv
            head = f"| Jahr | {name} ({unit}) | Veränderung |\n|---|---:|---:|"
        else:
            rows = [f"| {reg} | {de_num(r.randint(2000, 60000))} | {de_num(r.uniform(1, 30), 1)} |"
                    for reg in r.sample(REGIONS, r.randint(3, 7))]
            head = f"| Sozialregion | Einwohner | {name} ({unit}) |\n|:---|---:|---:|"
        return head + "\n" + "\n".join(rows)

    def body(self, post, ctx, extras=None) -> str:
        r = self.r
        target_words = int(r.triangular(300, 2000, 550))
        blocks = [self.paragraph(ctx, r.randint(2, 4))]
        words = len(blocks[0].split())
        headings = list(post["headings"])
        h_i = 0
        while words < target_words or h_i < len(headings):
            if h_i < len(headings) and (words >= target_words * (h_i + 1) / (len(headings) + 1)
                                        or words >= target_words):
                blocks.append(f"## {headings[h_i]}")
                h_i += 1
                if r.random() < 0.25:
                    blocks.append(self.paragraph(ctx, 2))
                    blocks.append(f"### {self.fill(self.pick(['Was {group} wissen sollten', 'Beispiel {place}', 'Zahlen für {year}', 'Kontakt in {place}']))}")
                continue
            x = r.random()
            if x < 0.62:
                b = self.paragraph(ctx)
            elif x < 0.76:
                b = self.bullet_list()
            elif x < 0.84:
                b = self.table()
            elif x < 0.90:
                b = f"> {self.pick(QUOTES)}.\n>\n> — {self.pick(PEOPLE)}, {self.pick(PLACES)}"
            elif x < 0.95:
                file, title, _ = self.pick(IMAGES)
                b = f"![{title}](/bilder/{file})"
            elif x < 0.97:
                b = "---"
            else:
                b = (f"**Kontakt:** {self.pick(PLACES_OF_HELP).split(' ', 1)[1].capitalize()} "
                     f"{self.pick(PLACES)}  \nTelefon 03731 799-{r.randint(1000, 9999)}  \n"
                     f"E-Mail: [sozialplanung@landkreis-mittelsachsen.de](mailto:sozialplanung@landkreis-mittelsachsen.de)")
            blocks.append(b)
            words += len(b.split())
        if extras:
            # chart blocks and links to service entries / indicators: placed by the extras' own
            # random numbers, so the rest of the post is the same as without them
            for where, block in extras["blocks"]:
                blocks.insert(max(1, round(where * len(blocks))), block)
        for k in range(1, ctx["footnotes"] + 1):
            blocks.append(f"[^{k}]: {self.fill(self.pick(FOOTNOTES))}")
        return "\n\n".join(blocks) + "\n"

    def post_file(self, post, ctx, extras=None) -> str:
        r = self.r
        fm = ["---", f"title: {yq(post['title'])}", f"date: {post['date_str']}"]
        if r.random() < 0.15:
            u = post["date"] + dt.timedelta(days=r.randint(1, 400))
            if u <= dt.date(2025, 12, 31):
                fm.append(f"updated: {u.isoformat()}")
        if r.random() < 0.9:
            fm.append(f"summary: {yq(self.fill(self.pick(SENTENCES)).replace(chr(34), ''))}")
        tags = post["tags"]
        if r.random() < 0.6:
            fm.append("tags: [" + ", ".join(yq(t) if any(c in t for c in ",:[]{}#&*!|>'\"%@`") else t
                                            for t in tags) + "]")
        else:
            fm.append("tags:")
            fm.extend(f"  - {yq(t)}" for t in tags)
        if r.random() < 0.8:
            fm.append(f"author: {yq(self.pick(AUTHORS))}")
        if r.random() < 0.3:
            file, title, _ = self.pick(IMAGES)
            fm.append(f"image: /bilder/{file}")
            fm.append(f"image_alt: {yq(title)}")
        if post["draft"]:
            fm.append("draft: true")
        if post["explicit_slug"]:
            fm.append(f"slug: {post['slug']}")
        if post.get("aliases"):
            fm.append("aliases: [" + ", ".join(post["aliases"]) + "]")
        fm.append("handlungsfelder: [" + ", ".join(post["hf"]) + "]")
        if extras and extras["angebote"]:
            fm.append("angebote: [" + ", ".join(extras["angebote"]) + "]")
        if r.random() < 0.01:
            feed_id = f"tag:mittelsachsen-sozial.de,{post['date'].year}:beitrag-{post['i']}"
            fm.append(f"id: {yq(feed_id)}")
        fm.append("---")
        return "\n".join(fm) + "\n\n" + self.body(post, ctx, extras)


# --- fixed files ------------------------------------------------------------------------------

def site_config(theme: str) -> dict:
    return {
        "baseURL": "https://mittelsachsen-sozial.de",
        "title": "soziales.mittelsachsen.gemeinsam.machen",
        "description": "Blog der Integrierten Sozialplanung des Landkreises Mittelsachsen (Benchmark-Korpus)",
        "language": "de-DE",
        "timeZone": "Europe/Berlin",
        "theme": theme,
        "itemsPerPage": 10,
        "markdown": {"rawHTML": False, "germanQuotes": True},
        "menus": {
            "haupt": [{"title": "Start", "url": "/"},
                      {"title": "Handlungsfelder", "url": "/handlungsfelder/"},
                      {"title": "Über das Projekt", "url": "/ueber-das-projekt/"},
                      {"title": "Leichte Sprache", "url": "/leichte-sprache/"}],
            "fuss": [{"title": "Impressum", "url": "/impressum/"},
                     {"title": "Datenschutz", "url": "/datenschutz/"},
                     {"title": "Barrierefreiheit", "url": "/barrierefreiheit/"}],
        },
        "contact": {"organisation": "Landratsamt Mittelsachsen", "department": "Integrierte Sozialplanung",
                    "street": "Frauensteiner Straße 43", "postalCode": "09599", "city": "Freiberg",
                    "email": "sozialplanung@landkreis-mittelsachsen.de", "phone": "03731 799-0",
                    "responsible": "Integrierte Sozialplanung, Landratsamt Mittelsachsen"},
        "feeds": {"items": 20},
        "newsletter": {"period": "monatlich", "tool": "listmonk"},
    }


PAGES = {
    "impressum": ("Impressum", "Angaben nach § 5 DDG und § 18 MStV.", False,
                  "## Anbieter\n\nLandratsamt Mittelsachsen  \nIntegrierte Sozialplanung  \n"
                  "Frauensteiner Straße 43  \n09599 Freiberg\n\n## Kontakt\n\n- Telefon: 03731 799-0\n"
                  "- E-Mail: [sozialplanung@landkreis-mittelsachsen.de](mailto:sozialplanung@landkreis-mittelsachsen.de)\n\n"
                  "## Verantwortlich nach § 18 Abs. 2 MStV\n\nIntegrierte Sozialplanung, Landratsamt Mittelsachsen.\n"),
    "datenschutz": ("Datenschutzerklärung", "Wie wir mit Ihren Daten umgehen.", False,
                    "## Keine Cookies, keine Dritten\n\nDiese Website setzt keine Cookies und lädt keine Inhalte "
                    "von anderen Anbietern. Schriften und Grafiken liegen auf unserem eigenen Server.\n\n"
                    "## Aufsichtsbehörde\n\nDie Sächsische Datenschutz- und Transparenzbeauftragte.\n"),
    "barrierefreiheit": ("Erklärung zur Barrierefreiheit", "Stand der Barrierefreiheit dieser Website.", False,
                         "## Stand der Vereinbarkeit\n\nDiese Website soll die Anforderungen der BITV 2.0 "
                         "(WCAG 2.1, Stufe AA) erfüllen.\n\n## Feedback\n\nBarrieren melden Sie bitte an "
                         "[sozialplanung@landkreis-mittelsachsen.de](mailto:sozialplanung@landkreis-mittelsachsen.de).\n"),
    "ueber-das-projekt": ("Über das Projekt", "Wer hinter dem Blog steht.", False,
                          "Der Blog ist ein Projekt der Integrierten Sozialplanung mit der Fakultät Soziale "
                          "Arbeit der Hochschule Mittweida.\n\n## Die elf Handlungsfelder\n\n"
                          + "\n".join(f"- [{h[2]}](/handlungsfelder/{h[0]}/)" for h in HANDLUNGSFELDER) + "\n"),
    "leichte-sprache": ("Leichte Sprache", "Informationen in Leichter Sprache.", True,
                        "Das ist die Internet-Seite vom Landkreis Mittelsachsen.\n\n"
                        "Hier stehen Texte über das Leben im Landkreis.\n\n"
                        "Zum Beispiel über:\n\n- Arbeit\n- Wohnen\n- Gesundheit\n"),
}


def chart_svg(file: str, title: str, kind: str, r: random.Random) -> str:
    ident = file.removesuffix(".svg")
    w, h = 640, 360
    vals = [r.uniform(20, 95) for _ in range(8)]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
             f'role="img" aria-labelledby="{ident}-t {ident}-d">',
             f'  <title id="{ident}-t">{title}</title>',
             f'  <desc id="{ident}-d">Beispielgrafik mit {len(vals)} Werten zwischen '
             f'{de_num(min(vals), 1)} und {de_num(max(vals), 1)}.</desc>',
             f'  <rect width="{w}" height="{h}" fill="#ffffff"/>',
             f'  <line x1="40" y1="320" x2="620" y2="320" stroke="#1a1a1a" stroke-width="2"/>']
    step = 580 / len(vals)
    if kind == "bars":
        for i, v in enumerate(vals):
            bh = v * 2.8
            parts.append(f'  <rect x="{40 + i * step + 8:.1f}" y="{320 - bh:.1f}" width="{step - 16:.1f}" '
                         f'height="{bh:.1f}" fill="#0b4f9c"/>')
    else:
        pts = " ".join(f"{40 + i * step + step / 2:.1f},{320 - v * 2.8:.1f}" for i, v in enumerate(vals))
        parts.append(f'  <polyline points="{pts}" fill="none" stroke="#0b4f9c" stroke-width="3"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="site folder to write")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--themes", default=str(REPO / "themes"), help="themes folder to copy (default: repo's)")
    ap.add_argument("--force", action="store_true", help="replace an existing OUT folder")
    args = ap.parse_args()
    out = Path(args.out)
    if args.posts < 1:
        print("gen-corpus: --posts must be at least 1", file=sys.stderr)
        return 2
    if out.exists() and any(out.iterdir()):
        if not args.force:
            print(f"gen-corpus: {out} exists and is not empty (use --force)", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)

    themes = Path(args.themes)
    theme = "standard"
    cfg_path = REPO / "site-config.json"
    if cfg_path.is_file():
        try:
            theme = json.loads(cfg_path.read_text(encoding="utf-8")).get("theme", theme)
        except ValueError:
            pass

    g = Gen(args.seed, args.posts)
    digest, counts = hashlib.sha256(), {"files": 0, "bytes": 0}
    # Relative paths in the digest: the same corpus anywhere gives the same sum.
    rel = lambda p: p.relative_to(out)
    def put(path: Path, text: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        digest.update(rel(path).as_posix().encode() + b"\0" + data + b"\0")
        counts["files"] += 1
        counts["bytes"] += len(data)

    put(out / "site-config.json", json.dumps(site_config(theme), ensure_ascii=False, indent=2) + "\n")
    for i, (s, title, label, summary, examples) in enumerate(HANDLUNGSFELDER, 1):
        body = (f"Im Handlungsfeld {label} bündelt der Landkreis Mittelsachsen Angebote und Daten.\n\n"
                "Beispiele:\n\n" + "\n".join(f"- {e}" for e in examples) + "\n")
        put(out / "content/handlungsfelder" / f"{s}.md",
            f"---\ntitle: {yq(title)}\nlabel: {yq(label)}\norder: {i}\nsummary: {yq(summary)}\n---\n\n{body}")
    for s, (title, summary, easy, body) in PAGES.items():
        fm = f"---\ntitle: {yq(title)}\nsummary: {yq(summary)}\n" + ("leichte_sprache: true\n" if easy else "") + "---\n\n"
        put(out / "content/seiten" / f"{s}.md", fm + body)
    img_rng = random.Random(args.seed + 1)
    for file, title, kind in IMAGES:
        put(out / "content/static/bilder" / file, chart_svg(file, title, kind, img_rng))

    # Areas and indicator datasets (content/daten/), service entries (content/angebote/): each with
    # its own random generator, so the posts' text does not depend on them.
    areas_path = REPO / "content/daten/gebiete.csv"
    if not areas_path.is_file():
        print(f"gen-corpus: {areas_path} missing (the corpus copies the project's area table)", file=sys.stderr)
        return 2
    areas_text = areas_path.read_text(encoding="utf-8")
    areas = corpus_daten.Areas(areas_text)
    put(out / "content/daten/gebiete.csv", areas_text)
    datasets = corpus_daten.build_datasets(areas, random.Random(args.seed * 31 + 7),
                                           corpus_daten.count_for(args.posts))
    data_rows = 0
    for d in datasets:
        put(out / "content/daten/indikatoren" / f"{d.slug}.md", d.markdown())
        text = d.csv(areas)
        data_rows += text.count("\n") - 1
        put(out / "content/daten/indikatoren" / f"{d.slug}.csv", text)

    entry_rng = random.Random(args.seed * 31 + 11)
    entries = corpus_angebote.plan_entries(areas, entry_rng, max(1, round(args.posts / 10)), slug)
    hf_labels = {h[0]: h[2] for h in HANDLUNGSFELDER}
    put(out / "content/angebote/_verzeichnis.md",
        corpus_angebote.DIRECTORY.format(months=corpus_angebote.CHECK_INTERVAL_MONTHS))
    for e in entries:
        put(out / "content/angebote" / f"{e['slug']}.md",
            corpus_angebote.entry_file(e, areas, entry_rng, slug, yq, hf_labels))
    entries_by_hf = {}
    for e in entries:
        for h in e["kind"][4]:
            entries_by_hf.setdefault(h, []).append(e["slug"])

    extra_rng = random.Random(args.seed * 31 + 13)

    def extras_for(p):
        """Service entries in the front matter (12 % of posts), chart blocks (6 %), links to an
        entry or an indicator page (5 %) — drawn from extra_rng only."""
        x = extra_rng
        chosen = []
        if x.random() < 0.12:
            pool = sorted({s for h in p["hf"] for s in entries_by_hf.get(h, [])}) or [e["slug"] for e in entries]
            for _ in range(x.randint(1, 3)):
                s = pool[x.randrange(len(pool))]
                if s not in chosen:
                    chosen.append(s)
        blocks = []
        if x.random() < 0.06:
            for _ in range(x.randint(1, 2)):
                d = datasets[x.randrange(len(datasets))]
                intro = x.choice(["Wie sich die Zahlen entwickelt haben, zeigt das Diagramm:",
                                  f"Einen Überblick über „{d.title}“ gibt das folgende Diagramm.",
                                  "Die Daten des Landkreises zeigen ein gemischtes Bild:"])
                blocks.append((x.random(), intro + "\n\n" + corpus_daten.chart_block(d, areas, x)))
        if x.random() < 0.05:
            if x.random() < 0.5:
                e = entries[x.randrange(len(entries))]
                blocks.append((x.random(), f"Hilfe vor Ort bietet zum Beispiel das Angebot [{e['name']}](/angebote/{e['slug']}/)."))
            else:
                d = datasets[x.randrange(len(datasets))]
                blocks.append((x.random(), f"Alle Werte zum Indikator [{d.title}](/daten/indikatoren/{d.slug}/) "
                                           "stehen im Datenangebot."))
        return {"angebote": chosen, "blocks": blocks}

    posts = g.plan_posts()
    live = [p for p in posts if not p["draft"]]
    live_tags = sorted({t for p in live for t in p["tags"]}, key=lambda t: g.tags.index(t))
    words = 0
    n_angebote = n_charts = 0
    published = []          # live posts dated before the current one (posts are sorted by date)

    def link_target(p):
        """Mostly one of the 200 posts before p, sometimes any earlier post; never p or a draft."""
        def pick():
            pool = published if published else [q for q in live[:50] if q is not p]
            if not pool:
                return None
            lo = max(0, len(pool) - 200) if g.r.random() < 0.7 else 0
            return pool[g.r.randrange(lo, len(pool))]
        return pick

    for p in posts:
        ctx = {"target": link_target(p), "live_tags": live_tags, "footnotes": 0}
        extras = extras_for(p)
        n_angebote += len(extras["angebote"]) > 0
        n_charts += sum(b.startswith("```diagramm") or "\n```diagramm" in b for _, b in extras["blocks"])
        text = g.post_file(p, ctx, extras)
        if not p["draft"]:
            published.append(p)
        words += len(text.split())
        put(out / "content/beitraege" / str(p["date"].year) / f"{p['date'].month:02d}" / f"{p['slug']}.md", text)

    copied = "none (no themes/ folder found)"
    if themes.is_dir():
        shutil.copytree(themes, out / "themes")
        copied = f"{themes} (theme '{theme}')"
    drafts = sum(p["draft"] for p in posts)
    print(f"gen-corpus: {out}: {len(posts)} posts ({drafts} drafts; {n_angebote} name service entries, "
          f"{n_charts} chart blocks), 11 Handlungsfelder, {len(PAGES)} pages, {len(IMAGES)} SVG images, "
          f"{len(entries)} service entries, {len(datasets)} indicators ({data_rows:,} values); "
          f"{counts['files']} files, {counts['bytes']:,} bytes, ~{words:,} words; "
          f"seed {args.seed}; sha256 {digest.hexdigest()}; themes copied: {copied}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
