"""check_corpus_parts.py — check-corpus.py's checks of service entries, indicator datasets and the
posts' references to them (`angebote:`, ```diagramm blocks). Written from docs/angebote.md and
docs/daten.md, independent of sozialsite and of the generator. Each check calls
`problem(where, message)`; nothing here raises on bad input.
"""
import calendar
import csv
import datetime as dt
import io
import re

HF_SLUGS = ["arbeit", "inklusion", "integration", "bildung", "gesundheit", "aufwachsen", "mobilitaet",
            "senioren", "wohnen", "miteinander", "armut-notlagen"]

# --- indicator datasets ---------------------------------------------------------------------------

INDICATOR_REQUIRED = ["title", "unit", "decimals", "definition", "source", "licence", "datenstand",
                      "handlungsfelder", "higher_is_better", "region_values", "kreis_values"]
INDICATOR_KEYS = set(INDICATOR_REQUIRED) | {"gewicht", "zeitbezug", "gebietsstand", "example", "import"}
LEVEL_VALUES = {"daten", "summe", "mittelwert_gewichtet", "keine"}
SYMBOLS = {"-", "–", "0", "…", "...", "/", ".", "x", "*"}
MARKS = {"()", "p", "r", "s", "|"}
NUMBER = re.compile(r"^-?\d+(,\d+)?$")


def split_front_matter(text):
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
    return None, text


class AreaTable:
    def __init__(self, text):
        rows = list(csv.DictReader(io.StringIO("".join(l for l in text.splitlines(True) if not l.startswith("#"))),
                                   delimiter=";"))
        self.rows = {r["gebiet"]: r for r in rows}
        self.gemeinden = [r for r in rows if r["art"] in ("Stadt", "Gemeinde")]
        self.kreis = next((r["gebiet"] for r in rows if r["art"] == "Landkreis"), "14522")

    def level(self, key):
        r = self.rows.get(key)
        if r is None:
            return None
        return {"Landkreis": "kreis", "Sozialregion": "region"}.get(r["art"], "gemeinde")

    def valid(self, key, year):
        r = self.rows[key]
        ref = f"{year:04d}-12-31"
        return not (r["gueltig_ab"] and r["gueltig_ab"] > ref) and not (r["gueltig_bis"] and r["gueltig_bis"] < ref)

    def gemeinden_in(self, year):
        return [g["gebiet"] for g in self.gemeinden if self.valid(g["gebiet"], year)]

    def slug_of(self, key, slugify):
        return slugify(self.rows[key]["name"])


def check_daten(root, yaml, problem):
    """Returns (AreaTable or None, {slug: {"rows": {(area, year): (wert, flag)}, "meta": fm}})."""
    folder = root / "content/daten"
    areas_file = folder / "gebiete.csv"
    if not areas_file.is_file():
        if (folder / "indikatoren").is_dir() or (root / "content/angebote").is_dir():
            problem("content/daten/gebiete.csv", "missing (needed by indicators and service entries)")
        return None, {}
    areas = AreaTable(areas_file.read_text(encoding="utf-8"))
    datasets = {}
    ind = folder / "indikatoren"
    if not ind.is_dir():
        return areas, datasets
    names = sorted({p.stem for p in ind.iterdir() if p.suffix in (".md", ".csv")})
    for name in names:
        md, data = ind / f"{name}.md", ind / f"{name}.csv"
        rel = f"content/daten/indikatoren/{name}"
        if not md.is_file() or not data.is_file():
            problem(rel, ".md and .csv must come in pairs")
            continue
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", name):
            problem(rel, "name is not a slug")
        fm_text, _ = split_front_matter(md.read_text(encoding="utf-8"))
        fm = yaml.load(fm_text, Loader=yaml.BaseLoader) if fm_text is not None else None
        if not isinstance(fm, dict):
            problem(rel + ".md", "no front matter")
            continue
        for key in INDICATOR_REQUIRED:
            if key not in fm:
                problem(rel + ".md", f"missing {key}")
        for key in fm:
            if key not in INDICATOR_KEYS:
                problem(rel + ".md", f"unknown key {key}")
        if not str(fm.get("decimals", "")).isdigit() or int(fm.get("decimals", 0)) > 4:
            problem(rel + ".md", "decimals must be 0–4")
        if fm.get("higher_is_better") not in ("true", "false", "none"):
            problem(rel + ".md", "higher_is_better must be true, false or none")
        if any(h not in HF_SLUGS for h in fm.get("handlungsfelder") or []) or not fm.get("handlungsfelder"):
            problem(rel + ".md", "handlungsfelder: at least one, only the eleven slugs")
        for key in ("region_values", "kreis_values"):
            if fm.get(key) not in LEVEL_VALUES:
                problem(rel + ".md", f"{key} must be one of {sorted(LEVEL_VALUES)}")
        if "mittelwert_gewichtet" in (fm.get("region_values"), fm.get("kreis_values")) and not fm.get("gewicht"):
            problem(rel + ".md", "mittelwert_gewichtet needs gewicht")
        lines = data.read_text(encoding="utf-8").split("\n")
        if lines[0] != "gebiet;jahr;wert;flag":
            problem(rel + ".csv", "first line must be gebiet;jahr;wert;flag")
        rows = {}
        for n, line in enumerate(lines[1:], 2):
            if not line:
                continue
            cells = line.split(";")
            where = f"{rel}.csv:{n}"
            if len(cells) != 4:
                problem(where, "needs 4 cells")
                continue
            key, year, wert, flag = cells
            level = areas.level(key)
            if level is None:
                problem(where, f"unknown area {key}")
                continue
            if not re.match(r"^\d{4}$", year):
                problem(where, f"year {year!r}")
                continue
            year = int(year)
            if not areas.valid(key, year):
                problem(where, f"{key} did not exist in {year}")
            if (key, year) in rows:
                problem(where, f"{key} {year} twice")
            tokens = flag.split()
            symbols = [t for t in tokens if t in SYMBOLS and t not in MARKS]
            if any(t not in SYMBOLS and t not in MARKS for t in tokens):
                problem(where, f"unknown flag {flag!r}")
            if wert:
                if not NUMBER.match(wert):
                    problem(where, f"{wert!r} is not a number with a decimal comma")
                elif float(wert.replace(",", ".")) == 0:
                    problem(where, "0 in wert (write - or 0 in flag)")
                if symbols:
                    problem(where, "a value and a symbol in place of it")
            elif len(symbols) != 1:
                problem(where, "neither a value nor one symbol")
            computed = {"region": fm.get("region_values"), "kreis": fm.get("kreis_values")}.get(level)
            if computed in ("summe", "mittelwert_gewichtet", "keine"):
                problem(where, f"value for a level declared {computed}")
            rows[(key, year)] = (wert, flag)
        datasets[name] = {"rows": rows, "meta": fm}
    # computed levels need every Gemeinde in every year, and the weights
    for name, d in datasets.items():
        fm = d["meta"]
        if not {"summe", "mittelwert_gewichtet"} & {fm.get("region_values"), fm.get("kreis_values")}:
            continue
        years = sorted({y for (_, y) in d["rows"]})
        weights = datasets.get(fm.get("gewicht", ""), {}).get("rows") if fm.get("gewicht") else None
        if fm.get("gewicht") and weights is None:
            problem(f"content/daten/indikatoren/{name}.md", f"gewicht {fm['gewicht']} is no indicator")
            continue
        for y in years:
            for g in areas.gemeinden_in(y):
                if (g, y) not in d["rows"]:
                    problem(f"content/daten/indikatoren/{name}.csv", f"no row for {g} in {y}: the sum would be incomplete")
                elif "mittelwert_gewichtet" in (fm.get("region_values"), fm.get("kreis_values")) \
                        and not (weights.get((g, y)) or ("", ""))[0]:
                    problem(f"content/daten/indikatoren/{name}.csv", f"no weight for {g} in {y}")
    return areas, datasets


# --- service entries ------------------------------------------------------------------------------

ENTRY_REQUIRED = ["name", "traeger", "kategorie", "bereich", "handlungsfelder", "zielgruppen", "gemeinde", "kontakt",
                  "stand"]
ENTRY_KEYS = set(ENTRY_REQUIRED) | {"untertitel", "adresse", "koordinaten", "oeffnungszeiten",
                                    "oeffnungszeiten_hinweis", "termin_noetig", "kosten", "sprachen",
                                    "barrierefreiheit", "barrierefreiheit_hinweis", "online_angebot",
                                    "einzugsgebiet", "stichworte", "beispiel"}
CATEGORIES = {"beratungsstelle", "behoerde", "kita", "schule", "bildungsangebot", "pflege-gesundheit",
              "unterstuetzungsangebot", "treffpunkt", "notunterkunft"}
SECTORS = {"bildung", "gesundheit", "soziales"}
GROUPS = {"alle", "kinder", "jugendliche", "junge-erwachsene", "familien", "schwangere", "alleinerziehende",
          "senioren", "pflegende-angehoerige", "menschen-mit-behinderung", "zugewanderte", "frauen",
          "arbeitsuchende", "menschen-in-notlagen", "menschen-mit-sucht", "ehrenamtliche"}
ACCESS = {"rollstuhlgerecht", "stufenlos", "aufzug", "barrierefreies-wc", "behindertenparkplatz", "induktionsschleife",
          "leichte-sprache", "gebaerdensprache", "blindenleitsystem", "assistenzhunde", "hausbesuche"}
LANGUAGES = set("""Deutsch Englisch Französisch Spanisch Italienisch Polnisch Tschechisch Sorbisch Russisch Ukrainisch
Rumänisch Bulgarisch Albanisch Serbisch Kroatisch Türkisch Kurdisch Arabisch Persisch Dari Paschtu Tigrinya Somali
Georgisch Vietnamesisch Chinesisch Hindi Urdu""".split()) | {"Deutsche Gebärdensprache"}
DAYS = {"mo": 0, "montag": 0, "di": 1, "dienstag": 1, "mi": 2, "mittwoch": 2, "do": 3, "donnerstag": 3,
        "fr": 4, "freitag": 4, "sa": 5, "samstag": 5, "so": 6, "sonntag": 6}
TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def fictional_phone(raw):
    """The national number of 030 23125 000–999 in any usual spelling, else None."""
    digits = re.sub(r"[\s\-/().]", "", raw.replace("(0)", ""))
    if digits.startswith("+49"):
        digits = "0" + digits[3:]
    elif digits.startswith("0049"):
        digits = "0" + digits[4:]
    return digits if re.match(r"^03023125\d{3}$", digits) else None


def reserved_host(host):
    host = host.lower()
    return host in ("example.org", "example.com", "example.net") \
        or host.endswith((".example.org", ".example.com", ".example.net", ".example", ".test", ".invalid"))


def parse_days(text):
    text = text.strip().lower()
    if text == "täglich":
        return list(range(7))
    days = []
    for part in text.split(","):
        part = part.strip()
        m = re.match(r"^(\w+)\s*(?:–|-|bis)\s*(\w+)$", part)
        if m:
            a, b = DAYS.get(m.group(1)), DAYS.get(m.group(2))
            if a is None or b is None or b < a:
                return None
            days += list(range(a, b + 1))
        elif part in DAYS:
            days.append(DAYS[part])
        else:
            return None
    return days


def minutes(text, end):
    m = TIME.match(text or "")
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if mi > 59 or h > 24 or (h == 24 and (mi or not end)):
        return None
    return h * 60 + mi


def months_later(d, months):
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def check_angebote(root, yaml, problem, areas):
    """Returns the set of entry slugs."""
    folder = root / "content/angebote"
    slugs = set()
    if not folder.is_dir():
        return slugs
    interval = 12
    settings = folder / "_verzeichnis.md"
    if settings.is_file():
        fm_text, _ = split_front_matter(settings.read_text(encoding="utf-8"))
        fm = yaml.load(fm_text, Loader=yaml.BaseLoader) if fm_text is not None else None
        if isinstance(fm, dict) and str(fm.get("pruefintervall_monate", "12")).isdigit():
            interval = int(fm.get("pruefintervall_monate", "12"))
    today = dt.date.today()
    oldest_ok = None
    for path in sorted(folder.iterdir()):
        if path.name == "_verzeichnis.md":
            continue
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or path.suffix != ".md" or path.name.startswith("_"):
            problem(rel, "not read as a service entry")
            continue
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", path.stem):
            problem(rel, "file name is not a slug")
        slugs.add(path.stem)
        fm_text, body = split_front_matter(path.read_text(encoding="utf-8"))
        fm = yaml.load(fm_text, Loader=yaml.BaseLoader) if fm_text is not None else None
        if not isinstance(fm, dict):
            problem(rel, "no front matter")
            continue
        for key in ENTRY_REQUIRED:
            if not fm.get(key):
                problem(rel, f"missing {key}")
        for key in fm:
            if key not in ENTRY_KEYS:
                problem(rel, f"unknown key {key}")
        example = fm.get("beispiel") == "true"
        if fm.get("kategorie") not in CATEGORIES:
            problem(rel, f"kategorie {fm.get('kategorie')!r}")
        if fm.get("bereich") not in SECTORS:
            problem(rel, f"bereich {fm.get('bereich')!r}")
        for key, allowed in (("handlungsfelder", set(HF_SLUGS)), ("zielgruppen", GROUPS), ("barrierefreiheit", ACCESS),
                             ("sprachen", LANGUAGES)):
            values = fm.get(key) or []
            if not isinstance(values, list):
                problem(rel, f"{key} is not a list")
                continue
            if len(set(values)) != len(values):
                problem(rel, f"{key}: a value twice")
            for v in values:
                if v not in allowed:
                    problem(rel, f"{key}: unknown {v!r}")
        ags = fm.get("gemeinde", "")
        if areas is not None:
            row = areas.rows.get(ags)
            if row is None or areas.level(ags) != "gemeinde":
                problem(rel, f"gemeinde {ags!r} is no AGS of content/daten/gebiete.csv")
            elif row["gueltig_bis"] and row["gueltig_bis"] < today.isoformat():
                problem(rel, f"gemeinde {ags} no longer exists")
        address = fm.get("adresse")
        if address is not None:
            if not isinstance(address, dict) or not all(address.get(k) for k in ("strasse", "plz", "ort")):
                problem(rel, "adresse needs strasse, plz and ort")
            elif not re.match(r"^\d{5}$", address["plz"]):
                problem(rel, f"plz {address['plz']!r}")
        coords = fm.get("koordinaten")
        if coords is not None:
            try:
                lat, lon = float(coords["lat"]), float(coords["lon"])
                if not (50.6 <= lat <= 51.4 and 12.5 <= lon <= 13.7):
                    problem(rel, "koordinaten outside the Landkreis")
            except (KeyError, TypeError, ValueError):
                problem(rel, "koordinaten need lat and lon in decimal degrees")
        contact = fm.get("kontakt") if isinstance(fm.get("kontakt"), dict) else {}
        if not any(contact.get(k) for k in ("telefon", "hotline", "email", "website")):
            problem(rel, "kontakt without telefon, hotline, email or website")
        for key in ("telefon", "hotline"):
            if contact.get(key) and example and not fictional_phone(contact[key]):
                problem(rel, f"{key} {contact[key]!r} of an example is not in 030 23125 000–999")
        if contact.get("email"):
            m = re.match(r"^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$", contact["email"])
            if not m or (example and not reserved_host(m.group(1))):
                problem(rel, f"email {contact['email']!r}")
        if contact.get("website"):
            m = re.match(r"^https://([A-Za-z0-9.-]+)(/[^\s\"<>]*)?$", contact["website"])
            if not m or (example and not reserved_host(m.group(1))):
                problem(rel, f"website {contact['website']!r}")
        week = [[] for _ in range(7)]
        for row in fm.get("oeffnungszeiten") or []:
            days = parse_days(row.get("tage", "")) if isinstance(row, dict) else None
            if days is None:
                problem(rel, f"oeffnungszeiten: days {row!r}")
                continue
            a, b = minutes(row.get("von"), False), minutes(row.get("bis"), True)
            overnight = row.get("ueber_nacht") == "true"
            if a is None or b is None:
                problem(rel, f"oeffnungszeiten: times {row!r}")
                continue
            if (b <= a) != overnight:
                problem(rel, f"oeffnungszeiten: {row!r} ends before it starts without ueber_nacht, or the other way")
                continue
            for d in days:
                if overnight:
                    week[d].append((a, 1440))
                    week[(d + 1) % 7].append((0, b))
                else:
                    week[d].append((a, b))
        for d, spans in enumerate(week):
            spans.sort()
            if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
                problem(rel, f"oeffnungszeiten overlap on day {d + 1}")
        try:
            stand = dt.date.fromisoformat(fm.get("stand", ""))
        except ValueError:
            problem(rel, f"stand {fm.get('stand')!r} is not YYYY-MM-DD")
            continue
        if stand > today + dt.timedelta(days=1):
            problem(rel, f"stand {stand} lies in the future (the build warns)")
        elif months_later(stand, interval) < today:
            problem(rel, f"stand {stand} is older than {interval} months (the build warns)")
        oldest_ok = min(oldest_ok or stand, stand)
    if oldest_ok is not None:
        expires = months_later(oldest_ok, interval)
        if (expires - today).days < 365:
            print(f"check-corpus: note: the oldest stand ({oldest_ok}) turns stale on {expires}; "
                  "move corpus_angebote.STAND_FROM/STAND_TO forward before then")
    return slugs


# --- the posts' references -------------------------------------------------------------------------

CHART_KEYS = {"indikator", "gebiete", "art", "jahre", "titel", "hervorheben"}
KINDS = {"linie", "saeulen", "säulen", "gruppiert", "balken", "rangfolge", "karte"}
FENCE = re.compile(r"^```diagramm\s*\n(.*?)^```\s*$", re.M | re.S)


def check_post_extras(rel, fm, body, body_line, entries, datasets, areas, problem):
    listed = fm.get("angebote") or []
    if not isinstance(listed, list):
        problem(rel, "angebote is not a list")
        listed = []
    if len(set(listed)) != len(listed):
        problem(rel, "angebote: a slug twice")
    for s in listed:
        if s not in entries:
            problem(rel, f"angebote: no service entry {s!r}")
    import yaml
    for m in FENCE.finditer(body):
        where = f"{rel}:{body_line + body[:m.start()].count(chr(10))}"
        try:
            spec = yaml.safe_load(m.group(1))
        except yaml.YAMLError as e:
            problem(where, f"diagramm block is no YAML: {e}")
            continue
        if not isinstance(spec, dict):
            problem(where, "diagramm block is no mapping")
            continue
        for key in spec:
            if key not in CHART_KEYS:
                problem(where, f"diagramm: unknown key {key}")
        d = datasets.get(str(spec.get("indikator")))
        if d is None:
            problem(where, f"diagramm: no indicator {spec.get('indikator')!r}")
            continue
        kind = str(spec.get("art", "linie"))
        if kind not in KINDS:
            problem(where, f"diagramm: kind {kind!r}")
        years = sorted({y for (_, y) in d["rows"]})
        span = None
        if "jahre" in spec:
            text = str(spec["jahre"])
            parts = [int(p) for p in re.split(r"\s*-\s*", text)] if re.match(r"^\d{4}(\s*-\s*\d{4})?$", text) else None
            if not parts:
                problem(where, f"diagramm: jahre {text!r}")
                continue
            span = range(parts[0], parts[-1] + 1)
            if kind in ("balken", "rangfolge", "karte") and len(span) > 1:
                problem(where, "diagramm: a ranking or map shows one year")
            if not any(y in span for y in years):
                problem(where, f"diagramm: no values in {text}")
            elif span.start < years[0] or span.stop - 1 > years[-1]:
                problem(where, f"diagramm: {text} reaches beyond the data ({years[0]}–{years[-1]}, the build warns)")
        wanted = spec.get("gebiete") or []
        if kind == "karte" and wanted:
            problem(where, "diagramm: a map ignores gebiete (the build warns)")
        computed = {"summe", "mittelwert_gewichtet"}
        for a in wanted if isinstance(wanted, list) else [wanted]:
            key = areas.kreis if str(a) == "kreis" else str(a)
            level = areas.level(key) if areas else None
            if level is None:
                problem(where, f"diagramm: unknown area {a!r}")
                continue
            declared = {"region": d["meta"].get("region_values"), "kreis": d["meta"].get("kreis_values")}.get(level)
            if declared in computed:
                continue
            if not any(k == key and (span is None or y in span) for (k, y) in d["rows"]):
                problem(where, f"diagramm: {a} has no values for {d['meta'].get('title')}")
        if kind == "saeulen" and isinstance(wanted, list) and len(wanted) > 1:
            problem(where, "diagramm: columns show one area")
        highlight = spec.get("hervorheben")
        if highlight is not None and kind not in ("balken", "rangfolge", "karte") and wanted \
                and highlight not in wanted:
            problem(where, "diagramm: hervorheben is not one of gebiete")
        if highlight is not None and kind == "karte" and not str(highlight).startswith("sozialregion-"):
            problem(where, "diagramm: a map highlights only Sozialregionen")
