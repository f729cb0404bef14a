"""corpus_angebote.py — service entries (Angebotsportal) for the benchmark corpus (gen-corpus.py).

Writes entries in the format of content/angebote/ and docs/angebote.md: every entry is an invented
example (`beispiel: true`), so it uses only the telephone numbers the Bundesnetzagentur keeps free
for fiction (030 23125 000–999) and RFC 2606 domains (example.org/.com/.net, `.example`); the build
rejects anything else for examples. `gemeinde` is the AGS of a Gemeinde that exists today
(content/daten/gebiete.csv), coordinates lie in the Landkreis, opening hours never overlap on a
day (one night café runs over midnight with `ueber_nacht: true`).

`stand` (day of the last check): the build warns when it is older than `pruefintervall_monate` or
lies in the future, measured against the day of the build. The corpus therefore dates every
`stand` in the second half of 2025 and sets the interval to the maximum, 60 months, in
`_verzeichnis.md`: no warning from 2026 until mid-2030 (check-corpus.py says when that runs out).
"""
import datetime as dt

STAND_FROM, STAND_TO = dt.date(2025, 6, 1), dt.date(2025, 12, 31)
CHECK_INTERVAL_MONTHS = 60

DIRECTORY = """---
title: Angebote finden
summary: Beratungsstellen, Kitas, Schulen und Hilfen im Landkreis Mittelsachsen – nach Thema, Zielgruppe und Ort.
pruefintervall_monate: {months}
---
Hier finden Sie Hilfe in Ihrer Nähe: Beratung bei Schulden oder Sucht, Pflegeberatung, Kitas und
Schulen, Treffpunkte und Notunterkünfte. Wählen Sie ein Thema, eine Zielgruppe oder Ihren Ort – oder
suchen Sie nach einem Stichwort.

Alle Einträge dieses Verzeichnisses sind erfunden (Benchmark-Korpus).
"""

# Postal codes of the Gemeinden (main post office), by AGS.
PLZ = {
    "14522010": "09648", "14522020": "09573", "14522035": "09627", "14522050": "09618", "14522060": "09217",
    "14522070": "09236", "14522080": "04720", "14522090": "09619", "14522110": "09575", "14522120": "09306",
    "14522140": "09557", "14522150": "09669", "14522170": "09623", "14522180": "09599", "14522190": "09326",
    "14522200": "09618", "14522210": "09603", "14522220": "04720", "14522230": "09661", "14522240": "09633",
    "14522250": "04746", "14522260": "09232", "14522275": "04749", "14522280": "09306", "14522290": "09306",
    "14522300": "09648", "14522310": "04703", "14522320": "09573", "14522330": "09244", "14522340": "09638",
    "14522350": "09328", "14522360": "09648", "14522380": "09241", "14522390": "09619", "14522400": "09544",
    "14522420": "09577", "14522430": "09600", "14522440": "09569", "14522460": "09322", "14522470": "09623",
    "14522480": "09629", "14522490": "09306", "14522500": "09661", "14522510": "04741", "14522520": "09619",
    "14522530": "09306", "14522540": "09661", "14522550": "09249", "14522570": "04736", "14522580": "09306",
    "14522590": "09600", "14522600": "09306",
}
REGION_CENTRE = {"1": (50.912, 13.343), "2": (50.760, 13.400), "3": (50.855, 13.080), "4": (50.920, 12.810),
                 "5": (51.000, 12.960), "6": (51.140, 13.080), "7": (50.975, 13.215)}
STREETS = ["Hauptstraße", "Bahnhofstraße", "Am Markt", "Schulstraße", "Poststraße", "Lindenstraße", "Gartenstraße",
           "Kirchgasse", "Chemnitzer Straße", "Dresdner Straße", "Leipziger Straße", "Freiberger Straße",
           "Rosa-Luxemburg-Straße", "Am Sportplatz", "Mühlweg", "Obermarkt", "Untermarkt", "Feldstraße",
           "Goethestraße", "Schillerstraße", "Albertstraße", "Friedrich-Engels-Straße", "Töpfergasse", "Ringstraße"]
ORTSTEILE = ["Oberdorf", "Niederdorf", "Mitte", "Nord", "Süd", "Bahnhofsviertel", "Altstadt", "Neubaugebiet"]
TRAEGER = ["Beispiel-Sozialwerk Mittelsachsen e. V.", "Beispiel-Diakonie Mittelsachsen", "Beispiel-Caritas Mittelsachsen",
           "Beispiel-Volkssolidarität e. V.", "Beispiel-AWO Kreisverband e. V.", "Landratsamt Mittelsachsen (Beispiel)",
           "Beispiel-Kirchgemeinde {ort}", "Beispiel-Förderverein {ort} e. V.", "Stadt {ort} (Beispiel)",
           "Beispiel-Bürgerverein {ort} e. V.", "Beispiel-Jugendhilfe gGmbH", "Beispiel-Lebenshilfe e. V."]
KITA_NAMES = ["Sonnenblume", "Regenbogen", "Zwergenland", "Pusteblume", "Waldwichtel", "Spatzennest", "Kunterbunt",
              "Märchenland", "Sonnenschein", "Glückskäfer", "Löwenzahn", "Am Schlossberg"]
LANGUAGES = ["Englisch", "Russisch", "Ukrainisch", "Arabisch", "Polnisch", "Tschechisch", "Persisch", "Türkisch",
             "Vietnamesisch", "Französisch", "Dari", "Rumänisch"]
ACCESS = ["rollstuhlgerecht", "stufenlos", "aufzug", "barrierefreies-wc", "behindertenparkplatz", "induktionsschleife",
          "leichte-sprache", "gebaerdensprache", "blindenleitsystem", "assistenzhunde", "hausbesuche"]

# Opening hours: lists of (days, from, to, extra) without overlaps on any day.
HOURS = {
    "beratung": [[("Mo–Fr", "08:00", "12:00", ""), ("Di, Do", "13:00", "18:00", "")],
                 [("Mo, Mi", "08:30", "12:00", ""), ("Di", "13:00", "18:00", ""),
                  ("Do", "13:00", "16:00", "hinweis: offene Sprechstunde ohne Termin")],
                 [("Mo bis Do", "09:00", "15:00", ""), ("Fr", "09:00", "12:00", "")],
                 [("Mo", "09:00", "12:00", ""), ("Mi", "14:00", "17:00", "hinweis: nur mit Termin")]],
    "kita": [[("Mo–Fr", "06:00", "17:00", "")], [("Mo-Fr", "06:30", "16:30", "")]],
    "schule": [[("Mo–Fr", "07:00", "15:30", "")], [("Mo–Do", "07:15", "16:00", ""), ("Fr", "07:15", "13:00", "")]],
    "treff": [[("Di, Do", "14:00", "18:00", ""), ("Sa", "10:00", "14:00", "")],
              [("Mo–Do", "14:00", "20:00", ""), ("Fr", "14:00", "22:00", "")],
              [("Mi", "10:00", "12:00", "hinweis: Frühstück"), ("Mi", "14:00", "17:00", "")]],
    "ausgabe": [[("Di", "10:00", "12:00", ""), ("Do", "14:00", "17:00", "")],
                [("Montag", "13:00", "16:00", ""), ("Freitag", "09:00", "11:30", "")]],
    "nacht": [[("Fr, Sa", "21:00", "02:00", "ueber_nacht: true")]],
    "immer": [[("täglich", "00:00", "24:00", "hinweis: Aufnahme über die Hotline")]],
    "pflege": [[("Mo–Fr", "07:30", "16:00", ""), ("Sa", "08:00", "12:00", "hinweis: nur Notdienst")]],
    "keine": [[]],
}

# name pattern, untertitel, kategorie, bereich, handlungsfelder, zielgruppen, hours, stichworte, body, flags
KINDS = [
    ("Schuldner- und Insolvenzberatung {ort}", "Hilfe bei Schulden, Pfändung und Privatinsolvenz", "beratungsstelle",
     "soziales", ["armut-notlagen", "wohnen"], ["alle", "familien", "menschen-in-notlagen"], "beratung",
     ["Schulden", "P-Konto", "Insolvenz", "Mahnung"],
     "Wer Schulden hat, verliert schnell den Überblick. Die Beratungsstelle hilft, Ordnung in Briefe und "
     "Forderungen zu bringen, verhandelt mit Gläubigern und begleitet durch die Privatinsolvenz.", ""),
    ("Pflegestützpunkt {ort}", "Beratung rund um Pflege, Pflegegrad und Entlastung", "beratungsstelle", "gesundheit",
     ["senioren", "gesundheit"], ["senioren", "pflegende-angehoerige", "menschen-mit-behinderung"], "beratung",
     ["Pflegeberatung", "Pflegegrad", "Kurzzeitpflege", "Entlastungsbetrag"],
     "Der Pflegestützpunkt berät unabhängig, wenn Pflege zum Thema wird: Wie beantrage ich einen Pflegegrad? "
     "Welche Hilfen zahlt die Pflegekasse?", ""),
    ("Tafel {ort}", "Lebensmittel für Menschen mit wenig Geld", "unterstuetzungsangebot", "soziales",
     ["armut-notlagen"], ["menschen-in-notlagen", "familien", "senioren"], "ausgabe",
     ["Lebensmittel", "Ausgabestelle", "Einkauf"],
     "Ehrenamtliche sammeln Lebensmittel bei Händlern und geben sie gegen einen kleinen Betrag aus. Bitte "
     "bringen Sie beim ersten Besuch einen Nachweis über Ihr Einkommen mit.", ""),
    ("Kita „{kita}“ {ort}", "Kinderkrippe und Kindergarten", "kita", "bildung", ["aufwachsen", "bildung"],
     ["kinder", "familien"], "kita", ["Krippe", "Kindergarten", "Betreuung", "Eingewöhnung"],
     "Die Kita betreut Kinder von einem Jahr bis zum Schuleintritt in altersgemischten Gruppen. Ein großer "
     "Garten lädt zum Spielen ein.", ""),
    ("Grundschule {ort}", "Grundschule mit Hort", "schule", "bildung", ["bildung", "aufwachsen"],
     ["kinder", "familien"], "schule", ["Grundschule", "Hort", "Ganztag", "Einschulung"],
     "Die Grundschule unterrichtet die Klassen 1 bis 4. Der Hort im Haus betreut die Kinder nach dem Unterricht.", ""),
    ("Oberschule {ort}", "Oberschule mit Ganztagsangeboten", "schule", "bildung", ["bildung", "aufwachsen"],
     ["jugendliche"], "schule", ["Oberschule", "Berufsorientierung", "Ganztag"],
     "Die Oberschule führt zum Haupt- und Realschulabschluss. Ab Klasse 7 gibt es Praxistage in Betrieben der Region.", ""),
    ("Jugendclub {ort}", "Offener Treff für Jugendliche", "treffpunkt", "soziales", ["aufwachsen", "miteinander"],
     ["jugendliche", "junge-erwachsene"], "treff", ["Jugendarbeit", "Freizeit", "Billard", "Musik"],
     "Im Jugendclub treffen sich Jugendliche zum Reden, Spielen und Musikmachen. Sozialpädagoginnen haben ein "
     "offenes Ohr für Sorgen.", ""),
    ("Seniorentreff {ort}", "Begegnung, Kaffee und Kurse für Ältere", "treffpunkt", "soziales",
     ["senioren", "miteinander"], ["senioren"], "treff", ["Seniorinnen", "Begegnung", "Gedächtnistraining"],
     "Beim Seniorentreff gibt es Kaffee und Kuchen, Spielenachmittage, Ausflüge und einmal im Monat einen Vortrag.", ""),
    ("Mehrgenerationenhaus {ort}", "Treffpunkt für alle Generationen", "treffpunkt", "soziales",
     ["miteinander", "senioren", "aufwachsen"], ["alle", "familien", "senioren"], "treff",
     ["Begegnung", "Ehrenamt", "Café", "Nachbarschaft"],
     "Im Mehrgenerationenhaus begegnen sich Jung und Alt: im offenen Café, bei der Hausaufgabenhilfe und in "
     "Kursen, die Ehrenamtliche anbieten.", ""),
    ("Suchtberatung {ort}", "Beratung bei Alkohol, Drogen, Glücksspiel und Medien", "beratungsstelle", "gesundheit",
     ["gesundheit"], ["menschen-mit-sucht", "familien"], "beratung", ["Sucht", "Alkohol", "Drogen", "Glücksspiel"],
     "Die Suchtberatung hilft Betroffenen und Angehörigen, vertraulich und auf Wunsch anonym. Sie vermittelt "
     "in Entgiftung, Therapie und Selbsthilfegruppen.", ""),
    ("Migrationsberatung {ort}", "Beratung für Zugewanderte ab 27 Jahren", "beratungsstelle", "soziales",
     ["integration"], ["zugewanderte"], "beratung", ["Migration", "Aufenthalt", "Integrationskurs", "Anerkennung"],
     "Die Migrationsberatung hilft bei Fragen zu Aufenthalt, Sprachkursen, Arbeit und der Anerkennung von "
     "Abschlüssen aus dem Ausland.", "sprachen"),
    ("Sprachcafé {ort}", "Deutsch sprechen in entspannter Runde", "treffpunkt", "bildung", ["integration", "bildung"],
     ["zugewanderte", "ehrenamtliche"], "treff", ["Deutsch lernen", "Sprachcafé", "Begegnung"],
     "Beim Sprachcafé üben Zugewanderte mit Ehrenamtlichen Deutsch – ohne Anmeldung und ohne Kosten.", "sprachen"),
    ("Erziehungs- und Familienberatung {ort}", "Beratung für Eltern, Kinder und Jugendliche", "beratungsstelle",
     "soziales", ["aufwachsen"], ["familien", "kinder", "jugendliche", "alleinerziehende"], "beratung",
     ["Erziehung", "Trennung", "Familienkonflikte"],
     "Eltern, Kinder und Jugendliche finden hier Rat bei Sorgen in der Familie, bei Trennung und Scheidung oder "
     "wenn es in der Schule nicht läuft.", ""),
    ("Schwangerschaftsberatung {ort}", "Beratung rund um Schwangerschaft und Geburt", "beratungsstelle", "gesundheit",
     ["gesundheit", "aufwachsen"], ["schwangere", "familien", "frauen"], "beratung",
     ["Schwangerschaft", "Elterngeld", "Stiftung Mutter und Kind"],
     "Die Beratungsstelle informiert über Hilfen für werdende Eltern, hilft bei Anträgen und berät vertraulich "
     "in Konflikten.", ""),
    ("Volkshochschule, Außenstelle {ort}", "Kurse für Sprachen, Gesundheit, Beruf und Kultur", "bildungsangebot",
     "bildung", ["bildung"], ["alle", "junge-erwachsene", "senioren"], "beratung",
     ["Kurse", "Weiterbildung", "Sprachen", "Integrationskurs"],
     "Die Volkshochschule bietet Kurse am Abend und am Wochenende an: Sprachen, Computer, Gesundheit und Kultur.", ""),
    ("Jobcoaching {ort}", "Begleitung auf dem Weg in Arbeit und Ausbildung", "beratungsstelle", "soziales",
     ["arbeit"], ["arbeitsuchende", "junge-erwachsene"], "beratung", ["Bewerbung", "Ausbildung", "Arbeit"],
     "Coaches helfen beim Bewerben, üben Vorstellungsgespräche und begleiten in den ersten Wochen im Betrieb.", ""),
    ("Ehrenamtsbüro {ort}", "Vermittlung und Beratung für freiwilliges Engagement", "unterstuetzungsangebot",
     "soziales", ["miteinander"], ["ehrenamtliche", "alle"], "beratung", ["Ehrenamt", "Ehrenamtskarte", "Engagement"],
     "Das Ehrenamtsbüro bringt Menschen, die helfen wollen, mit Vereinen und Initiativen zusammen.", ""),
    ("Bürgerbus {ort}", "Ehrenamtlicher Fahrdienst in den Ortsteilen", "unterstuetzungsangebot", "soziales",
     ["mobilitaet", "senioren"], ["senioren", "menschen-mit-behinderung"], "beratung",
     ["Fahrdienst", "Einkaufsfahrt", "Arztfahrt", "ländlicher Raum"],
     "Der Bürgerbus fährt zweimal in der Woche durch die Ortsteile – zum Einkaufen, zur Ärztin oder zur "
     "Bushaltestelle.", ""),
    ("Wohnberatung {ort}", "Wohnungsanpassung für ein selbstständiges Leben", "beratungsstelle", "soziales",
     ["wohnen", "senioren"], ["senioren", "pflegende-angehoerige", "menschen-mit-behinderung"], "beratung",
     ["Wohnungsanpassung", "Barrierefreiheit", "Umbau", "Zuschuss"],
     "Die Wohnberatung kommt nach Hause und zeigt, wie Bad, Treppe und Eingang sicherer werden – und welche "
     "Zuschüsse es dafür gibt.", ""),
    ("Teilhabeberatung {ort}", "Ergänzende unabhängige Teilhabeberatung (EUTB)", "beratungsstelle", "soziales",
     ["inklusion"], ["menschen-mit-behinderung", "pflegende-angehoerige"], "beratung",
     ["Teilhabe", "Persönliches Budget", "Assistenz", "EUTB"],
     "Menschen mit Behinderung beraten hier Menschen mit Behinderung: zu Leistungen, Anträgen und zum "
     "Persönlichen Budget.", ""),
    ("Inklusionsbetrieb {ort}", "Arbeitsplätze für Menschen mit und ohne Behinderung", "unterstuetzungsangebot",
     "soziales", ["inklusion", "arbeit"], ["menschen-mit-behinderung", "arbeitsuchende"], "pflege",
     ["Inklusion", "Arbeit", "Werkstatt"],
     "Im Inklusionsbetrieb arbeiten Menschen mit und ohne Behinderung zusammen – in der Küche, im Garten und "
     "in der Wäscherei.", ""),
    ("Sozialpsychiatrischer Dienst {ort}", "Hilfe bei psychischen Krisen", "behoerde", "gesundheit",
     ["gesundheit"], ["alle", "menschen-in-notlagen"], "beratung", ["Krise", "Psychiatrie", "Beratung"],
     "Der Sozialpsychiatrische Dienst des Gesundheitsamts berät Menschen in seelischen Krisen und ihre Angehörigen.", ""),
    ("Nachtcafé {ort}", "Warmer Ort für die Nacht am Wochenende", "treffpunkt", "soziales",
     ["armut-notlagen", "miteinander"], ["menschen-in-notlagen", "alle"], "nacht", ["Kälte", "Wärmestube", "Winter"],
     "Im Winter öffnet das Nachtcafé am Wochenende seine Türen: Es gibt eine warme Suppe, Tee und Zeit zum Reden.", ""),
    ("Frauen- und Kinderschutzhaus {ort}", "Schutz und Unterkunft bei häuslicher Gewalt – rund um die Uhr",
     "notunterkunft", "soziales", ["wohnen", "armut-notlagen"], ["frauen", "kinder"], "immer",
     ["häusliche Gewalt", "Frauenhaus", "Schutz"],
     "Frauen, die zu Hause Gewalt erleben, finden hier mit ihren Kindern sofort Schutz. Die Adresse ist geheim; "
     "die Aufnahme läuft über die Hotline.", "geheim"),
    ("Wohnungsnotfallhilfe {ort}", "Hilfe bei drohendem Wohnungsverlust", "beratungsstelle", "soziales",
     ["wohnen", "armut-notlagen"], ["menschen-in-notlagen"], "beratung", ["Räumung", "Obdachlosigkeit", "Mietschulden"],
     "Wer die Wohnung zu verlieren droht, bekommt hier schnell Hilfe – bei Mietschulden, Kündigung und Räumung.", ""),
    ("Kleiderkammer {ort}", "Kleidung und Hausrat für kleines Geld", "unterstuetzungsangebot", "soziales",
     ["armut-notlagen"], ["familien", "menschen-in-notlagen"], "ausgabe", ["Kleidung", "Hausrat", "Spenden"],
     "Die Kleiderkammer gibt gespendete Kleidung, Schuhe und Hausrat gegen einen kleinen Betrag ab.", ""),
    ("Familienzentrum {ort}", "Angebote für Eltern und Kinder", "treffpunkt", "soziales", ["aufwachsen", "miteinander"],
     ["familien", "alleinerziehende", "kinder"], "treff", ["Eltern-Kind-Gruppe", "Familienbildung", "Krabbelgruppe"],
     "Das Familienzentrum lädt zu Krabbelgruppen, Elternkursen und Familienfrühstück ein.", ""),
    ("Nachbarschaftshilfe {ort}", "Unterstützung im Alltag durch Nachbarn", "unterstuetzungsangebot", "soziales",
     ["miteinander", "senioren"], ["senioren", "pflegende-angehoerige", "ehrenamtliche"], "beratung",
     ["Alltagshilfe", "Einkaufshilfe", "Besuchsdienst"],
     "Ehrenamtliche Nachbarinnen und Nachbarn helfen beim Einkaufen, begleiten zum Arzt oder kommen auf einen Besuch.", ""),
    ("Schulsozialarbeit {ort}", "Ansprechpartner für Schülerinnen und Schüler", "unterstuetzungsangebot", "bildung",
     ["aufwachsen", "bildung"], ["jugendliche", "kinder"], "schule", ["Schule", "Konflikte", "Mobbing"],
     "Die Schulsozialarbeit hilft bei Streit, Mobbing und Sorgen zu Hause – vertraulich und direkt in der Schule.", ""),
    ("Tagespflege {ort}", "Betreuung am Tag für pflegebedürftige Menschen", "pflege-gesundheit", "gesundheit",
     ["senioren", "gesundheit"], ["senioren", "pflegende-angehoerige"], "pflege", ["Tagespflege", "Entlastung", "Demenz"],
     "In der Tagespflege verbringen pflegebedürftige Menschen den Tag in Gesellschaft; ein Fahrdienst holt sie ab.", ""),
    ("Mobilitätsberatung {ort}", "Wege mit Bus, Bahn, Rufbus und Rad", "beratungsstelle", "soziales",
     ["mobilitaet"], ["alle", "senioren", "jugendliche"], "beratung", ["ÖPNV", "Rufbus", "Fahrplan", "Deutschlandticket"],
     "Die Mobilitätsberatung hilft, die beste Verbindung zu finden, und erklärt Rufbus und Deutschlandticket.", ""),
    ("Gesundheitsberatung {ort}", "Impfberatung und Gesundheitsförderung des Gesundheitsamts", "behoerde", "gesundheit",
     ["gesundheit"], ["alle", "familien"], "beratung", ["Impfung", "Gesundheitsamt", "Vorsorge"],
     "Das Gesundheitsamt berät zu Impfungen, Hygiene und Gesundheitsförderung in Kita und Schule.", ""),
]


def plan_entries(areas, rng, count: int, slugify):
    """Metadata of `count` entries: kind, Gemeinde, slug; Gemeinden weighted by population."""
    r = rng
    gemeinden = areas.current_gemeinden()
    weights = [max(600, areas.pop2021[g["gebiet"]]) ** 0.8 for g in gemeinden]
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    entries, taken = [], set()
    for i in range(count):
        kind = KINDS[r.randrange(len(KINDS))]
        g = r.choices(gemeinden, cum_weights=cum)[0]
        ort = g["name"]
        kita = r.choice(KITA_NAMES)
        name = kind[0].format(ort=ort, kita=kita)
        base = slugify(name)
        s, n = base, 1
        while s in taken:
            n += 1
            s = f"{base}-{n}"
        taken.add(s)
        entries.append(dict(i=i, kind=kind, gemeinde=g, name=name if n == 1 else f"{name} ({n})", slug=s))
    return entries


def phone(r, number: int) -> str:
    """A number from the fictional range 030 23125 000–999 in one of the usual ways of writing it."""
    n = f"{number:03d}"
    return r.choice([f"030 23125-{n}", f"030 23125{n}", f"(030) 23125-{n}", f"+49 30 23125-{n}", f"030/23125-{n}",
                     f"+49 (0)30 23125 {n}"])


def entry_file(e, areas, r, slugify, yq, hf_labels) -> str:
    name_pat, sub, kat, bereich, hf, groups, hours, words, body, special = e["kind"]
    g = e["gemeinde"]
    ort, ags, region = g["name"], g["gebiet"], g["sozialregion"]
    traeger = r.choice(TRAEGER).format(ort=ort)
    fm = ["---", f"name: {yq(e['name'])}"]
    if r.random() < 0.85:
        fm.append(f"untertitel: {yq(sub)}")
    fm += [f"traeger: {yq(traeger)}", f"kategorie: {kat}", f"bereich: {bereich}",
           "handlungsfelder: [" + ", ".join(hf) + "]", "zielgruppen: [" + ", ".join(groups) + "]"]
    if special != "geheim":
        fm += ["adresse:", f"  strasse: {r.choice(STREETS)} {r.randint(1, 60)}{r.choice(['', '', '', 'a', 'b'])}",
               f"  plz: \"{PLZ.get(ags, '09600')}\"", f"  ort: {yq(ort)}"]
        if r.random() < 0.15:
            fm.append(f"  ortsteil: {r.choice(ORTSTEILE)}")
    fm.append(f"gemeinde: \"{ags}\"")
    if special != "geheim" and r.random() < 0.8:
        lat0, lon0 = REGION_CENTRE[region]
        h = int(ags[-3:])
        lat = lat0 + ((h * 37) % 100 - 50) / 1000 + (r.random() - 0.5) / 100
        lon = lon0 + ((h * 53) % 100 - 50) / 1000 + (r.random() - 0.5) / 100
        fm.append(f"koordinaten: {{lat: {lat:.4f}, lon: {lon:.4f}}}")
    local = slugify(name_pat.split(" ")[0].replace("„", "")) or "kontakt"
    domain = r.choice(["example.org", "example.org", "example.com", "example.net", "beispiel-mittelsachsen.example"])
    fm.append("kontakt:")
    fm.append(f"  telefon: \"{phone(r, (e['i'] * 7 + 13) % 1000)}\"")
    if special == "geheim" or r.random() < 0.1:
        fm.append(f"  hotline: \"{phone(r, (e['i'] * 7 + 14) % 1000)}\"")
    if r.random() < 0.85:
        fm.append(f"  email: {local}.{slugify(ort)}@{domain}")
    if r.random() < 0.5:
        fm.append(f"  website: https://{domain}/angebote/{e['slug']}")
    if r.random() < 0.7:
        fm.append(f"  rolle: {r.choice(['Beratungsteam', 'Leitung', 'Sekretariat', 'Team vor Ort', 'Koordination'])}")
    if r.random() < 0.2:
        fm.append("  hinweis: Rückruf innerhalb von zwei Werktagen")
    rows = r.choice(HOURS[hours])
    if rows:
        fm.append("oeffnungszeiten:")
        for days, von, bis, extra in rows:
            tage = f"\"{days}\"" if "," in days else days
            fm.append(f"  - {{tage: {tage}, von: \"{von}\", bis: \"{bis}\"" + (f", {extra}" if extra else "") + "}")
    if not rows or r.random() < 0.3:
        fm.append(f"oeffnungszeiten_hinweis: {r.choice(['Termine nach Vereinbarung.', 'In den Schulferien geschlossen.', 'An Feiertagen geschlossen.'])}")
    fm.append(f"termin_noetig: {'true' if hours == 'beratung' and r.random() < 0.6 else 'false'}")
    fm.append(f"kosten: {r.choice(['kostenfrei', 'kostenfrei', 'kostenlos', '2 Euro je Besuch', 'nach Vereinbarung'])}")
    langs = ["Deutsch"]
    if special == "sprachen" or r.random() < 0.25:
        for lang in r.sample(LANGUAGES, r.randint(1, 4)):
            langs.append(lang)
    fm.append("sprachen: [" + ", ".join(langs) + "]")
    if special != "geheim" and r.random() < 0.8:
        fm.append("barrierefreiheit: [" + ", ".join(sorted(r.sample(ACCESS, r.randint(1, 4)), key=ACCESS.index)) + "]")
        if r.random() < 0.2:
            fm.append("barrierefreiheit_hinweis: Klingel am Seiteneingang.")
    if r.random() < 0.2:
        fm.append("online_angebot: true")
    fm.append(f"einzugsgebiet: {yq(r.choice([ort, 'Landkreis Mittelsachsen', 'Sozialregion ' + region, ort + ' und Umgebung']))}")
    fm.append("stichworte: [" + ", ".join(words) + "]")
    days = (STAND_TO - STAND_FROM).days
    fm.append(f"stand: {(STAND_FROM + dt.timedelta(days=r.randrange(days + 1))).isoformat()}")
    fm.append("beispiel: true")
    fm.append("---")
    text = [body]
    if r.random() < 0.5:
        text.append("## So erreichen Sie uns\n\nRufen Sie an oder schreiben Sie eine E-Mail; wir melden uns "
                    "innerhalb von zwei Werktagen. Ein Besuch ohne Termin ist zu den offenen Sprechzeiten möglich.")
    if r.random() < 0.3:
        text.append("## Was Sie mitbringen sollten\n\n- Ihren Ausweis\n- Briefe und Bescheide, um die es geht\n"
                    "- wenn nötig eine Begleitperson oder Dolmetscherin")
    if r.random() < 0.3:
        h = r.choice(hf)
        text.append(f"Mehr zum Thema steht im Handlungsfeld [{hf_labels[h]}](/handlungsfelder/{h}/).")
    return "\n".join(fm) + "\n" + "\n\n".join(text) + "\n"
