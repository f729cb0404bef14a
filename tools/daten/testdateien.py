#!/usr/bin/env python3
"""Schreibt die feindseligen Testdateien nach Tests/DataTests/Fixtures/ (Kodierungen, BOM, UTF-16,
Windows-1252 mit 0x85, Fußnoten, Legenden, kaputte Zeilen). Deterministisch; die Ausgabe ist eingecheckt.

Aufruf aus dem Wurzelordner:  python3 tools/daten/testdateien.py
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "DataTests", "Fixtures")


def write(name, text, encoding="utf-8", newline="\n", bom=b""):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.replace("\n", newline).encode(encoding)
    with open(path, "wb") as f:
        f.write(bom + data)


# GENESIS-Online flat file, older flavour: Kreis as KREISE, Gemeinden as GEMEIN, Sachsen (outside).
write("genesis-flat-alt.csv", """Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;BEVSTD__Bevoelkerungsstand__Anzahl;BEVSTD__Bevoelkerungsstand__q
12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2022;DLAND;Bundesländer;14;Sachsen;4086152;e
12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2022;KREISE;Kreise und kreisfreie Städte;14522;Mittelsachsen, Landkreis;295551;e
12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2022;GEMEIN;Gemeinden;14522180;Freiberg, Stadt;39.401;e
12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2022;GEMEIN;Gemeinden;14522450;Ostrau;3520;p
12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2022;GEMEIN;Gemeinden;14522620;Zschaitz-Ottewig;.;
12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2023;GEMEIN;Gemeinden;14522275;Jahnatal;4711;e
12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2023;GEMEIN;Gemeinden;14522600;Zettlitz;-;e
""")

# GENESIS-Online flat file, newer flavour (English column names), a second dimension (sex).
write("genesis-flat-neu.csv", """statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label;value_q
13211;Arbeitsmarktstatistik;JAHR;Jahr;2022;KREISE;Kreise und kreisfreie Städte;14522;Mittelsachsen, Landkreis;GES;Geschlecht;GESM;männlich;5,6;%;ERW131;Arbeitslosenquote;e
13211;Arbeitsmarktstatistik;JAHR;Jahr;2022;KREISE;Kreise und kreisfreie Städte;14522;Mittelsachsen, Landkreis;GES;Geschlecht;GESW;weiblich;4,9;%;ERW131;Arbeitslosenquote;e
13211;Arbeitsmarktstatistik;JAHR;Jahr;2023;KREISE;Kreise und kreisfreie Städte;14522;Mittelsachsen, Landkreis;GES;Geschlecht;GESM;männlich;6,0;%;ERW131;Arbeitslosenquote;p
13211;Arbeitsmarktstatistik;JAHR;Jahr;2023;KREISE;Kreise und kreisfreie Städte;14522;Mittelsachsen, Landkreis;GES;Geschlecht;GESW;weiblich;5,1;%;ERW131;Arbeitslosenquote;p
13211;Arbeitsmarktstatistik;JAHR;Jahr;2023;GEMEIN;Gemeinden;14522080;Döbeln, Stadt;GES;Geschlecht;GESW;weiblich;7,3;%;ERW131;Arbeitslosenquote;p
13211;Arbeitsmarktstatistik;JAHR;Jahr;2023;GEMEIN;Gemeinden;14522600;Zettlitz;GES;Geschlecht;GESW;weiblich;.;%;ERW131;Arbeitslosenquote;.
""")

# GENESIS / regionalstatistik table: title lines padded with ';', two header rows with empty
# leading cells, time as lines of their own, region rows with an empty key cell, then the legend.
write("genesis-tabelle.csv", """GENESIS-Tabelle: 22811-01-04-4;;;;
Empfänger von Mindestsicherungsleistungen - Stichtag 31.12. -;;;;
regionale Tiefe: Kreise und krfr. Städte, Sozialregionen;;;;
;;;Mindestsicherungsquote;Empfänger
;;;%;Anzahl
2021;;;;
14;;Sachsen, Freistaat;7,1;287.654
14522;;Mittelsachsen, Landkreis;5,5;16.463
;;Sozialregion 1: Freiberg;6,3;2.502
;;Sozialregion 2: Südost (Sayda);4,4;1.713
2022;;;;
14522;;Mittelsachsen, Landkreis;5,9 p;17.385
;;Sozialregion 1: Freiberg;(6,8) p;2.701
;;Sozialregion 2: Südost (Sayda);…;…
__________
Zeichenerklärung:;;;;
- = nichts vorhanden;;;;
0 = weniger als die Hälfte von 1 in der letzten besetzten Stelle;;;;
. = Zahlenwert unbekannt oder geheimzuhalten;;;;
14522;;Mittelsachsen;1,0;2
(C)opyright Statistisches Landesamt des Freistaates Sachsen, 2024;;;;
""")

# Excel "CSV (Trennzeichen-getrennt)" in Windows-1252: 0x85 is "…", umlauts, every symbol of the
# Zeichenerklärung, a series break, rows padded with ';', footnotes, the Jahnatal merger.
excel = """Tabelle 7: Beispielquote in Mittelsachsen nach Gemeinden;;;;;;;;;;;;
Quelle: Statistisches Landesamt Sachsen, eigene Berechnungen der Sozialplanung;;;;;;;;;;;;
;;;;;;;;;;;;
AGS;Gemeinde;2014;2015;2016;2017;2018;2019;2020;2021;2022;2023;
14522;Landkreis Mittelsachsen;1.234,5;9,1 p;6,6p;(4,8) p;| 9,4;|7,0;0;-;-0,7;12;
;Sozialregion 2: Südost (Sayda);/;x;.;*;...;\u2026;3,1 r;2,5 s;(1,0);0,0;
14522080;Döbeln;1;2;3;4;5;6;7;8;9;10 p;
14522450;Ostrau;1,1;1,2;1,3;1,4;1,5;1,6;1,7;1,8;1,9;x;
14522620;Zschaitz-Ottewig;2,1;2,2;2,3;2,4;2,5;2,6;2,7;2,8;2,9;x;
14522275;Jahnatal;x;x;x;x;x;x;x;x;x;3,3 p;
14522600;Zettlitz;;;;;;;;;;\u2026;
;;;;;;;;;;;;
1) Werte für 2023 vorläufig. Für Zettlitz liegen frühere Werte nicht vor;;;;;;;;;;;;
Zeichenerklärung: – nichts vorhanden, … Angabe fällt später an, x Tabellenfach gesperrt;;;;;;;;;;;;
"""
write("excel-tabelle-1252.csv", excel, encoding="cp1252", newline="\r\n")

# The same kind of table saved as "CSV UTF-8" (with BOM) and Windows line ends.
write("excel-utf8-bom.csv", """Arbeitslosenquote;;;;
AGS;Gemeinde;2021;2022;2023
14522080;Döbeln;7,9;7,7;8,1 p
14522360;Mittweida;5,2;5,0;5,3 p
Stand: 30.11.2024;;;;
""", newline="\r\n", bom=b"\xef\xbb\xbf")

# Excel "Unicode-Text": UTF-16 little endian with BOM.
write("excel-utf16.csv", "AGS\tGemeinde\t2023\n14522080\tDöbeln\t8,1\n", encoding="utf-16-le", bom=b"\xff\xfe")

# Broken file: a quoted name with a line break (so physical line != record number), then a row
# with a missing field, a number with two commas and an unknown AGS. All must be reported.
write("excel-fehler.csv", """Beispielquote;;;
AGS;Gemeinde;2022;2023
14522150;"Frankenberg/
Sa.";4,1;4,3
14522080;Döbeln;7,7
14522360;Mittweida;12,3,4;5,3
14522181;Freiberg;6,0;6,1
14522090;Dorfchemnitz;3,0;3,2
""")

# Values for areas in years they did not exist.
write("excel-gueltigkeit.csv", """AGS;Gemeinde;2022;2023
14522275;Jahnatal;4,0;4,1
14522450;Ostrau;3,9;4,2
""")

# Comma-separated export with decimal points (English GENESIS download).
write("genesis-komma-punkt.csv", """AGS,Gemeinde,2022,2023
14522080,Döbeln,7.7,8.1
14522360,Mittweida,5.0,5.25
""")

# Indicator folders for the catalog tests.
write("katalog-fehler/fehlerhaft.md", """---
title: Fehlerhafter Indikator
unit: "%"
decimals: zwei
definition: Test
source: Test
licence: Test
datenstand: 2024-02-30
handlungsfelder: [bildungg, arbeit]
higher_is_better: yes
region_values: daten
kreis_values: daten
farbe: blau
---

Text.
""")
write("katalog-fehler/fehlerhaft.csv", """gebiet;jahr;wert;flag
14522;2021;5,0;
sozialregion-8;2021;4,0;
14522275;2020;3,0;
14522180;2021;0;
14522180;2022;4,2;q
14522080;2021;2,0;
14522080;2021;1,0;
14522090;2021;;
""")
write("katalog-fehler/nur-werte.csv", "gebiet;jahr;wert;flag\n14522;2021;1,0;\n")

write("katalog-summe/einwohner.md", """---
title: Einwohner
unit: Personen
decimals: 0
definition: Einwohner am 31.12.
source: Test
licence: Test
datenstand: 2024-01-31
handlungsfelder: [miteinander]
higher_is_better: none
region_values: summe
kreis_values: daten
---

Text.
""")
write("katalog-summe/einwohner.csv", """gebiet;jahr;wert;flag
14522;2022;100000;
14522450;2022;3000;p
14522620;2022;1200;
14522275;2023;4100;
14522080;2022;20000;
14522080;2023;19900;
14522220;2022;2500;
14522220;2023;2480;
14522250;2022;6700;
14522250;2023;6650;
14522310;2022;;.
14522310;2023;8000;
14522510;2022;7000;
14522510;2023;6950;
14522570;2022;8500;
14522570;2023;8450;
""")
write("katalog-summe/quote.md", """---
title: Quote
unit: "%"
decimals: 1
definition: Test
source: Test
licence: Test
datenstand: 2024-01-31
handlungsfelder: [arbeit]
higher_is_better: false
region_values: mittelwert_gewichtet
gewicht: einwohner
kreis_values: keine
---

Text.
""")
write("katalog-summe/quote.csv", """gebiet;jahr;wert;flag
14522275;2023;5,0;
14522080;2023;10,0;
14522220;2023;2,0;
14522250;2023;4,0;
14522310;2023;6,0;
14522510;2023;3,0;
14522570;2023;8,0;
""")
print("ok")
