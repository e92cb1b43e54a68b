#!/usr/bin/env python3
"""Build graphs/eu-outreach-2025.json, the graph bundled with `leverage`.

Python 3, standard library only. Run from anywhere:

    python3 graphs/build/build_eu_outreach.py [--shared PATH] [--out PATH] [--check-only]

It reads the checked reference data in PATH/data (default: ../shared relative to the repository
root): capitals (Natural Earth), UNGA ES-11 recorded votes (UN Digital Library). Every other figure
is written in the tables below, each with its source, year and range. The output is deterministic
(lists sorted, 2-space indent, trailing newline). The script checks the rules of docs/FORMAT.md
itself and exits non-zero, listing every violation, if one is broken.

The program `leverage` never reads ../shared; this script is only for regenerating and auditing the
bundled data. Method and caveats: docs/DATA.md.
"""

import argparse
import csv
import json
import math
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------

EU27 = ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
        "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
        "SWE"]
SIGNATORIES = ["AUT", "BEL", "BGR", "HRV", "DNK", "EST", "FIN", "DEU", "IRL", "LUX", "NLD", "SVK",
               "SVN", "ESP", "SWE"]
BRICS = ["BRA", "RUS", "IND", "CHN", "ZAF", "EGY", "ETH", "IDN", "IRN", "ARE"]
MERCOSUR = ["ARG", "BRA", "PRY", "URY", "BOL"]
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
G7 = ["CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"]
CSTO = ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK"]
EAEU = ["RUS", "BLR", "ARM", "KAZ", "KGZ"]
SCO = ["CHN", "RUS", "IND", "KAZ", "KGZ", "TJK", "UZB", "IRN", "BLR"]
NATO = ["BEL", "BGR", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ITA", "LVA",
        "LTU", "LUX", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "USA", "GBR", "CAN",
        "NOR", "TUR"]

# id -> (display name, note). Names are the usual English short names (capitals.csv spells some
# countries in older forms; only its coordinates are used).
ACTORS = {
    # EU member states
    "AUT": ("Austria", "EU member; led the letter of the fifteen (Euronews, 2025)"),
    "BEL": ("Belgium", "EU member; signatory; Euroclear (Brussels) holds most immobilised Russian central-bank assets"),
    "BGR": ("Bulgaria", "EU member; signatory; TurkStream transit state"),
    "HRV": ("Croatia", "EU member; signatory"),
    "CYP": ("Cyprus", "EU member"),
    "CZE": ("Czechia", "EU member; ended Russian crude imports via Druzhba in 2025"),
    "DNK": ("Denmark", "EU member; signatory; large military donor to Ukraine"),
    "EST": ("Estonia", "EU member; signatory; borders Russia"),
    "FIN": ("Finland", "EU member; signatory; borders Russia"),
    "FRA": ("France", "EU member; G7; major arms supplier to India, Egypt, Indonesia; still imports Russian LNG"),
    "DEU": ("Germany", "EU member; signatory; G7; largest EU trader with almost every partner"),
    "GRC": ("Greece", "EU member; imports Russian gas via TurkStream"),
    "HUN": ("Hungary", "EU member; most dependent on Russian gas and oil (TurkStream, Druzhba); voted against the EU majority on ES-11/7"),
    "IRL": ("Ireland", "EU member; signatory"),
    "ITA": ("Italy", "EU member; G7; largest EU buyer of Algerian, Azerbaijani and Kazakh energy"),
    "LVA": ("Latvia", "EU member; borders Russia"),
    "LTU": ("Lithuania", "EU member; borders Russia (Kaliningrad) and Belarus"),
    "LUX": ("Luxembourg", "EU member; signatory"),
    "MLT": ("Malta", "EU member"),
    "NLD": ("Netherlands", "EU member; signatory; Rotterdam gateway inflates its recorded extra-EU trade"),
    "POL": ("Poland", "EU member; largest EU trader with Ukraine and Belarus"),
    "PRT": ("Portugal", "EU member"),
    "ROU": ("Romania", "EU member; Moldova's main trade and energy partner"),
    "SVK": ("Slovakia", "EU member; signatory; still dependent on Russian gas and Druzhba oil"),
    "SVN": ("Slovenia", "EU member; signatory"),
    "ESP": ("Spain", "EU member; signatory; imports Russian LNG; arms supplier to Turkey"),
    "SWE": ("Sweden", "EU member; signatory; Gripen supplier to Brazil"),
    # the war
    "RUS": ("Russia", "target of the outreach; BRICS founder"),
    "UKR": ("Ukraine", "the country attacked; EU candidate; Druzhba oil to Hungary and Slovakia crosses it"),
    # G7 and Western partners outside the EU
    "USA": ("United States", "G7; Ukraine's largest military donor; direct US-Russia talks in 2025"),
    "GBR": ("United Kingdom", "G7; Coalition of the Willing; London insurance and price-cap enforcement"),
    "CAN": ("Canada", "G7; donor to Ukraine"),
    "JPN": ("Japan", "G7; 1.4% of Russia's trade in 2023; Sakhalin-2 LNG buyer"),
    "NOR": ("Norway", "largest gas supplier to the EU and the UK; borders Russia; donor to Ukraine"),
    "CHE": ("Switzerland", "applies EU sanctions; commodity-trading and banking hub"),
    # BRICS (RUS and BRA listed elsewhere)
    "BRA": ("Brazil", "BRICS founder; Mercosur; 1.6% of Russia's trade in 2023; buys Russian diesel and fertiliser"),
    "IND": ("India", "BRICS founder; Russia's 2nd trade partner in 2023 (9.1%); 2nd buyer of Russian crude; Russian arms"),
    "CHN": ("China", "BRICS founder; Russia's 1st trade partner in 2023 (33.8%); 1st buyer of Russian crude; dual-use supplier"),
    "ZAF": ("South Africa", "BRICS founder; led the 2023 African peace mission"),
    "EGY": ("Egypt", "BRICS member since 2024; Russian wheat and Rosatom's El Dabaa plant; 0.8% of Russia's trade in 2023"),
    "ETH": ("Ethiopia", "BRICS member since 2024; seat of the African Union"),
    "IDN": ("Indonesia", "BRICS member since 2025; EU trade negotiations under way"),
    "IRN": ("Iran", "BRICS member since 2024; drones and missiles for Russia; strategic partnership treaty January 2025"),
    "ARE": ("United Arab Emirates", "BRICS member since 2024; payment, trading and re-export hub for Russia; prisoner-exchange mediator"),
    # Mercosur (BRA above)
    "ARG": ("Argentina", "Mercosur founder"),
    "PRY": ("Paraguay", "Mercosur founder"),
    "URY": ("Uruguay", "Mercosur founder"),
    "BOL": ("Bolivia", "Mercosur full member since 2024 (accession protocol ratified 2023); BRICS partner country since 2025; Rosatom projects"),
    # Central Asia
    "KAZ": ("Kazakhstan", "Central Asia; EAEU, CSTO; 5th trade partner of Russia (3.7%); oil exports transit Russia (CPC)"),
    "KGZ": ("Kyrgyzstan", "Central Asia; EAEU, CSTO; parallel imports to Russia; remittances from Russia"),
    "TJK": ("Tajikistan", "Central Asia; CSTO; Russian 201st base; remittances from Russia ~ a third of GDP"),
    "TKM": ("Turkmenistan", "Central Asia; neutral; gas exports mostly to China"),
    "UZB": ("Uzbekistan", "Central Asia; 1.4% of Russia's trade in 2023; Russian gas imports since 2023; migrant workers in Russia"),
    # neighbours and others that matter most to Russia's economy and war effort
    "TUR": ("Turkey", "NATO; Russia's 3rd trade partner in 2023 (8.0%); TurkStream; hosted Russia-Ukraine talks 2022 and 2025"),
    "BLR": ("Belarus", "Union State with Russia; 4th trade partner (7.7%); staging ground of the 2022 invasion"),
    "PRK": ("North Korea", "munitions, missiles and troops for Russia's war (2023-25); mutual defence treaty June 2024"),
    "KOR": ("South Korea", "2.1% of Russia's trade in 2023 (Russian Federal Customs Service / RIA Novosti); applies export controls on Russia"),
    "ARM": ("Armenia", "EAEU; CSTO (participation frozen 2024); 1.0% of Russia's trade in 2023; re-exports to Russia"),
    "GEO": ("Georgia", "EU candidate; ~20% of its territory occupied by Russia; transit route to Russia"),
    "AZE": ("Azerbaijan", "gas and oil exporter to the EU; North-South transport corridor with Russia and Iran"),
    "SRB": ("Serbia", "EU candidate; Russian gas and Gazprom-owned NIS; did not join sanctions"),
    "SAU": ("Saudi Arabia", "OPEC+ co-leader with Russia; hosted US-Russia talks February 2025; invited to BRICS, not a member"),
    "VNM": ("Viet Nam", "legacy Russian arms customer; BRICS partner country (announced June 2025)"),
    "DZA": ("Algeria", "one of the few states still ordering Russian arms after 2022 (SIPRI); gas supplier to Italy and Spain"),
    "QAT": ("Qatar", "mediator for the return of Ukrainian children; LNG exporter"),
    "ISR": ("Israel", "kept direct channels to Moscow; Russian-speaking diaspora"),
    "MDA": ("Moldova", "EU candidate; Russian troops in Transnistria; energy crisis of January 2025"),
}

# --------------------------------------------------------------------------------------------
# Source strings used many times
# --------------------------------------------------------------------------------------------

S_RUS_TRADE = ("Russian Federal Customs Service (total 2023, USD 710.1bn) and RIA Novosti compilation of "
               "partner national statistics, 2023: partner's share of Russia's goods trade (post-2022 Russian "
               "figures: state media / mirror data)")
S_RUS_TRADE_CHN = ("GACC China customs 2023 (USD 240.1bn) over Russia's total trade (Russian Federal Customs "
                   "Service, USD 710.1bn; RIA Novosti): China's share of Russia's goods trade")
S_RUS_TRADE_MIRROR = ("IMF Direction of Trade Statistics, partner-reported (mirror) data 2023, over Russia's "
                      "total trade (Russian Federal Customs Service, USD 710.1bn): estimate")
S_RUS_TRADE_EU = ("Eurostat Comext 2023 (EU-Russia trade EUR 82.5bn Jan-Nov; member shares estimated) over "
                  "Russia's total trade (Russian Federal Customs Service, USD 710.1bn): estimate")
S_CREA = ("CREA (Centre for Research on Energy and Clean Air), Russian fossil fuel tracker, 2024: buyer's "
          "share of Russia's fossil-fuel export revenue; range spans the crude-export share")
S_SIPRI = ("SIPRI Arms Transfers Database, TIV 2019-2023 (SIPRI Fact Sheet March 2024): supplier's share "
           "of the recipient's arms imports; rounded")
S_SIPRI_EST = ("SIPRI Arms Transfers Database, TIV 2019-2023 (SIPRI Fact Sheet March 2024), approximate "
               "share of the recipient's arms imports; analyst reading, wide range")
S_KIEL_MIL = ("Kiel Institute, Ukraine Support Tracker (release February 2025): donor's share of military "
              "aid allocated to Ukraine, Jan 2022 - Dec 2024")
S_KIEL_AID = ("Kiel Institute, Ukraine Support Tracker (release February 2025): donor's share of financial "
              "and humanitarian aid allocated to Ukraine, Jan 2022 - Dec 2024 (EU institutions, not an actor "
              "here, hold most of the rest)")
S_DAC = ("OECD DAC Creditor Reporting System 2022-2023: donor's share of the recipient's official "
         "development assistance; analyst estimate")
S_DIPLO = ("analyst estimate (no statistic measures it): diplomatic dependence from summitry, UN "
           "Security Council cover, mediation roles and treaty ties, 2024-2025; wide range")
S_INTRA = ("Eurostat Comext 2023, partner's share of the member's total goods trade (exports+imports), "
           "approximate and rounded")
S_USA = ("IMF Direction of Trade Statistics 2023 / US Census Bureau: United States' share of the "
         "partner's goods trade; rounded")
S_GBR = ("IMF Direction of Trade Statistics 2023 / ONS UK trade: United Kingdom's share of the partner's "
         "goods trade; rounded")
S_CHN = ("IMF Direction of Trade Statistics 2023 / GACC China customs: China's share of the partner's "
         "goods trade (mirror asymmetries widen the range); rounded")
S_RECEPT = ("UN Digital Library, UNGA A/RES/ES-11/1..8 recorded votes; alignment with EU27 majority "
            "(rule: docs/DATA.md)")

# --------------------------------------------------------------------------------------------
# Figure tables
#
# A row is (from, to, channel, value, range, source, year). `range` is either (low, high) or a
# relative half-width r, giving [value*(1-r), value*(1+r)] clipped to [0, 1].
# --------------------------------------------------------------------------------------------

ROWS = []


def row(frm, to, ch, value, rng, source, year):
    ROWS.append((frm, to, ch, value, rng, source, year))


# ---- 1. partner -> RUS: Russia's dependence on the partner ----------------------------------

# trade: FACTS table (Russian Federal Customs Service total; RIA Novosti partner compilation)
for p, v, r in [("CHN", 0.338, (0.31, 0.36)), ("IND", 0.091, 0.15), ("TUR", 0.080, 0.15),
                ("BLR", 0.077, 0.2), ("KAZ", 0.037, 0.15), ("KOR", 0.021, 0.15),
                ("DEU", 0.017, 0.15), ("ARE", 0.017, 0.3), ("BRA", 0.016, 0.15),
                ("NLD", 0.014, 0.15), ("UZB", 0.014, 0.15), ("JPN", 0.014, 0.15),
                ("ARM", 0.010, 0.15), ("EGY", 0.008, 0.2)]:
    src = S_RUS_TRADE_CHN if p == "CHN" else S_RUS_TRADE
    if p == "ARE":
        src += "; UAE figure extrapolated from nine months"
    if p == "BLR":
        src += "; Belarus figure approximate (~USD 55bn)"
    row(p, "RUS", "trade", v, r, src, 2023)

# trade: other partners, from mirror statistics (estimates)
for p, v in [("USA", 0.007), ("GBR", 0.002), ("CHE", 0.004), ("NOR", 0.0014), ("ISR", 0.003),
             ("KGZ", 0.005), ("TJK", 0.0015), ("TKM", 0.002), ("AZE", 0.006), ("GEO", 0.0035),
             ("SRB", 0.004), ("VNM", 0.0065), ("DZA", 0.0035), ("IRN", 0.0065), ("IDN", 0.006),
             ("ZAF", 0.002), ("ARG", 0.0013), ("SAU", 0.002)]:
    row(p, "RUS", "trade", v, 0.35, S_RUS_TRADE_MIRROR, 2023)

# trade: EU members other than DEU and NLD (member shares of EU-Russia trade, estimates).
# IRL, LUX, MLT, CYP are below 0.001 and omitted.
for p, v in [("ITA", 0.013), ("BEL", 0.011), ("HUN", 0.009), ("ESP", 0.008), ("FRA", 0.008),
             ("SVK", 0.007), ("AUT", 0.006), ("POL", 0.005), ("CZE", 0.0045), ("GRC", 0.004),
             ("BGR", 0.004), ("FIN", 0.0035), ("LTU", 0.003), ("LVA", 0.002), ("ROU", 0.002),
             ("SVN", 0.002), ("SWE", 0.0015), ("DNK", 0.0015), ("HRV", 0.001), ("EST", 0.001),
             ("PRT", 0.001)]:
    row(p, "RUS", "trade", v, 0.3, S_RUS_TRADE_EU, 2023)

# energy: buyers' share of Russia's fossil-fuel export revenue
for p, v, r, extra in [
        ("CHN", 0.33, (0.28, 0.48), "; China took ~45-50% of Russia's crude exports"),
        ("IND", 0.21, (0.17, 0.38), "; India took ~35-40% of Russia's crude exports"),
        ("TUR", 0.14, (0.10, 0.20), "; refined products, crude and TurkStream gas"),
        ("HUN", 0.02, (0.012, 0.03), "; Druzhba crude and TurkStream gas"),
        ("SVK", 0.015, (0.009, 0.025), "; Druzhba crude and pipeline gas"),
        ("FRA", 0.012, (0.006, 0.02), "; Yamal LNG"),
        ("ESP", 0.01, (0.005, 0.018), "; Yamal LNG"),
        ("BEL", 0.01, (0.005, 0.018), "; LNG imports and transshipment at Zeebrugge"),
        ("NLD", 0.006, (0.003, 0.012), "; LNG"),
        ("GRC", 0.006, (0.003, 0.012), "; TurkStream gas"),
        ("JPN", 0.02, (0.01, 0.03), "; Sakhalin-2 LNG and crude"),
        ("KOR", 0.015, (0.007, 0.025), "; coal, naphtha, crude"),
        ("BRA", 0.02, (0.01, 0.03), "; diesel"),
        ("ARE", 0.02, (0.01, 0.04), "; fuel oil and products, incl. for re-export via Fujairah"),
        ("BLR", 0.05, (0.03, 0.08), "; crude for Belarusian refineries; analyst estimate")]:
    row(p, "RUS", "energy", v, r, S_CREA + extra, 2024)

row("SAU", "RUS", "energy", 0.1, (0.04, 0.25),
    "analyst estimate: OPEC+ production decisions (co-chaired with Russia) set the price Russia's oil "
    "export revenue depends on; OPEC Secretariat 2024; wide range", 2024)

# security: Russia's dependence for its war effort
row("PRK", "RUS", "security", 0.4, (0.25, 0.6),
    "analyst estimate from South Korean NIS and Ukrainian defence intelligence statements and RUSI "
    "analysis 2024: several million artillery shells, KN-23/24 missiles, c. 11,000-14,000 troops in "
    "Kursk; share of Russia's artillery ammunition supply", 2024)
row("IRN", "RUS", "security", 0.2, (0.1, 0.35),
    "analyst estimate from US, UK and EU sanctions designations 2023-24: Shahed/Geran drones "
    "(production localised at Alabuga), Fath-360 missiles", 2024)
row("CHN", "RUS", "security", 0.5, (0.35, 0.7),
    "analyst estimate from US State Department and G7 statements 2024: China supplies ~90% of "
    "Russia's imported microelectronics and ~70% of its imported machine tools (dual-use)", 2024)
row("BLR", "RUS", "security", 0.25, (0.15, 0.4),
    "analyst estimate: Union State military integration, territory used for the 2022 invasion, "
    "arms-industry cooperation", 2024)
row("TUR", "RUS", "security", 0.08, (0.03, 0.15),
    "analyst estimate: Montreux Convention control of the Turkish Straits, closed to warships of "
    "belligerents since February 2022", 2024)

# finance: payments, settlement, sanctions-evasion channels
for p, v, r, src in [
        ("CHN", 0.45, (0.3, 0.6), "analyst estimate from Bank of Russia and Moscow Exchange data 2024: "
         "yuan ~40% of Russia's trade settlements and most exchange FX trading"),
        ("ARE", 0.2, (0.1, 0.35), "analyst estimate: UAE as hub for Russian oil traders, payments and "
         "capital (Reuters/FT investigations 2023-24; US Treasury OFAC designations)"),
        ("TUR", 0.12, (0.05, 0.25), "analyst estimate: Turkish banks as payment channel, tightened after "
         "US secondary sanctions (Executive Order 14114, December 2023)"),
        ("KAZ", 0.06, (0.03, 0.12), "analyst estimate: parallel imports and payment agents (EBRD and "
         "sanctions-circumvention studies 2023-24)"),
        ("KGZ", 0.05, (0.02, 0.1), "analyst estimate: parallel imports, re-exports of dual-use goods "
         "and payment agents (EBRD; OFAC designations of Kyrgyz banks 2024)"),
        ("ARM", 0.05, (0.02, 0.1), "analyst estimate: parallel imports and re-exports (EBRD 2023-24; "
         "Armstat trade surge 2022-23)"),
        ("UZB", 0.02, (0.005, 0.05), "analyst estimate: parallel imports (EBRD 2023-24)"),
        ("IND", 0.03, (0.01, 0.08), "analyst estimate: rupee and dirham settlement of oil trade; dual-use "
         "exports flagged by US Commerce 2024"),
        ("BEL", 0.25, (0.15, 0.4), "Euroclear annual report 2024: ~EUR 183bn of the ~EUR 260bn of "
         "immobilised Bank of Russia assets held in Brussels; leverage weight is an analyst estimate"),
        ("USA", 0.3, (0.15, 0.45), "analyst estimate: US dollar clearing and secondary sanctions "
         "(OFAC; Executive Order 14114)"),
        ("GBR", 0.08, (0.03, 0.15), "analyst estimate: London marine insurance and enforcement of the "
         "G7 oil price cap (HM Treasury OFSI 2024)"),
        ("CHE", 0.04, (0.02, 0.08), "analyst estimate: commodity-trading and banking hub; Swiss SECO "
         "frozen assets (CHF 7.4bn, 2024)")]:
    row(p, "RUS", "finance", v, r, src, 2024)

# diplomacy: analyst estimates
for p, v, r in [("CHN", 0.5, (0.3, 0.7)), ("IND", 0.2, (0.1, 0.35)), ("BLR", 0.25, (0.1, 0.4)),
                ("TUR", 0.2, (0.1, 0.35)), ("USA", 0.35, (0.15, 0.55)), ("SAU", 0.12, (0.05, 0.25)),
                ("ARE", 0.1, (0.04, 0.2)), ("BRA", 0.1, (0.04, 0.2)), ("ZAF", 0.08, (0.03, 0.15)),
                ("IRN", 0.1, (0.04, 0.2)), ("PRK", 0.08, (0.03, 0.15)), ("KAZ", 0.1, (0.04, 0.2)),
                ("QAT", 0.05, (0.02, 0.1)), ("HUN", 0.1, (0.04, 0.2)), ("SVK", 0.05, (0.02, 0.1)),
                ("ETH", 0.03, (0.01, 0.08)), ("EGY", 0.05, (0.02, 0.1)), ("IDN", 0.04, (0.01, 0.08)),
                ("DZA", 0.03, (0.01, 0.08)), ("ISR", 0.03, (0.01, 0.08)), ("UZB", 0.05, (0.02, 0.1)),
                ("VNM", 0.03, (0.01, 0.08)), ("SRB", 0.04, (0.01, 0.08)), ("BOL", 0.02, (0.005, 0.05)),
                ("ARM", 0.03, (0.01, 0.08)), ("KGZ", 0.03, (0.01, 0.08)), ("TJK", 0.03, (0.01, 0.08))]:
    row(p, "RUS", "diplomacy", v, r, S_DIPLO, 2025)

# people: Russia's dependence on Central Asian migrant labour
for p, v, r in [("UZB", 0.025, (0.01, 0.05)), ("TJK", 0.015, (0.007, 0.03)),
                ("KGZ", 0.01, (0.005, 0.02))]:
    row(p, "RUS", "people", v, r,
        "analyst estimate from Russian Interior Ministry migration statistics 2023: the partner's "
        "migrant workers as a share of Russia's labour force", 2023)

# ---- 2. RUS -> partner: the partner's dependence on Russia ----------------------------------

for p, v, r, src, yr in [
        ("CHN", 0.040, 0.1, "GACC China customs 2023: Russia USD 240.1bn of China's USD 5.94tn trade", 2023),
        ("IND", 0.059, 0.15, "India DGCI&S, FY2023-24: Russia's share of India's goods trade", 2023),
        ("TUR", 0.092, 0.15, "Turkstat 2023: Russia's share of Turkey's goods trade", 2023),
        ("BLR", 0.50, (0.45, 0.6), "Belstat / Russian statements 2023 (Belarus stopped publishing partner "
         "detail): Russia ~half of Belarus's goods trade", 2023),
        ("KAZ", 0.18, 0.15, "Kazakhstan Bureau of National Statistics 2023: Russia's share of goods trade", 2023),
        ("KGZ", 0.25, 0.2, "National Statistical Committee of Kyrgyzstan 2023: Russia's share of goods trade", 2023),
        ("TJK", 0.23, 0.25, "Tajikistan statistics agency / IMF DOTS 2023: Russia's share of goods trade", 2023),
        ("TKM", 0.08, 0.4, "IMF DOTS mirror data 2023: Russia's share of Turkmenistan's goods trade; estimate", 2023),
        ("UZB", 0.157, 0.15, "Uzbekistan National Statistics Committee 2023: Russia's share of goods trade", 2023),
        ("ARM", 0.35, 0.15, "Armstat 2023: Russia's share of Armenia's goods trade", 2023),
        ("AZE", 0.08, 0.25, "State Customs Committee of Azerbaijan 2023: Russia's share of goods trade", 2023),
        ("GEO", 0.11, 0.15, "Geostat 2023: Russia's share of Georgia's goods trade", 2023),
        ("SRB", 0.045, 0.25, "Statistical Office of Serbia 2023: Russia's share of goods trade", 2023),
        ("MDA", 0.025, 0.3, "National Bureau of Statistics of Moldova 2023: Russia's share of goods trade", 2023),
        ("EGY", 0.047, 0.25, "CAPMAS / IMF DOTS 2023: Russia's share of Egypt's goods trade", 2023),
        ("ETH", 0.015, 0.5, "IMF DOTS 2023: Russia's share of Ethiopia's goods trade; estimate", 2023),
        ("IDN", 0.009, 0.25, "BPS Statistics Indonesia 2023: Russia's share of goods trade", 2023),
        ("IRN", 0.03, 0.4, "IMF DOTS mirror data 2023: Russia's share of Iran's goods trade; estimate", 2023),
        ("ARE", 0.015, 0.35, "UAE FCSC 2023 (non-oil trade): Russia's share; estimate", 2023),
        ("BRA", 0.019, 0.15, "Brazil MDIC ComexStat 2023: Russia's share of goods trade", 2023),
        ("ZAF", 0.005, 0.3, "South African Revenue Service 2023: Russia's share of goods trade", 2023),
        ("ARG", 0.006, 0.3, "INDEC 2023: Russia's share of Argentina's goods trade", 2023),
        ("PRY", 0.005, 0.4, "IMF DOTS 2023: Russia's share of Paraguay's goods trade; estimate", 2023),
        ("URY", 0.003, 0.4, "IMF DOTS 2023: Russia's share of Uruguay's goods trade; estimate", 2023),
        ("BOL", 0.004, 0.5, "IMF DOTS 2023: Russia's share of Bolivia's goods trade; estimate", 2023),
        ("KOR", 0.012, 0.15, "Korea Customs Service 2023: Russia's share of goods trade", 2023),
        ("JPN", 0.0065, 0.15, "Japan Ministry of Finance trade statistics 2023: Russia's share", 2023),
        ("VNM", 0.007, 0.25, "General Statistics Office of Viet Nam 2023: Russia's share", 2023),
        ("DZA", 0.025, 0.4, "IMF DOTS mirror data 2023: Russia's share of Algeria's goods trade; estimate", 2023),
        ("SAU", 0.003, 0.4, "GASTAT 2023: Russia's share of Saudi Arabia's goods trade; estimate", 2023),
        ("ISR", 0.012, 0.4, "Israel CBS 2023: Russia's share of goods trade; estimate", 2023),
        ("NOR", 0.003, 0.4, "Statistics Norway 2023: Russia's share of goods trade; estimate", 2023),
        ("CHE", 0.004, 0.4, "Swiss FOCBS 2023: Russia's share of goods trade (excl. gold); estimate", 2023),
        ("USA", 0.001, 0.3, "US Census Bureau 2023: Russia's share of US goods trade", 2023),
        ("GBR", 0.0015, 0.3, "ONS UK trade 2023: Russia's share of UK goods trade", 2023),
        ("PRK", 0.03, (0.01, 0.15), "KOTRA / IMF DOTS mirror data 2023: recorded Russia trade small, "
         "unrecorded deliveries unknown; analyst estimate", 2023)]:
    row("RUS", p, "trade", v, r, src, yr)

# Russia's share of each EU member's total goods trade (IRL below 0.001 omitted)
for m, v in [("HUN", 0.025), ("SVK", 0.024), ("BGR", 0.04), ("LTU", 0.03), ("LVA", 0.03),
             ("EST", 0.02), ("FIN", 0.02), ("GRC", 0.03), ("SVN", 0.02), ("AUT", 0.015),
             ("CZE", 0.012), ("BEL", 0.012), ("NLD", 0.01), ("ITA", 0.01), ("ESP", 0.01),
             ("POL", 0.008), ("ROU", 0.008), ("HRV", 0.008), ("DEU", 0.007), ("FRA", 0.006),
             ("PRT", 0.004), ("DNK", 0.004), ("SWE", 0.003), ("CYP", 0.008), ("MLT", 0.004),
             ("LUX", 0.002)]:
    row("RUS", m, "trade", v, 0.3,
        "Eurostat Comext 2023: Russia's share of the member's total goods trade; approximate", 2023)

# energy: share of the partner's energy imports from Russia (exporters: revenue depending on Russia)
for p, v, r, src, yr in [
        ("CHN", 0.18, (0.14, 0.23), "GACC 2024: Russia China's largest crude supplier (~20% of crude "
         "imports) plus Power of Siberia gas; share of China's energy imports, estimate", 2024),
        ("IND", 0.35, (0.3, 0.42), "Kpler via CREA and PPAC India 2024: Russia ~35-40% of India's crude "
         "imports", 2024),
        ("TUR", 0.4, (0.3, 0.55), "EPDK/BOTAŞ 2023-24: Russia ~40% of Turkey's gas imports (TurkStream, "
         "Blue Stream), largest crude and diesel supplier; Akkuyu NPP (Rosatom); estimate", 2024),
        ("BLR", 0.9, (0.85, 0.97), "Belarus energy balance (Belstat) 2022: almost all crude and gas from "
         "Russia; estimate", 2023),
        ("KAZ", 0.8, (0.7, 0.9), "CPC (Caspian Pipeline Consortium) 2023 and Kazakhstan Ministry of Energy: "
         "~80% of Kazakhstan's oil exports transit Russia to Novorossiysk", 2023),
        ("KGZ", 0.7, (0.55, 0.9), "National Statistical Committee of Kyrgyzstan 2023: ~90% of fuel imports "
         "from Russia; Gazprom owns the gas network; estimate", 2023),
        ("TJK", 0.5, (0.3, 0.7), "IMF DOTS mirror data 2023: Russian fuel share of Tajikistan's energy "
         "imports; estimate", 2023),
        ("UZB", 0.3, (0.15, 0.45), "Gazprom / Uzbekistan Ministry of Energy 2024: Russian gas imports since "
         "October 2023 plus oil products; estimate", 2024),
        ("TKM", 0.1, (0.03, 0.2), "Gazprom 2023: purchases of Turkmen gas (~5 bcm/year), share of "
         "Turkmenistan's gas export revenue; estimate", 2023),
        ("ARM", 0.8, (0.7, 0.9), "Armstat / PSRC Armenia 2023: ~85% of gas from Gazprom Armenia; Russian "
         "nuclear fuel for Metsamor; estimate", 2023),
        ("GEO", 0.2, (0.1, 0.35), "Geostat energy balance 2023: Russian oil products, some gas and "
         "electricity; estimate", 2023),
        ("SRB", 0.7, (0.55, 0.85), "Srbijagas / Serbian Energy Agency 2024: ~85% of gas from Russia via "
         "TurkStream; NIS refinery majority-owned by Gazprom Neft; estimate", 2024),
        ("MDA", 0.05, (0.0, 0.15), "Moldova Energy Ministry 2025: right-bank Moldova buys no Russian gas; "
         "MGRES (Transnistria) power supply ended January 2025; estimate", 2025),
        ("EGY", 0.05, (0.02, 0.1), "estimate: El Dabaa NPP built and financed by Rosatom; Russian oil "
         "products (Kpler 2024)", 2024),
        ("BRA", 0.15, (0.08, 0.25), "ANP / ComexStat 2023: Russia ~40% of Brazil's diesel imports; share of "
         "energy imports, estimate", 2023),
        ("HUN", 0.65, (0.5, 0.8), "MEKH / ACER 2024: Russia ~80% of Hungary's gas (TurkStream) and ~2/3 "
         "of its crude (Druzhba); share of energy imports, estimate", 2024),
        ("SVK", 0.6, (0.45, 0.8), "Slovak Ministry of Economy / ACER 2024: Druzhba crude and Russian gas "
         "(via TurkStream since 2025); estimate", 2025),
        ("AUT", 0.1, (0.02, 0.3), "E-Control 2025: OMV ended its Gazprom contract December 2024 and "
         "transit via Ukraine stopped January 2025; residual dependence, estimate", 2025),
        ("CZE", 0.03, (0.0, 0.1), "Czech Ministry of Industry 2025: Druzhba crude imports ended April "
         "2025 (TAL-Plus); residual, estimate", 2025),
        ("GRC", 0.15, (0.08, 0.25), "DESFA 2024: Russian pipeline gas ~40% of Greece's gas imports; share "
         "of energy imports, estimate", 2024),
        ("BGR", 0.05, (0.02, 0.12), "estimate: TurkStream transit revenue; Russian crude at Neftochim "
         "ended 2023 (Bulgarian Ministry of Energy)", 2024),
        ("FRA", 0.04, (0.02, 0.07), "CREA / Kpler 2024: Yamal LNG ~15-20% of France's LNG imports; share of "
         "energy imports, estimate", 2024),
        ("BEL", 0.05, (0.02, 0.08), "CREA / Kpler 2024: Russian LNG landed at Zeebrugge; estimate", 2024),
        ("ESP", 0.06, (0.03, 0.1), "Enagás / CORES 2024: Russian LNG ~20% of Spain's LNG imports; share of "
         "energy imports, estimate", 2024),
        ("NLD", 0.03, (0.01, 0.06), "CREA / Kpler 2024: Russian LNG at Rotterdam (Gate); estimate", 2024),
        ("JPN", 0.08, (0.05, 0.1), "Japan METI / Ministry of Finance 2024: Sakhalin-2 LNG ~9% of Japan's "
         "LNG imports; estimate", 2024),
        ("KOR", 0.05, (0.02, 0.08), "Korea Customs Service 2024: Russian naphtha, coal and LNG; estimate", 2024),
        ("SAU", 0.05, (0.02, 0.1), "Kpler 2023-24: Russian fuel oil imports for summer power generation; "
         "estimate", 2024),
        ("ARE", 0.05, (0.02, 0.1), "Kpler 2023-24: Russian fuel oil and products stored and re-exported "
         "at Fujairah; estimate", 2024),
        ("PRK", 0.2, (0.1, 0.4), "UN Panel of Experts (1718 Committee) 2024 and ROK/US statements: "
         "refined petroleum deliveries above the UN cap; estimate", 2024)]:
    row("RUS", p, "energy", v, r, src, yr)

# security: arms imports (SIPRI) and military presence
for p, v, r, src in [
        ("IND", 0.36, (0.3, 0.45), S_SIPRI),
        ("CHN", 0.2, (0.1, 0.4), S_SIPRI + "; Russia ~77% of China's arms imports, discounted because "
         "imports are small next to China's own production (engines remain a dependence)"),
        ("EGY", 0.2, (0.1, 0.3), S_SIPRI_EST),
        ("DZA", 0.5, (0.4, 0.75), S_SIPRI + "; Algeria kept ordering Russian arms after 2022"),
        ("VNM", 0.55, (0.4, 0.75), S_SIPRI_EST),
        ("KAZ", 0.7, (0.55, 0.85), S_SIPRI_EST + "; plus CSTO membership"),
        ("BLR", 0.9, (0.8, 0.98), "SIPRI Arms Transfers Database 2019-2023; Union State military "
         "integration, Russian tactical nuclear weapons deployed 2023, CSTO; estimate"),
        ("ARM", 0.4, (0.2, 0.6), S_SIPRI_EST + "; Russian 102nd base at Gyumri; CSTO participation "
         "frozen 2024, imports shifting to India and France"),
        ("KGZ", 0.6, (0.4, 0.8), "analyst estimate: Russian Kant air base, CSTO; SIPRI 2019-2023"),
        ("TJK", 0.7, (0.5, 0.85), "analyst estimate: Russian 201st military base, CSTO; SIPRI 2019-2023"),
        ("UZB", 0.25, (0.1, 0.4), S_SIPRI_EST),
        ("TKM", 0.2, (0.1, 0.35), S_SIPRI_EST),
        ("AZE", 0.15, (0.05, 0.25), S_SIPRI_EST + "; Israel and Turkey are the main suppliers"),
        ("SRB", 0.25, (0.1, 0.4), S_SIPRI_EST + "; MiG-29, Pantsir"),
        ("IRN", 0.25, (0.1, 0.4), "analyst estimate: reported Su-35 and Yak-130 deliveries 2023, air "
         "defence cooperation; SIPRI 2019-2023"),
        ("PRK", 0.4, (0.2, 0.6), "analyst estimate: Treaty on Comprehensive Strategic Partnership (June "
         "2024) with mutual-defence clause; reported technology transfers"),
        ("ETH", 0.1, (0.03, 0.2), S_SIPRI_EST),
        ("IDN", 0.05, (0.02, 0.1), S_SIPRI_EST + "; legacy Su-27/30 fleet"),
        ("GEO", 0.3, (0.15, 0.5), "analyst estimate: Russian forces in Abkhazia and South Ossetia (~20% "
         "of Georgia's territory); coercive leverage"),
        ("MDA", 0.2, (0.1, 0.35), "analyst estimate: Operational Group of Russian Forces in Transnistria"),
        ("TUR", 0.05, (0.02, 0.1), S_SIPRI_EST + "; S-400")]:
    row("RUS", p, "security", v, r, src, 2023 if src.startswith("SIPRI") else 2024)

# food: share of the partner's wheat (or fertiliser) imports from Russia
for p, v, r, src in [
        ("EGY", 0.6, (0.45, 0.75), "USDA FAS GAIN Egypt 2023-24: Russia's share of Egypt's wheat imports"),
        ("TUR", 0.6, (0.45, 0.8), "Turkstat / USDA FAS 2023: Russia's share of Turkey's wheat imports"),
        ("ARM", 0.9, (0.8, 0.98), "Armstat 2023: Russia's share of Armenia's wheat imports"),
        ("GEO", 0.85, (0.7, 0.95), "Geostat 2023: Russia's share of Georgia's wheat imports"),
        ("AZE", 0.7, (0.5, 0.85), "State Customs Committee of Azerbaijan 2023: Russia's share of wheat "
         "imports; estimate"),
        ("IRN", 0.4, (0.2, 0.6), "USDA FAS 2023: Russia's share of Iran's wheat imports; estimate"),
        ("DZA", 0.25, (0.1, 0.4), "USDA FAS 2023-24: Russia's rising share of Algeria's wheat imports; "
         "estimate"),
        ("BRA", 0.25, (0.2, 0.3), "Brazil MDIC ComexStat 2023: Russia's share of Brazil's fertiliser "
         "imports"),
        ("IND", 0.15, (0.08, 0.25), "India Department of Fertilizers 2023-24: Russia's share of fertiliser "
         "imports; estimate")]:
    row("RUS", p, "food", v, r, src, 2023)

# finance
for p, v, r, src in [
        ("BLR", 0.5, (0.35, 0.65), "Belarus Ministry of Finance 2023: Russia holds most of Belarus's "
         "external public debt; Russian banking links; estimate"),
        ("ARM", 0.1, (0.05, 0.2), "Central Bank of Armenia 2023: Russian banks and 2022-23 capital and "
         "migrant inflows; estimate"),
        ("KGZ", 0.1, (0.05, 0.2), "analyst estimate: Russian banks, payment systems and EAEU capital flows"),
        ("KAZ", 0.08, (0.03, 0.15), "analyst estimate: Russian banks and EAEU capital flows"),
        ("IRN", 0.1, (0.03, 0.2), "analyst estimate: Mir-Shetab card link and bank messaging link "
         "2023-24"),
        ("PRK", 0.15, (0.05, 0.3), "analyst estimate: ruble settlement and bank accounts opened 2024"),
        ("ARE", 0.05, (0.02, 0.1), "analyst estimate: Russian capital in Dubai property and banks"),
        ("HUN", 0.15, (0.08, 0.25), "Paks II agreement: EUR 10bn Russian state loan (2014, amended "
         "2024); Gazprom deferred payments; estimate"),
        ("EGY", 0.1, (0.05, 0.2), "El Dabaa NPP: USD 25bn Russian state loan (2015); estimate"),
        ("TUR", 0.1, (0.05, 0.2), "analyst estimate: Akkuyu financing, deferred gas payments")]:
    row("RUS", p, "finance", v, r, src, 2024)

# people: remittances from Russia as a share of GDP (or, for TUR, Russian tourists)
for p, v, r, src in [
        ("TJK", 0.38, (0.3, 0.45), "World Bank KNOMAD 2023: remittances ~45% of Tajikistan's GDP, "
         "~80-90% from Russia (National Bank of Tajikistan); weight = remittances from Russia / GDP"),
        ("KGZ", 0.2, (0.15, 0.25), "World Bank KNOMAD 2023 and National Bank of the Kyrgyz Republic: "
         "remittances from Russia / GDP"),
        ("UZB", 0.1, (0.07, 0.14), "World Bank KNOMAD 2023 and Central Bank of Uzbekistan: remittances "
         "from Russia / GDP"),
        ("ARM", 0.06, (0.03, 0.1), "Central Bank of Armenia 2023: transfers from Russia / GDP; estimate"),
        ("GEO", 0.03, (0.015, 0.05), "National Bank of Georgia 2023: remittances from Russia / GDP"),
        ("TUR", 0.05, (0.02, 0.1), "Turkish Ministry of Culture and Tourism 2023: Russians the largest "
         "group of visitors (~6.3m); weight an analyst estimate")]:
    row("RUS", p, "people", v, r, src, 2023)

# diplomacy: analyst estimates
for p, v, r in [("CHN", 0.15, (0.08, 0.3)), ("IND", 0.12, (0.05, 0.25)), ("IRN", 0.3, (0.15, 0.45)),
                ("PRK", 0.4, (0.2, 0.6)), ("BLR", 0.6, (0.4, 0.8)), ("ARM", 0.15, (0.05, 0.3)),
                ("KAZ", 0.25, (0.12, 0.4)), ("KGZ", 0.3, (0.15, 0.45)), ("TJK", 0.3, (0.15, 0.45)),
                ("UZB", 0.15, (0.07, 0.3)), ("TKM", 0.08, (0.03, 0.15)), ("SRB", 0.3, (0.15, 0.45)),
                ("GEO", 0.1, (0.04, 0.2)), ("AZE", 0.1, (0.04, 0.2)), ("MDA", 0.05, (0.02, 0.1)),
                ("BRA", 0.08, (0.03, 0.15)), ("ZAF", 0.12, (0.05, 0.25)), ("ETH", 0.1, (0.04, 0.2)),
                ("EGY", 0.08, (0.03, 0.15)), ("IDN", 0.05, (0.02, 0.1)), ("ARE", 0.06, (0.02, 0.12)),
                ("SAU", 0.1, (0.04, 0.2)), ("DZA", 0.12, (0.05, 0.25)), ("VNM", 0.1, (0.04, 0.2)),
                ("TUR", 0.1, (0.04, 0.2)), ("BOL", 0.12, (0.05, 0.25)), ("HUN", 0.12, (0.05, 0.25)),
                ("SVK", 0.08, (0.03, 0.15))]:
    row("RUS", p, "diplomacy", v, r, S_DIPLO, 2025)

# ---- 3. EU member -> partner: derived member-level trade -------------------------------------

# EU share of the partner's goods trade: (value, relative half-width, source, year)
EU_SHARE = {
    "CHN": (0.135, 0.1, "GACC China customs 2023", 2023),
    "IND": (0.115, 0.15, "India DGCI&S FY2023-24", 2023),
    "TUR": (0.36, 0.1, "Turkstat 2023", 2023),
    "BRA": (0.16, 0.15, "Brazil MDIC ComexStat 2023; Eurostat EU-Mercosur 2021 (EUR 45bn exports, 43-44bn imports)", 2023),
    "ZAF": (0.22, 0.15, "South African Revenue Service 2023", 2023),
    "EGY": (0.24, 0.2, "CAPMAS / IMF DOTS 2023", 2023),
    "ETH": (0.12, 0.3, "IMF DOTS 2023", 2023),
    "IDN": (0.07, 0.2, "BPS Statistics Indonesia 2023", 2023),
    "IRN": (0.025, 0.4, "IMF DOTS 2023 (Iran's trade under-recorded)", 2023),
    "ARE": (0.08, 0.3, "UAE FCSC 2023 (non-oil foreign trade)", 2023),
    "ARG": (0.15, 0.15, "INDEC 2023; Eurostat EU-Mercosur 2021", 2023),
    "PRY": (0.07, 0.3, "IMF DOTS 2023; Eurostat EU-Mercosur 2021", 2023),
    "URY": (0.14, 0.2, "Uruguay XXI 2023; Eurostat EU-Mercosur 2021", 2023),
    "BOL": (0.07, 0.3, "IMF DOTS 2023", 2023),
    "KAZ": (0.29, 0.15, "Kazakhstan Bureau of National Statistics 2023; Eurostat: EU 23.6% of Central Asia's trade in 2021", 2023),
    "KGZ": (0.05, 0.4, "IMF DOTS 2023; Eurostat Central Asia 2021", 2023),
    "TJK": (0.03, 0.5, "IMF DOTS 2023; Eurostat Central Asia 2021", 2023),
    "TKM": (0.06, 0.5, "IMF DOTS 2023; Eurostat Central Asia 2021", 2023),
    "UZB": (0.09, 0.25, "Eurostat 2022 (EU-Uzbekistan EUR 4.61bn) over Uzbekistan National Statistics Committee total", 2022),
    "SRB": (0.58, 0.1, "Statistical Office of Serbia 2023", 2023),
    "GEO": (0.2, 0.15, "Geostat 2023", 2023),
    "ARM": (0.12, 0.2, "Armstat 2023", 2023),
    "AZE": (0.42, 0.2, "State Customs Committee of Azerbaijan 2023", 2023),
    "SAU": (0.14, 0.2, "GASTAT 2023", 2023),
    "KOR": (0.10, 0.15, "Korea Customs Service 2023", 2023),
    "JPN": (0.10, 0.15, "Japan Ministry of Finance trade statistics 2023", 2023),
    "VNM": (0.09, 0.15, "General Statistics Office of Viet Nam 2023", 2023),
    "DZA": (0.48, 0.2, "IMF DOTS 2023 / Algerian customs", 2023),
    "QAT": (0.12, 0.3, "IMF DOTS 2023", 2023),
    "ISR": (0.28, 0.15, "Israel CBS 2023", 2023),
    "NOR": (0.6, 0.1, "Statistics Norway 2023", 2023),
    "CHE": (0.5, 0.15, "Swiss FOCBS 2023 (excl. gold)", 2023),
    "CAN": (0.09, 0.15, "Statistics Canada 2023", 2023),
    "USA": (0.17, 0.1, "US Census Bureau 2023", 2023),
    "GBR": (0.47, 0.1, "ONS UK trade 2023", 2023),
    "UKR": (0.52, 0.15, "State Statistics Service of Ukraine 2023", 2023),
    "MDA": (0.53, 0.1, "National Bureau of Statistics of Moldova 2023", 2023),
    "BLR": (0.05, 0.5, "IMF DOTS mirror data 2023 (Belstat stopped publishing partner detail); estimate", 2023),
}

# Members' shares of total extra-EU goods trade (exports+imports), 2023, approximate (Eurostat).
GENERIC_MEMBER_SHARE = {
    "DEU": 0.265, "NLD": 0.14, "FRA": 0.10, "ITA": 0.095, "BEL": 0.065, "ESP": 0.06, "IRL": 0.045,
    "POL": 0.04, "SWE": 0.025, "AUT": 0.02, "CZE": 0.02, "DNK": 0.02, "FIN": 0.012, "HUN": 0.015,
    "GRC": 0.015, "ROU": 0.013, "SVK": 0.01, "SVN": 0.012, "BGR": 0.008, "LTU": 0.007, "PRT": 0.01,
    "HRV": 0.004, "LUX": 0.003, "EST": 0.003, "LVA": 0.003, "CYP": 0.003, "MLT": 0.002,
}

# Member's share of EU trade with a given partner, where it differs much from the generic share
# (Eurostat Comext 2023, approximate). Members not listed share the remainder in proportion to
# GENERIC_MEMBER_SHARE.
MEMBER_OVERRIDES = {
    "CHN": {"DEU": 0.30, "NLD": 0.17, "FRA": 0.09, "ITA": 0.08},
    "IND": {"DEU": 0.22, "NLD": 0.14, "BEL": 0.13, "ITA": 0.10, "FRA": 0.10},
    "TUR": {"DEU": 0.24, "ITA": 0.12, "ESP": 0.08, "FRA": 0.07, "NLD": 0.06, "BEL": 0.05,
            "POL": 0.04, "ROU": 0.04, "BGR": 0.03, "GRC": 0.02},
    "BRA": {"DEU": 0.2, "NLD": 0.17, "ITA": 0.1, "ESP": 0.1, "FRA": 0.09, "BEL": 0.07, "PRT": 0.03},
    "ARG": {"DEU": 0.17, "ESP": 0.15, "NLD": 0.14, "ITA": 0.12, "FRA": 0.08, "BEL": 0.05},
    "URY": {"DEU": 0.15, "ESP": 0.15, "NLD": 0.15, "ITA": 0.1, "FRA": 0.07, "BEL": 0.06, "PRT": 0.04},
    "PRY": {"DEU": 0.2, "NLD": 0.15, "ESP": 0.15, "ITA": 0.15, "FRA": 0.05},
    "ZAF": {"DEU": 0.33, "NLD": 0.1, "BEL": 0.08, "ITA": 0.08, "FRA": 0.07, "ESP": 0.07},
    "EGY": {"ITA": 0.15, "DEU": 0.15, "ESP": 0.1, "FRA": 0.1, "NLD": 0.09, "BEL": 0.06, "GRC": 0.06},
    "ETH": {"DEU": 0.2, "NLD": 0.2, "ITA": 0.12, "BEL": 0.1, "FRA": 0.08},
    "IDN": {"DEU": 0.2, "NLD": 0.17, "ITA": 0.1, "ESP": 0.1, "FRA": 0.07, "BEL": 0.06},
    "IRN": {"DEU": 0.35, "ITA": 0.15, "NLD": 0.08, "ESP": 0.07, "FRA": 0.05, "ROU": 0.04},
    "ARE": {"DEU": 0.15, "ITA": 0.13, "FRA": 0.12, "BEL": 0.1, "NLD": 0.1, "ESP": 0.06},
    "KAZ": {"ITA": 0.35, "NLD": 0.15, "DEU": 0.1, "FRA": 0.09, "ESP": 0.05, "ROU": 0.03, "POL": 0.03},
    "KGZ": {"DEU": 0.25, "LTU": 0.1, "POL": 0.08, "ITA": 0.07, "NLD": 0.07, "LVA": 0.04},
    "TJK": {"DEU": 0.2, "LTU": 0.1, "ITA": 0.1, "NLD": 0.08, "LVA": 0.04},
    "UZB": {"DEU": 0.25, "LTU": 0.1, "ITA": 0.1, "FRA": 0.1, "POL": 0.07, "LVA": 0.05},
    "SRB": {"DEU": 0.3, "ITA": 0.15, "HUN": 0.1, "ROU": 0.06, "AUT": 0.05, "SVN": 0.05, "POL": 0.04,
            "CZE": 0.04, "HRV": 0.04, "BGR": 0.03, "SVK": 0.03},
    "GEO": {"DEU": 0.2, "ITA": 0.1, "BGR": 0.09, "ROU": 0.07, "NLD": 0.06, "ESP": 0.05, "FRA": 0.05,
            "LTU": 0.04},
    "ARM": {"DEU": 0.2, "ITA": 0.15, "NLD": 0.12, "FRA": 0.1, "BEL": 0.05, "CZE": 0.05},
    "AZE": {"ITA": 0.45, "DEU": 0.08, "ESP": 0.06, "GRC": 0.06, "CZE": 0.05, "FRA": 0.05, "PRT": 0.04,
            "HRV": 0.03},
    "SAU": {"DEU": 0.2, "ITA": 0.14, "FRA": 0.12, "NLD": 0.1, "BEL": 0.1, "ESP": 0.1},
    "KOR": {"DEU": 0.3, "NLD": 0.12, "ITA": 0.1, "FRA": 0.09, "POL": 0.07, "HUN": 0.05},
    "JPN": {"DEU": 0.3, "NLD": 0.12, "FRA": 0.1, "ITA": 0.1, "BEL": 0.07, "IRL": 0.05},
    "VNM": {"DEU": 0.2, "NLD": 0.2, "ITA": 0.07, "FRA": 0.07, "BEL": 0.06, "ESP": 0.06},
    "DZA": {"ITA": 0.35, "ESP": 0.22, "FRA": 0.18, "DEU": 0.05, "NLD": 0.04, "PRT": 0.03, "BEL": 0.03},
    "QAT": {"ITA": 0.2, "DEU": 0.15, "FRA": 0.12, "BEL": 0.12, "NLD": 0.08, "ESP": 0.07, "POL": 0.05},
    "ISR": {"DEU": 0.17, "NLD": 0.14, "BEL": 0.12, "ITA": 0.12, "FRA": 0.09, "ESP": 0.06, "GRC": 0.04,
            "CYP": 0.03},
    "NOR": {"DEU": 0.3, "NLD": 0.14, "SWE": 0.12, "FRA": 0.08, "BEL": 0.08, "DNK": 0.07, "POL": 0.05,
            "FIN": 0.03},
    "CHE": {"DEU": 0.35, "ITA": 0.14, "FRA": 0.13, "AUT": 0.06, "ESP": 0.05, "NLD": 0.05, "BEL": 0.04,
            "IRL": 0.03},
    "CAN": {"DEU": 0.2, "NLD": 0.15, "FRA": 0.12, "ITA": 0.12, "BEL": 0.1, "ESP": 0.05},
    "USA": {"DEU": 0.28, "IRL": 0.14, "ITA": 0.1, "FRA": 0.1, "NLD": 0.1, "BEL": 0.06, "ESP": 0.04},
    "GBR": {"DEU": 0.2, "NLD": 0.16, "FRA": 0.12, "BEL": 0.09, "IRL": 0.09, "ITA": 0.07, "ESP": 0.07},
    "UKR": {"POL": 0.25, "DEU": 0.16, "ROU": 0.07, "ITA": 0.07, "HUN": 0.06, "NLD": 0.06, "SVK": 0.05,
            "ESP": 0.05, "CZE": 0.04, "FRA": 0.04, "AUT": 0.03, "BGR": 0.03, "LTU": 0.02},
    "MDA": {"ROU": 0.45, "DEU": 0.1, "ITA": 0.1, "POL": 0.05, "BGR": 0.04, "CZE": 0.03, "FRA": 0.03,
            "ESP": 0.03, "GRC": 0.03},
    "BLR": {"POL": 0.3, "LTU": 0.15, "DEU": 0.15, "LVA": 0.06, "ITA": 0.06, "NLD": 0.06},
}
OVERRIDE_REL = 0.25   # relative uncertainty of a listed member share
GENERIC_REL = 0.5     # relative uncertainty of a member share spread from the generic weights
MIN_WEIGHT = 0.001    # derived trade ties below this are omitted (--min-member-trade)


def member_shares(partner):
    """Each member's share of EU trade with `partner`, and whether it was listed (override)."""
    over = MEMBER_OVERRIDES.get(partner, {})
    rest = 1.0 - sum(over.values())
    if rest < -1e-9:
        raise SystemExit(f"error: member overrides for {partner} sum to more than 1")
    gen_total = sum(v for m, v in GENERIC_MEMBER_SHARE.items() if m not in over)
    out = {}
    for m in EU27:
        if m in over:
            out[m] = (over[m], True)
        else:
            out[m] = (rest * GENERIC_MEMBER_SHARE[m] / gen_total, False)
    return out


def derived_member_trade(min_weight):
    for p in sorted(EU_SHARE):
        eu, eu_rel, eu_src, yr = EU_SHARE[p]
        for m, (share, listed) in sorted(member_shares(p).items()):
            v = eu * share
            if v < min_weight:
                continue
            m_rel = OVERRIDE_REL if listed else GENERIC_REL
            lo = v * (1 - eu_rel) * (1 - m_rel)
            hi = v * (1 + eu_rel) * (1 + m_rel)
            how = ("member's share of EU-partner trade from Eurostat Comext 2023 (approximate)" if listed
                   else "member's share estimated from its share of all extra-EU trade (Eurostat 2023)")
            src = (f"derived: EU share of partner's goods trade {eu:g} ({eu_src}) x member's share of "
                   f"EU trade with the partner {share:.3f} ({how})")
            row(m, p, "trade", v, (lo, hi), src, yr)


# ---- 4. other channels held by EU members over partners --------------------------------------

for m, p, v, r, src in [
        ("FRA", "IND", 0.33, (0.25, 0.4), S_SIPRI),
        ("FRA", "EGY", 0.27, (0.15, 0.35), S_SIPRI_EST),
        ("ITA", "EGY", 0.28, (0.15, 0.35), S_SIPRI_EST),
        ("DEU", "EGY", 0.15, (0.08, 0.25), S_SIPRI_EST),
        ("FRA", "QAT", 0.15, (0.05, 0.3), S_SIPRI_EST),
        ("ITA", "QAT", 0.2, (0.1, 0.3), S_SIPRI_EST),
        ("DEU", "ISR", 0.3, (0.2, 0.35), S_SIPRI),
        ("FRA", "IDN", 0.2, (0.1, 0.3), S_SIPRI_EST + "; Rafale order"),
        ("FRA", "BRA", 0.25, (0.15, 0.4), S_SIPRI_EST + "; Scorpène submarines"),
        ("SWE", "BRA", 0.2, (0.1, 0.3), S_SIPRI_EST + "; Gripen"),
        ("FRA", "ARE", 0.1, (0.05, 0.2), S_SIPRI_EST),
        ("FRA", "SAU", 0.06, (0.02, 0.1), S_SIPRI_EST),
        ("ESP", "SAU", 0.05, (0.02, 0.1), S_SIPRI_EST),
        ("ESP", "TUR", 0.1, (0.05, 0.2), S_SIPRI_EST + "; TCG Anadolu; discounted because Turkey's "
         "imports are small next to its own arms production"),
        ("ITA", "TUR", 0.08, (0.03, 0.15), S_SIPRI_EST + "; discounted for Turkey's own production"),
        ("DEU", "TUR", 0.06, (0.02, 0.12), S_SIPRI_EST + "; Reis-class submarines; discounted for "
         "Turkey's own production"),
        ("FRA", "ARM", 0.1, (0.03, 0.25), "analyst estimate: French radar and air-defence contracts "
         "with Armenia 2023-24 (SIPRI)"),
        ("FRA", "SRB", 0.1, (0.03, 0.2), "analyst estimate: Rafale order August 2024 (SIPRI)"),
        ("DEU", "DZA", 0.05, (0.02, 0.1), S_SIPRI_EST + "; MEKO frigates")]:
    row(m, p, "security", v, r, src, 2023)

# Ukraine: military aid (Kiel) and financial/humanitarian aid
for d, v in [("DEU", 0.1), ("GBR", 0.08), ("DNK", 0.06), ("NLD", 0.05), ("SWE", 0.04),
             ("FRA", 0.03), ("POL", 0.03), ("CAN", 0.03), ("NOR", 0.03), ("FIN", 0.02),
             ("BEL", 0.02), ("ITA", 0.015), ("CZE", 0.015), ("ESP", 0.01), ("LTU", 0.006),
             ("EST", 0.005), ("SVK", 0.005), ("LVA", 0.004), ("PRT", 0.003), ("ROU", 0.003),
             ("GRC", 0.002), ("HRV", 0.002)]:
    row(d, "UKR", "security", v, 0.3, S_KIEL_MIL, 2024)
row("USA", "UKR", "security", 0.45, (0.35, 0.55), S_KIEL_MIL + "; US deliveries paused March 2025", 2024)
for d, v, r in [("USA", 0.4, (0.3, 0.48)), ("JPN", 0.08, 0.3), ("CAN", 0.05, 0.3), ("GBR", 0.04, 0.3),
                ("DEU", 0.04, 0.3), ("NOR", 0.03, 0.3), ("NLD", 0.015, 0.4), ("FRA", 0.01, 0.4),
                ("SWE", 0.01, 0.4), ("DNK", 0.01, 0.4)]:
    row(d, "UKR", "aid", v, r, S_KIEL_AID, 2024)
row("USA", "UKR", "diplomacy", 0.5, (0.3, 0.7), S_DIPLO + "; US-led ceasefire diplomacy 2025", 2025)

# Ethiopia: development aid
for d, v, r in [("USA", 0.35, (0.1, 0.45)), ("DEU", 0.05, 0.4), ("GBR", 0.04, 0.4), ("NLD", 0.015, 0.5),
                ("FRA", 0.015, 0.5), ("IRL", 0.01, 0.5), ("SWE", 0.01, 0.5), ("ITA", 0.01, 0.5)]:
    src = S_DAC + ("; USAID cuts of 2025 lower the bound" if d == "USA" else "")
    row(d, "ETH", "aid", v, r, src, 2023)

# Moldova: energy, aid, diplomacy
row("ROU", "MDA", "energy", 0.6, (0.45, 0.8), "Moldova Energy Ministry / Energocom 2025: electricity "
    "and gas imported via Romania (Isaccea-Vulcanesti, Iasi-Ungheni-Chisinau); estimate", 2025)
row("UKR", "MDA", "energy", 0.1, (0.03, 0.2), "Moldelectrica 2025: electricity imports from Ukraine; "
    "estimate", 2025)
for d, v, r in [("ROU", 0.15, (0.08, 0.25)), ("DEU", 0.1, (0.05, 0.2)), ("USA", 0.15, (0.05, 0.25)),
                ("FRA", 0.05, (0.02, 0.1))]:
    row(d, "MDA", "aid", v, r, S_DAC + "; Moldova Support Platform pledges", 2023)
row("ROU", "MDA", "diplomacy", 0.4, (0.25, 0.55), S_DIPLO + "; EU accession sponsor, shared language", 2025)
row("HUN", "SRB", "diplomacy", 0.15, (0.05, 0.25), S_DIPLO + "; close Orbán-Vučić alignment", 2025)
row("FRA", "ARM", "diplomacy", 0.15, (0.05, 0.3), S_DIPLO + "; France as Armenia's main EU backer", 2025)

# energy: members as buyers of exporters' energy (share of the exporter's energy export revenue)
for m, p, v, r, src in [
        ("ITA", "DZA", 0.35, (0.25, 0.45), "Sonatrach / Eurostat 2023: Italy ~35-40% of Algeria's gas "
         "exports (Transmed); share of energy export revenue, estimate"),
        ("ESP", "DZA", 0.2, (0.12, 0.3), "Sonatrach / Enagás 2023: Spain's share of Algeria's gas exports "
         "(Medgaz); estimate"),
        ("ITA", "AZE", 0.4, (0.3, 0.5), "State Customs Committee of Azerbaijan 2023: Italy ~40% of "
         "Azerbaijan's oil and gas export revenue (TAP gas, crude); estimate"),
        ("ITA", "KAZ", 0.3, (0.2, 0.4), "Kazakhstan Bureau of National Statistics 2023: Italy the largest "
         "buyer of Kazakh crude (~30%); estimate"),
        ("DEU", "NOR", 0.3, (0.2, 0.4), "Gassco / Statistics Norway 2023: Germany's share of Norway's gas "
         "export revenue; estimate")]:
    row(m, p, "energy", v, r, src, 2023)

# energy: partners supplying members (share of the member's energy imports)
for s, m, v, r, src in [
        ("NOR", "DEU", 0.35, (0.25, 0.45), "Bundesnetzagentur / AGEB 2023: Norway ~48% of Germany's gas "
         "imports; share of energy imports, estimate"),
        ("NOR", "NLD", 0.3, (0.2, 0.4), "CBS Netherlands 2023: Norwegian gas and crude; estimate"),
        ("NOR", "BEL", 0.3, (0.2, 0.4), "FPS Economy Belgium 2023: Norwegian gas; estimate"),
        ("NOR", "FRA", 0.2, (0.12, 0.3), "SDES France 2023: Norway France's largest gas supplier; estimate"),
        ("NOR", "POL", 0.2, (0.1, 0.3), "Gaz-System 2023: Baltic Pipe gas from Norway; estimate"),
        ("NOR", "GBR", 0.5, (0.4, 0.6), "DESNZ Energy Trends 2023: Norway ~60% of UK gas imports; share "
         "of energy imports, estimate"),
        ("DZA", "ITA", 0.2, (0.15, 0.3), "MASE Italy 2023: Algeria ~35-40% of Italy's gas imports; share "
         "of energy imports, estimate"),
        ("DZA", "ESP", 0.2, (0.15, 0.3), "Enagás / CORES 2023: Algeria's share of Spain's gas imports; "
         "share of energy imports, estimate"),
        ("AZE", "ITA", 0.1, (0.05, 0.15), "MASE Italy 2023: TAP gas ~15% of Italy's gas imports plus "
         "Azeri crude; estimate"),
        ("UKR", "HUN", 0.25, (0.1, 0.4), "analyst estimate: Druzhba crude to Hungary crosses Ukraine "
         "(Ukraine restricted Lukoil transit in 2024)"),
        ("UKR", "SVK", 0.25, (0.1, 0.4), "analyst estimate: Druzhba crude to Slovakia crosses Ukraine "
         "(Ukraine restricted Lukoil transit in 2024)")]:
    row(s, m, "energy", v, r, src, 2024 if s == "UKR" else 2023)

# intra-EU trade: each member's dependence on its main EU partners
INTRA_EU = {
    "AUT": {"DEU": 0.30, "ITA": 0.06, "CZE": 0.045, "HUN": 0.035},
    "BEL": {"NLD": 0.15, "DEU": 0.14, "FRA": 0.13},
    "BGR": {"DEU": 0.11, "ROU": 0.08, "ITA": 0.07, "GRC": 0.06},
    "HRV": {"DEU": 0.13, "ITA": 0.12, "SVN": 0.11, "HUN": 0.08, "AUT": 0.05},
    "CYP": {"GRC": 0.2, "ITA": 0.06},
    "CZE": {"DEU": 0.30, "SVK": 0.07, "POL": 0.07, "AUT": 0.04, "FRA": 0.04},
    "DNK": {"DEU": 0.19, "SWE": 0.11, "NLD": 0.06},
    "EST": {"FIN": 0.14, "LVA": 0.1, "LTU": 0.08, "DEU": 0.08, "SWE": 0.07},
    "FIN": {"DEU": 0.13, "SWE": 0.11, "NLD": 0.07},
    "FRA": {"DEU": 0.15, "BEL": 0.09, "ITA": 0.08, "ESP": 0.08},
    "DEU": {"NLD": 0.08, "FRA": 0.07, "POL": 0.06, "ITA": 0.05, "AUT": 0.04, "CZE": 0.04, "BEL": 0.04},
    "GRC": {"ITA": 0.08, "DEU": 0.08, "BGR": 0.05, "CYP": 0.04},
    "HUN": {"DEU": 0.26, "AUT": 0.06, "SVK": 0.05, "ITA": 0.05, "POL": 0.05, "ROU": 0.05, "CZE": 0.04},
    "IRL": {"DEU": 0.07, "BEL": 0.06, "NLD": 0.05, "FRA": 0.04},
    "ITA": {"DEU": 0.13, "FRA": 0.09, "ESP": 0.05},
    "LVA": {"LTU": 0.17, "EST": 0.1, "DEU": 0.08, "POL": 0.07},
    "LTU": {"POL": 0.11, "DEU": 0.09, "LVA": 0.08, "EST": 0.04},
    "LUX": {"DEU": 0.25, "BEL": 0.15, "FRA": 0.13, "NLD": 0.05},
    "MLT": {"ITA": 0.15, "DEU": 0.06},
    "NLD": {"DEU": 0.17, "BEL": 0.11, "FRA": 0.05},
    "POL": {"DEU": 0.27, "CZE": 0.05, "FRA": 0.05, "ITA": 0.05, "NLD": 0.05},
    "PRT": {"ESP": 0.29, "DEU": 0.11, "FRA": 0.1},
    "ROU": {"DEU": 0.2, "ITA": 0.1, "HUN": 0.06, "FRA": 0.05, "POL": 0.05},
    "SVK": {"DEU": 0.2, "CZE": 0.15, "POL": 0.07, "HUN": 0.07, "AUT": 0.05},
    "SVN": {"DEU": 0.15, "ITA": 0.12, "AUT": 0.09, "HRV": 0.07},
    "ESP": {"FRA": 0.12, "DEU": 0.1, "ITA": 0.07, "PRT": 0.06},
    "SWE": {"DEU": 0.14, "DNK": 0.07, "FIN": 0.07, "NLD": 0.07},
}
for dependent, partners in INTRA_EU.items():
    for holder, v in partners.items():
        row(holder, dependent, "trade", v, 0.25, S_INTRA, 2023)
row("NOR", "SWE", "trade", 0.1, 0.25, S_INTRA + " (Norway, from Statistics Sweden)", 2023)

# ---- 5. USA, GBR, CHN and other partner -> partner ties --------------------------------------

USA_TRADE = {
    "CHN": 0.11, "IND": 0.11, "TUR": 0.05, "BRA": 0.13, "ZAF": 0.07, "EGY": 0.07, "ETH": 0.08,
    "IDN": 0.08, "ARE": 0.04, "ARG": 0.08, "PRY": 0.04, "URY": 0.07, "BOL": 0.03, "KAZ": 0.03,
    "KGZ": 0.01, "TKM": 0.02, "UZB": 0.02, "SRB": 0.02, "GEO": 0.05, "ARM": 0.03, "AZE": 0.02,
    "SAU": 0.08, "KOR": 0.14, "JPN": 0.15, "VNM": 0.17, "DZA": 0.04, "QAT": 0.06, "ISR": 0.17,
    "NOR": 0.05, "CHE": 0.12, "CAN": 0.63, "GBR": 0.13, "UKR": 0.03, "MDA": 0.02,
    # EU members: US share of the member's total goods trade
    "IRL": 0.2, "DEU": 0.08, "ITA": 0.07, "FRA": 0.06, "NLD": 0.06, "BEL": 0.06, "FIN": 0.06,
    "SWE": 0.06, "DNK": 0.06, "AUT": 0.05, "ESP": 0.04, "POL": 0.03, "CZE": 0.03, "HUN": 0.03,
    "SVK": 0.03, "SVN": 0.02, "PRT": 0.04, "GRC": 0.03, "ROU": 0.02, "BGR": 0.02, "HRV": 0.02,
    "LTU": 0.03, "LVA": 0.02, "EST": 0.02, "LUX": 0.03, "MLT": 0.03, "CYP": 0.02,
}
for p, v in USA_TRADE.items():
    row("USA", p, "trade", v, 0.2, S_USA, 2023)

for p, v, r, src in [
        ("JPN", 0.9, (0.8, 0.97), S_SIPRI + "; US alliance"),
        ("KOR", 0.7, (0.55, 0.85), S_SIPRI + "; US alliance"),
        ("ISR", 0.7, (0.6, 0.8), S_SIPRI),
        ("SAU", 0.75, (0.6, 0.85), S_SIPRI),
        ("QAT", 0.45, (0.3, 0.6), S_SIPRI_EST),
        ("ARE", 0.6, (0.45, 0.7), S_SIPRI_EST),
        ("EGY", 0.25, (0.1, 0.4), S_SIPRI_EST + "; plus USD 1.3bn/year Foreign Military Financing"),
        ("IND", 0.13, (0.08, 0.2), S_SIPRI),
        ("NOR", 0.6, (0.4, 0.8), S_SIPRI_EST + "; F-35, P-8"),
        ("CAN", 0.5, (0.3, 0.7), S_SIPRI_EST + "; NORAD"),
        ("GBR", 0.6, (0.4, 0.8), S_SIPRI_EST + "; F-35, P-8, Trident"),
        ("POL", 0.45, (0.3, 0.6), S_SIPRI_EST + "; Patriot, HIMARS, Abrams, F-35")]:
    row("USA", p, "security", v, r, src, 2023)
for p, v, r in [("ARE", 0.15, (0.05, 0.3)), ("TUR", 0.1, (0.04, 0.2)), ("CHN", 0.08, (0.03, 0.15))]:
    row("USA", p, "finance", v, r, "analyst estimate: exposure of the partner's banks to US secondary "
        "sanctions (Executive Order 14114, Dec 2023) and dollar clearing", 2024)
for p, v, r in [("ISR", 0.5, (0.3, 0.7)), ("EGY", 0.15, (0.05, 0.3)), ("SAU", 0.2, (0.1, 0.35)),
                ("KOR", 0.3, (0.15, 0.45)), ("JPN", 0.3, (0.15, 0.45)), ("ARE", 0.15, (0.05, 0.3))]:
    row("USA", p, "diplomacy", v, r, S_DIPLO, 2025)

GBR_TRADE = {
    "CHN": 0.017, "IND": 0.02, "TUR": 0.04, "BRA": 0.01, "ZAF": 0.03, "EGY": 0.02, "ETH": 0.01,
    "IDN": 0.005, "ARE": 0.02, "ARG": 0.01, "KAZ": 0.01, "UZB": 0.005, "GEO": 0.01, "AZE": 0.02,
    "SAU": 0.02, "KOR": 0.01, "JPN": 0.01, "VNM": 0.01, "DZA": 0.01, "QAT": 0.04, "ISR": 0.03,
    "NOR": 0.15, "CHE": 0.04, "CAN": 0.03, "USA": 0.02, "UKR": 0.01, "ARM": 0.005,
    # EU members: UK share of the member's total goods trade
    "IRL": 0.13, "NLD": 0.05, "BEL": 0.05, "DEU": 0.04, "FRA": 0.04, "ESP": 0.04, "ITA": 0.03,
    "SWE": 0.04, "DNK": 0.04, "POL": 0.04, "CYP": 0.04, "MLT": 0.04, "FIN": 0.03, "PRT": 0.03,
    "AUT": 0.02, "CZE": 0.03, "HUN": 0.02, "SVK": 0.02, "GRC": 0.02, "ROU": 0.02, "BGR": 0.015,
    "HRV": 0.01, "SVN": 0.01, "LTU": 0.02, "LVA": 0.03, "EST": 0.02, "LUX": 0.02,
}
for p, v in GBR_TRADE.items():
    row("GBR", p, "trade", v, 0.25, S_GBR, 2023)
for p, v, r, src in [("QAT", 0.15, (0.05, 0.3), S_SIPRI_EST + "; Typhoon"),
                     ("SAU", 0.1, (0.05, 0.2), S_SIPRI_EST)]:
    row("GBR", p, "security", v, r, src, 2023)

CHN_TRADE = {
    "KAZ": (0.22, 0.15), "KGZ": (0.35, (0.25, 0.5)), "TJK": (0.2, (0.12, 0.3)),
    "TKM": (0.6, (0.5, 0.75)), "UZB": (0.2, 0.15), "IRN": (0.3, (0.22, 0.4)),
    "PRK": (0.95, (0.9, 0.99)), "BRA": (0.23, 0.1), "IND": (0.11, 0.15), "ZAF": (0.2, 0.15),
    "EGY": (0.1, 0.2), "ETH": (0.18, 0.3), "IDN": (0.24, 0.1), "ARE": (0.11, 0.25),
    "ARG": (0.14, 0.15), "PRY": (0.15, 0.3), "URY": (0.2, 0.15), "BOL": (0.15, 0.3),
    "SAU": (0.16, 0.15), "KOR": (0.2, 0.1), "JPN": (0.2, 0.1), "VNM": (0.24, 0.1),
    "DZA": (0.11, 0.25), "ARM": (0.1, 0.25), "GEO": (0.1, 0.2), "AZE": (0.06, 0.3),
    "SRB": (0.1, 0.2), "TUR": (0.07, 0.15), "ISR": (0.1, 0.2), "USA": (0.11, 0.1),
    "GBR": (0.09, 0.15), "CAN": (0.07, 0.15), "NOR": (0.06, 0.2), "CHE": (0.06, 0.25),
    "QAT": (0.12, 0.25), "BLR": (0.1, 0.3), "MDA": (0.08, 0.3), "UKR": (0.12, 0.2),
    # EU members: China's share of the member's total goods trade
    "DEU": (0.08, 0.15), "NLD": (0.1, 0.2), "FRA": (0.05, 0.2), "ITA": (0.05, 0.2),
    "ESP": (0.06, 0.2), "BEL": (0.04, 0.25), "POL": (0.08, 0.2), "CZE": (0.09, 0.2),
    "SVK": (0.06, 0.25), "HUN": (0.06, 0.25), "AUT": (0.04, 0.25), "SWE": (0.04, 0.25),
    "DNK": (0.04, 0.25), "FIN": (0.05, 0.25), "GRC": (0.06, 0.25), "ROU": (0.04, 0.25),
    "BGR": (0.03, 0.3), "HRV": (0.03, 0.3), "SVN": (0.05, 0.3), "LTU": (0.02, 0.3),
    "LVA": (0.03, 0.3), "EST": (0.03, 0.3), "PRT": (0.03, 0.3), "IRL": (0.05, 0.3),
    "LUX": (0.02, 0.3), "MLT": (0.05, 0.4), "CYP": (0.05, 0.4),
}
for p, (v, r) in CHN_TRADE.items():
    row("CHN", p, "trade", v, r, S_CHN, 2023)

for s, p, ch, v, r, src, yr in [
        # China over its neighbours and clients
        ("CHN", "TKM", "energy", 0.8, (0.7, 0.9), "CNPC / GACC 2023: China buys ~80% of Turkmenistan's "
         "gas exports (Central Asia-China pipeline); share of energy export revenue", 2023),
        ("CHN", "IRN", "energy", 0.85, (0.75, 0.95), "Kpler / Vortexa 2024: China takes ~90% of Iran's crude "
         "exports; share of energy export revenue", 2024),
        ("CHN", "SAU", "energy", 0.25, (0.2, 0.3), "Kpler / GACC 2024: China ~25% of Saudi crude exports", 2024),
        ("CHN", "QAT", "energy", 0.2, (0.15, 0.25), "Kpler / GIIGNL 2024: China's share of Qatar's LNG "
         "exports", 2024),
        ("CHN", "PRK", "energy", 0.6, (0.4, 0.8), "UN Panel of Experts 2023: Chinese crude via the Dandong "
         "pipeline and refined products; estimate", 2023),
        ("CHN", "PRK", "diplomacy", 0.5, (0.3, 0.7), S_DIPLO, 2025),
        ("CHN", "IRN", "diplomacy", 0.2, (0.1, 0.35), S_DIPLO, 2025),
        ("CHN", "IRN", "finance", 0.2, (0.1, 0.35), "analyst estimate: Iran's oil revenue paid through "
         "small Chinese banks (US Treasury designations 2024)", 2024),
        ("CHN", "KGZ", "finance", 0.3, (0.2, 0.45), "Kyrgyz Ministry of Finance 2023: Export-Import Bank "
         "of China ~40% of external public debt; estimate", 2023),
        ("CHN", "TJK", "finance", 0.35, (0.2, 0.5), "Tajik Ministry of Finance 2023: China ~1/3 of external "
         "debt; estimate", 2023),
        ("CHN", "ETH", "finance", 0.25, (0.15, 0.4), "Ethiopian Ministry of Finance 2023: China ~half of "
         "bilateral external debt; estimate", 2023),
        ("CHN", "ARG", "finance", 0.2, (0.1, 0.3), "BCRA 2024: PBoC swap line (CNY 130bn, ~USD 18bn) a large "
         "part of Argentina's gross reserves; estimate", 2024),
        ("CHN", "SRB", "finance", 0.15, (0.07, 0.25), "analyst estimate: Chinese loans and FDI (Zijin, HBIS), "
         "Serbian Ministry of Finance 2023", 2023),
        ("CHN", "SRB", "security", 0.2, (0.1, 0.3), S_SIPRI_EST + "; FK-3 air defence, CH-92 drones", 2023),
        ("CHN", "DZA", "security", 0.15, (0.08, 0.25), S_SIPRI_EST, 2023),
        # Turkey and the Caucasus
        ("TUR", "AZE", "trade", 0.15, 0.25, "State Customs Committee of Azerbaijan 2023: Turkey's share of "
         "goods trade", 2023),
        ("TUR", "AZE", "security", 0.3, (0.2, 0.45), S_SIPRI_EST + "; Shusha Declaration (2021)", 2023),
        ("TUR", "AZE", "diplomacy", 0.5, (0.35, 0.65), S_DIPLO, 2025),
        ("ISR", "AZE", "security", 0.6, (0.45, 0.7), S_SIPRI, 2023),
        ("AZE", "ISR", "energy", 0.4, (0.3, 0.5), "Kpler 2023: Azeri crude ~40% of Israel's crude imports; "
         "estimate", 2023),
        ("AZE", "GEO", "energy", 0.7, (0.55, 0.85), "Georgian Oil and Gas Corporation 2023: SOCAR supplies "
         "~90% of Georgia's gas; share of energy imports, estimate", 2023),
        ("AZE", "TUR", "energy", 0.1, (0.05, 0.15), "EPDK 2023: Azeri gas (TANAP, BTE) ~20% of Turkey's gas "
         "imports; estimate", 2023),
        ("TUR", "GEO", "trade", 0.16, 0.2, "Geostat 2023: Turkey's share of Georgia's goods trade", 2023),
        ("TUR", "TKM", "trade", 0.12, 0.35, "IMF DOTS 2023: Turkey's share of Turkmenistan's goods trade; "
         "estimate", 2023),
        ("TUR", "UZB", "trade", 0.06, 0.25, "Uzbekistan National Statistics Committee 2023: Turkey's share",
         2023),
        ("TUR", "IRN", "trade", 0.08, 0.4, "IMF DOTS 2023: Turkey's share of Iran's goods trade; estimate",
         2023),
        ("TUR", "UKR", "trade", 0.06, 0.25, "State Statistics Service of Ukraine 2023: Turkey's share", 2023),
        ("TUR", "MDA", "trade", 0.07, 0.25, "National Bureau of Statistics of Moldova 2023: Turkey's share",
         2023),
        ("TUR", "ETH", "security", 0.1, (0.05, 0.2), S_SIPRI_EST + "; Bayraktar TB2", 2023),
        ("IRN", "ARM", "trade", 0.06, 0.3, "Armstat 2023: Iran's share of Armenia's goods trade", 2023),
        ("ARE", "ARM", "trade", 0.08, (0.04, 0.12), "Armstat 2023: UAE's share of Armenia's goods trade "
         "(gold and re-exports)", 2023),
        ("IND", "ARM", "security", 0.4, (0.25, 0.6), "SIPRI Arms Transfers Database 2020-2024 (SIPRI Fact "
         "Sheet March 2025): India's share of Armenia's arms imports", 2024),
        # Gulf, India and the UAE
        ("ARE", "IRN", "trade", 0.2, (0.12, 0.3), "IMF DOTS mirror data 2023: UAE's share of Iran's goods "
         "trade (re-exports); estimate", 2023),
        ("ARE", "IRN", "finance", 0.3, (0.15, 0.45), "analyst estimate: Dubai exchange houses and trading "
         "companies as Iran's financial channel", 2024),
        ("IND", "ARE", "trade", 0.09, 0.2, "UAE Ministry of Economy 2023: India's share of UAE non-oil trade",
         2023),
        ("IND", "ARE", "people", 0.3, (0.2, 0.4), "analyst estimate: Indian nationals ~35-38% of the UAE's "
         "population and workforce (UAE FCSC / MEA India 2023)", 2023),
        ("ARE", "IND", "trade", 0.075, 0.15, "India DGCI&S FY2023-24: UAE's share of India's goods trade",
         2023),
        ("ARE", "IND", "energy", 0.1, (0.07, 0.13), "PPAC India 2023-24: UAE crude and LPG; share of energy "
         "imports, estimate", 2023),
        ("SAU", "IND", "energy", 0.15, (0.12, 0.2), "PPAC India 2023-24: Saudi crude and LPG; share of "
         "energy imports, estimate", 2023),
        ("QAT", "IND", "energy", 0.08, (0.05, 0.12), "PPAC India 2023-24: Qatar ~40% of India's LNG; share "
         "of energy imports, estimate", 2023),
        ("SAU", "CHN", "energy", 0.1, (0.08, 0.14), "GACC 2024: Saudi Arabia ~15% of China's crude imports; "
         "share of energy imports, estimate", 2024),
        ("SAU", "JPN", "energy", 0.2, (0.15, 0.25), "Japan METI 2024: Saudi ~40% of Japan's crude imports; "
         "share of energy imports, estimate", 2024),
        ("ARE", "JPN", "energy", 0.15, (0.1, 0.2), "Japan METI 2024: UAE ~40% of Japan's crude imports; "
         "share of energy imports, estimate", 2024),
        ("SAU", "KOR", "energy", 0.15, (0.1, 0.2), "KNOC 2024: Saudi ~1/3 of Korea's crude imports; share of "
         "energy imports, estimate", 2024),
        ("ARE", "EGY", "finance", 0.25, (0.15, 0.4), "Egyptian Cabinet / CBE 2024: UAE USD 35bn Ras El-Hekma "
         "investment (February 2024); estimate", 2024),
        ("SAU", "EGY", "finance", 0.15, (0.08, 0.25), "Central Bank of Egypt 2023: Saudi deposits and "
         "investment; estimate", 2023),
        ("ISR", "EGY", "energy", 0.2, (0.1, 0.3), "Egyptian Ministry of Petroleum / Israeli Energy Ministry "
         "2024: Israeli pipeline gas; share of Egypt's gas supply, estimate", 2024),
        ("ARE", "ETH", "finance", 0.1, (0.04, 0.2), "analyst estimate: UAE deposits at the National Bank "
         "of Ethiopia and investment pledges (2018-2024)", 2024),
        ("ARE", "ETH", "security", 0.1, (0.04, 0.2), S_SIPRI_EST + "; drones 2021-22", 2023),
        # Central Asia
        ("KAZ", "KGZ", "trade", 0.12, 0.3, "National Statistical Committee of Kyrgyzstan 2023: Kazakhstan's "
         "share of goods trade", 2023),
        ("KAZ", "TJK", "trade", 0.15, 0.3, "IMF DOTS 2023: Kazakhstan's share of Tajikistan's goods trade",
         2023),
        ("KAZ", "UZB", "trade", 0.07, 0.2, "Uzbekistan National Statistics Committee 2023: Kazakhstan's "
         "share", 2023),
        ("KAZ", "UZB", "food", 0.8, (0.6, 0.95), "USDA FAS 2023: Kazakhstan's share of Uzbekistan's wheat "
         "and flour imports; estimate", 2023),
        ("KAZ", "TJK", "food", 0.8, (0.6, 0.95), "USDA FAS 2023: Kazakhstan's share of Tajikistan's wheat "
         "and flour imports; estimate", 2023),
        ("KAZ", "KGZ", "food", 0.7, (0.5, 0.9), "USDA FAS 2023: Kazakhstan's share of Kyrgyzstan's wheat "
         "and flour imports; estimate", 2023),
        # Asia-Pacific
        ("KOR", "VNM", "trade", 0.13, 0.15, "General Statistics Office of Viet Nam 2023: Korea's share", 2023),
        ("JPN", "VNM", "trade", 0.07, 0.15, "General Statistics Office of Viet Nam 2023: Japan's share", 2023),
        ("JPN", "IDN", "trade", 0.07, 0.15, "BPS Statistics Indonesia 2023: Japan's share", 2023),
        ("JPN", "KOR", "trade", 0.06, 0.15, "Korea Customs Service 2023: Japan's share", 2023),
        ("KOR", "CHN", "trade", 0.05, 0.15, "GACC 2023: Korea's share of China's goods trade", 2023),
        ("JPN", "CHN", "trade", 0.055, 0.15, "GACC 2023: Japan's share of China's goods trade", 2023),
        ("JPN", "USA", "trade", 0.045, 0.15, "US Census Bureau 2023: Japan's share of US goods trade", 2023),
        ("KOR", "USA", "trade", 0.035, 0.15, "US Census Bureau 2023: Korea's share of US goods trade", 2023),
        ("VNM", "USA", "trade", 0.025, 0.15, "US Census Bureau 2023: Viet Nam's share of US goods trade", 2023),
        ("IND", "USA", "trade", 0.025, 0.15, "US Census Bureau 2023: India's share of US goods trade", 2023),
        ("CAN", "USA", "trade", 0.14, 0.1, "US Census Bureau 2023: Canada's share of US goods trade", 2023),
        ("CAN", "USA", "energy", 0.55, (0.5, 0.6), "US EIA 2023: Canada ~60% of US crude imports; share of "
         "energy imports", 2023),
        ("CHN", "USA", "diplomacy", 0.1, (0.04, 0.2), S_DIPLO, 2025),
        # Latin America
        ("BRA", "ARG", "trade", 0.2, 0.15, "INDEC 2023: Brazil's share of Argentina's goods trade", 2023),
        ("ARG", "BRA", "trade", 0.05, 0.15, "Brazil MDIC ComexStat 2023: Argentina's share", 2023),
        ("BRA", "PRY", "trade", 0.25, 0.2, "BCP Paraguay 2023: Brazil's share of Paraguay's goods trade", 2023),
        ("BRA", "URY", "trade", 0.15, 0.2, "Uruguay XXI 2023: Brazil's share of Uruguay's goods trade", 2023),
        ("BRA", "BOL", "trade", 0.15, 0.25, "INE Bolivia 2023: Brazil's share of Bolivia's goods trade", 2023),
        ("BRA", "BOL", "energy", 0.35, (0.25, 0.45), "YPFB 2023: Petrobras contract, Brazil the largest "
         "buyer of Bolivian gas exports (declining); estimate", 2023),
        ("ARG", "PRY", "trade", 0.15, 0.2, "BCP Paraguay 2023: Argentina's share", 2023),
        ("ARG", "URY", "trade", 0.1, 0.2, "Uruguay XXI 2023: Argentina's share", 2023),
        ("ARG", "BOL", "trade", 0.1, 0.25, "INE Bolivia 2023: Argentina's share", 2023),
        # Ukraine, Moldova, Western partners
        ("UKR", "MDA", "trade", 0.07, 0.25, "National Bureau of Statistics of Moldova 2023: Ukraine's share",
         2023),
        ("NOR", "GBR", "trade", 0.06, 0.2, "ONS UK trade 2023: Norway's share of UK goods trade", 2023),
        ("CHE", "DEU", "trade", 0.04, 0.2, "Destatis 2023: Switzerland's share of Germany's goods trade", 2023),
        ("CHE", "AUT", "trade", 0.05, 0.2, "Statistik Austria 2023: Switzerland's share of Austria's goods "
         "trade", 2023)]:
    row(s, p, ch, v, r, src, yr)

# tie notes (optional, one line)
TIE_NOTES = {
    ("CHN", "RUS"): "Russia's largest trade partner, crude buyer, dual-use supplier and settlement currency",
    ("IND", "RUS"): "second buyer of Russian crude",
    ("TUR", "RUS"): "third trade partner; payments hub; Straits; host of 2025 talks",
    ("PRK", "RUS"): "munitions, missiles and troops",
    ("IRN", "RUS"): "drones and missiles",
    ("ARE", "RUS"): "payments, trading and re-export hub",
    ("BEL", "RUS"): "Euroclear holds most immobilised Russian central-bank assets",
    ("RUS", "KAZ"): "CPC pipeline: most Kazakh oil exports transit Russia",
    ("RUS", "HUN"): "gas via TurkStream, crude via Druzhba",
    ("RUS", "SVK"): "gas via TurkStream, crude via Druzhba",
    ("RUS", "IND"): "Russian crude and arms",
    ("RUS", "BLR"): "Union State",
    ("USA", "UKR"): "largest military donor; deliveries paused March 2025",
}

# --------------------------------------------------------------------------------------------
# Helpers: rounding, figures, receptiveness, capitals
# --------------------------------------------------------------------------------------------


def rnd(x, places=4):
    q = Decimal(1).scaleb(-places)
    return float(Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP))


def figure(value, rng, source, year):
    if isinstance(rng, tuple):
        lo, hi = rng
    else:
        lo, hi = value * (1 - rng), value * (1 + rng)
    lo, hi = max(0.0, lo), min(1.0, hi)
    v, lo, hi = rnd(value), rnd(lo), rnd(hi)
    lo, hi = min(lo, v), max(hi, v)
    return {"value": v, "range": [lo, hi], "source": source, "year": year}


def read_capitals(path):
    rows = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.setdefault(r["iso3"], []).append(r)
    out = {}
    for iso, rs in rows.items():
        # capitals.README.md: drop "do not use as the country point"; if several remain, keep the
        # one marked "use as the country point".
        keep = [r for r in rs if "do not use as the country point" not in r["note"]]
        if len(keep) > 1:
            keep = [r for r in keep if "use as the country point" in r["note"]]
        if len(keep) != 1:
            raise SystemExit(f"error: capitals.csv: cannot choose one point for {iso}")
        r = keep[0]
        out[iso] = (r["capital"], float(r["lat"]), float(r["lon"]))
    return out


def read_votes(data_dir):
    with open(os.path.join(data_dir, "unga-ukraine-resolutions.csv"), newline="", encoding="utf-8") as f:
        resolutions = [r["resolution"] for r in csv.DictReader(f)]
    resolutions.sort(key=lambda s: int(s.rsplit("/", 1)[1]))
    votes = {}
    with open(os.path.join(data_dir, "unga-ukraine-votes.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            votes.setdefault(r["iso3"], {})[r["resolution"]] = r["vote"]
    if len(resolutions) != 8:
        raise SystemExit(f"error: expected 8 ES-11 resolutions, found {len(resolutions)}")
    return resolutions, votes


def eu_majority(resolutions, votes):
    out = {}
    for res in resolutions:
        counts = {}
        for m in EU27:
            counts[votes[m][res]] = counts.get(votes[m][res], 0) + 1
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(best) > 1 and best[0][1] == best[1][1]:
            raise SystemExit(f"error: no EU27 majority on {res}: {counts}")
        out[res] = best[0][0]
    return out


def alignment(vote, majority, x_value):
    if vote == "X":
        return x_value
    if vote == "A" or majority == "A":
        return 1.0 if vote == majority else 0.5
    return 1.0 if vote == majority else 0.0


def receptiveness(iso, resolutions, votes, majority):
    vs = votes[iso]

    def mean(res_list, x_value):
        return sum(alignment(vs[r], majority[r], x_value) for r in res_list) / len(res_list)

    value = mean(resolutions, 0.5)
    variants = [value, mean(resolutions, 0.0), mean(resolutions, 1.0), mean(resolutions[-2:], 0.5)]
    return {"value": rnd(value, 3), "range": [rnd(min(variants), 3), rnd(max(variants), 3)],
            "source": S_RECEPT, "year": 2025}


# --------------------------------------------------------------------------------------------
# Assemble and check
# --------------------------------------------------------------------------------------------


def build(shared, min_member_trade=MIN_WEIGHT):
    derived_member_trade(min_member_trade)
    data_dir = os.path.join(shared, "data")
    capitals = read_capitals(os.path.join(data_dir, "capitals.csv"))
    resolutions, votes = read_votes(data_dir)
    majority = eu_majority(resolutions, votes)

    actors = []
    for iso in sorted(ACTORS):
        name, note = ACTORS[iso]
        if iso not in capitals:
            raise SystemExit(f"error: no capital for {iso} in capitals.csv")
        if iso not in votes:
            raise SystemExit(f"error: no UNGA votes for {iso}")
        cap, lat, lon = capitals[iso]
        if iso == "UKR":
            cap = "Kyiv"  # capitals.csv keeps Natural Earth's "Kiev"; its namealt and official form is Kyiv
        attrs = {
            "capital": cap,
            "eu": iso in EU27,
            "signatory": iso in SIGNATORIES,
            "unga_votes": "".join(votes[iso][r] for r in resolutions),
        }
        rec = receptiveness(iso, resolutions, votes, majority)
        actors.append({
            "id": iso, "name": name, "lat": lat, "lon": lon, "receptiveness": rec, "note": note,
            "attributes": dict(sorted(attrs.items())),
        })

    groups = [
        {"id": "BRICS", "name": "BRICS", "members": sorted(BRICS),
         "note": "the ten members as of 2025 (founders BRA, RUS, IND, CHN, ZAF; EGY, ETH, IRN, ARE from "
                 "January 2024; IDN from January 2025); Saudi Arabia invited, not a member"},
        {"id": "CSTO", "name": "Collective Security Treaty Organization", "members": sorted(CSTO),
         "lead": "RUS", "note": "members per the CSTO secretariat; Armenia froze its participation in "
                                "February 2024"},
        {"id": "CentralAsia", "name": "Central Asia", "members": sorted(CENTRAL_ASIA),
         "note": "the five post-Soviet Central Asian states (EU-Central Asia summit format)"},
        {"id": "EAEU", "name": "Eurasian Economic Union", "members": sorted(EAEU), "lead": "RUS",
         "note": "members per the Eurasian Economic Commission"},
        {"id": "EU", "name": "European Union", "members": sorted(EU27),
         "note": "the 27 member states (Treaty on European Union, since 2020)"},
        {"id": "G7", "name": "Group of Seven", "members": sorted(G7),
         "note": "the seven member states (the EU takes part but is not an actor here)"},
        {"id": "Mercosur", "name": "Mercosur", "members": sorted(MERCOSUR),
         "note": "founders ARG, BRA, PRY, URY; Bolivia a full member since July 2024 (accession protocol "
                 "ratified by Brazil in 2023, transition period running); Venezuela suspended since 2016, "
                 "not included"},
        {"id": "NATO", "name": "North Atlantic Treaty Organization", "members": sorted(NATO),
         "note": "the NATO members present in this graph (32 allies; Albania, Iceland, Montenegro, North "
                 "Macedonia are not actors here)"},
        {"id": "SCO", "name": "Shanghai Cooperation Organisation", "members": sorted(SCO),
         "note": "members present in this graph (Pakistan is not an actor); Belarus joined July 2024"},
        {"id": "signatories", "name": "Signatories of the outreach letter", "members": sorted(SIGNATORIES),
         "lead": "AUT",
         "note": "the fifteen EU states that sent the joint letter on global diplomatic outreach to the "
                 "High Representative, Austria leading, as reported by Euronews, 2025"},
    ]

    ties_by_pair = {}
    for frm, to, ch, value, rng, source, year in ROWS:
        tie = ties_by_pair.setdefault((frm, to), {})
        if ch in tie:
            raise SystemExit(f"error: two figures for channel `{ch}` on tie {frm} -> {to}")
        tie[ch] = figure(value, rng, source, year)
    ties = []
    for (frm, to) in sorted(ties_by_pair):
        t = {"from": frm, "to": to,
             "channels": {c: ties_by_pair[(frm, to)][c] for c in sorted(ties_by_pair[(frm, to)])}}
        if (frm, to) in TIE_NOTES:
            t["note"] = TIE_NOTES[(frm, to)]
        ties.append(t)

    maj = ", ".join(f"{r.split('/')[-1]}: {majority[r]}" for r in resolutions)
    meta = {
        "title": "EU outreach to Russia's partners, 2025",
        "date": "2025-06-01",
        "description": (
            "Directed, weighted, multi-channel leverage graph for the outreach asked for by fifteen EU "
            "member states led by Austria (joint letter to the High Representative, as reported by "
            "Euronews, 2025): the EU27, Russia, Ukraine, the G7, BRICS, Mercosur, Central Asia and the "
            "other states that matter most to Russia's economy and war effort. A tie from -> to means "
            "`from` holds leverage over `to` because `to` depends on `from`; channels trade, energy, "
            "security, finance, diplomacy, food, aid, people. Built by graphs/build/build_eu_outreach.py; "
            "method and sources in docs/DATA.md."),
        "notes": [
            "The date is the state of play when the letter was written (June 2025, after the "
            "Istanbul talks of May-June 2025); most figures describe 2023-2024, the UN votes "
            "February 2025, and energy ties the situation after Ukrainian gas transit ended on "
            "1 January 2025.",
            "Russia stopped publishing detailed customs data in April 2022: post-2022 figures on Russia's "
            "trade come from partner (mirror) statistics or Russian state media (RIA Novosti, TASS) and "
            "should be cross-checked.",
            "Many figures are estimates: all diplomacy, most security, finance and people figures, and "
            "member-level trade shares derived as EU share of the partner's trade x the member's share "
            "of EU trade with that partner. Their ranges are wide on purpose; use them (robustness "
            "analysis) rather than the point values alone.",
            "Receptiveness is the actor's alignment with the EU27 majority on UNGA ES-11/1..8 (UN Digital "
            f"Library recorded votes; EU27 majority {maj}); Y vs N counts 0, same vote 1, abstention or "
            "non-vote 0.5. Rule in docs/DATA.md.",
            "Derived member-level trade ties below 0.001 are omitted, as are other ties too small to "
            "matter; EU institutions (Commission, EIB) are not actors, so EU-level aid and accession "
            "leverage is only partly represented through member states.",
            "Coordinates: capitals from Natural Earth (public domain), one point per country "
            "(Pretoria, La Paz, Abidjan, Naypyidaw as seats of government).",
        ],
    }
    return {"version": 1, "meta": meta, "actors": actors, "groups": groups, "ties": ties}, majority


ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
ISO_RE = re.compile(r"^[A-Z]{3}$")
CHANNEL_RE = re.compile(r"^[a-z][a-z0-9_]*$")
KEYS = {
    "top": ({"version", "meta", "actors"}, {"$schema", "groups", "ties"}),
    "meta": ({"title", "date"}, {"description", "notes"}),
    "actor": ({"id", "name"}, {"lat", "lon", "receptiveness", "note", "attributes"}),
    "group": ({"id", "members"}, {"name", "lead", "note"}),
    "tie": ({"from", "to", "channels"}, {"note"}),
    "figure": ({"value", "source", "year"}, {"range"}),
}


def check(doc):
    """FORMAT.md rules; returns a list of problems (empty if none)."""
    errs = []

    def keys(obj, kind, where):
        if not isinstance(obj, dict):
            errs.append(f"{where}: not an object")
            return False
        req, opt = KEYS[kind]
        for k in req - obj.keys():
            errs.append(f"{where}: missing key `{k}`")
        for k in obj.keys() - req - opt:
            errs.append(f"{where}: unknown key `{k}`")
        return True

    def num(x):
        return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)

    def fig(f, where):
        if not keys(f, "figure", where):
            return
        v = f.get("value")
        if not num(v) or not 0 <= v <= 1:
            errs.append(f"{where}.value: {v!r} not in [0, 1]")
        if "range" in f:
            r = f["range"]
            if not (isinstance(r, list) and len(r) == 2 and all(num(x) for x in r)):
                errs.append(f"{where}.range: not two numbers")
            elif not (0 <= r[0] <= v <= r[1] <= 1):
                errs.append(f"{where}.range: {r} does not satisfy 0 <= low <= value {v} <= high <= 1")
        if not isinstance(f.get("source"), str) or not f["source"].strip():
            errs.append(f"{where}.source: empty")
        y = f.get("year")
        if not (isinstance(y, int) and not isinstance(y, bool) and 1900 <= y <= 2100):
            errs.append(f"{where}.year: {y!r} not an integer in 1900-2100")

    keys(doc, "top", "$")
    if doc.get("version") != 1:
        errs.append("$.version: must be 1")
    if keys(doc.get("meta"), "meta", "$.meta"):
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(doc["meta"].get("date", ""))):
            errs.append("$.meta.date: not YYYY-MM-DD")
    ids = set()
    for i, a in enumerate(doc.get("actors", [])):
        w = f"$.actors[{i}]"
        if not keys(a, "actor", w):
            continue
        aid = a.get("id", "")
        if not ID_RE.match(aid) or not ISO_RE.match(aid):
            errs.append(f"{w}.id: `{aid}` is not an ISO alpha-3 code (all actors here are states)")
        if aid in ids:
            errs.append(f"{w}.id: duplicate `{aid}`")
        ids.add(aid)
        if ("lat" in a) != ("lon" in a) or "lat" not in a:
            errs.append(f"{w}: lat/lon missing")
        elif not (num(a["lat"]) and num(a["lon"]) and -90 <= a["lat"] <= 90 and -180 <= a["lon"] <= 180):
            errs.append(f"{w}: lat/lon out of range")
        if "receptiveness" in a:
            fig(a["receptiveness"], f"{w}.receptiveness")
        for k, v in a.get("attributes", {}).items():
            ok = isinstance(v, (str, bool, int, float)) or (
                isinstance(v, list) and all(isinstance(x, (str, bool, int, float)) for x in v))
            if not ok:
                errs.append(f"{w}.attributes.{k}: not a string, number, boolean or array of them")
    gids = set()
    for i, g in enumerate(doc.get("groups", [])):
        w = f"$.groups[{i}]"
        if not keys(g, "group", w):
            continue
        if g["id"] in ids or g["id"] in gids:
            errs.append(f"{w}.id: `{g['id']}` duplicates an actor or group id")
        gids.add(g["id"])
        if not g["members"] or len(set(g["members"])) != len(g["members"]):
            errs.append(f"{w}.members: empty or duplicated")
        for m in g["members"]:
            if m not in ids:
                errs.append(f"{w}.members: unknown actor `{m}`")
        if "lead" in g and g["lead"] not in g["members"]:
            errs.append(f"{w}.lead: `{g['lead']}` is not a member")
    pairs = set()
    for i, t in enumerate(doc.get("ties", [])):
        w = f"$.ties[{i}]"
        if not keys(t, "tie", w):
            continue
        f_, t_ = t["from"], t["to"]
        for end in (f_, t_):
            if end not in ids:
                errs.append(f"{w}: unknown actor `{end}`")
        if f_ == t_:
            errs.append(f"{w}: self-tie `{f_}`")
        if (f_, t_) in pairs:
            errs.append(f"{w}: duplicate pair {f_} -> {t_}")
        pairs.add((f_, t_))
        if not t["channels"]:
            errs.append(f"{w}.channels: empty")
        for c, f in t["channels"].items():
            if not CHANNEL_RE.match(c):
                errs.append(f"{w}.channels: bad channel name `{c}`")
            fig(f, f"{w}.channels.{c}")
    return errs


def dumps(obj, level=0):
    """JSON with 2-space indent; arrays of numbers or short ids (ranges, members) on one line."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, level + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if all(isinstance(x, (int, float)) or (isinstance(x, str) and len(x) <= 12) for x in obj):
            return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in obj) + "]"
        return "[\n" + ",\n".join(inner + dumps(x, level + 1) for x in obj) + "\n" + pad + "]"
    return json.dumps(obj, ensure_ascii=False)


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared"),
                    help="the shared reference directory (default: ../shared relative to the repo root)")
    ap.add_argument("--out", default=os.path.join(repo, "graphs", "eu-outreach-2025.json"))
    ap.add_argument("--min-member-trade", type=float, default=MIN_WEIGHT,
                    help="omit derived member-level trade ties below this weight (default 0.001)")
    ap.add_argument("--check-only", action="store_true", help="build and check, do not write")
    args = ap.parse_args()

    doc, majority = build(os.path.normpath(args.shared), args.min_member_trade)
    errs = check(doc)
    sig = next(g for g in doc["groups"] if g["id"] == "signatories")["members"]
    if sorted(sig) != sorted(SIGNATORIES) or len(sig) != 15:
        errs.append("signatories group is not exactly the fifteen")
    if errs:
        for e in errs:
            print(f"error: {e}", file=sys.stderr)
        raise SystemExit(f"{len(errs)} rule violation(s); nothing written")

    text = dumps(doc) + "\n"
    if json.loads(text) != doc:
        raise SystemExit("error: serialisation does not round-trip")
    if not args.check_only:
        with open(args.out + ".tmp", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(args.out + ".tmp", args.out)

    per_channel = {}
    for t in doc["ties"]:
        for c in t["channels"]:
            per_channel[c] = per_channel.get(c, 0) + 1
    print(f"actors {len(doc['actors'])}, groups {len(doc['groups'])}, ties {len(doc['ties'])}, "
          f"figures {sum(per_channel.values())}", file=sys.stderr)
    print("ties per channel: " + ", ".join(f"{c} {n}" for c, n in sorted(per_channel.items())),
          file=sys.stderr)
    print("EU27 majority: " + ", ".join(f"{r.split('/')[-1]} {v}" for r, v in majority.items()),
          file=sys.stderr)
    eu_rus = sum(t["channels"]["trade"]["value"] for t in doc["ties"]
                 if t["to"] == "RUS" and t["from"] in EU27 and "trade" in t["channels"])
    print(f"check: EU members' shares of Russia's trade sum to {eu_rus:.3f} "
          f"(Eurostat 2023 ~ EUR 90bn / USD 710bn ~ 0.137)", file=sys.stderr)
    if not args.check_only:
        print(f"wrote {os.path.relpath(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
