#!/usr/bin/env python3
"""Build graphs/eu-outreach-2025.json, the graph bundled with `leverage` (format version 2).

Python 3, standard library only. Run from anywhere:

    python3 graphs/build/build_eu_outreach.py [--shared PATH] [--out PATH] [--check-only] [--report]

It reads the checked reference data in PATH/data (default: ../shared relative to the repository
root): capitals (Natural Earth), UNGA ES-11 recorded votes and the resolutions' records (UN Digital
Library), Russia's list of "unfriendly" states (Order No. 430-r). Every other figure is written in
the tables below, each with its source, year, range, basis (official, published, derived or
judgement) and a citation of the CITATIONS table. The output is deterministic (lists sorted,
2-space indent, trailing newline). The script checks every rule of docs/FORMAT.md (version 2) and
the bundled graph's own rules (every figure has a basis and a citation, every actor a stance towards
Russia) and exits non-zero, listing every violation, if one is broken. `--report` prints the
Markdown tables that docs/DATA.md quotes.

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
# Actors and groups
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
TARGET = "RUS"

# id -> (display name, note). Names are the usual English short names (capitals.csv spells some
# countries in older forms; only its coordinates are used). Türkiye is the UN's name since 2022.
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
    "DEU": ("Germany", "EU member; signatory; G7; largest EU trader with almost every partner; Russia's 2nd trade partner in 2021"),
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
    "SVK": ("Slovakia", "EU member; signatory; still dependent on Russian gas and Druzhba oil; its prime minister attended the 9 May 2025 parade"),
    "SVN": ("Slovenia", "EU member; signatory"),
    "ESP": ("Spain", "EU member; signatory; imports Russian LNG; arms supplier to Türkiye"),
    "SWE": ("Sweden", "EU member; signatory; Gripen supplier to Brazil"),
    # the war
    "RUS": ("Russia", "target of the outreach; BRICS founder"),
    "UKR": ("Ukraine", "the country attacked; EU candidate; Druzhba oil to Hungary and Slovakia crosses it"),
    # G7 and Western partners outside the EU
    "USA": ("United States", "G7; Ukraine's largest military donor to 2024, no new aid allocated after January 2025 (Kiel); direct US-Russia talks in 2025"),
    "GBR": ("United Kingdom", "G7; Coalition of the Willing; London insurance and price-cap enforcement"),
    "CAN": ("Canada", "G7; donor to Ukraine"),
    "JPN": ("Japan", "G7; 1.4% of Russia's trade in 2023; Sakhalin-2 LNG buyer"),
    "NOR": ("Norway", "largest gas supplier to the EU and the UK; borders Russia; donor to Ukraine"),
    "CHE": ("Switzerland", "applies EU sanctions; commodity-trading and banking hub"),
    # BRICS (RUS and BRA listed elsewhere)
    "BRA": ("Brazil", "BRICS founder; Mercosur; 1.6% of Russia's trade in 2023; buys Russian diesel and fertiliser; named transshipment hub"),
    "IND": ("India", "BRICS founder; Russia's 2nd trade partner in 2023; takes about 35% of Russia's crude exports; Russia's largest arms client"),
    "CHN": ("China", "BRICS founder; Russia's 1st trade partner (33.8% in 2023); takes about 46% of Russia's crude exports; main source, with Hong Kong, of Russia's dual-use imports"),
    "ZAF": ("South Africa", "BRICS founder; led the 2023 African peace mission; EU-South Africa summit 2025"),
    "EGY": ("Egypt", "BRICS member since 2024; Russian wheat and Rosatom's El Dabaa plant; 0.8% of Russia's trade in 2023"),
    "ETH": ("Ethiopia", "BRICS member since 2024; seat of the African Union"),
    "IDN": ("Indonesia", "BRICS member since 2025; EU trade negotiations under way"),
    "IRN": ("Iran", "BRICS member since 2024; drones and missiles for Russia; strategic partnership treaty January 2025 (no mutual-defence clause)"),
    "ARE": ("United Arab Emirates", "BRICS member since 2024; payment, trading and re-export hub for Russia; EU trade negotiations; prisoner-exchange mediator"),
    # Mercosur (BRA above)
    "ARG": ("Argentina", "Mercosur founder"),
    "PRY": ("Paraguay", "Mercosur founder"),
    "URY": ("Uruguay", "Mercosur founder"),
    "BOL": ("Bolivia", "Mercosur full member since 2024 (accession protocol ratified 2023); BRICS partner country since 2025; Rosatom projects"),
    # Central Asia
    "KAZ": ("Kazakhstan", "Central Asia; EAEU, CSTO; 5th trade partner of Russia in 2023; oil exports transit Russia (CPC); Russia's 3rd arms client 2020-24"),
    "KGZ": ("Kyrgyzstan", "Central Asia; EAEU, CSTO; parallel imports to Russia; remittances from Russia"),
    "TJK": ("Tajikistan", "Central Asia; CSTO; Russian 201st base; remittances from Russia ~ a third of GDP"),
    "TKM": ("Turkmenistan", "Central Asia; neutral; gas exports mostly to China"),
    "UZB": ("Uzbekistan", "Central Asia; 1.4% of Russia's trade in 2023; Russian gas imports since 2023; migrant workers in Russia"),
    # neighbours and others that matter most to Russia's economy and war effort
    "TUR": ("Türkiye", "NATO; Russia's 3rd trade partner in 2023 (8.0%); TurkStream; supplies arms to Ukraine but imposes no sanctions; hosted Russia-Ukraine talks 2022 and 2025"),
    "BLR": ("Belarus", "Union State with Russia; 4th trade partner (7.7%); staging ground of the 2022 invasion"),
    "PRK": ("North Korea", "munitions, missiles and troops for Russia's war (2023-25); mutual defence treaty June 2024"),
    "KOR": ("South Korea", "2.1% of Russia's trade in 2023 (Russian Federal Customs Service / RIA Novosti); applies export controls on Russia"),
    "ARM": ("Armenia", "EAEU; CSTO (participation frozen 2024); 1.0% of Russia's trade in 2023; named transshipment hub"),
    "GEO": ("Georgia", "EU candidate; ~20% of its territory occupied by Russia; named transshipment hub"),
    "AZE": ("Azerbaijan", "gas and oil exporter to the EU; North-South transport corridor with Russia and Iran; its president was announced for the 9 May 2025 parade but did not come"),
    "SRB": ("Serbia", "EU candidate; Russian gas and Gazprom-owned NIS; did not join sanctions; its president attended the 9 May 2025 parade"),
    "SAU": ("Saudi Arabia", "OPEC+ co-leader with Russia; hosted US-Russia talks February 2025; invited to BRICS, not a member"),
    "VNM": ("Viet Nam", "legacy Russian arms customer; BRICS partner country (announced June 2025)"),
    "DZA": ("Algeria", "one of the few states still ordering Russian arms after 2022 (SIPRI); gas supplier to Italy and Spain"),
    "QAT": ("Qatar", "mediator for the return of Ukrainian children; LNG exporter"),
    "ISR": ("Israel", "kept direct channels to Moscow; Russian-speaking diaspora; named transshipment hub"),
    "MDA": ("Moldova", "EU candidate; Russian troops in Transnistria; energy crisis of January 2025"),
    "HKG": ("Hong Kong", "special administrative region of China; a main route for Chinese dual-use goods to Russia (S&P Global Market Intelligence, 2024) and, with the UAE, the base of the traders buying most Russian crude (Public Eye, 2023); not a UN member, so no UN votes; its stance signals are its own, not China's"),
}

# Hong Kong is not an Admin-0 capital in capitals.csv. Its point is Natural Earth's own feature
# "Hong Kong" (featurecla "Admin-0 region capital", adm0_a3 HKG, ne_id 1159151629) in the same file
# ne_110m_populated_places_simple.geojson at the commit capitals.csv was built from
# (693f11422f4e08d2da4566b854dda53eb7c39fb3), geometry [114.183063, 22.306927], rounded half-up to
# 4 decimals like capitals.csv.
EXTRA_POINTS = {"HKG": ("Hong Kong", 22.3069, 114.1831)}

# --------------------------------------------------------------------------------------------
# Citations: where every figure can be found again. `url` only where the address was seen.
# --------------------------------------------------------------------------------------------

CITATIONS = {}


def cit(cid, publisher, title, year, table=None, url=None, via=None):
    if cid in CITATIONS:
        raise SystemExit(f"error: citation `{cid}` defined twice")
    c = {"publisher": publisher, "title": title}
    if table:
        c["table"] = table
    c["year"] = year
    if url:
        c["url"] = url
    if via:
        c["via"] = via
    CITATIONS[cid] = c


# -- the project's own judgements
cit("leverage-judgement", "leverage (data maintainers)",
    "Analyst judgements of the bundled graph, reasoning in each figure's source and in docs/DATA.md",
    2025, table="graphs/build/build_eu_outreach.py")
cit("euronews-2025", "Euronews",
    "Joint letter of fifteen EU member states, led by Austria, to the High Representative calling "
    "for a coordinated global diplomatic outreach (report)", 2025)

# -- stance: Russia's list, UN votes (the eight UN records are added from the shared CSV in build())
cit("ru-430r", "Government of the Russian Federation",
    "Order No. 430-r of 5 March 2022: list of foreign states and territories committing unfriendly "
    "actions against the Russian Federation, its companies and citizens", 2022,
    table="as published 7 March 2022; amended July 2022 (Bahamas added)",
    url="https://tass.com/russia/1484099", via="TASS, 7 March 2022 and 24 July 2022")
cit("eu-2014-512", "Council of the European Union",
    "Council Decision 2014/512/CFSP of 31 July 2014 concerning restrictive measures in view of "
    "Russia's actions destabilising the situation in Ukraine (arms embargo), as amended", 2014)
cit("treaty-union-state-1999", "Russian Federation; Republic of Belarus",
    "Treaty on the Creation of a Union State, 8 December 1999", 1999)
cit("treaty-csto-1992", "Collective Security Treaty Organization",
    "Collective Security Treaty of 15 May 1992 (Article 4: collective defence); members per the CSTO "
    "secretariat", 1992)
cit("arm-csto-2024", "Government of the Republic of Armenia",
    "Prime Minister Nikol Pashinyan: Armenia has frozen its participation in the CSTO (February 2024)",
    2024)
cit("treaty-rus-prk-2024", "Russian Federation; Democratic People's Republic of Korea",
    "Treaty on Comprehensive Strategic Partnership, 19 June 2024 (Article 4: mutual military "
    "assistance)", 2024)
cit("treaty-rus-irn-2025", "Russian Federation; Islamic Republic of Iran",
    "Treaty on Comprehensive Strategic Partnership, 17 January 2025 (no mutual-defence clause)", 2025)
cit("treaty-rus-chn-2001", "Russian Federation; People's Republic of China",
    "Treaty of Good-Neighbourliness and Friendly Cooperation, 16 July 2001 (consultations, no "
    "mutual-defence obligation)", 2001)
cit("nis-2024", "National Intelligence Service of the Republic of Korea",
    "Briefings on North Korean munitions, missiles and troops sent to Russia, 2024", 2024)
cit("sanctions-irn-2024", "US Department of the Treasury (OFAC); Council of the European Union; UK Government",
    "Sanctions designations for the transfer of Iranian drones (Shahed/Geran) and missiles to Russia, "
    "2023-2024", 2024)
cit("kremlin-2025-05-06", "Kremlin (presidential aide Yuri Ushakov)",
    "Briefing on the 29 foreign leaders expected at the 9 May 2025 Victory Day celebrations", 2025,
    via="Russian state media, 6 May 2025")
cit("afp-mt-2025-05", "AFP; The Moscow Times",
    "Reports on the foreign leaders and delegations at the Victory Day parade in Moscow", 2025,
    table="6-9 May 2025")
cit("sp-2024-04", "S&P Global Market Intelligence",
    "Are transshipment hubs facilitating the movement of Western-made components to Russia?", 2024,
    table="blog, 15 April 2024 (Ravi Amin): the high-risk transshipment areas named by FinCEN and BIS",
    url="https://spglobal.com/marketintelligence/en/mi/research-analysis/transshipment-hubs-facilitating-western-made-components-russia.html")
cit("us-dos-2023", "US Department of State (sanctions coordinator James O'Brien)",
    "Armenia, Kazakhstan, Georgia, the UAE and Türkiye named as the main states through which "
    "sanctions on Russia are circumvented (interview, 2023)", 2023, via="Politico, 2023; TASS")

# -- trade: Russia
cit("ria-2024-partners", "Federal Customs Service of the Russian Federation; partners' national statistics (compiled by RIA Novosti)",
    "Russia's main trade partners in 2023 (total USD 710.1 bn; partner turnover; Germany's 2021 "
    "turnover USD 56.99 bn)", 2024, via="RIA Novosti; Sputnik, 7 April 2024",
    url="https://sputnikglobe.com/amp/20240407/western-economies-fall-off-ranking-of-russias-top-5-trade-partners-and-into-recession-1117798383.html")
cit("fcs-2024-totals", "Federal Customs Service of the Russian Federation",
    "Foreign trade in 2023: exports USD 425.1 bn, imports USD 285.1 bn", 2024,
    via="Agenzia Nova, 17 February 2024",
    url="https://www.agenzianova.com/a/65d0498a4aed36.28747684/4851856/2024-02-17/business-news-russia-surplus-commerciale-nel-2023-pari-a-140-miliardi-di-dollari")
cit("fcs-ivin-2024", "Federal Customs Service of the Russian Federation (deputy head Vladimir Ivin)",
    "Statement that China's share of Russia's foreign trade rose from 11% to 34% in ten years", 2024,
    via="RIA Novosti, as reported by Oreanda-News",
    url="https://oreanda-news.com/en/torgovlya_i_uslugi/the-share-of-asian-countries-in-russia-s-foreign-trade-has-soared/article1527571")
cit("fcs-2021-9m", "Federal Customs Service of the Russian Federation",
    "Foreign trade, January-September 2021: exports USD 343.8 bn, imports USD 213.5 bn; China 98.9, "
    "Germany 40.9, Netherlands 32.5, United States 26.2, Türkiye 23.3", 2021,
    via="Arabic-language press summary of the FCS release, autumn 2021",
    url="https://adegstaging.atlp.ae/ar/news/892007")
cit("finexpertiza-2022", "FinExpertiza",
    "Russia's 2021 trade with the states that imposed sanctions: EU 35.9% (USD 282 bn), China 17.9% "
    "(USD 140.7 bn) of Russia's trade", 2022, via="TASS, March 2022 (as reported by Armenpost, 21 March 2022)")
cit("rt-2022-tur", "Federal Customs Service of the Russian Federation",
    "Russia-Türkiye trade: USD 23.3 bn in January-September 2021, USD 33 bn in 2021", 2022,
    via="RT, 23 October 2022", url="https://www.rt.com/business/565086-russia-turkiye-trade-soaring/")
cit("ru-blr-2022", "President of the Russian Federation",
    "Statement that Russia-Belarus trade grew by a third to USD 38.5 bn in 2021", 2022,
    via="RIA Novosti, as reported by Profile.ru",
    url="https://profile.ru/news/economy/putin-ozhidaet-novyj-rekord-v-tovarooborote-rossii-i-belorussii-v-2022-godu-1225252/amp")
cit("belstat-2022", "National Statistical Committee of the Republic of Belarus",
    "Belarus-Russia trade in 2021: USD 40 bn, up 34.9%", 2022, via="Sputnik, 30 September 2022 (UrduPoint)",
    url="https://www.urdupoint.com/en/world/belarus-russia-trade-may-reach-record-45bln-1571100.html")
cit("blr-mfa-2022", "Ministry of Foreign Affairs of the Republic of Belarus",
    "Annual report 2021: Russia 49% of Belarus's goods turnover (41.1% of exports, 56.6% of imports)",
    2022, via="Reform.by, as reported by Motolko.help",
    url="https://motolko.help/en-news/foreign-ministry-russia-supported-belarus-amid-sanctions/")
cit("kaz-2022", "President of the Republic of Kazakhstan",
    "Statement that Kazakhstan-Russia trade reached a record USD 24.5 bn in 2021", 2022,
    via="A News, 28 November 2022",
    url="https://anews.com.tr/world/2022/11/28/russia-reorienting-its-exports-imports-to-new-markets-amid-crisis-in-intl-trade-putin")
cit("ru-kaz-2024", "President of the Russian Federation",
    "Article in Kazakhstanskaya Pravda: Russia-Kazakhstan trade about USD 28 bn in 2023", 2024,
    via="Vestnik Kavkaza, November 2024", url="https://en.vestikavkaza.ru/material/171966")
cit("ind-doc-2022", "Department of Commerce, Government of India",
    "India-Russia trade in fiscal year 2021-22: USD 13.12 bn (exports 3.25, imports 9.87)", 2022,
    via="The National, 21 October 2022",
    url="https://www.thenationalnews.com/world/asia/2022/10/21/india-russia-trade-soars-to-all-time-high/")
cit("ind-moc-2025", "Ministry of Commerce and Industry, Government of India",
    "India-Russia trade in fiscal year 2024-25: about USD 68.7 bn, a record", 2025, via="PTI")
cit("ru-pm-uae-2024", "Government of the Russian Federation (Prime Minister)",
    "Statement on Russia-UAE trade in 2023: about USD 11.4 bn", 2024, via="TASS")
cit("gacc-2021", "General Administration of Customs of the People's Republic of China",
    "China's foreign trade in 2021: trade with Russia USD 146.887 bn (+35.8%); China's total trade "
    "USD 6.05 trillion", 2022,
    via="IANS, July 2022 (Russia); D. Gordienko, Problemy Dal'nego Vostoka, 2022 (total)",
    url="https://doi.org/10.31857/S013128120021449-4")
cit("gacc-2023", "General Administration of Customs of the People's Republic of China",
    "China's foreign trade in 2023: trade with Russia USD 240.1 bn; China's total trade USD 5.94 "
    "trillion; partner shares", 2024)
cit("gacc-2024", "General Administration of Customs of the People's Republic of China",
    "China's foreign trade in 2024: trade with Russia USD 244.8 bn (exports 115.5, imports 129.3)", 2025)
cit("turkstat-2025", "Turkish Statistical Institute (TurkStat)",
    "Foreign trade statistics 2024: imports from Russia USD 44.0 bn, the largest supplier", 2025,
    via="TASS")
cit("turkstat-2024-wheat", "Turkish Statistical Institute (TurkStat)",
    "Foreign trade statistics, June 2024: wheat imports USD 143.8 m, of which from Russia USD 140.3 m",
    2024, via="AzerNews, as reported by MENAFN, 7 August 2024",
    url="https://menafn.com/1108529023/Turkiye-Increased-Wheat-Purchases-From-Russia-To-1403-Million-Dollars")

# -- trade: the EU and Russia
cit("ec-2022-eu-rus", "European Commission (Eurostat data)",
    "EU trade in goods with Russia in 2021: EUR 257.5 bn (EU imports EUR 158.5 bn)", 2022,
    via="RT, June 2023", url="https://rt.com/business/578081-russia-eu-trade-decline/amp")
cit("eurostat-2024-eu-rus", "Eurostat",
    "EU trade in goods with Russia: January-November 2023 EUR 82.5 bn (imports 46.9, exports 35.6); "
    "January-August 2024 EUR 45 bn", 2024, via="press reports of Eurostat releases")
cit("ec-2022-energy", "European Commission",
    "Statement on the EU's energy imports from Russia in 2021: about 45% of gas, 27% of crude oil "
    "and 46% of hard coal imports", 2022, via="IANS, March 2022 (The Northeast Affairs)",
    url="https://thenortheastaffairs.com/russia-provided-about-45-of-eu-gas-imports-in-2021")
cit("eurostat-2022-energy", "Eurostat",
    "EU imports of energy products - recent developments (Statistics Explained)", 2022,
    table="data extracted April 2022: Russia the largest supplier of natural gas and petroleum oils in 2021",
    url="https://ec.europa.eu/eurostat/statistics-explained/index.php?title=EU_imports_of_energy_products_-_recent_developments")
cit("eurostat-comext-2023", "Eurostat", "Comext: international trade in goods by partner", 2024,
    table="2023, exports + imports, member states and extra-EU partners")

# -- energy, arms, finance, dual use, aid
cit("eia-2025-rus", "US Energy Information Administration", "Country Analysis Brief: Russia", 2025,
    table="crude oil and condensate exports by destination, 2024: 4.8 mb/d in total, China 2.2, "
          "India 1.7, Europe 12% (over half of it Türkiye)")
cit("mees-2024", "Middle East Economic Survey (MEES)",
    "China's crude imports by supplier, H1 2024: Russia 2.21 mb/d, Saudi Arabia 1.62", 2024,
    table="26 July 2024")
cit("epdk-2024", "Energy Market Regulatory Authority of Türkiye (EPDK)",
    "Gas and oil market reports 2024: Russia 43.3% of Türkiye's gas imports in October 2024; a record "
    "323 kb/d of Russian crude in 2024", 2024, via="TASS")
cit("crea-2024", "Centre for Research on Energy and Clean Air (CREA)",
    "Russian fossil fuel tracker: export revenue by buyer", 2024, table="2024")
cit("kpler-2024", "Kpler (as cited by CREA and the press)", "Tanker-tracking data on crude and oil-product flows", 2024)
cit("sipri-fs-2024", "Stockholm International Peace Research Institute (SIPRI)",
    "Trends in international arms transfers, 2023 (SIPRI Fact Sheet)", 2024,
    table="March 2024; shares of trend-indicator values 2019-23")
cit("sipri-fs-2025", "Stockholm International Peace Research Institute (SIPRI)",
    "Trends in international arms transfers, 2024 (SIPRI Fact Sheet)", 2025,
    table="March 2025; shares of trend-indicator values 2020-24")
cit("sipri-atdb", "Stockholm International Peace Research Institute (SIPRI)",
    "SIPRI Arms Transfers Database (trend-indicator values)", 2024, table="2019-2023")
cit("cbr-2023", "Bank of Russia",
    "Currency structure of settlements for Russia's exports and imports: yuan 25% of export and 34% "
    "of import settlements in June 2023 (18% and 27% in March 2023)", 2023,
    via="BOFIT Weekly 2023/29 (Bank of Finland Institute for Emerging Economies)")
cit("ru-dpm-2023", "Government of the Russian Federation (deputy prime minister)",
    "Statement that about 95% of Russia-China payments are made in roubles and yuan", 2023,
    table="November 2023")
cit("sp-2024-12", "S&P Global Market Intelligence",
    "Fishing for CHPIs: Trade flows adapt to sanctions on Russia", 2024,
    table="blog, 11 December 2024: Russia's mirror imports of Common High Priority Items",
    url="https://spglobal.com/marketintelligence/en/mi/research-analysis/fishing-for-chpis-trade-flows-adapt-to-sanctions-on-russia.html")
cit("kiel-2025-02", "Kiel Institute for the World Economy", "Ukraine Support Tracker", 2025,
    table="release of February 2025, allocations January 2022 - December 2024",
    url="https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/")
cit("kiel-2025-03", "Kiel Institute for the World Economy",
    "Ukraine Support Tracker, update to February 2025: no new US military, financial or humanitarian "
    "aid after the package of 9 January 2025 (EUR 480 m)", 2025, via="idw-online press release",
    url="https://idw-online.de/de/news850744")
cit("kiel-2025-08", "Kiel Institute for the World Economy",
    "Ukraine Support Tracker, update to June 2025: Europe EUR 80.5 bn and the US EUR 64.6 bn of "
    "military aid allocated February 2022 - June 2025; EUR 10.5 bn from Europe in May-June 2025", 2025,
    via="Daily Times, 12 August 2025", url="https://dailytimes.com.pk/1352500/europe-overtakes-us-in-ukraine-military-aid/")
cit("oecd-dac-2024", "OECD Development Assistance Committee", "Creditor Reporting System", 2024,
    table="official development assistance by donor and recipient, 2022-2023")
cit("knomad-2024", "World Bank (KNOMAD)", "Migration and remittances data", 2024, table="2023")
cit("usda-fas-2024", "US Department of Agriculture, Foreign Agricultural Service",
    "GAIN grain and feed reports (Egypt, Iran, Algeria, Central Asia)", 2024, table="2023-24")
cit("euroclear-2024", "Euroclear", "Annual report 2024: immobilised Russian central-bank assets", 2025)
cit("opec-2024", "OPEC Secretariat", "OPEC+ ministerial meetings: production decisions", 2024)
cit("un-poe-2024", "United Nations Security Council, Panel of Experts (1718 Committee)",
    "Final report: refined petroleum deliveries to the DPRK", 2024)
cit("ru-mvd-2023", "Ministry of Internal Affairs of the Russian Federation", "Migration statistics", 2024,
    table="2023")
cit("hk-basic-law", "National People's Congress of the People's Republic of China",
    "The Basic Law of the Hong Kong Special Administrative Region", 1990)
cit("hk-ce-2023-eu", "Chief Executive of the Hong Kong Special Administrative Region (John Lee)",
    "Statement after meeting the head of the EU Office and EU consuls general: the EU is Hong Kong's "
    "third-largest trading partner in merchandise trade, HK$524 bn in 2022", 2023,
    via="Xinhua, 17 August 2023 (People's Daily Online)",
    url="http://en.people.cn/n3/2023/0818/c90000-20060044.html")
cit("hk-tid-factsheet", "Trade and Industry Department, Government of the Hong Kong SAR",
    "Hong Kong: The Facts - Trade and Industry (fact sheet)", 2024,
    table="value of trade in goods 2019-2023: total HK$9,459 bn in 2022 and HK$8,822.4 bn in 2023 "
          "(imports HK$4,645.0 bn)",
    url="https://www.tid.gov.hk/en/our_work/statistics/factsheet/factsheet.html")
cit("hk-fs-2024", "Financial Secretary of the Hong Kong SAR (Paul Chan)",
    "Blog post on the diversification of Hong Kong's export markets: the EU took 6.6% of Hong Kong's "
    "exports in 2023 (10.5% in 2003)", 2024, via="Global Times, 17 March 2024",
    url="https://www.globaltimes.cn/page/202403/1308980.shtml")
cit("public-eye-2023", "Public Eye",
    "Analysis of Russian customs data on the buyers of Russian crude oil: traders registered in the UAE "
    "bought 51% and traders registered in Hong Kong 30% of the Russian crude sold in July 2023 (3% "
    "together in April 2022); Swiss traders 5%", 2023,
    table="seaborne crude exports from Russia's four largest ports, January-July 2023",
    via="Global Trade Review (GTR)",
    url="https://www.gtreview.com/news/global/dubai-and-hong-kong-traders-dominating-russian-oil-market-data-reveals/")
cit("ft-2023-dubai", "Financial Times",
    "How Dubai became the new Geneva for Russian oil trade: companies registered in the UAE bought at "
    "least 39 mn tonnes of Russian oil worth more than USD 17 bn in January-April 2023, around a third of "
    "Russia's oil exports declared to customs", 2023, via="reprint, finsmartnews.com",
    url="https://finsmartnews.com/markets/commodities/how-dubai-became-the-new-geneva-for-russian-oil-trade")
cit("crea-2025-02", "Centre for Research on Energy and Clean Air (CREA)",
    "Russian fossil fuel export revenue in 2024: China EUR 78 bn, India EUR 49 bn and Türkiye EUR 34 bn, "
    "together 74% of the total", 2025, table="report of February 2025 (third anniversary of the invasion)",
    via="fdik.org blog, February 2025", url="https://blog.fdik.org/2025-02/s1740463498")

# -- outreach agreements
cit("ec-2024-mercosur", "European Commission",
    "EU and Mercosur reach political agreement on a partnership agreement (press release)", 2024,
    table="6 December 2024, Montevideo")
cit("ec-sadc-epa", "European Commission",
    "EU-SADC Economic Partnership Agreement (provisionally applied since October 2016)", 2016)
cit("eu-kaz-epca", "Council of the European Union",
    "EU-Kazakhstan Enhanced Partnership and Cooperation Agreement (in force 1 March 2020)", 2020)

# -- groups
cit("teu", "European Union", "Treaty on European Union (consolidated version); 27 member states since 1 February 2020", 2020)
cit("brics-2025", "Government of Brazil (BRICS chair 2025)",
    "Announcement of Indonesia's admission as a full BRICS member, 6 January 2025", 2025)
cit("eaeu-2014", "Eurasian Economic Commission",
    "Treaty on the Eurasian Economic Union (29 May 2014) and the accession treaties of Armenia and "
    "Kyrgyzstan", 2014)
cit("nato-2024", "North Atlantic Treaty Organization", "Member countries (32 allies since March 2024)", 2024)
cit("sco-2024", "Shanghai Cooperation Organisation", "Astana summit, 4 July 2024: Belarus admitted as a member", 2024)
cit("mercosur-2024", "Mercosur", "Bolivia's protocol of accession in force; full member since July 2024", 2024)

# National statistics of 2023, published in 2024 (release-1 figures, rounded there).
for _cid, _pub in [
        ("imf-dots-2023", "International Monetary Fund: Direction of Trade Statistics (DOTS)"),
        ("us-census-2023", "US Census Bureau: US international trade in goods by country"),
        ("ons-2023", "Office for National Statistics (UK): UK trade in goods by country"),
        ("dgcis-2024", "Directorate General of Commercial Intelligence and Statistics (India): foreign trade, FY2023-24"),
        ("turkstat-2024", "Turkish Statistical Institute (TurkStat): foreign trade statistics"),
        ("kaz-bns-2024", "Bureau of National Statistics of Kazakhstan: foreign trade"),
        ("kgz-nsc-2024", "National Statistical Committee of the Kyrgyz Republic: foreign trade"),
        ("tjk-stat-2024", "Agency on Statistics under the President of Tajikistan: foreign trade"),
        ("uzb-stat-2024", "Statistics Agency of Uzbekistan: foreign trade"),
        ("armstat-2024", "Statistical Committee of Armenia (Armstat): foreign trade"),
        ("aze-customs-2024", "State Customs Committee of Azerbaijan: foreign trade"),
        ("geostat-2024", "National Statistics Office of Georgia (Geostat): external trade"),
        ("srb-stat-2024", "Statistical Office of the Republic of Serbia: external trade"),
        ("mda-nbs-2024", "National Bureau of Statistics of Moldova: external trade"),
        ("capmas-2024", "CAPMAS (Egypt): foreign trade"),
        ("bps-2024", "BPS-Statistics Indonesia: foreign trade"),
        ("uae-fcsc-2024", "UAE Federal Competitiveness and Statistics Centre: non-oil foreign trade"),
        ("mdic-2024", "Brazil Ministry of Development, Industry and Trade: ComexStat"),
        ("sars-2024", "South African Revenue Service: trade statistics"),
        ("indec-2024", "INDEC (Argentina): foreign trade"),
        ("kcs-2024", "Korea Customs Service: trade statistics"),
        ("jp-mof-2024", "Ministry of Finance of Japan: trade statistics"),
        ("vn-gso-2024", "General Statistics Office of Viet Nam: foreign trade"),
        ("gastat-2024", "General Authority for Statistics of Saudi Arabia (GASTAT): foreign trade"),
        ("il-cbs-2024", "Israel Central Bureau of Statistics: foreign trade"),
        ("ssb-2024", "Statistics Norway: external trade in goods"),
        ("ch-focbs-2024", "Swiss Federal Office for Customs and Border Security: foreign trade (excluding gold)"),
        ("statcan-2024", "Statistics Canada: international merchandise trade"),
        ("ukrstat-2024", "State Statistics Service of Ukraine: foreign trade"),
        ("uy-xxi-2024", "Uruguay XXI: foreign trade"),
        ("bcp-2024", "Central Bank of Paraguay: foreign trade"),
        ("ine-bo-2024", "National Statistics Institute of Bolivia (INE): foreign trade"),
        ("destatis-2024", "Destatis (Germany): foreign trade by partner"),
        ("stat-austria-2024", "Statistik Austria: foreign trade by partner"),
        ("scb-2024", "Statistics Sweden: foreign trade by partner"),
        ("uae-moe-2024", "UAE Ministry of Economy: non-oil foreign trade"),
        ("kotra-2024", "KOTRA (Korea Trade-Investment Promotion Agency): North Korea's foreign trade")]:
    cit(_cid, _pub.split(": ")[0], _pub.split(": ")[1] if ": " in _pub else _pub, 2024, table="2023")

# Energy and other national or company sources named by release-1 figures.
for _cid, _pub, _title in [
        ("ppac-2024", "Petroleum Planning and Analysis Cell, Government of India", "Crude oil and LNG imports, FY2023-24"),
        ("cpc-2023", "Caspian Pipeline Consortium; Ministry of Energy of Kazakhstan", "Oil export routes and CPC throughput, 2023"),
        ("gazprom-2024", "Gazprom", "Gas supplies to Central Asia, Armenia, Serbia and Türkiye, 2023-24"),
        ("srbijagas-2024", "Srbijagas; Energy Agency of the Republic of Serbia", "Gas supply of Serbia, 2024"),
        ("mda-energy-2025", "Ministry of Energy of Moldova; Energocom; Moldelectrica", "Gas and electricity supply after January 2025"),
        ("anp-2023", "ANP (Brazil); ComexStat", "Diesel imports by origin, 2023"),
        ("acer-2024", "ACER; national regulators (MEKH, Slovak Ministry of Economy, E-Control, Czech Ministry of Industry)", "Gas and oil supply of Hungary, Slovakia, Austria and Czechia, 2024-25"),
        ("desfa-2024", "DESFA (Greece)", "Gas imports by entry point, 2024"),
        ("bg-energy-2024", "Ministry of Energy of Bulgaria", "Crude supply of Neftochim and TurkStream transit, 2023-24"),
        ("enagas-2024", "Enagás; CORES (Spain)", "Gas and LNG imports by origin, 2023-24"),
        ("meti-2024", "Ministry of Economy, Trade and Industry of Japan", "Energy imports by origin, 2024"),
        ("knoc-2024", "Korea National Oil Corporation", "Crude imports by origin, 2024"),
        ("sonatrach-2023", "Sonatrach", "Gas exports by destination, 2023"),
        ("gassco-2023", "Gassco; Statistics Norway", "Gas exports by destination, 2023"),
        ("eu-energy-2023", "National energy statistics (Bundesnetzagentur, CBS, FPS Economy, SDES, Gaz-System, DESNZ, MASE)", "Gas imports by origin, 2023"),
        ("eia-2023", "US Energy Information Administration", "US crude oil imports by country, 2023"),
        ("epdk-2023", "Energy Market Regulatory Authority of Türkiye (EPDK)", "Natural gas market report 2023"),
        ("ypfb-2023", "YPFB (Bolivia)", "Gas exports to Brazil, 2023"),
        ("cnpc-2023", "CNPC; GACC", "Central Asia-China gas pipeline imports, 2023"),
        ("giignl-2024", "GIIGNL", "LNG trade by exporter and importer, 2024"),
        ("socar-2023", "Georgian Oil and Gas Corporation; SOCAR", "Gas supply of Georgia, 2023"),
        ("egy-energy-2024", "Egyptian Ministry of Petroleum; Israeli Ministry of Energy", "Israeli pipeline gas to Egypt, 2024"),
        ("fin-debt-2023", "Ministries of Finance of Kyrgyzstan, Tajikistan, Ethiopia, Serbia, Belarus", "External public debt by creditor, 2023"),
        ("bcra-2024", "Banco Central de la República Argentina", "Reserves and the PBoC swap line, 2024"),
        ("cbe-2024", "Central Bank of Egypt; Egyptian Cabinet", "Gulf deposits and the Ras El-Hekma investment, 2024"),
        ("cb-remit-2023", "Central banks of Tajikistan, Kyrgyzstan, Uzbekistan, Armenia and Georgia", "Personal transfers by country of origin, 2023"),
        ("tr-tourism-2023", "Ministry of Culture and Tourism of Türkiye", "Foreign visitors by nationality, 2023"),
        ("ofac-2024", "US Department of the Treasury (OFAC)", "Executive Order 14114 and designations of third-country banks and traders, 2023-24"),
        ("seco-2024", "State Secretariat for Economic Affairs (SECO, Switzerland)", "Frozen Russian assets, 2024"),
        ("ofsi-2024", "HM Treasury (OFSI)", "Oil price cap enforcement, 2024"),
        ("ebrd-2024", "European Bank for Reconstruction and Development", "Regional Economic Prospects: trade diversion and re-exports to Russia, 2023-24"),
        ("ua-mod-2024", "Ukrainian defence intelligence; RUSI", "Statements and analysis on North Korean munitions and troops, 2024"),
        ("paks-2024", "Government of Hungary; Rosatom", "Paks II financing agreement (2014, amended 2024)"),
        ("rosatom-2024", "Rosatom; Government of Egypt", "El Dabaa nuclear power plant financing (2015)")]:
    # year of publication: the data year + 1 (2025 for 2025 data); the two agreements: their dates
    _year = {"paks-2024": 2024, "rosatom-2024": 2015}.get(
        _cid, 2025 if "2025" in _title else 2024)
    cit(_cid, _pub, _title, _year)

# --------------------------------------------------------------------------------------------
# Figure tables
#
# A row is (from, to, channel, value, range, source, year, basis, cite). `range` is either
# (low, high) or a relative half-width r, giving [value*(1-r), value*(1+r)] clipped to [0, 1].
# Several rows of one tie and channel with distinct years make a yearly series (oldest first).
#
# Basis, as docs/FORMAT.md defines it:
#   official   an official statistic, or a share computed exactly from official statistics alone
#   published  a figure published by a named body that is not an official statistic
#   derived    computed by the formula the source states, from figures of which at least one is
#              not official (a proxy, an approximate reading, an estimated denominator, a split)
#   judgement  an analyst's judgement where no published figure exists; the source says why
# --------------------------------------------------------------------------------------------

ROWS = []
J = "leverage-judgement"


def row(frm, to, ch, value, rng, source, year, basis, cite):
    ROWS.append((frm, to, ch, value, rng, source, year, basis, cite))


T2023 = 710.1     # Russia's 2023 goods trade, USD bn (Federal Customs Service)
T2021 = 786.0     # Russia's 2021 goods trade, USD bn, implied by FinExpertiza's shares (below)
T2021_9M = 343.8 + 213.5   # January-September 2021, USD bn (Federal Customs Service)

S_T2021 = ("Russia's 2021 total of about USD 786 bn is implied by FinExpertiza's published shares "
           "(China USD 140.7 bn = 17.9%, EU USD 282 bn = 35.9%; range USD 784-789 bn)")

# ---- 1. partner -> RUS: Russia's dependence on the partner ----------------------------------

# trade 2023: partner turnover (RIA Novosti's compilation of national statistics) over Russia's
# total (Federal Customs Service): a share of official statistics, read through state media.
S_RIA = ("partner's share of Russia's 2023 goods trade: USD {bn} bn turnover (partner's national "
         "statistics, compiled by RIA Novosti) over Russia's total USD 710.1 bn (Federal Customs "
         "Service); post-2022 Russian figures reach us through state media")
for p, bn, r in [("IND", 64.9, 0.15), ("TUR", 56.5, 0.15), ("BLR", 55, 0.2), ("KOR", 15, 0.15),
                 ("DEU", 12.2, 0.15), ("BRA", 11.3, 0.15), ("NLD", 9.9, 0.15), ("UZB", 9.9, 0.15),
                 ("JPN", 9.7, 0.15), ("ARM", 7.3, 0.15), ("HKG", 5.9, 0.2), ("EGY", 5.5, 0.2)]:
    src = S_RIA.format(bn=bn)
    if p == "BLR":
        src += "; the Belarus turnover is given as about USD 55 bn"
    row(p, "RUS", "trade", bn / T2023, r, src, 2023, "official", "ria-2024-partners")
row("CHN", "RUS", "trade", 240.1 / T2023, (0.31, 0.36),
    "China's share of Russia's 2023 goods trade: USD 240.1 bn (GACC, China's customs; the same figure "
    "in RIA Novosti's compilation) over Russia's total USD 710.1 bn (Federal Customs Service)", 2023,
    "official", ["gacc-2023", "ria-2024-partners"])
row("KAZ", "RUS", "trade", 26 / T2023, (0.035, 0.041),
    "Kazakhstan's share of Russia's 2023 goods trade: USD 26 bn (RIA Novosti's compilation) over "
    "USD 710.1 bn (Federal Customs Service); the Russian president put the turnover at about USD 28 bn "
    "(0.039), hence the range", 2023, "official", ["ria-2024-partners", "ru-kaz-2024"])
row("ARE", "RUS", "trade", 11.4 / T2023, (0.015, 0.018),
    "UAE's share of Russia's 2023 goods trade: about USD 11.4 bn (Russian prime minister, via TASS) "
    "over USD 710.1 bn (Federal Customs Service); RIA Novosti's nine-month extrapolation, USD 12.1 bn, "
    "gives the top of the range", 2023, "official", ["ru-pm-uae-2024", "ria-2024-partners"])

# trade 2021 (before the full-scale invasion; Russia still published customs statistics)
row("CHN", "RUS", "trade", 146.887 / T2021, (0.177, 0.19),
    "derived: China's share of Russia's 2021 goods trade = USD 146.9 bn (GACC) / USD 786 bn. " + S_T2021 +
    "; Russia's own figure for China, USD 140.7 bn, gives 0.179, and January-September 2021 "
    "(Federal Customs Service) 98.9 / 557.3 = 0.177", 2021, "derived",
    ["gacc-2021", "finexpertiza-2022", "fcs-2021-9m"])
row("DEU", "RUS", "trade", 56.99 / T2021, (0.071, 0.074),
    "derived: Germany's share of Russia's 2021 goods trade = USD 56.99 bn (Federal Customs Service, via "
    "Sputnik) / USD 786 bn. " + S_T2021 + "; January-September 2021: 40.9 / 557.3 = 0.073", 2021,
    "derived", ["ria-2024-partners", "finexpertiza-2022", "fcs-2021-9m"])
row("TUR", "RUS", "trade", 33 / T2021, (0.041, 0.043),
    "derived: Türkiye's share of Russia's 2021 goods trade = USD 33 bn (Federal Customs Service, via RT) "
    "/ USD 786 bn. " + S_T2021 + "; January-September 2021: 23.3 / 557.3 = 0.042", 2021, "derived",
    ["rt-2022-tur", "finexpertiza-2022", "fcs-2021-9m"])
row("BLR", "RUS", "trade", 38.5 / T2021, (0.048, 0.052),
    "derived: Belarus's share of Russia's 2021 goods trade = USD 38.5 bn (Russian president, via RIA "
    "Novosti) / USD 786 bn. " + S_T2021 + "; Belstat's USD 40 bn gives 0.051", 2021, "derived",
    ["ru-blr-2022", "belstat-2022", "finexpertiza-2022"])
row("KAZ", "RUS", "trade", 24.5 / T2021, (0.029, 0.032),
    "derived: Kazakhstan's share of Russia's 2021 goods trade = USD 24.5 bn (President Tokayev, "
    "Kazakh figure) / USD 786 bn. " + S_T2021, 2021, "derived", ["kaz-2022", "finexpertiza-2022"])
row("IND", "RUS", "trade", 13.12 / T2021, (0.015, 0.018),
    "derived: India's share of Russia's 2021 goods trade = USD 13.12 bn (India's Department of Commerce, "
    "fiscal year April 2021 - March 2022) / USD 786 bn. " + S_T2021, 2021, "derived",
    ["ind-doc-2022", "finexpertiza-2022"])
for p, bn in [("NLD", 32.5), ("USA", 26.2)]:
    row(p, "RUS", "trade", bn / T2021_9M, 0.06,
        f"partner's share of Russia's goods trade in January-September 2021: USD {bn} bn of USD 557.3 bn "
        "(exports 343.8 + imports 213.5), Federal Customs Service; nine months stand for the year",
        2021, "official", "fcs-2021-9m")

# trade 2024: no Russian total is published for 2024; the 2023 total stands in for it
row("CHN", "RUS", "trade", 244.8 / T2023, (0.32, 0.37),
    "derived: China's share of Russia's 2024 goods trade = USD 244.8 bn (GACC) / USD 710.1 bn, Russia's "
    "2023 total (Federal Customs Service) standing in for the unpublished 2024 total; an FCS deputy head "
    "put China's share at 34% in 2024", 2024, "derived", ["gacc-2024", "ria-2024-partners", "fcs-ivin-2024"])
row("IND", "RUS", "trade", 68.7 / T2023, (0.085, 0.11),
    "derived: India's share of Russia's goods trade = USD 68.7 bn (India's Ministry of Commerce, fiscal "
    "year April 2024 - March 2025, via PTI) / USD 710.1 bn, Russia's 2023 total (Federal Customs Service) "
    "standing in for the unpublished 2024 total", 2024, "derived", ["ind-moc-2025", "ria-2024-partners"])

# trade 2023: other partners, from partner-reported (mirror) statistics, read approximately
S_MIRROR = ("derived: partner's share of Russia's 2023 goods trade = the partner's own reported trade "
            "with Russia (IMF Direction of Trade Statistics, mirror data) / Russia's total USD 710.1 bn "
            "(Federal Customs Service); mirror values differ from Russia's (CIF/FOB, re-exports, "
            "unrecorded trade) and were read approximately in the first release")
for p, v in [("USA", 0.007), ("GBR", 0.002), ("CHE", 0.004), ("NOR", 0.0014), ("ISR", 0.003),
             ("KGZ", 0.005), ("TJK", 0.0015), ("TKM", 0.002), ("AZE", 0.006), ("GEO", 0.0035),
             ("SRB", 0.004), ("VNM", 0.0065), ("DZA", 0.0035), ("IRN", 0.0065), ("IDN", 0.006),
             ("ZAF", 0.002), ("ARG", 0.0013), ("SAU", 0.002)]:
    row(p, "RUS", "trade", v, 0.35, S_MIRROR, 2023, "derived", ["imf-dots-2023", "ria-2024-partners"])

# trade 2023: EU members other than DEU and NLD. IRL, LUX, MLT, CYP are below 0.001 and omitted.
S_RUS_EU = ("derived: member's share of Russia's 2023 goods trade = EU-Russia trade (Eurostat, EUR 82.5 bn "
            "in January-November 2023) x the member's share of it (Eurostat Comext, read approximately) / "
            "Russia's total USD 710.1 bn (Federal Customs Service)")
for p, v in [("ITA", 0.013), ("BEL", 0.011), ("HUN", 0.009), ("ESP", 0.008), ("FRA", 0.008),
             ("SVK", 0.007), ("AUT", 0.006), ("POL", 0.005), ("CZE", 0.0045), ("GRC", 0.004),
             ("BGR", 0.004), ("FIN", 0.0035), ("LTU", 0.003), ("LVA", 0.002), ("ROU", 0.002),
             ("SVN", 0.002), ("SWE", 0.0015), ("DNK", 0.0015), ("HRV", 0.001), ("EST", 0.001),
             ("PRT", 0.001)]:
    row(p, "RUS", "trade", v, 0.3, S_RUS_EU, 2023, "derived",
        ["eurostat-2024-eu-rus", "eurostat-comext-2023", "ria-2024-partners"])

# energy: the buyer's share of Russia's crude exports (US EIA, 2024), replacing release 1's CREA
# revenue shares for the three large buyers
row("CHN", "RUS", "energy", 2.2 / 4.8, (0.443, 0.474),
    "derived: China's share of Russia's crude and condensate exports in 2024 = 2.2 / 4.8 mb/d (US EIA; "
    "range from the rounding of both figures); MEES puts China's imports from Russia at 2.21 mb/d in "
    "H1 2024, its top supplier", 2024, "derived", ["eia-2025-rus", "mees-2024"])
row("IND", "RUS", "energy", 1.7 / 4.8, (0.34, 0.37),
    "derived: India's share of Russia's crude and condensate exports in 2024 = 1.7 / 4.8 mb/d (US EIA; "
    "range from rounding); 0.05 mb/d in 2020", 2024, "derived", "eia-2025-rus")
# Türkiye buys mostly Russian oil products and TurkStream gas, not crude: its crude share (12% of
# Russia's crude exports to Europe x 'over half of it' = 0.066, US EIA) leaves most of its purchases
# out, so its energy weight is its share of Russia's fossil-fuel export revenue (CREA).
CREA_2024_TOTAL = (78 + 49 + 34) / 0.74   # EUR bn: China, India, Türkiye = 74% of the total
row("TUR", "RUS", "energy", 34 / CREA_2024_TOTAL, (0.13, 0.17),
    "derived: Türkiye's share of Russia's 2024 fossil-fuel export revenue = EUR 34 bn / EUR 217.6 bn, the "
    "total implied by CREA's statement that China (EUR 78 bn), India (EUR 49 bn) and Türkiye (EUR 34 bn) "
    "took 74% of it (CREA, February 2025). It replaces the crude-only share, 12% of Russia's crude exports "
    "going to Europe x 'over half of it' Türkiye = 0.066 (US EIA), which left out Türkiye's purchases of "
    "Russian oil products and TurkStream gas. Range: CREA's tracker methodology and rounding", 2024,
    "derived", ["crea-2025-02", "eia-2025-rus"])
S_CREA = ("CREA Russian fossil fuel tracker, 2024: the buyer's share of Russia's fossil-fuel export "
          "revenue")
for p, v, r, extra in [
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
        ("ARE", 0.02, (0.01, 0.04), "; fuel oil and products, incl. for re-export via Fujairah")]:
    row(p, "RUS", "energy", v, r, S_CREA + extra, 2024, "published", "crea-2024")
row("BLR", "RUS", "energy", 0.05, (0.03, 0.08),
    "judgement: Russian crude refined in Belarus and the products re-exported; CREA does not list "
    "Belarus as a buyer, so the weight is an analyst's reading of its refinery intake", 2024,
    "judgement", [J, "crea-2024"])

# oil_trading: Russia's dependence on the traders registered in a jurisdiction to sell its crude
# (buyers of record in Russian customs data), whatever the cargo's destination (Public Eye; FT)
row("ARE", "RUS", "oil_trading", 0.51, (0.33, 0.55),
    "Public Eye's analysis of Russian customs data: traders registered in the UAE (largely Dubai) bought "
    "51% of the Russian crude sold in July 2023 (seaborne crude from Russia's four largest ports; the UAE "
    "and Hong Kong together 3% in April 2022, as Swiss traders left the market). Low end: the Financial "
    "Times' reading of Russian customs data, UAE-registered companies about a third of Russia's declared "
    "oil exports in January-April 2023. US designations of UAE-registered traders in 2024 may have lowered "
    "the share since; no 2024 figure is in the record", 2023, "published", ["public-eye-2023", "ft-2023-dubai"])
row("HKG", "RUS", "oil_trading", 0.30, (0.2, 0.35),
    "Public Eye's analysis of Russian customs data: traders registered in Hong Kong bought 30% of the "
    "Russian crude sold in July 2023 (seaborne crude from Russia's four largest ports; the UAE and Hong "
    "Kong together 3% in April 2022). Range: a monthly figure of a fast-moving market; no 2024 figure is "
    "in the record", 2023, "published", "public-eye-2023")

# oil_market: Saudi Arabia buys no Russian energy, so its weight over Russia is not `energy`
row("SAU", "RUS", "oil_market", 0.1, (0.04, 0.25),
    "judgement: Saudi Arabia is no buyer of note of Russian energy (CREA lists no Saudi share of "
    "Russia's export revenue; its fuel-oil imports from Russia are the reverse tie), so its weight over "
    "Russia is not an energy buyer share: as OPEC+ co-chair its production decisions move the oil price "
    "on which Russia's export revenue depends (OPEC Secretariat, 2024). No statistic measures this; wide "
    "range", 2024, "judgement", [J, "opec-2024"])

# security: Russia's arms clients (SIPRI: the buyer's share of Russia's arms exports), a series of
# two five-year windows, and its war suppliers (judgement)
for p, vals in [("IND", [(2023, 0.34, "sipri-fs-2024", "2019-23"), (2024, 0.38, "sipri-fs-2025", "2020-24")]),
                ("CHN", [(2023, 0.21, "sipri-fs-2024", "2019-23"), (2024, 0.17, "sipri-fs-2025", "2020-24")]),
                ("EGY", [(2023, 0.075, "sipri-fs-2024", "2019-23")]),
                ("KAZ", [(2024, 0.11, "sipri-fs-2025", "2020-24")])]:
    for yr, v, c, window in vals:
        row(p, "RUS", "security", v, (v - 0.005, v + 0.005),
            f"SIPRI Fact Sheet: the buyer's share of Russia's arms exports, {window} (trend-indicator "
            "values, rounded by SIPRI): Russia's dependence on its arms client", yr, "published", c)
row("PRK", "RUS", "security", 0.4, (0.25, 0.6),
    "judgement from South Korean NIS and Ukrainian defence intelligence statements and RUSI analysis 2024: "
    "several million artillery shells, KN-23/24 missiles, c. 11,000-14,000 troops in Kursk; no published "
    "share of Russia's ammunition supply exists, so the weight is a reading of these", 2024, "judgement",
    [J, "nis-2024", "ua-mod-2024"])
row("IRN", "RUS", "security", 0.2, (0.1, 0.35),
    "judgement from US, UK and EU sanctions designations 2023-24: Shahed/Geran drones (production "
    "localised at Alabuga), Fath-360 missiles; no published share exists", 2024, "judgement",
    [J, "sanctions-irn-2024"])
row("BLR", "RUS", "security", 0.25, (0.15, 0.4),
    "judgement: Union State military integration, territory used for the 2022 invasion, arms-industry "
    "cooperation; no statistic measures it", 2024, "judgement", [J, "treaty-union-state-1999"])
row("TUR", "RUS", "security", 0.08, (0.03, 0.15),
    "judgement: Türkiye controls the Turkish Straits under the Montreux Convention and has closed them to "
    "belligerents' warships since February 2022; no statistic measures it", 2024, "judgement", J)

# dual_use: Russia's dependence on the partner for goods of the Common High Priority List
S_DU = ("S&P Global Market Intelligence (11 December 2024), mirror trade: Russia's imports of Common High "
        "Priority List goods were USD 1.44 bn in the three months to July 2024 (USD 480 m a month); China "
        "with Hong Kong supplied more than USD 300 m a month (peak above USD 600 m in December 2023), a "
        "share c of at least 300/480 = 0.625 (range 0.6-0.8). The split of c between mainland China and "
        "Hong Kong is not published: ")
row("CHN", "RUS", "dual_use", 0.625 * 0.75, (0.36, 0.68),
    "derived: mainland China's share = c x 0.75. " + S_DU + "the 3:1 split (mainland 0.6-0.85) is an "
    "analyst's judgement, Hong Kong being the main re-export route for Chinese goods", 2024, "derived",
    ["sp-2024-12", J])
row("HKG", "RUS", "dual_use", 0.625 * 0.25, (0.09, 0.32),
    "derived: Hong Kong's share = c x 0.25. " + S_DU + "the 3:1 split (Hong Kong 0.15-0.4) is an "
    "analyst's judgement, Hong Kong being the main re-export route for Chinese goods", 2024, "derived",
    ["sp-2024-12", J])
row("TUR", "RUS", "dual_use", 13.5 / 1440, (0.007, 0.012),
    "derived: Türkiye's share of Russia's Common High Priority List imports = USD 13.5 m (Türkiye's "
    "exports in the three months to 31 August 2024, -85% from the February 2023 peak) / USD 1,440 m "
    "(Russia's mirror imports in the three months to 31 July 2024); S&P Global Market Intelligence, "
    "11 December 2024", 2024, "derived", "sp-2024-12")

# finance
row("CHN", "RUS", "finance", (0.25 * 425.1 + 0.34 * 285.1) / (425.1 + 285.1), (0.25, 0.34),
    "the yuan's share of Russia's trade settlements: Bank of Russia, June 2023, yuan 25% of export and "
    "34% of import settlements (18% and 27% in March 2023); value = their mean weighted by Russia's 2023 "
    "exports (USD 425.1 bn) and imports (USD 285.1 bn), Federal Customs Service; range the two shares. "
    "Roubles and yuan carry about 95% of Russia-China payments (Russian deputy prime minister, November "
    "2023)", 2023, "official", ["cbr-2023", "fcs-2024-totals", "ru-dpm-2023"])
for p, v, r, src, cites in [
        ("ARE", 0.2, (0.1, 0.35), "judgement: UAE banks and exchange houses as a channel for the payments "
         "of Russia's oil trade and for Russian capital (press investigations 2023-24; US Treasury OFAC "
         "designations); no statistic measures the share. The oil trading itself, by UAE-registered "
         "traders, is the published `oil_trading` figure of this tie", ["ofac-2024", "ft-2023-dubai"]),
        ("TUR", 0.12, (0.05, 0.25), "judgement: Turkish banks as a payment channel, tightened after US "
         "secondary sanctions (Executive Order 14114, December 2023)", ["ofac-2024"]),
        ("KAZ", 0.06, (0.03, 0.12), "judgement: parallel imports and payment agents (EBRD and "
         "sanctions-circumvention studies 2023-24)", ["ebrd-2024"]),
        ("KGZ", 0.05, (0.02, 0.1), "judgement: parallel imports, re-exports of dual-use goods and payment "
         "agents (EBRD; OFAC designations of Kyrgyz banks 2024)", ["ebrd-2024", "ofac-2024"]),
        ("ARM", 0.05, (0.02, 0.1), "judgement: parallel imports and re-exports (EBRD 2023-24; Armstat trade "
         "surge 2022-23)", ["ebrd-2024"]),
        ("UZB", 0.02, (0.005, 0.05), "judgement: parallel imports (EBRD 2023-24)", ["ebrd-2024"]),
        ("IND", 0.03, (0.01, 0.08), "judgement: rupee and dirham settlement of the oil trade; dual-use "
         "exports flagged by US Commerce 2024", []),
        ("BEL", 0.25, (0.15, 0.4), "judgement: Euroclear (Brussels) holds about EUR 183 bn of the roughly "
         "EUR 260 bn of immobilised Bank of Russia assets (Euroclear annual report 2024); how much leverage "
         "that gives is an analyst's reading", ["euroclear-2024"]),
        ("USA", 0.3, (0.15, 0.45), "judgement: US dollar clearing and secondary sanctions (OFAC; Executive "
         "Order 14114)", ["ofac-2024"]),
        ("GBR", 0.08, (0.03, 0.15), "judgement: London marine insurance and enforcement of the G7 oil price "
         "cap (HM Treasury OFSI 2024)", ["ofsi-2024"]),
        ("CHE", 0.04, (0.02, 0.08), "judgement: commodity-trading and banking hub; Swiss SECO frozen assets "
         "(CHF 7.4 bn, 2024)", ["seco-2024"])]:
    row(p, "RUS", "finance", v, r, src, 2024, "judgement", [J] + cites)

# diplomacy: no statistic measures it
S_DIPLO = ("judgement (no statistic measures it): diplomatic dependence read from summitry, UN Security "
           "Council cover, mediation roles and treaty ties, 2024-2025; wide range")
for p, v, r in [("CHN", 0.5, (0.3, 0.7)), ("IND", 0.2, (0.1, 0.35)), ("BLR", 0.25, (0.1, 0.4)),
                ("TUR", 0.2, (0.1, 0.35)), ("USA", 0.35, (0.15, 0.55)), ("SAU", 0.12, (0.05, 0.25)),
                ("ARE", 0.1, (0.04, 0.2)), ("BRA", 0.1, (0.04, 0.2)), ("ZAF", 0.08, (0.03, 0.15)),
                ("IRN", 0.1, (0.04, 0.2)), ("PRK", 0.08, (0.03, 0.15)), ("KAZ", 0.1, (0.04, 0.2)),
                ("QAT", 0.05, (0.02, 0.1)), ("HUN", 0.1, (0.04, 0.2)), ("SVK", 0.05, (0.02, 0.1)),
                ("ETH", 0.03, (0.01, 0.08)), ("EGY", 0.05, (0.02, 0.1)), ("IDN", 0.04, (0.01, 0.08)),
                ("DZA", 0.03, (0.01, 0.08)), ("ISR", 0.03, (0.01, 0.08)), ("UZB", 0.05, (0.02, 0.1)),
                ("VNM", 0.03, (0.01, 0.08)), ("SRB", 0.04, (0.01, 0.08)), ("BOL", 0.02, (0.005, 0.05)),
                ("ARM", 0.03, (0.01, 0.08)), ("KGZ", 0.03, (0.01, 0.08)), ("TJK", 0.03, (0.01, 0.08))]:
    row(p, "RUS", "diplomacy", v, r, S_DIPLO, 2025, "judgement", J)

# people: Russia's dependence on Central Asian migrant labour
for p, v, r in [("UZB", 0.025, (0.01, 0.05)), ("TJK", 0.015, (0.007, 0.03)),
                ("KGZ", 0.01, (0.005, 0.02))]:
    row(p, "RUS", "people", v, r,
        "judgement from Russian Interior Ministry migration statistics 2023: the partner's migrant "
        "workers as a share of Russia's labour force (the statistics count arrivals and work permits, "
        "not workers, so the share is an analyst's reading)", 2023, "judgement", [J, "ru-mvd-2023"])

# ---- 2. RUS -> partner: the partner's dependence on Russia ----------------------------------

# trade: Russia's share of the partner's goods trade, from the partner's statistics
for p, v, r, src, yr, basis, c in [
        ("CHN", 240.1 / 5940, 0.1, "GACC China customs 2023: Russia USD 240.1 bn of China's USD 5.94 tn "
         "trade", 2023, "official", "gacc-2023"),
        ("CHN", 146.887 / 6050, 0.1, "GACC China customs 2021: Russia USD 146.9 bn of China's USD 6.05 tn "
         "trade", 2021, "official", "gacc-2021"),
        ("IND", 0.059, 0.15, "India DGCI&S, FY2023-24: Russia's share of India's goods trade", 2023,
         "official", "dgcis-2024"),
        ("TUR", 0.092, 0.15, "TurkStat 2023: Russia's share of Türkiye's goods trade", 2023, "official",
         "turkstat-2024"),
        ("BLR", 0.49, (0.48, 0.5), "Belarus Foreign Ministry annual report 2021: Russia 49% of Belarus's "
         "goods turnover (41.1% of exports, 56.6% of imports)", 2021, "official", "blr-mfa-2022"),
        ("BLR", 0.50, (0.45, 0.6), "judgement: Belarus stopped publishing its trade by partner in 2022; "
         "Belarusian and Russian official statements put Russia at about half of Belarus's trade in 2023 "
         "(49% in 2021, Belarus Foreign Ministry)", 2023, "judgement", [J, "blr-mfa-2022"]),
        ("KAZ", 0.18, 0.15, "Kazakhstan Bureau of National Statistics 2023: Russia's share of goods trade",
         2023, "official", "kaz-bns-2024"),
        ("KGZ", 0.25, 0.2, "National Statistical Committee of Kyrgyzstan 2023: Russia's share of goods "
         "trade", 2023, "official", "kgz-nsc-2024"),
        ("TJK", 0.23, 0.25, "Tajikistan statistics agency 2023 (with IMF DOTS): Russia's share of goods "
         "trade", 2023, "official", ["tjk-stat-2024", "imf-dots-2023"]),
        ("TKM", 0.08, 0.4, "derived: Turkmenistan publishes no partner detail; Russia's share of its goods "
         "trade = partners' reported trade with Turkmenistan (IMF DOTS mirror data 2023) read "
         "approximately", 2023, "derived", "imf-dots-2023"),
        ("UZB", 0.157, 0.15, "Uzbekistan statistics agency 2023: Russia's share of goods trade", 2023,
         "official", "uzb-stat-2024"),
        ("ARM", 0.35, 0.15, "Armstat 2023: Russia's share of Armenia's goods trade", 2023, "official",
         "armstat-2024"),
        ("AZE", 0.08, 0.25, "State Customs Committee of Azerbaijan 2023: Russia's share of goods trade",
         2023, "official", "aze-customs-2024"),
        ("GEO", 0.11, 0.15, "Geostat 2023: Russia's share of Georgia's goods trade", 2023, "official",
         "geostat-2024"),
        ("SRB", 0.045, 0.25, "Statistical Office of Serbia 2023: Russia's share of goods trade", 2023,
         "official", "srb-stat-2024"),
        ("MDA", 0.025, 0.3, "National Bureau of Statistics of Moldova 2023: Russia's share of goods trade",
         2023, "official", "mda-nbs-2024"),
        ("EGY", 0.047, 0.25, "CAPMAS 2023 (with IMF DOTS): Russia's share of Egypt's goods trade", 2023,
         "official", ["capmas-2024", "imf-dots-2023"]),
        ("ETH", 0.015, 0.5, "derived: Russia's share of Ethiopia's goods trade from IMF DOTS 2023, largely "
         "partner-reported (mirror) values, read approximately", 2023, "derived", "imf-dots-2023"),
        ("IDN", 0.009, 0.25, "BPS Statistics Indonesia 2023: Russia's share of goods trade", 2023,
         "official", "bps-2024"),
        ("IRN", 0.03, 0.4, "derived: Iran's trade is under-recorded; Russia's share from IMF DOTS mirror "
         "data 2023, read approximately", 2023, "derived", "imf-dots-2023"),
        ("ARE", 0.015, 0.35, "judgement: the UAE statistics centre publishes non-oil trade only (Russia's "
         "share of it, FCSC 2023); the share of all trade is an analyst's reading", 2023, "judgement",
         [J, "uae-fcsc-2024"]),
        ("BRA", 0.019, 0.15, "Brazil MDIC ComexStat 2023: Russia's share of goods trade", 2023, "official",
         "mdic-2024"),
        ("ZAF", 0.005, 0.3, "South African Revenue Service 2023: Russia's share of goods trade", 2023,
         "official", "sars-2024"),
        ("ARG", 0.006, 0.3, "INDEC 2023: Russia's share of Argentina's goods trade", 2023, "official",
         "indec-2024"),
        ("PRY", 0.005, 0.4, "derived: Russia's share of Paraguay's goods trade from IMF DOTS 2023, read "
         "approximately", 2023, "derived", "imf-dots-2023"),
        ("URY", 0.003, 0.4, "derived: Russia's share of Uruguay's goods trade from IMF DOTS 2023, read "
         "approximately", 2023, "derived", "imf-dots-2023"),
        ("BOL", 0.004, 0.5, "derived: Russia's share of Bolivia's goods trade from IMF DOTS 2023, read "
         "approximately", 2023, "derived", "imf-dots-2023"),
        ("KOR", 0.012, 0.15, "Korea Customs Service 2023: Russia's share of goods trade", 2023, "official",
         "kcs-2024"),
        ("JPN", 0.0065, 0.15, "Japan Ministry of Finance trade statistics 2023: Russia's share", 2023,
         "official", "jp-mof-2024"),
        ("VNM", 0.007, 0.25, "General Statistics Office of Viet Nam 2023: Russia's share", 2023, "official",
         "vn-gso-2024"),
        ("DZA", 0.025, 0.4, "derived: Russia's share of Algeria's goods trade from IMF DOTS mirror data 2023, "
         "read approximately", 2023, "derived", "imf-dots-2023"),
        ("SAU", 0.003, 0.4, "judgement: Russia's share of Saudi Arabia's goods trade, an analyst's reading "
         "of GASTAT 2023 partner tables", 2023, "judgement", [J, "gastat-2024"]),
        ("ISR", 0.012, 0.4, "judgement: Russia's share of Israel's goods trade, an analyst's reading of "
         "Israel CBS 2023 partner tables", 2023, "judgement", [J, "il-cbs-2024"]),
        ("NOR", 0.003, 0.4, "judgement: Russia's share of Norway's goods trade, an analyst's reading of "
         "Statistics Norway 2023 partner tables", 2023, "judgement", [J, "ssb-2024"]),
        ("CHE", 0.004, 0.4, "judgement: Russia's share of Switzerland's goods trade (excluding gold), an "
         "analyst's reading of FOCBS 2023 partner tables", 2023, "judgement", [J, "ch-focbs-2024"]),
        ("USA", 0.001, 0.3, "US Census Bureau 2023: Russia's share of US goods trade", 2023, "official",
         "us-census-2023"),
        ("GBR", 0.0015, 0.3, "ONS UK trade 2023: Russia's share of UK goods trade", 2023, "official",
         "ons-2023"),
        ("HKG", 5.9 / (8822.4 / 7.83), (0.004, 0.007), "derived: Russia's share of Hong Kong's 2023 "
         "goods trade = USD 5.9 bn (Hong Kong's turnover with Russia, partners' national statistics "
         "compiled by RIA Novosti) / USD 1,127 bn (Hong Kong's total trade in goods, HK$8,822.4 bn, Trade "
         "and Industry Department, at HK$7.83 to the US dollar); Russian gold and platinum sold to Hong "
         "Kong make up much of it", 2023, "derived", ["ria-2024-partners", "hk-tid-factsheet"]),
        ("PRK", 0.03, (0.01, 0.15), "judgement: recorded Russia-DPRK trade (KOTRA, IMF DOTS mirror data "
         "2023) is small and deliveries outside the record are unknown", 2023, "judgement",
         [J, "kotra-2024", "imf-dots-2023"])]:
    row("RUS", p, "trade", v, r, src, yr, basis, c)

# Russia's share of each EU member's total goods trade (IRL below 0.001 omitted)
for m, v in [("HUN", 0.025), ("SVK", 0.024), ("BGR", 0.04), ("LTU", 0.03), ("LVA", 0.03),
             ("EST", 0.02), ("FIN", 0.02), ("GRC", 0.03), ("SVN", 0.02), ("AUT", 0.015),
             ("CZE", 0.012), ("BEL", 0.012), ("NLD", 0.01), ("ITA", 0.01), ("ESP", 0.01),
             ("POL", 0.008), ("ROU", 0.008), ("HRV", 0.008), ("DEU", 0.007), ("FRA", 0.006),
             ("PRT", 0.004), ("DNK", 0.004), ("SWE", 0.003), ("CYP", 0.008), ("MLT", 0.004),
             ("LUX", 0.002)]:
    row("RUS", m, "trade", v, 0.3,
        "Eurostat Comext 2023: Russia's share of the member's total goods trade, rounded", 2023,
        "official", "eurostat-comext-2023")

# energy: share of the partner's energy imports from Russia (exporters: export revenue depending on
# Russia). Most combine a named gas or oil share into one energy share without computed weights:
# judgement, anchored on the figures named.
SJ = "judgement (a share of all energy imports; the figures named are its anchors): "
for p, v, r, src, yr, basis, c in [
        ("CHN", 0.18, (0.14, 0.23), SJ + "Russia China's top crude supplier (2.21 mb/d in H1 2024, MEES; "
         "about a fifth of its crude imports, GACC) plus Power of Siberia gas", 2024, "judgement",
         [J, "mees-2024", "gacc-2024"]),
        ("IND", 0.35, (0.3, 0.42), "Kpler (via CREA) and PPAC India 2024: Russia about 35-40% of India's "
         "crude imports; crude stands for India's energy imports", 2024, "published",
         ["kpler-2024", "ppac-2024"]),
        ("TUR", 0.433, (0.3, 0.55), SJ + "Russia 43.3% of Türkiye's gas imports in October 2024 (EPDK, via "
         "TASS), taken for its energy imports because Russia is also its largest crude supplier (a record "
         "323 kb/d in 2024) and Akkuyu's builder (Rosatom)", 2024, "judgement",
         [J, "epdk-2024", "turkstat-2025"]),
        ("BLR", 0.9, (0.85, 0.97), SJ + "Belarus's energy balance (Belstat 2022): almost all crude and gas "
         "from Russia", 2023, "judgement", J),
        ("KAZ", 0.8, (0.7, 0.9), "Caspian Pipeline Consortium and Kazakhstan Ministry of Energy 2023: about "
         "80% of Kazakhstan's oil exports transit Russia to Novorossiysk (exports' dependence on the "
         "transit state)", 2023, "official", "cpc-2023"),
        ("KGZ", 0.7, (0.55, 0.9), SJ + "about 90% of fuel imports from Russia (National Statistical "
         "Committee 2023); Gazprom owns the gas network", 2023, "judgement", [J, "kgz-nsc-2024", "gazprom-2024"]),
        ("TJK", 0.5, (0.3, 0.7), SJ + "Russian fuel in Tajikistan's imports from IMF DOTS mirror data 2023",
         2023, "judgement", [J, "imf-dots-2023"]),
        ("UZB", 0.3, (0.15, 0.45), SJ + "Russian gas imports since October 2023 plus oil products "
         "(Gazprom; Uzbekistan Ministry of Energy 2024)", 2024, "judgement", [J, "gazprom-2024"]),
        ("TKM", 0.1, (0.03, 0.2), SJ + "Gazprom's purchases of Turkmen gas (about 5 bcm a year) as a share "
         "of Turkmenistan's gas export revenue", 2023, "judgement", [J, "gazprom-2024"]),
        ("ARM", 0.8, (0.7, 0.9), SJ + "about 85% of gas from Gazprom Armenia; Russian nuclear fuel for "
         "Metsamor (Armstat 2023)", 2023, "judgement", [J, "armstat-2024", "gazprom-2024"]),
        ("GEO", 0.2, (0.1, 0.35), SJ + "Russian oil products, some gas and electricity (Geostat energy "
         "balance 2023)", 2023, "judgement", [J, "geostat-2024"]),
        ("SRB", 0.7, (0.55, 0.85), SJ + "about 85% of gas from Russia via TurkStream; the NIS refinery "
         "majority-owned by Gazprom Neft (Srbijagas, Serbian Energy Agency 2024)", 2024, "judgement",
         [J, "srbijagas-2024"]),
        ("MDA", 0.05, (0.0, 0.15), SJ + "right-bank Moldova buys no Russian gas; MGRES (Transnistria) power "
         "supply ended January 2025 (Moldova Energy Ministry 2025)", 2025, "judgement",
         [J, "mda-energy-2025"]),
        ("EGY", 0.05, (0.02, 0.1), SJ + "El Dabaa NPP built and financed by Rosatom; Russian oil products "
         "(Kpler 2024)", 2024, "judgement", [J, "rosatom-2024", "kpler-2024"]),
        ("BRA", 0.15, (0.08, 0.25), SJ + "Russia about 40% of Brazil's diesel imports (ANP, ComexStat 2023)",
         2023, "judgement", [J, "anp-2023"]),
        ("HUN", 0.65, (0.5, 0.8), SJ + "Russia about 80% of Hungary's gas (TurkStream) and about 2/3 of its "
         "crude (Druzhba) (MEKH, ACER 2024)", 2024, "judgement", [J, "acer-2024"]),
        ("SVK", 0.6, (0.45, 0.8), SJ + "Druzhba crude and Russian gas, via TurkStream since 2025 (Slovak "
         "Ministry of Economy, ACER 2024)", 2025, "judgement", [J, "acer-2024"]),
        ("AUT", 0.1, (0.02, 0.3), SJ + "OMV ended its Gazprom contract in December 2024 and transit via "
         "Ukraine stopped in January 2025 (E-Control 2025); residual dependence", 2025, "judgement",
         [J, "acer-2024"]),
        ("CZE", 0.03, (0.0, 0.1), SJ + "Druzhba crude imports ended April 2025 (Czech Ministry of "
         "Industry); residual", 2025, "judgement", [J, "acer-2024"]),
        ("GRC", 0.15, (0.08, 0.25), SJ + "Russian pipeline gas about 40% of Greece's gas imports (DESFA "
         "2024)", 2024, "judgement", [J, "desfa-2024"]),
        ("BGR", 0.05, (0.02, 0.12), SJ + "TurkStream transit revenue; Russian crude at Neftochim ended 2023 "
         "(Bulgarian Ministry of Energy)", 2024, "judgement", [J, "bg-energy-2024"]),
        ("FRA", 0.04, (0.02, 0.07), SJ + "Yamal LNG about 15-20% of France's LNG imports (CREA, Kpler 2024)",
         2024, "judgement", [J, "crea-2024", "kpler-2024"]),
        ("BEL", 0.05, (0.02, 0.08), SJ + "Russian LNG landed at Zeebrugge (CREA, Kpler 2024)", 2024,
         "judgement", [J, "crea-2024", "kpler-2024"]),
        ("ESP", 0.06, (0.03, 0.1), SJ + "Russian LNG about 20% of Spain's LNG imports (Enagás, CORES "
         "2024)", 2024, "judgement", [J, "enagas-2024"]),
        ("NLD", 0.03, (0.01, 0.06), SJ + "Russian LNG at Rotterdam (Gate terminal) (CREA, Kpler 2024)", 2024,
         "judgement", [J, "crea-2024", "kpler-2024"]),
        ("JPN", 0.08, (0.05, 0.1), SJ + "Sakhalin-2 LNG about 9% of Japan's LNG imports (METI, Ministry of "
         "Finance 2024)", 2024, "judgement", [J, "meti-2024"]),
        ("KOR", 0.05, (0.02, 0.08), SJ + "Russian naphtha, coal and LNG (Korea Customs Service 2024)", 2024,
         "judgement", [J, "kcs-2024"]),
        ("SAU", 0.05, (0.02, 0.1), SJ + "Russian fuel oil imported for summer power generation (Kpler "
         "2023-24)", 2024, "judgement", [J, "kpler-2024"]),
        ("ARE", 0.05, (0.02, 0.1), SJ + "Russian fuel oil and products stored and re-exported at Fujairah "
         "(Kpler 2023-24)", 2024, "judgement", [J, "kpler-2024"]),
        ("PRK", 0.2, (0.1, 0.4), SJ + "refined petroleum deliveries above the UN cap (UN Panel of Experts "
         "2024; ROK and US statements)", 2024, "judgement", [J, "un-poe-2024"])]:
    row("RUS", p, "energy", v, r, src, yr, basis, c)

# security: arms imports (SIPRI) and military presence
S_SIPRI = ("SIPRI Arms Transfers Database, TIV 2019-2023 (SIPRI Fact Sheet March 2024): Russia's share "
           "of the recipient's arms imports, rounded")
S_SIPRI_J = ("judgement anchored on the SIPRI Arms Transfers Database (TIV 2019-2023): an approximate "
             "reading of Russia's share of the recipient's arms imports, adjusted for what the trend "
             "values miss; wide range")
for p, v, r, src, basis, c in [
        ("CHN", 0.2, (0.1, 0.4), "judgement: Russia is the main supplier of China's (small) arms imports "
         "(SIPRI), but those imports are small next to China's own production; engines remain a "
         "dependence. The weight is a judgement of dependence, not SIPRI's import share", "judgement",
         [J, "sipri-atdb"]),
        ("EGY", 0.2, (0.1, 0.3), S_SIPRI_J, "judgement", [J, "sipri-atdb"]),
        ("DZA", 0.5, (0.4, 0.75), S_SIPRI + "; Algeria kept ordering Russian arms after 2022", "published",
         "sipri-fs-2024"),
        ("VNM", 0.55, (0.4, 0.75), S_SIPRI_J, "judgement", [J, "sipri-atdb"]),
        ("KAZ", 0.7, (0.55, 0.85), S_SIPRI_J + "; plus CSTO membership", "judgement",
         [J, "sipri-atdb", "treaty-csto-1992"]),
        ("BLR", 0.9, (0.8, 0.98), "judgement: Union State military integration, Russian tactical nuclear "
         "weapons deployed 2023, CSTO; SIPRI 2019-2023 records Russia as its supplier", "judgement",
         [J, "sipri-atdb", "treaty-union-state-1999"]),
        ("ARM", 0.4, (0.2, 0.6), S_SIPRI_J + "; Russian 102nd base at Gyumri; CSTO participation frozen "
         "2024, imports shifting to India and France", "judgement", [J, "sipri-atdb", "arm-csto-2024"]),
        ("KGZ", 0.6, (0.4, 0.8), "judgement: Russian Kant air base, CSTO; SIPRI 2019-2023", "judgement",
         [J, "sipri-atdb", "treaty-csto-1992"]),
        ("TJK", 0.7, (0.5, 0.85), "judgement: Russian 201st military base, CSTO; SIPRI 2019-2023",
         "judgement", [J, "sipri-atdb", "treaty-csto-1992"]),
        ("UZB", 0.25, (0.1, 0.4), S_SIPRI_J, "judgement", [J, "sipri-atdb"]),
        ("TKM", 0.2, (0.1, 0.35), S_SIPRI_J, "judgement", [J, "sipri-atdb"]),
        ("AZE", 0.15, (0.05, 0.25), S_SIPRI_J + "; Israel and Türkiye are the main suppliers", "judgement",
         [J, "sipri-atdb"]),
        ("SRB", 0.25, (0.1, 0.4), S_SIPRI_J + "; MiG-29, Pantsir", "judgement", [J, "sipri-atdb"]),
        ("IRN", 0.25, (0.1, 0.4), "judgement: reported Su-35 and Yak-130 deliveries 2023, air defence "
         "cooperation; SIPRI 2019-2023", "judgement", [J, "sipri-atdb"]),
        ("PRK", 0.4, (0.2, 0.6), "judgement: Treaty on Comprehensive Strategic Partnership (June 2024) with "
         "a mutual-defence clause; reported technology transfers", "judgement",
         [J, "treaty-rus-prk-2024"]),
        ("ETH", 0.1, (0.03, 0.2), S_SIPRI_J, "judgement", [J, "sipri-atdb"]),
        ("IDN", 0.05, (0.02, 0.1), S_SIPRI_J + "; legacy Su-27/30 fleet", "judgement", [J, "sipri-atdb"]),
        ("GEO", 0.3, (0.15, 0.5), "judgement: Russian forces in Abkhazia and South Ossetia (about 20% of "
         "Georgia's territory); coercive leverage", "judgement", J),
        ("MDA", 0.2, (0.1, 0.35), "judgement: Operational Group of Russian Forces in Transnistria",
         "judgement", J),
        ("TUR", 0.05, (0.02, 0.1), S_SIPRI_J + "; S-400", "judgement", [J, "sipri-atdb"])]:
    sipri_window = src.startswith(("SIPRI", "judgement anchored")) or p in ("CHN", "BLR")
    row("RUS", p, "security", v, r, src, 2023 if sipri_window else 2024, basis, c)
for yr, c, window in [(2023, "sipri-fs-2024", "2019-23"), (2024, "sipri-fs-2025", "2020-24")]:
    row("RUS", "IND", "security", 0.36, (0.35, 0.37),
        f"SIPRI Fact Sheet: Russia's share of India's arms imports, {window} (36%; 55% in 2015-19, 72% "
        "in 2010-14)", yr, "published", c)

# food: share of the partner's wheat (or fertiliser) imports from Russia
for p, v, r, src, yr, basis, c in [
        ("EGY", 0.6, (0.45, 0.75), "USDA FAS GAIN Egypt 2023-24: Russia's share of Egypt's wheat imports",
         2023, "published", "usda-fas-2024"),
        ("TUR", 140.3 / 143.8, (0.85, 0.99), "derived: Russia's share of Türkiye's wheat imports in 2024 "
         "taken from June 2024, the last month before the import suspension of 21 June - 15 October 2024: "
         "USD 140.3 m of USD 143.8 m (TurkStat, via AzerNews); Russia was nearly the only supplier that "
         "year (Ukraine's deliveries fell eightfold); range for the other months", 2024, "derived",
         "turkstat-2024-wheat"),
        ("ARM", 0.9, (0.8, 0.98), "Armstat 2023: Russia's share of Armenia's wheat imports", 2023,
         "official", "armstat-2024"),
        ("GEO", 0.85, (0.7, 0.95), "Geostat 2023: Russia's share of Georgia's wheat imports", 2023,
         "official", "geostat-2024"),
        ("AZE", 0.7, (0.5, 0.85), "judgement: Russia's share of Azerbaijan's wheat imports, an analyst's "
         "reading of customs data (State Customs Committee 2023)", 2023, "judgement", [J, "aze-customs-2024"]),
        ("IRN", 0.4, (0.2, 0.6), "judgement: Russia's share of Iran's wheat imports, an analyst's reading of "
         "USDA FAS 2023 (Iran publishes no partner detail)", 2023, "judgement", [J, "usda-fas-2024"]),
        ("DZA", 0.25, (0.1, 0.4), "judgement: Russia's rising share of Algeria's wheat imports, an analyst's "
         "reading of USDA FAS 2023-24", 2023, "judgement", [J, "usda-fas-2024"]),
        ("BRA", 0.25, (0.2, 0.3), "Brazil MDIC ComexStat 2023: Russia's share of Brazil's fertiliser "
         "imports", 2023, "official", "mdic-2024"),
        ("IND", 0.15, (0.08, 0.25), "judgement: Russia's share of India's fertiliser imports, an analyst's "
         "reading of Department of Fertilizers data 2023-24", 2023, "judgement", J)]:
    row("RUS", p, "food", v, r, src, yr, basis, c)

# finance
for p, v, r, src, c in [
        ("BLR", 0.5, (0.35, 0.65), "judgement: Russia holds most of Belarus's external public debt (Belarus "
         "Ministry of Finance 2023); Russian banking links", ["fin-debt-2023"]),
        ("ARM", 0.1, (0.05, 0.2), "judgement: Russian banks and the 2022-23 capital and migrant inflows "
         "(Central Bank of Armenia 2023)", ["cb-remit-2023"]),
        ("KGZ", 0.1, (0.05, 0.2), "judgement: Russian banks, payment systems and EAEU capital flows", []),
        ("KAZ", 0.08, (0.03, 0.15), "judgement: Russian banks and EAEU capital flows", []),
        ("IRN", 0.1, (0.03, 0.2), "judgement: Mir-Shetab card link and bank messaging link 2023-24", []),
        ("PRK", 0.15, (0.05, 0.3), "judgement: rouble settlement and bank accounts opened 2024", []),
        ("ARE", 0.05, (0.02, 0.1), "judgement: Russian capital in Dubai property and banks", []),
        ("HUN", 0.15, (0.08, 0.25), "judgement: Paks II, a EUR 10 bn Russian state loan (2014, amended "
         "2024); Gazprom deferred payments", ["paks-2024"]),
        ("EGY", 0.1, (0.05, 0.2), "judgement: El Dabaa NPP, a USD 25 bn Russian state loan (2015)",
         ["rosatom-2024"]),
        ("TUR", 0.1, (0.05, 0.2), "judgement: Akkuyu financing, deferred gas payments", [])]:
    row("RUS", p, "finance", v, r, src, 2024, "judgement", [J] + c)

# people: remittances from Russia as a share of GDP (or, for TUR, Russian tourists)
for p, v, r, src, basis, c in [
        ("TJK", 0.38, (0.3, 0.45), "derived: remittances from Russia / GDP = remittances about 45% of GDP "
         "(World Bank KNOMAD 2023) x the share from Russia, about 80-90% (National Bank of Tajikistan)",
         "derived", ["knomad-2024", "cb-remit-2023"]),
        ("KGZ", 0.2, (0.15, 0.25), "derived: remittances from Russia / GDP, World Bank KNOMAD 2023 and "
         "National Bank of the Kyrgyz Republic", "derived", ["knomad-2024", "cb-remit-2023"]),
        ("UZB", 0.1, (0.07, 0.14), "derived: remittances from Russia / GDP, World Bank KNOMAD 2023 and "
         "Central Bank of Uzbekistan", "derived", ["knomad-2024", "cb-remit-2023"]),
        ("ARM", 0.06, (0.03, 0.1), "derived: transfers from Russia / GDP, Central Bank of Armenia 2023, "
         "read approximately", "derived", "cb-remit-2023"),
        ("GEO", 0.03, (0.015, 0.05), "National Bank of Georgia 2023: remittances from Russia / GDP",
         "official", "cb-remit-2023"),
        ("TUR", 0.05, (0.02, 0.1), "judgement: Russians the largest group of visitors to Türkiye (about "
         "6.3 m, Ministry of Culture and Tourism 2023); the weight is an analyst's reading", "judgement",
         [J, "tr-tourism-2023"])]:
    row("RUS", p, "people", v, r, src, 2023, basis, c)

# diplomacy
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
    row("RUS", p, "diplomacy", v, r, S_DIPLO, 2025, "judgement", J)

# ---- 3. EU member -> partner: derived member-level trade -------------------------------------

# EU share of the partner's goods trade: (value, relative half-width, source, year, citation)
EU_SHARE = {
    "CHN": (0.135, 0.1, "GACC China customs 2023", 2023, "gacc-2023"),
    "IND": (0.115, 0.15, "India DGCI&S FY2023-24", 2023, "dgcis-2024"),
    "TUR": (0.36, 0.1, "TurkStat 2023", 2023, "turkstat-2024"),
    "BRA": (0.16, 0.15, "Brazil MDIC ComexStat 2023; Eurostat EU-Mercosur 2021 (EUR 45 bn exports, 43-44 bn imports)", 2023, "mdic-2024"),
    "ZAF": (0.22, 0.15, "South African Revenue Service 2023", 2023, "sars-2024"),
    "EGY": (0.24, 0.2, "CAPMAS / IMF DOTS 2023", 2023, "capmas-2024"),
    "ETH": (0.12, 0.3, "IMF DOTS 2023", 2023, "imf-dots-2023"),
    "IDN": (0.07, 0.2, "BPS Statistics Indonesia 2023", 2023, "bps-2024"),
    "IRN": (0.025, 0.4, "IMF DOTS 2023 (Iran's trade under-recorded)", 2023, "imf-dots-2023"),
    "ARE": (0.08, 0.3, "UAE FCSC 2023 (non-oil foreign trade)", 2023, "uae-fcsc-2024"),
    "ARG": (0.15, 0.15, "INDEC 2023; Eurostat EU-Mercosur 2021", 2023, "indec-2024"),
    "PRY": (0.07, 0.3, "IMF DOTS 2023; Eurostat EU-Mercosur 2021", 2023, "imf-dots-2023"),
    "URY": (0.14, 0.2, "Uruguay XXI 2023; Eurostat EU-Mercosur 2021", 2023, "uy-xxi-2024"),
    "BOL": (0.07, 0.3, "IMF DOTS 2023", 2023, "imf-dots-2023"),
    "KAZ": (0.29, 0.15, "Kazakhstan Bureau of National Statistics 2023; Eurostat: EU 23.6% of Central Asia's trade in 2021", 2023, "kaz-bns-2024"),
    "KGZ": (0.05, 0.4, "IMF DOTS 2023; Eurostat Central Asia 2021", 2023, "imf-dots-2023"),
    "TJK": (0.03, 0.5, "IMF DOTS 2023; Eurostat Central Asia 2021", 2023, "imf-dots-2023"),
    "TKM": (0.06, 0.5, "IMF DOTS 2023; Eurostat Central Asia 2021", 2023, "imf-dots-2023"),
    "UZB": (0.09, 0.25, "Eurostat 2022 (EU-Uzbekistan EUR 4.61 bn) over the Uzbek statistics agency's total", 2022, "uzb-stat-2024"),
    "SRB": (0.58, 0.1, "Statistical Office of Serbia 2023", 2023, "srb-stat-2024"),
    "GEO": (0.2, 0.15, "Geostat 2023", 2023, "geostat-2024"),
    "ARM": (0.12, 0.2, "Armstat 2023", 2023, "armstat-2024"),
    "AZE": (0.42, 0.2, "State Customs Committee of Azerbaijan 2023", 2023, "aze-customs-2024"),
    "SAU": (0.14, 0.2, "GASTAT 2023", 2023, "gastat-2024"),
    "KOR": (0.10, 0.15, "Korea Customs Service 2023", 2023, "kcs-2024"),
    "JPN": (0.10, 0.15, "Japan Ministry of Finance trade statistics 2023", 2023, "jp-mof-2024"),
    "VNM": (0.09, 0.15, "General Statistics Office of Viet Nam 2023", 2023, "vn-gso-2024"),
    "DZA": (0.48, 0.2, "IMF DOTS 2023 / Algerian customs", 2023, "imf-dots-2023"),
    "QAT": (0.12, 0.3, "IMF DOTS 2023", 2023, "imf-dots-2023"),
    "ISR": (0.28, 0.15, "Israel CBS 2023", 2023, "il-cbs-2024"),
    "NOR": (0.6, 0.1, "Statistics Norway 2023", 2023, "ssb-2024"),
    "CHE": (0.5, 0.15, "Swiss FOCBS 2023 (excl. gold)", 2023, "ch-focbs-2024"),
    "CAN": (0.09, 0.15, "Statistics Canada 2023", 2023, "statcan-2024"),
    "USA": (0.17, 0.1, "US Census Bureau 2023", 2023, "us-census-2023"),
    "GBR": (0.47, 0.1, "ONS UK trade 2023", 2023, "ons-2023"),
    "UKR": (0.52, 0.15, "State Statistics Service of Ukraine 2023", 2023, "ukrstat-2024"),
    "MDA": (0.53, 0.1, "National Bureau of Statistics of Moldova 2023", 2023, "mda-nbs-2024"),
    "BLR": (0.05, 0.5, "IMF DOTS mirror data 2023 (Belstat stopped publishing partner detail)", 2023, "imf-dots-2023"),
    "HKG": (524 / 9459, 0.15, "Hong Kong C&SD via its Chief Executive: EU-Hong Kong merchandise trade "
            "HK$524 bn in 2022 over Hong Kong's total HK$9,459 bn (Trade and Industry Department); the EU "
            "took 6.6% of Hong Kong's exports in 2023 (Financial Secretary)", 2022,
            ["hk-ce-2023-eu", "hk-tid-factsheet", "hk-fs-2024"]),
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
        eu, eu_rel, eu_src, yr, eu_cite = EU_SHARE[p]
        for m, (share, listed) in sorted(member_shares(p).items()):
            v = eu * share
            if v < min_weight:
                continue
            m_rel = OVERRIDE_REL if listed else GENERIC_REL
            lo = v * (1 - eu_rel) * (1 - m_rel)
            hi = v * (1 + eu_rel) * (1 + m_rel)
            how = ("member's share of EU-partner trade from Eurostat Comext 2023, read approximately"
                   if listed else
                   "member's share spread in proportion to its share of all extra-EU trade (Eurostat 2023)")
            src = (f"derived: EU share of the partner's goods trade {eu:g} ({eu_src}) x the member's share of "
                   f"EU trade with the partner {share:.3f} ({how})")
            cites = (eu_cite if isinstance(eu_cite, list) else [eu_cite]) + ["eurostat-comext-2023"]
            row(m, p, "trade", v, (lo, hi), src, yr, "derived", cites)


# ---- 4. other channels held by EU members over partners --------------------------------------

S_SIPRI_SUP = ("SIPRI Arms Transfers Database, TIV 2019-2023 (SIPRI Fact Sheet March 2024): the "
               "supplier's share of the recipient's arms imports, rounded")
S_SIPRI_SUP_J = ("judgement anchored on the SIPRI Arms Transfers Database (TIV 2019-2023): an approximate "
                 "reading of the supplier's share of the recipient's arms imports; wide range")
for m, p, v, r, src, basis in [
        ("FRA", "IND", 0.33, (0.25, 0.4), S_SIPRI_SUP, "published"),
        ("FRA", "EGY", 0.27, (0.15, 0.35), S_SIPRI_SUP_J, "judgement"),
        ("ITA", "EGY", 0.28, (0.15, 0.35), S_SIPRI_SUP_J, "judgement"),
        ("DEU", "EGY", 0.15, (0.08, 0.25), S_SIPRI_SUP_J, "judgement"),
        ("FRA", "QAT", 0.15, (0.05, 0.3), S_SIPRI_SUP_J, "judgement"),
        ("ITA", "QAT", 0.2, (0.1, 0.3), S_SIPRI_SUP_J, "judgement"),
        ("DEU", "ISR", 0.3, (0.2, 0.35), S_SIPRI_SUP, "published"),
        ("FRA", "IDN", 0.2, (0.1, 0.3), S_SIPRI_SUP_J + "; Rafale order", "judgement"),
        ("FRA", "BRA", 0.25, (0.15, 0.4), S_SIPRI_SUP_J + "; Scorpène submarines", "judgement"),
        ("SWE", "BRA", 0.2, (0.1, 0.3), S_SIPRI_SUP_J + "; Gripen", "judgement"),
        ("FRA", "ARE", 0.1, (0.05, 0.2), S_SIPRI_SUP_J, "judgement"),
        ("FRA", "SAU", 0.06, (0.02, 0.1), S_SIPRI_SUP_J, "judgement"),
        ("ESP", "SAU", 0.05, (0.02, 0.1), S_SIPRI_SUP_J, "judgement"),
        ("ESP", "TUR", 0.1, (0.05, 0.2), S_SIPRI_SUP_J + "; TCG Anadolu; discounted because Türkiye's "
         "imports are small next to its own arms production", "judgement"),
        ("ITA", "TUR", 0.08, (0.03, 0.15), S_SIPRI_SUP_J + "; discounted for Türkiye's own production",
         "judgement"),
        ("DEU", "TUR", 0.06, (0.02, 0.12), S_SIPRI_SUP_J + "; Reis-class submarines; discounted for "
         "Türkiye's own production", "judgement"),
        ("FRA", "ARM", 0.1, (0.03, 0.25), "judgement: French radar and air-defence contracts with Armenia "
         "2023-24 (SIPRI)", "judgement"),
        ("FRA", "SRB", 0.1, (0.03, 0.2), "judgement: Rafale order August 2024 (SIPRI)", "judgement"),
        ("DEU", "DZA", 0.05, (0.02, 0.1), S_SIPRI_SUP_J + "; MEKO frigates", "judgement")]:
    c = "sipri-fs-2024" if basis == "published" else [J, "sipri-atdb"]
    row(m, p, "security", v, r, src, 2023, basis, c)

# Ukraine: military aid (Kiel) and financial/humanitarian aid
S_KIEL_MIL = ("Kiel Institute, Ukraine Support Tracker (release February 2025): the donor's share of "
              "military aid allocated to Ukraine, January 2022 - December 2024")
S_KIEL_AID = ("Kiel Institute, Ukraine Support Tracker (release February 2025): the donor's share of "
              "financial and humanitarian aid allocated to Ukraine, January 2022 - December 2024 (EU "
              "institutions, not an actor here, hold most of the rest)")
for d, v in [("DEU", 0.1), ("GBR", 0.08), ("DNK", 0.06), ("NLD", 0.05), ("SWE", 0.04),
             ("FRA", 0.03), ("POL", 0.03), ("CAN", 0.03), ("NOR", 0.03), ("FIN", 0.02),
             ("BEL", 0.02), ("ITA", 0.015), ("CZE", 0.015), ("ESP", 0.01), ("LTU", 0.006),
             ("EST", 0.005), ("SVK", 0.005), ("LVA", 0.004), ("PRT", 0.003), ("ROU", 0.003),
             ("GRC", 0.002), ("HRV", 0.002)]:
    row(d, "UKR", "security", v, 0.3, S_KIEL_MIL, 2024, "published", "kiel-2025-02")
row("USA", "UKR", "security", 0.45, (0.35, 0.55), S_KIEL_MIL, 2024, "published", "kiel-2025-02")
row("USA", "UKR", "security", 0.04, (0.0, 0.445),
    "derived: the US share of new military aid allocated to Ukraine in January-June 2025 is at most "
    "0.48 / (0.48 + 10.5) = 0.044: the last US package (EUR 0.48 bn) came on 9 January 2025 and no "
    "new US aid followed (Kiel, March 2025), while Europe allocated EUR 10.5 bn in May-June 2025 alone "
    "(Kiel, August 2025). Value 0.04; the top of the range, 64.6 / (64.6 + 80.5) = 0.445, is the US "
    "share of the military aid Europe and the US allocated February 2022 - June 2025, part of it still "
    "being delivered", 2025, "derived", ["kiel-2025-03", "kiel-2025-08"])
for d, v, r in [("USA", 0.4, (0.3, 0.48)), ("JPN", 0.08, 0.3), ("CAN", 0.05, 0.3), ("GBR", 0.04, 0.3),
                ("DEU", 0.04, 0.3), ("NOR", 0.03, 0.3), ("NLD", 0.015, 0.4), ("FRA", 0.01, 0.4),
                ("SWE", 0.01, 0.4), ("DNK", 0.01, 0.4)]:
    row(d, "UKR", "aid", v, r, S_KIEL_AID, 2024, "published", "kiel-2025-02")
row("USA", "UKR", "diplomacy", 0.5, (0.3, 0.7), S_DIPLO + "; US-led ceasefire diplomacy 2025", 2025,
    "judgement", J)

# Ethiopia: development aid
S_DAC = ("judgement anchored on the OECD DAC Creditor Reporting System 2022-2023: an approximate reading "
         "of the donor's share of the recipient's official development assistance")
for d, v, r in [("USA", 0.35, (0.1, 0.45)), ("DEU", 0.05, 0.4), ("GBR", 0.04, 0.4), ("NLD", 0.015, 0.5),
                ("FRA", 0.015, 0.5), ("IRL", 0.01, 0.5), ("SWE", 0.01, 0.5), ("ITA", 0.01, 0.5)]:
    src = S_DAC + ("; the USAID cuts of 2025 lower the bound" if d == "USA" else "")
    row(d, "ETH", "aid", v, r, src, 2023, "judgement", [J, "oecd-dac-2024"])

# Moldova: energy, aid, diplomacy
row("ROU", "MDA", "energy", 0.6, (0.45, 0.8), "judgement: electricity and gas imported via Romania "
    "(Isaccea-Vulcanesti, Iasi-Ungheni-Chisinau) (Moldova Energy Ministry, Energocom 2025); the share "
    "of energy imports is an analyst's reading", 2025, "judgement", [J, "mda-energy-2025"])
row("UKR", "MDA", "energy", 0.1, (0.03, 0.2), "judgement: electricity imports from Ukraine (Moldelectrica "
    "2025); the share is an analyst's reading", 2025, "judgement", [J, "mda-energy-2025"])
for d, v, r in [("ROU", 0.15, (0.08, 0.25)), ("DEU", 0.1, (0.05, 0.2)), ("USA", 0.15, (0.05, 0.25)),
                ("FRA", 0.05, (0.02, 0.1))]:
    row(d, "MDA", "aid", v, r, S_DAC + "; Moldova Support Platform pledges", 2023, "judgement",
        [J, "oecd-dac-2024"])
row("ROU", "MDA", "diplomacy", 0.4, (0.25, 0.55), S_DIPLO + "; EU accession sponsor, shared language",
    2025, "judgement", J)
row("HUN", "SRB", "diplomacy", 0.15, (0.05, 0.25), S_DIPLO + "; close Orbán-Vučić alignment", 2025,
    "judgement", J)
row("FRA", "ARM", "diplomacy", 0.15, (0.05, 0.3), S_DIPLO + "; France as Armenia's main EU backer", 2025,
    "judgement", J)

# energy: members as buyers of exporters' energy (share of the exporter's energy export revenue)
for m, p, v, r, src, c in [
        ("ITA", "DZA", 0.35, (0.25, 0.45), SJ + "Italy about 35-40% of Algeria's gas exports (Transmed) "
         "(Sonatrach, Eurostat 2023), taken for its energy export revenue", "sonatrach-2023"),
        ("ESP", "DZA", 0.2, (0.12, 0.3), SJ + "Spain's share of Algeria's gas exports (Medgaz) (Sonatrach, "
         "Enagás 2023)", "sonatrach-2023"),
        ("ITA", "AZE", 0.4, (0.3, 0.5), SJ + "Italy about 40% of Azerbaijan's oil and gas export revenue "
         "(TAP gas, crude) (State Customs Committee of Azerbaijan 2023)", "aze-customs-2024"),
        ("ITA", "KAZ", 0.3, (0.2, 0.4), SJ + "Italy the largest buyer of Kazakh crude, about 30% "
         "(Kazakhstan Bureau of National Statistics 2023)", "kaz-bns-2024"),
        ("DEU", "NOR", 0.3, (0.2, 0.4), SJ + "Germany's share of Norway's gas export revenue (Gassco, "
         "Statistics Norway 2023)", "gassco-2023")]:
    row(m, p, "energy", v, r, src, 2023, "judgement", [J, c])

# energy: partners supplying members (share of the member's energy imports)
for s, m, v, r, src, c in [
        ("NOR", "DEU", 0.35, (0.25, 0.45), SJ + "Norway about 48% of Germany's gas imports (Bundesnetzagentur, "
         "AGEB 2023)", "eu-energy-2023"),
        ("NOR", "NLD", 0.3, (0.2, 0.4), SJ + "Norwegian gas and crude (CBS Netherlands 2023)", "eu-energy-2023"),
        ("NOR", "BEL", 0.3, (0.2, 0.4), SJ + "Norwegian gas (FPS Economy Belgium 2023)", "eu-energy-2023"),
        ("NOR", "FRA", 0.2, (0.12, 0.3), SJ + "Norway France's largest gas supplier (SDES France 2023)",
         "eu-energy-2023"),
        ("NOR", "POL", 0.2, (0.1, 0.3), SJ + "Baltic Pipe gas from Norway (Gaz-System 2023)", "eu-energy-2023"),
        ("NOR", "GBR", 0.5, (0.4, 0.6), SJ + "Norway about 60% of UK gas imports (DESNZ Energy Trends 2023)",
         "eu-energy-2023"),
        ("DZA", "ITA", 0.2, (0.15, 0.3), SJ + "Algeria about 35-40% of Italy's gas imports (MASE Italy 2023)",
         "eu-energy-2023"),
        ("DZA", "ESP", 0.2, (0.15, 0.3), SJ + "Algeria's share of Spain's gas imports (Enagás, CORES 2023)",
         "enagas-2024"),
        ("AZE", "ITA", 0.1, (0.05, 0.15), SJ + "TAP gas about 15% of Italy's gas imports plus Azeri crude "
         "(MASE Italy 2023)", "eu-energy-2023"),
        ("UKR", "HUN", 0.25, (0.1, 0.4), "judgement: Druzhba crude to Hungary crosses Ukraine (Ukraine "
         "restricted Lukoil transit in 2024); no statistic measures the transit dependence", "acer-2024"),
        ("UKR", "SVK", 0.25, (0.1, 0.4), "judgement: Druzhba crude to Slovakia crosses Ukraine (Ukraine "
         "restricted Lukoil transit in 2024); no statistic measures the transit dependence", "acer-2024")]:
    row(s, m, "energy", v, r, src, 2024 if s == "UKR" else 2023, "judgement", [J, c])

# intra-EU trade: each member's dependence on its main EU partners
S_INTRA = "Eurostat Comext 2023: the partner's share of the member's total goods trade (exports+imports), rounded"
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
        row(holder, dependent, "trade", v, 0.25, S_INTRA, 2023, "official", "eurostat-comext-2023")
row("NOR", "SWE", "trade", 0.1, 0.25, "Statistics Sweden 2023: Norway's share of Sweden's goods trade, "
    "rounded", 2023, "official", "scb-2024")

# ---- 5. USA, GBR, CHN and other partner -> partner ties --------------------------------------

S_USA = ("US Census Bureau 2023 with the partner's statistics (IMF DOTS): the United States' share of "
         "the partner's goods trade, rounded")
S_GBR = "ONS UK trade 2023 with the partner's statistics (IMF DOTS): the United Kingdom's share of the partner's goods trade, rounded"
S_CHN = ("GACC China customs 2023 with the partner's statistics (IMF DOTS): China's share of the partner's "
         "goods trade, rounded (mirror asymmetries widen the range)")
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
    row("USA", p, "trade", v, 0.2, S_USA, 2023, "official", ["us-census-2023", "imf-dots-2023"])

for p, v, r, src, basis in [
        ("JPN", 0.9, (0.8, 0.97), S_SIPRI_SUP + "; US alliance", "published"),
        ("KOR", 0.7, (0.55, 0.85), S_SIPRI_SUP + "; US alliance", "published"),
        ("ISR", 0.7, (0.6, 0.8), S_SIPRI_SUP, "published"),
        ("SAU", 0.75, (0.6, 0.85), S_SIPRI_SUP, "published"),
        ("QAT", 0.45, (0.3, 0.6), S_SIPRI_SUP_J, "judgement"),
        ("ARE", 0.6, (0.45, 0.7), S_SIPRI_SUP_J, "judgement"),
        ("EGY", 0.25, (0.1, 0.4), S_SIPRI_SUP_J + "; plus USD 1.3 bn a year of Foreign Military Financing",
         "judgement"),
        ("IND", 0.13, (0.08, 0.2), S_SIPRI_SUP, "published"),
        ("NOR", 0.6, (0.4, 0.8), S_SIPRI_SUP_J + "; F-35, P-8", "judgement"),
        ("CAN", 0.5, (0.3, 0.7), S_SIPRI_SUP_J + "; NORAD", "judgement"),
        ("GBR", 0.6, (0.4, 0.8), S_SIPRI_SUP_J + "; F-35, P-8, Trident", "judgement"),
        ("POL", 0.45, (0.3, 0.6), S_SIPRI_SUP_J + "; Patriot, HIMARS, Abrams, F-35", "judgement")]:
    c = "sipri-fs-2024" if basis == "published" else [J, "sipri-atdb"]
    row("USA", p, "security", v, r, src, 2023, basis, c)
for p, v, r in [("ARE", 0.15, (0.05, 0.3)), ("TUR", 0.1, (0.04, 0.2)), ("CHN", 0.08, (0.03, 0.15))]:
    row("USA", p, "finance", v, r, "judgement: exposure of the partner's banks to US secondary sanctions "
        "(Executive Order 14114, December 2023) and dollar clearing; no statistic measures it", 2024,
        "judgement", [J, "ofac-2024"])
for p, v, r in [("ISR", 0.5, (0.3, 0.7)), ("EGY", 0.15, (0.05, 0.3)), ("SAU", 0.2, (0.1, 0.35)),
                ("KOR", 0.3, (0.15, 0.45)), ("JPN", 0.3, (0.15, 0.45)), ("ARE", 0.15, (0.05, 0.3))]:
    row("USA", p, "diplomacy", v, r, S_DIPLO, 2025, "judgement", J)

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
    row("GBR", p, "trade", v, 0.25, S_GBR, 2023, "official", ["ons-2023", "imf-dots-2023"])
for p, v, r, src in [("QAT", 0.15, (0.05, 0.3), S_SIPRI_SUP_J + "; Typhoon"),
                     ("SAU", 0.1, (0.05, 0.2), S_SIPRI_SUP_J)]:
    row("GBR", p, "security", v, r, src, 2023, "judgement", [J, "sipri-atdb"])

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
    row("CHN", p, "trade", v, r, S_CHN, 2023, "official", ["gacc-2023", "imf-dots-2023"])

# (from, to, channel, value, range, source, year, basis, cite)
for t in [
        # China over its neighbours and clients, and Hong Kong
        ("CHN", "HKG", "diplomacy", 0.8, (0.6, 0.95), "judgement: Hong Kong is a special administrative "
         "region of the People's Republic of China; under the Basic Law Beijing is responsible for its "
         "foreign affairs and defence, so China's leverage over it is near decisive. No statistic "
         "measures it", 2025, "judgement", [J, "hk-basic-law"]),
        ("CHN", "TKM", "energy", 0.8, (0.7, 0.9), "CNPC / GACC 2023: China buys about 80% of Turkmenistan's "
         "gas exports (Central Asia-China pipeline), gas being almost all of its energy exports", 2023,
         "published", "cnpc-2023"),
        ("CHN", "IRN", "energy", 0.85, (0.75, 0.95), "judgement: China takes about 90% of Iran's crude "
         "exports (Kpler, Vortexa 2024); discounted to 0.85 for Iran's gas and product exports to others, "
         "as its share of energy export revenue", 2024, "judgement", [J, "kpler-2024"]),
        ("CHN", "SAU", "energy", 0.25, (0.2, 0.3), "Kpler / GACC 2024: China about 25% of Saudi crude "
         "exports", 2024, "published", ["kpler-2024", "gacc-2024"]),
        ("CHN", "QAT", "energy", 0.2, (0.15, 0.25), "Kpler / GIIGNL 2024: China's share of Qatar's LNG "
         "exports", 2024, "published", ["kpler-2024", "giignl-2024"]),
        ("CHN", "PRK", "energy", 0.6, (0.4, 0.8), SJ + "Chinese crude via the Dandong pipeline and refined "
         "products (UN Panel of Experts 2023)", 2023, "judgement", [J, "un-poe-2024"]),
        ("CHN", "PRK", "diplomacy", 0.5, (0.3, 0.7), S_DIPLO, 2025, "judgement", J),
        ("CHN", "IRN", "diplomacy", 0.2, (0.1, 0.35), S_DIPLO, 2025, "judgement", J),
        ("CHN", "IRN", "finance", 0.2, (0.1, 0.35), "judgement: Iran's oil revenue paid through small "
         "Chinese banks (US Treasury designations 2024)", 2024, "judgement", [J, "ofac-2024"]),
        ("CHN", "KGZ", "finance", 0.3, (0.2, 0.45), "judgement: the Export-Import Bank of China holds about "
         "40% of Kyrgyzstan's external public debt (Kyrgyz Ministry of Finance 2023); leverage weight an "
         "analyst's reading", 2023, "judgement", [J, "fin-debt-2023"]),
        ("CHN", "TJK", "finance", 0.35, (0.2, 0.5), "judgement: China holds about a third of Tajikistan's "
         "external debt (Tajik Ministry of Finance 2023)", 2023, "judgement", [J, "fin-debt-2023"]),
        ("CHN", "ETH", "finance", 0.25, (0.15, 0.4), "judgement: China holds about half of Ethiopia's "
         "bilateral external debt (Ethiopian Ministry of Finance 2023)", 2023, "judgement",
         [J, "fin-debt-2023"]),
        ("CHN", "ARG", "finance", 0.2, (0.1, 0.3), "judgement: the PBoC swap line (CNY 130 bn, about USD "
         "18 bn) is a large part of Argentina's gross reserves (BCRA 2024)", 2024, "judgement",
         [J, "bcra-2024"]),
        ("CHN", "SRB", "finance", 0.15, (0.07, 0.25), "judgement: Chinese loans and FDI (Zijin, HBIS), "
         "Serbian Ministry of Finance 2023", 2023, "judgement", [J, "fin-debt-2023"]),
        ("CHN", "SRB", "security", 0.2, (0.1, 0.3), S_SIPRI_SUP_J + "; FK-3 air defence, CH-92 drones", 2023,
         "judgement", [J, "sipri-atdb"]),
        ("CHN", "DZA", "security", 0.15, (0.08, 0.25), S_SIPRI_SUP_J, 2023, "judgement", [J, "sipri-atdb"]),
        # Türkiye and the Caucasus
        ("TUR", "AZE", "trade", 0.15, 0.25, "State Customs Committee of Azerbaijan 2023: Türkiye's share of "
         "goods trade", 2023, "official", "aze-customs-2024"),
        ("TUR", "AZE", "security", 0.3, (0.2, 0.45), S_SIPRI_SUP_J + "; Shusha Declaration (2021)", 2023,
         "judgement", [J, "sipri-atdb"]),
        ("TUR", "AZE", "diplomacy", 0.5, (0.35, 0.65), S_DIPLO, 2025, "judgement", J),
        ("ISR", "AZE", "security", 0.6, (0.45, 0.7), S_SIPRI_SUP, 2023, "published", "sipri-fs-2024"),
        ("AZE", "ISR", "energy", 0.4, (0.3, 0.5), "judgement: Azeri crude about 40% of Israel's crude "
         "imports (Kpler 2023), taken for its energy imports", 2023, "judgement", [J, "kpler-2024"]),
        ("AZE", "GEO", "energy", 0.7, (0.55, 0.85), SJ + "SOCAR supplies about 90% of Georgia's gas "
         "(Georgian Oil and Gas Corporation 2023)", 2023, "judgement", [J, "socar-2023"]),
        ("AZE", "TUR", "energy", 0.1, (0.05, 0.15), SJ + "Azeri gas (TANAP, BTE) about 20% of Türkiye's gas "
         "imports (EPDK 2023)", 2023, "judgement", [J, "epdk-2023"]),
        ("TUR", "GEO", "trade", 0.16, 0.2, "Geostat 2023: Türkiye's share of Georgia's goods trade", 2023,
         "official", "geostat-2024"),
        ("TUR", "TKM", "trade", 0.12, 0.35, "derived: Türkiye's share of Turkmenistan's goods trade from "
         "IMF DOTS 2023 (mirror data), read approximately", 2023, "derived", "imf-dots-2023"),
        ("TUR", "UZB", "trade", 0.06, 0.25, "Uzbekistan statistics agency 2023: Türkiye's share", 2023,
         "official", "uzb-stat-2024"),
        ("TUR", "IRN", "trade", 0.08, 0.4, "derived: Türkiye's share of Iran's goods trade from IMF DOTS "
         "2023 (mirror data), read approximately", 2023, "derived", "imf-dots-2023"),
        ("TUR", "UKR", "trade", 0.06, 0.25, "State Statistics Service of Ukraine 2023: Türkiye's share",
         2023, "official", "ukrstat-2024"),
        ("TUR", "MDA", "trade", 0.07, 0.25, "National Bureau of Statistics of Moldova 2023: Türkiye's share",
         2023, "official", "mda-nbs-2024"),
        ("TUR", "ETH", "security", 0.1, (0.05, 0.2), S_SIPRI_SUP_J + "; Bayraktar TB2", 2023, "judgement",
         [J, "sipri-atdb"]),
        ("IRN", "ARM", "trade", 0.06, 0.3, "Armstat 2023: Iran's share of Armenia's goods trade", 2023,
         "official", "armstat-2024"),
        ("ARE", "ARM", "trade", 0.08, (0.04, 0.12), "Armstat 2023: UAE's share of Armenia's goods trade "
         "(gold and re-exports)", 2023, "official", "armstat-2024"),
        ("IND", "ARM", "security", 0.4, (0.25, 0.6), "SIPRI Fact Sheet March 2025 (TIV 2020-2024): India's "
         "share of Armenia's arms imports", 2024, "published", "sipri-fs-2025"),
        # Gulf, India and the UAE
        ("ARE", "IRN", "trade", 0.2, (0.12, 0.3), "derived: UAE's share of Iran's goods trade (re-exports) "
         "from IMF DOTS mirror data 2023, read approximately", 2023, "derived", "imf-dots-2023"),
        ("ARE", "IRN", "finance", 0.3, (0.15, 0.45), "judgement: Dubai exchange houses and trading companies "
         "as Iran's financial channel", 2024, "judgement", [J, "ofac-2024"]),
        ("IND", "ARE", "trade", 0.09, 0.2, "UAE Ministry of Economy 2023: India's share of the UAE's non-oil "
         "trade", 2023, "official", "uae-moe-2024"),
        ("IND", "ARE", "people", 0.3, (0.2, 0.4), "judgement: Indian nationals about 35-38% of the UAE's "
         "population and workforce (UAE FCSC, MEA India 2023)", 2023, "judgement", [J, "uae-fcsc-2024"]),
        ("ARE", "IND", "trade", 0.075, 0.15, "India DGCI&S FY2023-24: UAE's share of India's goods trade",
         2023, "official", "dgcis-2024"),
        ("ARE", "IND", "energy", 0.1, (0.07, 0.13), SJ + "UAE crude and LPG (PPAC India 2023-24)", 2023,
         "judgement", [J, "ppac-2024"]),
        ("SAU", "IND", "energy", 0.15, (0.12, 0.2), SJ + "Saudi crude and LPG (PPAC India 2023-24)", 2023,
         "judgement", [J, "ppac-2024"]),
        ("QAT", "IND", "energy", 0.08, (0.05, 0.12), SJ + "Qatar about 40% of India's LNG (PPAC India "
         "2023-24)", 2023, "judgement", [J, "ppac-2024"]),
        ("SAU", "CHN", "energy", 0.1, (0.08, 0.14), SJ + "Saudi Arabia about 15% of China's crude imports "
         "(GACC 2024; 1.62 mb/d in H1 2024, MEES)", 2024, "judgement", [J, "gacc-2024", "mees-2024"]),
        ("SAU", "JPN", "energy", 0.2, (0.15, 0.25), SJ + "Saudi Arabia about 40% of Japan's crude imports "
         "(METI 2024)", 2024, "judgement", [J, "meti-2024"]),
        ("ARE", "JPN", "energy", 0.15, (0.1, 0.2), SJ + "UAE about 40% of Japan's crude imports (METI 2024)",
         2024, "judgement", [J, "meti-2024"]),
        ("SAU", "KOR", "energy", 0.15, (0.1, 0.2), SJ + "Saudi Arabia about a third of Korea's crude imports "
         "(KNOC 2024)", 2024, "judgement", [J, "knoc-2024"]),
        ("ARE", "EGY", "finance", 0.25, (0.15, 0.4), "judgement: the UAE's USD 35 bn Ras El-Hekma "
         "investment (February 2024; Egyptian Cabinet, CBE)", 2024, "judgement", [J, "cbe-2024"]),
        ("SAU", "EGY", "finance", 0.15, (0.08, 0.25), "judgement: Saudi deposits and investment (Central "
         "Bank of Egypt 2023)", 2023, "judgement", [J, "cbe-2024"]),
        ("ISR", "EGY", "energy", 0.2, (0.1, 0.3), SJ + "Israeli pipeline gas in Egypt's gas supply "
         "(Egyptian Ministry of Petroleum, Israeli Energy Ministry 2024)", 2024, "judgement",
         [J, "egy-energy-2024"]),
        ("ARE", "ETH", "finance", 0.1, (0.04, 0.2), "judgement: UAE deposits at the National Bank of "
         "Ethiopia and investment pledges (2018-2024)", 2024, "judgement", J),
        ("ARE", "ETH", "security", 0.1, (0.04, 0.2), S_SIPRI_SUP_J + "; drones 2021-22", 2023, "judgement",
         [J, "sipri-atdb"]),
        # Central Asia
        ("KAZ", "KGZ", "trade", 0.12, 0.3, "National Statistical Committee of Kyrgyzstan 2023: Kazakhstan's "
         "share of goods trade", 2023, "official", "kgz-nsc-2024"),
        ("KAZ", "TJK", "trade", 0.15, 0.3, "Tajikistan statistics agency (with IMF DOTS) 2023: Kazakhstan's "
         "share of Tajikistan's goods trade", 2023, "official", ["tjk-stat-2024", "imf-dots-2023"]),
        ("KAZ", "UZB", "trade", 0.07, 0.2, "Uzbekistan statistics agency 2023: Kazakhstan's share", 2023,
         "official", "uzb-stat-2024"),
        ("KAZ", "UZB", "food", 0.8, (0.6, 0.95), "judgement: Kazakhstan's share of Uzbekistan's wheat and "
         "flour imports, an analyst's reading of USDA FAS 2023", 2023, "judgement", [J, "usda-fas-2024"]),
        ("KAZ", "TJK", "food", 0.8, (0.6, 0.95), "judgement: Kazakhstan's share of Tajikistan's wheat and "
         "flour imports, an analyst's reading of USDA FAS 2023", 2023, "judgement", [J, "usda-fas-2024"]),
        ("KAZ", "KGZ", "food", 0.7, (0.5, 0.9), "judgement: Kazakhstan's share of Kyrgyzstan's wheat and "
         "flour imports, an analyst's reading of USDA FAS 2023", 2023, "judgement", [J, "usda-fas-2024"]),
        # Asia-Pacific
        ("KOR", "VNM", "trade", 0.13, 0.15, "General Statistics Office of Viet Nam 2023: Korea's share", 2023,
         "official", "vn-gso-2024"),
        ("JPN", "VNM", "trade", 0.07, 0.15, "General Statistics Office of Viet Nam 2023: Japan's share", 2023,
         "official", "vn-gso-2024"),
        ("JPN", "IDN", "trade", 0.07, 0.15, "BPS Statistics Indonesia 2023: Japan's share", 2023, "official",
         "bps-2024"),
        ("JPN", "KOR", "trade", 0.06, 0.15, "Korea Customs Service 2023: Japan's share", 2023, "official",
         "kcs-2024"),
        ("KOR", "CHN", "trade", 0.05, 0.15, "GACC 2023: Korea's share of China's goods trade", 2023,
         "official", "gacc-2023"),
        ("JPN", "CHN", "trade", 0.055, 0.15, "GACC 2023: Japan's share of China's goods trade", 2023,
         "official", "gacc-2023"),
        ("JPN", "USA", "trade", 0.045, 0.15, "US Census Bureau 2023: Japan's share of US goods trade", 2023,
         "official", "us-census-2023"),
        ("KOR", "USA", "trade", 0.035, 0.15, "US Census Bureau 2023: Korea's share of US goods trade", 2023,
         "official", "us-census-2023"),
        ("VNM", "USA", "trade", 0.025, 0.15, "US Census Bureau 2023: Viet Nam's share of US goods trade",
         2023, "official", "us-census-2023"),
        ("IND", "USA", "trade", 0.025, 0.15, "US Census Bureau 2023: India's share of US goods trade", 2023,
         "official", "us-census-2023"),
        ("CAN", "USA", "trade", 0.14, 0.1, "US Census Bureau 2023: Canada's share of US goods trade", 2023,
         "official", "us-census-2023"),
        ("CAN", "USA", "energy", 0.55, (0.5, 0.6), "judgement: Canada about 60% of US crude imports (US EIA "
         "2023), taken for US energy imports", 2023, "judgement", [J, "eia-2023"]),
        ("CHN", "USA", "diplomacy", 0.1, (0.04, 0.2), S_DIPLO, 2025, "judgement", J),
        # Latin America
        ("BRA", "ARG", "trade", 0.2, 0.15, "INDEC 2023: Brazil's share of Argentina's goods trade", 2023,
         "official", "indec-2024"),
        ("ARG", "BRA", "trade", 0.05, 0.15, "Brazil MDIC ComexStat 2023: Argentina's share", 2023, "official",
         "mdic-2024"),
        ("BRA", "PRY", "trade", 0.25, 0.2, "Central Bank of Paraguay 2023: Brazil's share of Paraguay's goods "
         "trade", 2023, "official", "bcp-2024"),
        ("BRA", "URY", "trade", 0.15, 0.2, "Uruguay XXI 2023: Brazil's share of Uruguay's goods trade", 2023,
         "official", "uy-xxi-2024"),
        ("BRA", "BOL", "trade", 0.15, 0.25, "INE Bolivia 2023: Brazil's share of Bolivia's goods trade", 2023,
         "official", "ine-bo-2024"),
        ("BRA", "BOL", "energy", 0.35, (0.25, 0.45), SJ + "Petrobras contract: Brazil the largest buyer of "
         "Bolivian gas exports, declining (YPFB 2023)", 2023, "judgement", [J, "ypfb-2023"]),
        ("ARG", "PRY", "trade", 0.15, 0.2, "Central Bank of Paraguay 2023: Argentina's share", 2023,
         "official", "bcp-2024"),
        ("ARG", "URY", "trade", 0.1, 0.2, "Uruguay XXI 2023: Argentina's share", 2023, "official",
         "uy-xxi-2024"),
        ("ARG", "BOL", "trade", 0.1, 0.25, "INE Bolivia 2023: Argentina's share", 2023, "official",
         "ine-bo-2024"),
        # Ukraine, Moldova, Western partners
        ("UKR", "MDA", "trade", 0.07, 0.25, "National Bureau of Statistics of Moldova 2023: Ukraine's share",
         2023, "official", "mda-nbs-2024"),
        ("NOR", "GBR", "trade", 0.06, 0.2, "ONS UK trade 2023: Norway's share of UK goods trade", 2023,
         "official", "ons-2023"),
        ("CHE", "DEU", "trade", 0.04, 0.2, "Destatis 2023: Switzerland's share of Germany's goods trade",
         2023, "official", "destatis-2024"),
        ("CHE", "AUT", "trade", 0.05, 0.2, "Statistik Austria 2023: Switzerland's share of Austria's goods "
         "trade", 2023, "official", "stat-austria-2024")]:
    row(*t)

# tie notes (optional, one line)
TIE_NOTES = {
    ("CHN", "RUS"): "Russia's largest trade partner, crude buyer, arms client, dual-use supplier and settlement currency",
    ("IND", "RUS"): "second buyer of Russian crude and Russia's largest arms client",
    ("TUR", "RUS"): "third trade partner; payments hub; Straits; host of 2025 talks",
    ("HKG", "RUS"): "re-export route for Chinese dual-use goods; base of traders buying Russian crude",
    ("PRK", "RUS"): "munitions, missiles and troops",
    ("IRN", "RUS"): "drones and missiles",
    ("ARE", "RUS"): "payments, trading and re-export hub",
    ("SAU", "RUS"): "OPEC+ co-chair: oil-market power, not a buyer",
    ("BEL", "RUS"): "Euroclear holds most immobilised Russian central-bank assets",
    ("RUS", "KAZ"): "CPC pipeline: most Kazakh oil exports transit Russia",
    ("RUS", "HUN"): "gas via TurkStream, crude via Druzhba",
    ("RUS", "SVK"): "gas via TurkStream, crude via Druzhba",
    ("RUS", "IND"): "Russian crude and arms",
    ("RUS", "BLR"): "Union State",
    ("USA", "UKR"): "largest military donor to 2024; no new US aid allocated after 9 January 2025",
}

# --------------------------------------------------------------------------------------------
# Outreach: the partner's side (docs/FORMAT.md, `outreach`)
# --------------------------------------------------------------------------------------------


def fact(text, source, year, basis, cite, status=None):
    f = {"text": text}
    if status:
        f["status"] = status
    f.update({"source": source, "year": year, "basis": basis, "cite": cite})
    return f


F_MERCOSUR = fact(
    "EU-Mercosur partnership agreement", "negotiations politically concluded on 6 December 2024 (European "
    "Commission); not signed or ratified by mid-2025. The Euronews report dates the agreement to 2023; the "
    "2019 agreement in principle was reopened and concluded in 2024", 2024, "official",
    ["ec-2024-mercosur", "euronews-2025"], status="concluded")
F_CA_TALKS = fact(
    "EU-Central Asia high-level talks", "high-level talks held with the Central Asian states (Euronews, "
    "2025)", 2025, "published", "euronews-2025")
OUTREACH = {
    "BRA": {"agreements": [F_MERCOSUR], "concerns": [fact(
        "Russian fertiliser and diesel, and the ratification of the EU-Mercosur agreement",
        "judgement: Russia supplied about a quarter of Brazil's fertiliser imports and about 40% of its "
        "diesel imports in 2023 (MDIC, ANP); a reading of Brazil's public position, not a statement of it",
        2025, "judgement", [J, "mdic-2024", "anp-2023"])]},
    "ARG": {"agreements": [F_MERCOSUR]},
    "PRY": {"agreements": [F_MERCOSUR]},
    "URY": {"agreements": [F_MERCOSUR]},
    "IND": {"agreements": [fact(
        "EU-India free trade agreement", "negotiations under way; the two sides plan to conclude by the end "
        "of 2025 (Euronews, 2025)", 2025, "published", "euronews-2025", status="negotiating")],
        "concerns": [fact(
            "Discounted Russian crude and Russian arms",
            "judgement: India took about 35% of Russia's crude exports in 2024 (1.7 mb/d, from 0.05 mb/d "
            "in 2020; US EIA) and Russia supplied 36% of its arms imports in 2020-24 (SIPRI); India "
            "abstained on all eight ES-11 votes. A reading of its public position, not a statement of it",
            2025, "judgement", [J, "eia-2025-rus", "sipri-fs-2025"])]},
    "IDN": {"agreements": [fact(
        "EU-Indonesia comprehensive economic partnership agreement", "trade negotiations ongoing (Euronews, "
        "2025)", 2025, "published", "euronews-2025", status="negotiating")]},
    "ARE": {"agreements": [fact(
        "EU-UAE trade agreement", "trade negotiations ongoing (Euronews, 2025)", 2025, "published",
        "euronews-2025", status="negotiating")]},
    "ZAF": {"agreements": [
        fact("EU-South Africa summit on energy and investment", "a summit held earlier in 2025 focused on "
             "energy and investment (Euronews, 2025)", 2025, "published", "euronews-2025"),
        fact("EU-SADC Economic Partnership Agreement", "provisionally applied since October 2016 (European "
             "Commission)", 2016, "official", "ec-sadc-epa", status="in_force")]},
    "KAZ": {"agreements": [
        F_CA_TALKS,
        fact("EU-Kazakhstan Enhanced Partnership and Cooperation Agreement", "in force since 1 March 2020 "
             "(Council of the EU)", 2020, "official", "eu-kaz-epca", status="in_force")]},
    "KGZ": {"agreements": [F_CA_TALKS]},
    "TJK": {"agreements": [F_CA_TALKS]},
    "TKM": {"agreements": [F_CA_TALKS]},
    "UZB": {"agreements": [F_CA_TALKS]},
    "TUR": {"concerns": [fact(
        "Energy imports from Russia",
        "judgement: Russia is Türkiye's largest supplier (imports USD 44.0 bn in 2024, TurkStat via TASS), "
        "with 43.3% of its gas imports in October 2024 (EPDK via TASS) and a record crude intake; a reading "
        "of what keeps Türkiye, which arms Ukraine, from sanctioning Russia",
        2025, "judgement", [J, "turkstat-2025", "epdk-2024"])]},
    "CHN": {"concerns": [fact(
        "Market access and the state of EU-China relations",
        "judgement: with US tariffs rising the EU and China are said to look for a reset, while relations "
        "are at historic lows over China's 'no-limits' partnership with Moscow (Euronews, 2025); a reading "
        "of what China would ask in return", 2025, "judgement", [J, "euronews-2025"])]},
}

# --------------------------------------------------------------------------------------------
# Channels (docs/FORMAT.md, `channels`)
# --------------------------------------------------------------------------------------------

CHANNELS = {
    "trade": ("economic", "share of `to`'s total goods trade (exports + imports) that is with `from`"),
    "energy": ("economic", "share of `to`'s energy imports supplied by `from`; for an exporter, the share of "
               "its energy exports (or revenue) that depends on `from` as buyer or transit state"),
    "dual_use": ("economic", "share of `to`'s imports of goods on the G7/EU Common High Priority List "
                 "(50 HS codes of dual-use items) that comes from `from`"),
    "food": ("economic", "share of `to`'s wheat (for BRA and IND: fertiliser) imports from `from`"),
    "finance": ("economic", "dependence through payments, settlement currency, state loans, debt, frozen "
                "assets and sanctions exposure"),
    "security": ("security", "share of `to`'s arms imports from `from` (SIPRI); for Russia as supplier "
                 "also its share of the buyer's imports, for Russia as seller the buyer's share of "
                 "Russia's arms exports; otherwise a judgement of military dependence"),
    "oil_trading": ("economic", "share of `to`'s crude exports bought by traders registered in `from` "
                    "(the buyer of record in `to`'s customs data), whatever the cargo's destination; a view "
                    "of the same oil flow as `energy`, so in the economic family"),
    "oil_market": ("oil_market", "leverage through the oil price, held by a producer that sets output with "
                   "`to` (OPEC+), not through any flow between them; its own family, so it neither "
                   "duplicates nor is hidden by `energy`"),
    "diplomacy": ("diplomacy", "alignment or summit-level dependence: UN Security Council cover, "
                  "mediation, treaty ties (judgement only)"),
    "aid": ("aid", "share of `to`'s aid receipts from `from` (Kiel Ukraine Support Tracker; OECD DAC)"),
    "people": ("people", "remittances from `from` as a share of `to`'s GDP, or dependence on migrant "
               "labour, diaspora or tourists"),
}

# --------------------------------------------------------------------------------------------
# Helpers: rounding, figures, capitals, votes
# --------------------------------------------------------------------------------------------


def rnd(x, places=4):
    q = Decimal(1).scaleb(-places)
    return float(Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP))


def figure(value, rng, source, year, basis, cite, places=4):
    if rng is None:
        lo = hi = value
    elif isinstance(rng, tuple):
        lo, hi = rng
    else:
        lo, hi = value * (1 - rng), value * (1 + rng)
    lo, hi = max(0.0, lo), min(1.0, hi)
    v, lo, hi = rnd(value, places), rnd(lo, places), rnd(hi, places)
    lo, hi = min(lo, v), max(hi, v)
    f = {"value": v}
    if (lo, hi) != (v, v):
        f["range"] = [lo, hi]
    if isinstance(cite, list) and len(cite) == 1:
        cite = cite[0]   # one citation is written as a string, as `leverage export` writes it
    f.update({"source": source, "year": year, "basis": basis, "cite": cite})
    return f


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
        res_rows = list(csv.DictReader(f))
    res_rows.sort(key=lambda r: int(r["resolution"].rsplit("/", 1)[1]))
    resolutions = [r["resolution"] for r in res_rows]
    votes = {}
    with open(os.path.join(data_dir, "unga-ukraine-votes.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            votes.setdefault(r["iso3"], {})[r["resolution"]] = r["vote"]
    if len(resolutions) != 8:
        raise SystemExit(f"error: expected 8 ES-11 resolutions, found {len(resolutions)}")
    return resolutions, res_rows, votes


def read_unfriendly(data_dir):
    with open(os.path.join(data_dir, "ru-unfriendly-430r.csv"), newline="", encoding="utf-8") as f:
        rows = {r["iso3"]: r for r in csv.DictReader(f)}
    if len(rows) != 49:
        raise SystemExit(f"error: ru-unfriendly-430r.csv lists {len(rows)} states, expected 49")
    return rows


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


def opposed(vote, majority):
    return 1.0 if {vote, majority} == {"Y", "N"} else 0.0


# --------------------------------------------------------------------------------------------
# Stance towards Russia (docs/FORMAT.md, `stance`)
# --------------------------------------------------------------------------------------------

SIGNALS = ("sanctions", "un_alignment", "un_opposition", "war_support", "alliance", "parade",
           "circumvention")
UN_CITES = [f"un-es11-{i}" for i in range(1, 9)]

PARADE_LEADERS = ["ARM", "BLR", "BRA", "VNM", "EGY", "KAZ", "KGZ", "CHN", "SRB", "SVK", "TJK", "TKM",
                  "UZB", "ETH"]
PARADE_DELEGATIONS = ["IND", "IDN", "ZAF"]
PARADE_NO_SHOW = ["AZE"]
FINCEN_BIS_HUBS = ["ARM", "BRA", "GEO", "IND", "ISR", "KAZ", "KGZ", "SRB", "ZAF", "TJK", "ARE", "UZB"]
US_2023_HUBS = ["ARM", "KAZ", "GEO", "ARE", "TUR"]


def stance_for(iso, unfriendly, resolutions, votes, majority):
    """The stance signals of actor `iso` towards Russia, each a sourced figure."""
    s = {}
    if iso in unfriendly:
        listed = unfriendly[iso]["listed"]
        s["sanctions"] = figure(1, None, f"on Russia's list of 'unfriendly' states (Order No. 430-r, listed "
                                f"{listed}): applies sanctions or export controls against Russia", 2022,
                                "official", "ru-430r")
    else:
        src = "not on Russia's list of 'unfriendly' states (Order No. 430-r, as amended July 2022)"
        if iso == "TUR":
            src += "; Türkiye supplies arms to Ukraine but imposes no sanctions"
        if iso == "HKG":
            src += "; Hong Kong is not listed separately from China"
        s["sanctions"] = figure(0, None, src, 2022, "official", "ru-430r")

    if iso in votes:
        vs = votes[iso]
        string = "".join(vs[r] for r in resolutions)

        def mean(fn, res_list):
            return sum(fn(r) for r in res_list) / len(res_list)

        al = {x: mean(lambda r: alignment(vs[r], majority[r], x), resolutions) for x in (0.5, 0.0, 1.0)}
        al_recent = mean(lambda r: alignment(vs[r], majority[r], 0.5), resolutions[-2:])
        variants = [al[0.5], al[0.0], al[1.0], al_recent]
        s["un_alignment"] = figure(
            al[0.5], (min(variants), max(variants)),
            f"UN Digital Library recorded votes on A/RES/ES-11/1..8 ({string}): mean alignment with the EU27 "
            "majority (same vote 1, abstention or non-vote 1/2, opposite vote 0); range: non-votes counted "
            "0 or 1, and the two 2025 votes alone", 2025, "official", UN_CITES, places=3)
        op = mean(lambda r: opposed(vs[r], majority[r]), resolutions)
        op_recent = mean(lambda r: opposed(vs[r], majority[r]), resolutions[-2:])
        s["un_opposition"] = figure(
            op, (min(op, op_recent), max(op, op_recent)),
            f"UN Digital Library recorded votes on A/RES/ES-11/1..8 ({string}): share of the 8 votes cast "
            "against the EU27 majority; range: the two 2025 votes alone", 2025, "official", UN_CITES,
            places=3)

    if iso == "PRK":
        s["war_support"] = figure(1, None, "munitions, KN-23/24 missiles and troops (Kursk) for Russia's war, "
                                  "2023-25 (South Korean NIS; Ukrainian defence intelligence; RUSI)", 2024,
                                  "published", ["nis-2024", "ua-mod-2024"])
    elif iso == "IRN":
        s["war_support"] = figure(1, None, "Shahed/Geran drones and Fath-360 missiles for Russia's war "
                                  "(US, UK and EU sanctions designations 2023-24)", 2024, "published",
                                  "sanctions-irn-2024")
    elif iso == "BLR":
        s["war_support"] = figure(1, None, "its territory used for the 2022 invasion: A/RES/ES-11/1 deplores "
                                  "the involvement of Belarus in the unlawful use of force against Ukraine",
                                  2022, "official", "un-es11-1")
    elif iso in EU27:
        s["war_support"] = figure(0, None, "EU arms embargo on Russia (Council Decision 2014/512/CFSP, as "
                                  "amended): no arms, munitions, troops or territory for Russia's war", 2022,
                                  "official", "eu-2014-512")
    elif iso in unfriendly:
        s["war_support"] = figure(0, None, "judgement: on Russia's 'unfriendly' list and applying export "
                                  "controls against it; no record of arms, munitions, troops or territory "
                                  "for Russia's war", 2024, "judgement", [J, "ru-430r"])

    if iso == "BLR":
        s["alliance"] = figure(1, None, "Union State treaty (1999) and the Collective Security Treaty (1992)",
                               2024, "official", ["treaty-union-state-1999", "treaty-csto-1992"])
    elif iso == "PRK":
        s["alliance"] = figure(1, None, "Treaty on Comprehensive Strategic Partnership of 19 June 2024 with a "
                               "mutual-assistance clause (Article 4)", 2024, "official", "treaty-rus-prk-2024")
    elif iso in ("KAZ", "KGZ", "TJK"):
        s["alliance"] = figure(1, None, "member of the Collective Security Treaty Organization (collective "
                               "defence, Article 4)", 2024, "official", "treaty-csto-1992")
    elif iso == "ARM":
        s["alliance"] = figure(0.5, None, "member of the Collective Security Treaty Organization, participation "
                               "frozen since February 2024", 2024, "official",
                               ["treaty-csto-1992", "arm-csto-2024"])
    elif iso == "IRN":
        s["alliance"] = figure(0, None, "the Treaty on Comprehensive Strategic Partnership of 17 January 2025 "
                               "has no mutual-defence clause", 2025, "official", "treaty-rus-irn-2025")
    elif iso == "CHN":
        s["alliance"] = figure(0, None, "the 2001 Treaty of Good-Neighbourliness provides for consultations, "
                               "not mutual defence", 2025, "official", "treaty-rus-chn-2001")

    pc = ["kremlin-2025-05-06", "afp-mt-2025-05"]
    if iso in PARADE_LEADERS:
        s["parade"] = figure(1, None, "its head of state or government attended the Victory Day parade in "
                             "Moscow on 9 May 2025 (Kremlin list of 6 May; AFP, The Moscow Times)", 2025,
                             "published", pc)
    elif iso in PARADE_DELEGATIONS:
        s["parade"] = figure(0.5, None, "sent a delegation without its leader to the Victory Day parade of "
                             "9 May 2025 (AFP, The Moscow Times)", 2025, "published", pc)
    elif iso in PARADE_NO_SHOW:
        s["parade"] = figure(0, None, "announced by the Kremlin among the 29 leaders (6 May 2025), but its "
                             "leader did not come to the 9 May 2025 parade (AFP, The Moscow Times)", 2025,
                             "published", pc)
    else:
        s["parade"] = figure(0, None, "not among the leaders or delegations at the Victory Day parade of "
                             "9 May 2025 (Kremlin list of 6 May; AFP, The Moscow Times)", 2025, "published", pc)

    named = []
    if iso in FINCEN_BIS_HUBS:
        named.append("named by FinCEN and BIS as a high-risk transshipment area for Western-made components "
                     "bound for Russia (S&P Global Market Intelligence, 15 April 2024)")
    if iso in US_2023_HUBS:
        named.append("named by US officials in 2023 as one of the five main states through which sanctions "
                     "are circumvented")
    if named:
        cites = (["sp-2024-04"] if iso in FINCEN_BIS_HUBS else []) + (["us-dos-2023"] if iso in US_2023_HUBS else [])
        s["circumvention"] = figure(1, None, "; ".join(named), 2024 if iso in FINCEN_BIS_HUBS else 2023,
                                    "published", cites if len(cites) > 1 else cites[0])
    elif iso in unfriendly:
        s["circumvention"] = figure(0, None, "not named by FinCEN and BIS as a transshipment area (S&P Global "
                                    "Market Intelligence, 15 April 2024) nor by US officials in 2023; itself "
                                    "applies export controls against Russia", 2024, "published",
                                    ["sp-2024-04", "us-dos-2023"])
    return {k: s[k] for k in SIGNALS if k in s}


def stance_class(stance):
    """docs/FORMAT.md: presses, supports, between or unknown."""
    if not stance:
        return "unknown"
    v = {k: f["value"] for k, f in stance.items()}
    if v.get("sanctions", 0) >= 0.5:
        return "presses"
    # docs/MODEL.md section 5: `supports` is war support alone; an alliance with the target (the
    # CSTO) lowers movability but does not make a state a supporter of the war
    if v.get("war_support", 0) >= 0.5:
        return "supports"
    return "between"

# --------------------------------------------------------------------------------------------
# Assemble
# --------------------------------------------------------------------------------------------


def build(shared, min_member_trade=MIN_WEIGHT):
    derived_member_trade(min_member_trade)
    data_dir = os.path.join(shared, "data")
    capitals = read_capitals(os.path.join(data_dir, "capitals.csv"))
    resolutions, res_rows, votes = read_votes(data_dir)
    unfriendly = read_unfriendly(data_dir)
    majority = eu_majority(resolutions, votes)

    for i, r in enumerate(res_rows, 1):
        cit(f"un-es11-{i}", "United Nations General Assembly (UN Digital Library)",
            f"{r['resolution']}: {r['title']}", int(r["date"][:4]),
            table=f"recorded vote of {r['date']}: {r['yes']} yes, {r['no']} no, {r['abstain']} abstentions, "
                  f"{r['non_voting']} non-voting", url=r["link"])

    actors = []
    for iso in sorted(ACTORS):
        name, note = ACTORS[iso]
        if iso in capitals:
            cap, lat, lon = capitals[iso]
        elif iso in EXTRA_POINTS:
            cap, lat, lon = EXTRA_POINTS[iso]
        else:
            raise SystemExit(f"error: no capital for {iso} in capitals.csv")
        if iso not in votes and iso != "HKG":
            raise SystemExit(f"error: no UNGA votes for {iso}")
        if iso == "UKR":
            cap = "Kyiv"  # capitals.csv keeps Natural Earth's "Kiev"; its namealt and official form is Kyiv
        attrs = {"capital": cap, "eu": iso in EU27, "signatory": iso in SIGNATORIES}
        if iso in votes:
            attrs["unga_votes"] = "".join(votes[iso][r] for r in resolutions)
        a = {"id": iso, "name": name, "lat": lat, "lon": lon}
        if iso != TARGET:
            a["stance"] = {TARGET: stance_for(iso, unfriendly, resolutions, votes, majority)}
        if iso in OUTREACH:
            a["outreach"] = OUTREACH[iso]
        a["note"] = note
        a["attributes"] = dict(sorted(attrs.items()))
        actors.append(a)

    unfriendly_actors = sorted(i for i in unfriendly if i in ACTORS)
    groups = [
        {"id": "BRICS", "name": "BRICS", "members": sorted(BRICS),
         "note": "the ten members as of 2025 (founders BRA, RUS, IND, CHN, ZAF; EGY, ETH, IRN, ARE from "
                 "January 2024; IDN from January 2025); Saudi Arabia invited, not a member",
         "source": "BRICS chair's announcements (Indonesia admitted 6 January 2025)", "cite": "brics-2025",
         "year": 2025},
        {"id": "CSTO", "name": "Collective Security Treaty Organization", "members": sorted(CSTO),
         "lead": "RUS", "note": "Armenia froze its participation in February 2024 but has not left",
         "source": "Collective Security Treaty (1992); members per the CSTO secretariat",
         "cite": ["treaty-csto-1992", "arm-csto-2024"], "year": 2024},
        {"id": "CentralAsia", "name": "Central Asia", "members": sorted(CENTRAL_ASIA),
         "note": "the five post-Soviet Central Asian states (EU-Central Asia format)",
         "source": "the EU-Central Asia format named in the Euronews report", "cite": "euronews-2025",
         "year": 2025},
        {"id": "EAEU", "name": "Eurasian Economic Union", "members": sorted(EAEU), "lead": "RUS",
         "note": "members per the Eurasian Economic Commission",
         "source": "Treaty on the Eurasian Economic Union (2014) and the accession treaties", "cite": "eaeu-2014",
         "year": 2024},
        {"id": "EU", "name": "European Union", "members": sorted(EU27),
         "note": "the 27 member states (since 1 February 2020)", "source": "Treaty on European Union",
         "cite": "teu", "year": 2025},
        {"id": "G7", "name": "Group of Seven", "members": sorted(G7),
         "note": "the seven member states (the EU takes part but is not an actor here)",
         "source": "G7 membership (unchanged since 2014)", "year": 2025},
        {"id": "Mercosur", "name": "Mercosur", "members": sorted(MERCOSUR),
         "note": "founders ARG, BRA, PRY, URY; Bolivia a full member since July 2024 (accession protocol "
                 "ratified by Brazil in 2023, transition period running); Venezuela suspended since 2016, "
                 "not included", "source": "Mercosur (Bolivia's accession protocol)", "cite": "mercosur-2024",
         "year": 2024},
        {"id": "NATO", "name": "North Atlantic Treaty Organization", "members": sorted(NATO),
         "note": "the NATO members present in this graph (32 allies; Albania, Iceland, Montenegro, North "
                 "Macedonia are not actors here)", "source": "NATO member countries", "cite": "nato-2024",
         "year": 2024},
        {"id": "SCO", "name": "Shanghai Cooperation Organisation", "members": sorted(SCO),
         "note": "members present in this graph (Pakistan is not an actor); Belarus joined July 2024",
         "source": "SCO Astana summit, 4 July 2024", "cite": "sco-2024", "year": 2024},
        {"id": "signatories", "name": "Signatories of the outreach letter", "members": sorted(SIGNATORIES),
         "lead": "AUT",
         "note": "the fifteen EU states that sent the joint letter on global diplomatic outreach to the "
                 "High Representative, Austria leading",
         "source": "Euronews, 2025 (the letter as seen by Euronews)", "cite": "euronews-2025", "year": 2025},
        {"id": "unfriendly", "name": "Russia's 'unfriendly' states", "members": unfriendly_actors,
         "note": f"the {len(unfriendly_actors)} actors of this graph among the 49 states Russia lists as "
                 "'unfriendly': the states that already press it (sanctions, export controls)",
         "source": "Government of the Russian Federation, Order No. 430-r of 5 March 2022, as amended July "
                   "2022 (ru-unfriendly-430r.csv)", "cite": "ru-430r", "year": 2022},
    ]

    ties_by_pair = {}
    for frm, to, ch, value, rng, source, year, basis, cite in ROWS:
        figs = ties_by_pair.setdefault((frm, to), {}).setdefault(ch, {})
        if year in figs:
            raise SystemExit(f"error: two figures for channel `{ch}` of {year} on tie {frm} -> {to}")
        figs[year] = figure(value, rng, source, year, basis, cite)
    ties = []
    for (frm, to) in sorted(ties_by_pair):
        chans = {}
        for c in sorted(ties_by_pair[(frm, to)]):
            by_year = ties_by_pair[(frm, to)][c]
            series = [by_year[y] for y in sorted(by_year)]
            chans[c] = series[0] if len(series) == 1 else series
        t = {"from": frm, "to": to, "channels": chans}
        if (frm, to) in TIE_NOTES:
            t["note"] = TIE_NOTES[(frm, to)]
        ties.append(t)

    used = {c for t in ties for c in t["channels"]}
    channels = {c: {"family": CHANNELS[c][0], "description": CHANNELS[c][1]} for c in sorted(used)
                if c in CHANNELS}

    maj = ", ".join(f"{r.split('/')[-1]}: {majority[r]}" for r in resolutions)
    meta = {
        "title": "EU outreach to Russia's partners, 2025",
        "date": "2025-06-01",
        "description": (
            "Directed, weighted, multi-channel leverage graph (format version 2) for the outreach asked for "
            "by fifteen EU member states led by Austria (joint letter to the High Representative, as "
            "reported by Euronews, 2025): the EU27, Russia, Ukraine, the G7, BRICS, Mercosur, Central Asia, "
            "Hong Kong and the other states that matter most to Russia's economy and war effort. A tie from "
            "-> to means `from` holds leverage over `to` because `to` depends on `from`; every figure has a "
            "basis (official, published, derived, judgement) and a citation; every actor has a sourced "
            "stance towards Russia (sanctions, UN votes, war support, alliance, 9 May 2025 parade, "
            "circumvention). Built by graphs/build/build_eu_outreach.py; method and sources in "
            "docs/DATA.md."),
        "notes": [
            "The date is the state of play when the letter was written (June 2025, after the Istanbul talks "
            "of May-June 2025); most figures describe 2023-2024, the UN votes February 2025, the parade "
            "9 May 2025, and energy ties the situation after Ukrainian gas transit ended on 1 January 2025. "
            "Russia's trade with its main partners and China's and Belarus's dependence on Russia also carry "
            "2021, the last year before the full-scale invasion, as yearly series.",
            "Russia stopped publishing detailed customs data in April 2022: post-2022 figures on Russia's "
            "trade come from partner (mirror) statistics or are read through Russian state media (RIA "
            "Novosti, TASS); they should be cross-checked. Russia's 2024 total is not published; the 2023 "
            "total stands in for it in the two 2024 trade shares (basis derived).",
            "Basis: `official` figures are official statistics or shares of them; `published` ones come "
            "from SIPRI, CREA, Kiel, S&P Global, the US EIA and similar bodies; `derived` ones state their "
            "formula (member-level trade = EU share of the partner's trade x the member's share of EU "
            "trade with it; mirror proxies; shares of EIA or S&P figures); `judgement` ones (every "
            "diplomacy figure, most security, finance and energy-import figures) give their reasoning. "
            "Ranges are wide on purpose: use them (robustness analysis) rather than the point values alone.",
            "Stance: sanctions from Russia's own list of 'unfriendly' states (Order No. 430-r); un_alignment "
            f"and un_opposition from UNGA ES-11/1..8 (EU27 majority {maj}; same vote 1, abstention or "
            "non-vote 1/2, opposite 0); war support, alliance (treaty texts), the 9 May 2025 parade and "
            "circumvention (FinCEN/BIS, US officials) where the record says so. Hong Kong, not a UN member, "
            "has no UN signals.",
            "In 2021 Russia supplied about 45% of the EU's gas imports, 27% of its crude oil and 46% of its "
            "hard coal imports (citations ec-2022-energy, eurostat-2022-energy); EU-Russia goods trade was "
            "EUR 257.5 bn (ec-2022-eu-rus; EUR 82.5 bn in January-November 2023). Member-level 2021 energy "
            "shares are not in the record, so the member energy ties describe 2023-2025 only.",
            "Derived member-level trade ties below 0.001 are omitted, as are other ties too small to "
            "matter; EU institutions (Commission, EIB) are not actors, so EU-level aid and accession "
            "leverage is only partly represented through member states. Mexico, a named transshipment hub, "
            "is not an actor: the record gives it no sourced ties.",
            "Coordinates: capitals from Natural Earth (public domain), one point per country (Pretoria, La "
            "Paz as seats of government); Hong Kong's point is Natural Earth's own 'Hong Kong' feature.",
        ],
    }
    citations = {k: CITATIONS[k] for k in sorted(CITATIONS)}
    doc = {"version": 2, "meta": meta, "citations": citations, "channels": channels, "actors": actors,
           "groups": sorted(groups, key=lambda g: g["id"].lower()), "ties": ties}
    return doc, majority

# --------------------------------------------------------------------------------------------
# Check: every rule of docs/FORMAT.md (versions 1 and 2), then the bundled graph's own rules
# --------------------------------------------------------------------------------------------

ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
ISO_RE = re.compile(r"^[A-Z]{3}$")
CHANNEL_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CITE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
BASES = ("official", "published", "derived", "judgement")
STATUSES = ("in_force", "signed", "concluded", "negotiating", "frozen")
V2_ONLY = "a version-2 key in a version-1 file"
KEYS = {
    "top": ({"version", "meta", "actors"}, {"$schema", "citations", "channels", "groups", "ties"}),
    "meta": ({"title", "date"}, {"description", "notes", "build"}),
    "citation": ({"publisher", "title", "year"}, {"table", "url", "accessed", "via"}),
    "channel": (set(), {"family", "description"}),
    "actor": ({"id", "name"}, {"lat", "lon", "stance", "outreach", "receptiveness", "note", "attributes"}),
    "outreach": (set(), {"agreements", "concerns"}),
    "fact": ({"text", "source", "year"}, {"status", "basis", "cite"}),
    "group": ({"id", "members"}, {"name", "lead", "note", "source", "cite", "year"}),
    "tie": ({"from", "to", "channels"}, {"note"}),
    "figure": ({"value", "source", "year"}, {"range", "basis", "cite"}),
}
V2_KEYS = {"top": {"citations", "channels"}, "actor": {"stance", "outreach"}, "figure": {"basis", "cite"},
           "group": {"source", "cite", "year"}, "meta": {"build"}}


def check(doc, bundled=True):
    """FORMAT.md rules (and, if `bundled`, this graph's own); returns a list of problems."""
    errs = []
    version = doc.get("version") if isinstance(doc, dict) else None
    v2 = version == 2

    def keys(obj, kind, where):
        if not isinstance(obj, dict):
            errs.append(f"{where}: not an object")
            return False
        req, opt = KEYS[kind]
        for k in sorted(req - obj.keys()):
            errs.append(f"{where}: missing key `{k}`")
        for k in sorted(obj.keys() - req - opt):
            errs.append(f"{where}: unknown key `{k}`")
        if not v2:
            for k in sorted(obj.keys() & V2_KEYS.get(kind, set())):
                errs.append(f"{where}.{k}: {V2_ONLY}")
        return True

    def num(x):
        return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)

    def year_ok(y):
        return isinstance(y, int) and not isinstance(y, bool) and 1900 <= y <= 2100

    citations = doc.get("citations", {}) if isinstance(doc.get("citations", {}), dict) else {}

    def cites(c, where, required=False):
        if c is None:
            if required:
                errs.append(f"{where}: no `cite`")
            return
        ids = c if isinstance(c, list) else [c]
        if not ids or not all(isinstance(x, str) for x in ids):
            errs.append(f"{where}.cite: not a citation id or a non-empty array of them")
            return
        for x in ids:
            if x not in citations:
                errs.append(f"{where}.cite: unknown citation `{x}`")

    def basis(b, where, source, required=False):
        if b is None:
            if required:
                errs.append(f"{where}: no `basis`")
            return
        if b not in BASES:
            errs.append(f"{where}.basis: `{b}` is not one of {', '.join(BASES)}")
        if bundled and isinstance(source, str):
            low = source.lower()
            if b == "official" and "estimate" in low:
                errs.append(f"{where}: basis official but the source says 'estimate'")
            if b == "judgement" and "judgement" not in low:
                errs.append(f"{where}: basis judgement but the source gives no judgement reasoning")
            if b == "derived" and "derived" not in low:
                errs.append(f"{where}: basis derived but the source states no formula ('derived: ...')")

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
            elif num(v) and not (0 <= r[0] <= v <= r[1] <= 1):
                errs.append(f"{where}.range: {r} does not satisfy 0 <= low <= value {v} <= high <= 1")
        if not isinstance(f.get("source"), str) or not f["source"].strip():
            errs.append(f"{where}.source: empty")
        if not year_ok(f.get("year")):
            errs.append(f"{where}.year: {f.get('year')!r} not an integer in 1900-2100")
        if v2:
            basis(f.get("basis"), where, f.get("source"), required=bundled)
            cites(f.get("cite"), where, required=bundled)

    def facts(lst, where, kind):
        if not isinstance(lst, list):
            errs.append(f"{where}: not an array")
            return
        for i, x in enumerate(lst):
            w = f"{where}[{i}]"
            if not keys(x, "fact", w):
                continue
            for k in ("text", "source"):
                if not isinstance(x.get(k), str) or not x[k].strip():
                    errs.append(f"{w}.{k}: empty")
            if not year_ok(x.get("year")):
                errs.append(f"{w}.year: {x.get('year')!r} not an integer in 1900-2100")
            if "status" in x and x["status"] not in STATUSES:
                errs.append(f"{w}.status: `{x['status']}` is not one of {', '.join(STATUSES)}")
            if bundled and "status" in x and kind != "agreements":
                errs.append(f"{w}.status: only agreements have a status")
            basis(x.get("basis"), w, x.get("source"), required=bundled)
            cites(x.get("cite"), w, required=bundled)

    # 1-2: top level, version
    keys(doc, "top", "$")
    if version not in (1, 2):
        errs.append("$.version: must be 1 or 2")
    if keys(doc.get("meta"), "meta", "$.meta"):
        if not DATE_RE.match(str(doc["meta"].get("date", ""))):
            errs.append("$.meta.date: not YYYY-MM-DD")
        if not isinstance(doc["meta"].get("title"), str) or not doc["meta"]["title"].strip():
            errs.append("$.meta.title: empty")
        notes = doc["meta"].get("notes", [])
        if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            errs.append("$.meta.notes: not an array of strings")

    # 10: citations
    for cid, c in (doc.get("citations") or {}).items():
        w = f"$.citations.{cid}"
        if not CITE_ID_RE.match(cid):
            errs.append(f"{w}: citation id `{cid}` is not lowercase letters, digits, `-`, `_`, `.`")
        if not keys(c, "citation", w):
            continue
        for k in ("publisher", "title"):
            if not isinstance(c.get(k), str) or not c[k].strip():
                errs.append(f"{w}.{k}: empty")
        if not year_ok(c.get("year")):
            errs.append(f"{w}.year: {c.get('year')!r} not an integer in 1900-2100")
        if "url" in c and not (isinstance(c["url"], str) and re.match(r"^https?://", c["url"])):
            errs.append(f"{w}.url: does not start with http:// or https://")
        if "accessed" in c and not DATE_RE.match(str(c["accessed"])):
            errs.append(f"{w}.accessed: not YYYY-MM-DD")
        for k in ("table", "via"):
            if k in c and not isinstance(c[k], str):
                errs.append(f"{w}.{k}: not a string")

    # channel declarations
    for name, d in (doc.get("channels") or {}).items():
        w = f"$.channels.{name}"
        if not CHANNEL_RE.match(name):
            errs.append(f"{w}: bad channel name `{name}`")
        if keys(d, "channel", w):
            if "family" in d and not (isinstance(d["family"], str) and CHANNEL_RE.match(d["family"])):
                errs.append(f"{w}.family: not a lowercase identifier")
            if "description" in d and not isinstance(d["description"], str):
                errs.append(f"{w}.description: not a string")

    # 3-4: actors
    ids = set()
    actors = doc.get("actors", [])
    if not isinstance(actors, list) or not actors:
        errs.append("$.actors: not a non-empty array")
        actors = []
    for i, a in enumerate(actors):
        w = f"$.actors[{i}]"
        if not keys(a, "actor", w):
            continue
        aid = a.get("id", "")
        if not isinstance(aid, str) or not ID_RE.match(aid):
            errs.append(f"{w}.id: `{aid}` has characters other than letters, digits, `-`, `_`, `.`")
        elif not ISO_RE.match(aid) and len(aid) < 4 and not re.search(r"[a-z]", aid):
            errs.append(f"{w}.id: custom id `{aid}` looks like an ISO code (use 4+ characters or a lowercase letter)")
        if aid in ids:
            errs.append(f"{w}.id: duplicate `{aid}`")
        ids.add(aid)
        if not isinstance(a.get("name"), str) or not a["name"].strip():
            errs.append(f"{w}.name: empty")
        if ("lat" in a) != ("lon" in a):
            errs.append(f"{w}: lat and lon must come together")
        elif "lat" in a and not (num(a["lat"]) and num(a["lon"]) and -90 <= a["lat"] <= 90
                                 and -180 <= a["lon"] <= 180):
            errs.append(f"{w}: lat/lon out of range")
        if bundled and "lat" not in a:
            errs.append(f"{w}: no coordinates (every bundled actor has its capital's)")
        if "receptiveness" in a:
            fig(a["receptiveness"], f"{w}.receptiveness")
        for k, v in a.get("attributes", {}).items():
            ok = isinstance(v, (str, bool, int, float)) or (
                isinstance(v, list) and all(isinstance(x, (str, bool, int, float)) for x in v))
            if not ok:
                errs.append(f"{w}.attributes.{k}: not a string, number, boolean or array of them")
        if "outreach" in a and keys(a["outreach"], "outreach", f"{w}.outreach"):
            for k in ("agreements", "concerns"):
                if k in a["outreach"]:
                    facts(a["outreach"][k], f"{w}.outreach.{k}", k)
    # 9: stance (after all ids are known)
    for i, a in enumerate(actors):
        if not isinstance(a, dict) or "stance" not in a:
            continue
        w = f"$.actors[{i}].stance"
        if not isinstance(a["stance"], dict):
            errs.append(f"{w}: not an object")
            continue
        for tgt, sigs in a["stance"].items():
            if tgt not in ids:
                errs.append(f"{w}: unknown target `{tgt}`")
            if tgt == a.get("id"):
                errs.append(f"{w}: a stance towards itself")
            if not isinstance(sigs, dict):
                errs.append(f"{w}.{tgt}: not an object")
                continue
            for sig, f in sigs.items():
                if sig not in SIGNALS:
                    errs.append(f"{w}.{tgt}: unknown signal `{sig}` (known: {', '.join(SIGNALS)})")
                fig(f, f"{w}.{tgt}.{sig}")

    # 5: groups
    gids = set()
    lower_ids = {x.lower() for x in ids if isinstance(x, str)}
    for i, g in enumerate(doc.get("groups", [])):
        w = f"$.groups[{i}]"
        if not keys(g, "group", w):
            continue
        gid = g.get("id", "")
        if not isinstance(gid, str) or not ID_RE.match(gid):
            errs.append(f"{w}.id: `{gid}` is not a well-formed id")
        elif gid.lower() in lower_ids or gid in gids:
            errs.append(f"{w}.id: `{gid}` duplicates an actor or group id")
        gids.add(gid)
        members = g.get("members", [])
        if not isinstance(members, list) or not members or len(set(members)) != len(members):
            errs.append(f"{w}.members: empty or duplicated")
            members = members if isinstance(members, list) else []
        for m in members:
            if m not in ids:
                errs.append(f"{w}.members: unknown actor `{m}`")
        if "lead" in g and g["lead"] not in members:
            errs.append(f"{w}.lead: `{g['lead']}` is not a member")
        if "year" in g and not year_ok(g["year"]):
            errs.append(f"{w}.year: {g['year']!r} not an integer in 1900-2100")
        if "source" in g and (not isinstance(g["source"], str) or not g["source"].strip()):
            errs.append(f"{w}.source: empty")
        if v2 and "cite" in g:
            cites(g["cite"], w)

    # 6-8: ties
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
        if not isinstance(t["channels"], dict) or not t["channels"]:
            errs.append(f"{w}.channels: empty")
            continue
        for c, f in t["channels"].items():
            if not CHANNEL_RE.match(c):
                errs.append(f"{w}.channels: bad channel name `{c}`")
            if isinstance(f, list):
                if not v2:
                    errs.append(f"{w}.channels.{c}: a series is {V2_ONLY}")
                if not f:
                    errs.append(f"{w}.channels.{c}: empty series")
                years = []
                for j, x in enumerate(f):
                    fig(x, f"{w}.channels.{c}[{j}]")
                    years.append(x.get("year") if isinstance(x, dict) else None)
                if any(not year_ok(y) for y in years) or years != sorted(set(years)):
                    errs.append(f"{w}.channels.{c}: series years {years} not distinct and increasing")
            else:
                fig(f, f"{w}.channels.{c}")

    # the bundled graph's own rules
    if bundled:
        if not v2:
            errs.append("$.version: the bundled graph is version 2")
        declared = set((doc.get("channels") or {}).keys())
        for c in sorted({c for t in doc.get("ties", []) for c in t.get("channels", {})} - declared):
            errs.append(f"$.channels: channel `{c}` is used but not declared")
        for i, a in enumerate(actors):
            if not isinstance(a, dict):
                continue
            if a.get("id") != TARGET and "sanctions" not in a.get("stance", {}).get(TARGET, {}):
                errs.append(f"$.actors[{i}] ({a.get('id')}): no stance towards {TARGET} with `sanctions`")
            if "receptiveness" in a:
                errs.append(f"$.actors[{i}] ({a.get('id')}): `receptiveness` is no longer carried")
    return errs


def one_cite_as_string(obj):
    """A `cite` of one id is written as a string, as leverage writes it back (docs/FORMAT.md)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "cite" and isinstance(v, list) and len(v) == 1:
                obj[k] = v[0]
            else:
                one_cite_as_string(v)
    elif isinstance(obj, list):
        for x in obj:
            one_cite_as_string(x)
    return obj


def dumps(obj, level=0):
    """JSON with 2-space indent; arrays of numbers or short strings (ranges, members, cites) on one line."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, level + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if all(isinstance(x, (int, float)) or (isinstance(x, str) and len(x) <= 24) for x in obj):
            return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in obj) + "]"
        return "[\n" + ",\n".join(inner + dumps(x, level + 1) for x in obj) + "\n" + pad + "]"
    return json.dumps(obj, ensure_ascii=False)


# --------------------------------------------------------------------------------------------
# Summary and report
# --------------------------------------------------------------------------------------------


def tie_figures(doc):
    """(tie, channel, figure) for every channel figure, series elements included."""
    for t in doc["ties"]:
        for c, f in t["channels"].items():
            for x in (f if isinstance(f, list) else [f]):
                yield t, c, x


def stance_figures(doc):
    for a in doc["actors"]:
        for tgt, sigs in a.get("stance", {}).items():
            for s, f in sigs.items():
                yield a, s, f


def counts(doc):
    by = {"channel": {}, "signal": {}}
    for _, c, f in tie_figures(doc):
        d = by["channel"].setdefault(c, {})
        d[f["basis"]] = d.get(f["basis"], 0) + 1
    for _, s, f in stance_figures(doc):
        d = by["signal"].setdefault(s, {})
        d[f["basis"]] = d.get(f["basis"], 0) + 1
    return by


def classes(doc):
    out = {}
    for a in doc["actors"]:
        cls = "target" if a["id"] == TARGET else stance_class(a.get("stance", {}).get(TARGET, {}))
        out.setdefault(cls, []).append(a["id"])
    return out


def fmt_table(rows, header):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    return "\n".join(lines)


def basis_table(by_kind, label):
    rows, tot = [], {b: 0 for b in BASES}
    for k in sorted(by_kind, key=lambda k: -sum(by_kind[k].values())):
        d = by_kind[k]
        rows.append([f"`{k}`"] + [d.get(b, 0) for b in BASES] + [sum(d.values())])
        for b in BASES:
            tot[b] += d.get(b, 0)
    rows.append(["**all**"] + [tot[b] for b in BASES] + [sum(tot.values())])
    return fmt_table(rows, [label] + list(BASES) + ["all"]), tot


def report(doc, majority):
    """Markdown tables quoted by docs/DATA.md."""
    out = []
    by = counts(doc)
    n_ties = len(doc["ties"])
    n_tie_f = sum(sum(d.values()) for d in by["channel"].values())
    n_sig_f = sum(sum(d.values()) for d in by["signal"].values())
    series = [(t["from"], t["to"], c, [x["year"] for x in f]) for t in doc["ties"]
              for c, f in t["channels"].items() if isinstance(f, list)]
    out.append(f"actors {len(doc['actors'])}, groups {len(doc['groups'])}, ties {n_ties}, channel figures "
               f"{n_tie_f}, stance figures {n_sig_f}, all figures {n_tie_f + n_sig_f}, citations "
               f"{len(doc['citations'])}, series {len(series)}, outreach facts "
               f"{sum(len(v) for a in doc['actors'] for v in a.get('outreach', {}).values())}")
    member = sum(1 for t, c, f in tie_figures(doc) if t["from"] in EU27 and t["to"] not in EU27 + [TARGET]
                 and c == "trade" and f["basis"] == "derived")
    cits = doc["citations"].values()
    out.append(f"derived member-level trade figures (EU member -> partner other than Russia) {member}; citations with a url "
               f"{sum(1 for c in cits if 'url' in c)}, read second-hand (via) {sum(1 for c in cits if 'via' in c)}; "
               f"UN records {sum(1 for k in doc['citations'] if k.startswith('un-es11-'))}")
    t1, tot1 = basis_table(by["channel"], "channel")
    t2, tot2 = basis_table(by["signal"], "signal")
    out += ["", "### Channel figures by basis", "", t1, "", "### Stance figures by basis", "", t2]
    allf = {b: tot1[b] + tot2[b] for b in BASES}
    n = sum(allf.values())
    out += ["", "### All figures", "", fmt_table(
        [[b, allf[b], f"{100 * allf[b] / n:.1f}%"] for b in BASES] + [["all", n, "100%"]],
        ["basis", "figures", "share"])]
    j = by["channel"]
    out += ["", "judgement share of channel figures: " + ", ".join(
        f"{c} {100 * j[c].get('judgement', 0) / sum(j[c].values()):.0f}%" for c in sorted(j))]
    out += ["", "### Series", "", fmt_table([[f"`{a} -> {b}`", f"`{c}`", ", ".join(map(str, ys))]
                                             for a, b, c, ys in series], ["tie", "channel", "years"])]
    cls = classes(doc)
    out += ["", "### Stance classes", "", fmt_table(
        [[k, len(cls.get(k, [])), ", ".join(cls.get(k, []))] for k in ("presses", "supports", "between",
                                                                       "unknown", "target")],
        ["class", "actors", "ids"])]
    rows = []
    for a in doc["actors"]:
        st = a.get("stance", {}).get(TARGET, {})

        def cell(s):
            if s not in st:
                return ""
            f = st[s]
            v = f"{f['value']:g}"
            if "range" in f:
                v += f" [{f['range'][0]:g}, {f['range'][1]:g}]"
            return v
        rows.append([f"`{a['id']}`", a["name"], a["attributes"].get("unga_votes", "-"),
                     "target" if a["id"] == TARGET else stance_class(st)] + [cell(s) for s in SIGNALS])
    out += ["", "### Actors and their stance towards RUS", "",
            fmt_table(rows, ["id", "name", "UNGA ES-11/1..8", "class"] + [f"`{s}`" for s in SIGNALS])]

    def fv(f):
        return f"{f['value']:g} {f['basis'][0]}"

    for title, side in [("Partner -> RUS: Russia's dependence on the partner", "to"),
                        ("RUS -> partner: the partner's dependence on Russia", "from")]:
        ties = [t for t in doc["ties"] if t[side] == TARGET]
        other = "from" if side == "to" else "to"
        chans = sorted({c for t in ties for c in t["channels"]}, key=lambda c: (c != "trade", c))
        def trade_figs(t):
            tr = t["channels"].get("trade")
            return tr if isinstance(tr, list) else ([tr] if tr else [])

        years = sorted({x["year"] for t in ties for x in trade_figs(t)})
        header = ["partner"] + [f"trade {y}" for y in years] + [c for c in chans if c != "trade"]
        rows = []
        for t in sorted(ties, key=lambda t: t[other]):
            ch = t["channels"]
            by_year = {x["year"]: x for x in trade_figs(t)}
            r = [f"`{t[other]}`"] + [fv(by_year[y]) if y in by_year else "" for y in years]
            for c in chans:
                if c == "trade":
                    continue
                f = ch.get(c)
                r.append("" if f is None else " / ".join(fv(x) for x in f) if isinstance(f, list) else fv(f))
            rows.append(r)
        out += ["", f"### {title}", "", "Value and basis (o official, p published, d derived, j judgement); "
                "a series shows every year, oldest first.", "", fmt_table(rows, header)]
    return "\n".join(out)


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared"),
                    help="the shared reference directory (default: ../shared relative to the repo root)")
    ap.add_argument("--out", default=os.path.join(repo, "graphs", "eu-outreach-2025.json"))
    ap.add_argument("--min-member-trade", type=float, default=MIN_WEIGHT,
                    help="omit derived member-level trade ties below this weight (default 0.001)")
    ap.add_argument("--check-only", action="store_true", help="build and check, do not write")
    ap.add_argument("--report", action="store_true",
                    help="print the Markdown tables docs/DATA.md quotes (to stdout)")
    args = ap.parse_args()

    doc, majority = build(os.path.normpath(args.shared), args.min_member_trade)
    errs = check(doc)
    sig = next(g for g in doc["groups"] if g["id"] == "signatories")["members"]
    if sorted(sig) != sorted(SIGNATORIES) or len(sig) != 15:
        errs.append("signatories group is not exactly the fifteen")
    unused = sorted(set(doc["citations"]) - {x for f in list(tie_figures(doc)) + list(stance_figures(doc))
                                             for x in ([f[2]["cite"]] if isinstance(f[2]["cite"], str)
                                                       else f[2]["cite"])}
                    - {x for g in doc["groups"] for x in ([g["cite"]] if isinstance(g.get("cite"), str)
                                                          else g.get("cite", []))}
                    - {x for a in doc["actors"] for v in a.get("outreach", {}).values() for fct in v
                       for x in ([fct["cite"]] if isinstance(fct["cite"], str) else fct["cite"])})
    notes = " ".join(doc["meta"].get("notes", []))
    unused = [c for c in unused if c not in notes]   # cited by id in meta.notes
    if unused:
        errs.append(f"citations cited by nothing: {', '.join(unused)}")
    if errs:
        for e in errs:
            print(f"error: {e}", file=sys.stderr)
        raise SystemExit(f"{len(errs)} rule violation(s); nothing written")

    text = dumps(one_cite_as_string(doc)) + "\n"
    if json.loads(text) != doc:
        raise SystemExit("error: serialisation does not round-trip")
    if not args.check_only:
        with open(args.out + ".tmp", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(args.out + ".tmp", args.out)

    if args.report:
        print(report(doc, majority))
    by = counts(doc)
    n_tie_f = sum(sum(d.values()) for d in by["channel"].values())
    n_sig_f = sum(sum(d.values()) for d in by["signal"].values())
    err = sys.stderr
    print(f"actors {len(doc['actors'])}, groups {len(doc['groups'])}, ties {len(doc['ties'])}, "
          f"channel figures {n_tie_f}, stance figures {n_sig_f}, citations {len(doc['citations'])}", file=err)
    for kind in ("channel", "signal"):
        tot = {}
        for d in by[kind].values():
            for b, n in d.items():
                tot[b] = tot.get(b, 0) + n
        print(f"{kind} figures by basis: " + ", ".join(f"{b} {tot.get(b, 0)}" for b in BASES), file=err)
        print(f"{kind} figures by {kind}: " + ", ".join(
            f"{c} {sum(d.values())}" for c, d in sorted(by[kind].items())), file=err)
    cls = classes(doc)
    print("actors by stance class: " + ", ".join(f"{k} {len(cls.get(k, []))}"
                                                  for k in ("presses", "supports", "between", "unknown",
                                                            "target")), file=err)
    print("EU27 majority: " + ", ".join(f"{r.split('/')[-1]} {v}" for r, v in majority.items()), file=err)
    for yr, ref in [(2023, "Eurostat 2023 ~ EUR 90bn / USD 710bn ~ 0.137"),
                    (2021, "FinExpertiza: EU 35.9%; only DEU and NLD carry 2021")]:
        tot = 0.0
        for t in doc["ties"]:
            if t["to"] == TARGET and t["from"] in EU27 and "trade" in t["channels"]:
                f = t["channels"]["trade"]
                tot += sum(x["value"] for x in (f if isinstance(f, list) else [f]) if x["year"] == yr)
        print(f"check: EU members' shares of Russia's {yr} trade sum to {tot:.3f} ({ref})", file=err)
    if not args.check_only:
        print(f"wrote {os.path.relpath(args.out)}", file=err)


if __name__ == "__main__":
    main()
