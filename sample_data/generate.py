"""Generate segmentti's seeded, realistic Finnish sample data.

Running ``python sample_data/generate.py`` writes, next to this file:

* ``b2c_customers.csv`` -- about 5,000 consumers of a Finnish sports, outdoor
  and home retailer (English headers, UTF-8, comma separated);
* ``b2c_orders.csv.gz`` -- about 150,000 order lines for 2024-2025
  (gzip-compressed UTF-8 CSV);
* ``b2b_companies.csv`` -- about 1,500 Finnish companies with valid
  business ids (Y-tunnus);
* ``b2c_customers_fi.csv`` and ``b2c_customers_fi.xlsx`` -- the consumers
  again in the shape Finnish Excel produces (Finnish headers and values,
  ``;`` separator, decimal comma, ``dd.mm.yyyy`` dates, CRLF line ends);

and the ground truth used only by the tests to
``tests/data/truth/b2c_truth.csv`` and ``tests/data/truth/b2b_truth.csv``.

The data carries planted groups that clustering should recover: four consumer
groups (two of them the personas of seed article 000) and three company
groups.  Everything is drawn from ``numpy.random.default_rng(2025)``, so every
run writes the same bytes; nothing is fetched from the network.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

SEED = 2025
HERE = Path(__file__).resolve().parent
TRUTH_DIR = HERE.parent / "tests" / "data" / "truth"

N_CUSTOMERS = 5000
N_COMPANIES = 1500
ORDER_START = dt.date(2024, 1, 1)
ORDER_END = dt.date(2025, 12, 31)
SINCE_START = dt.date(2018, 1, 1)

CUSTOMER_COLUMNS = [
    "customer_id",
    "first_name",
    "last_name",
    "email",
    "age",
    "gender",
    "municipality",
    "region",
    "occupation",
    "income_band",
    "interest_sport",
    "interest_outdoors",
    "interest_culture",
    "interest_technology",
    "interest_home",
    "commute_mode",
    "interests",
    "distance_to_store_km",
    "preferred_channel",
    "newsletter_consent",
    "customer_since",
]
INTEREST_COLUMNS = [
    "interest_sport",
    "interest_outdoors",
    "interest_culture",
    "interest_technology",
    "interest_home",
]
ORDER_COLUMNS = [
    "order_id",
    "customer_id",
    "order_date",
    "product_category",
    "amount_eur",
    "channel",
]
COMPANY_COLUMNS = [
    "business_id",
    "company_name",
    "industry_code",
    "industry",
    "employees",
    "revenue_eur",
    "profit_eur",
    "region",
    "decision_maker_role",
    "contact_email",
]
INCOME_BANDS = ["<20k", "20-35k", "35-50k", "50-75k", "75k+"]
CHANNELS = ["webshop", "store", "phone"]
COMMUTES = ["car", "bus", "bike", "walk", "train"]

# ---------------------------------------------------------------- names ----
# First names split by the generation they are typical for (born before
# 1965, 1965-1995, after 1995), so a 75-year-old is a Pirjo, not a Venla.
FEMALE_NAMES = {
    "old": [
        "Pirjo",
        "Ritva",
        "Tuula",
        "Marjatta",
        "Raili",
        "Sirkka",
        "Leena",
        "Anneli",
        "Helena",
        "Eila",
        "Aila",
        "Kaarina",
        "Marja",
        "Riitta",
    ],
    "mid": [
        "Sari",
        "Tiina",
        "Johanna",
        "Minna",
        "Päivi",
        "Anne",
        "Satu",
        "Katja",
        "Heidi",
        "Hanna",
        "Laura",
        "Elina",
        "Kaisa",
        "Jenni",
    ],
    "young": [
        "Aino",
        "Emma",
        "Ella",
        "Venla",
        "Iida",
        "Helmi",
        "Aada",
        "Sofia",
        "Emilia",
        "Eveliina",
        "Noora",
        "Linnea",
        "Veera",
        "Pinja",
    ],
}
MALE_NAMES = {
    "old": [
        "Juhani",
        "Pekka",
        "Matti",
        "Kari",
        "Jorma",
        "Erkki",
        "Seppo",
        "Heikki",
        "Raimo",
        "Pentti",
        "Markku",
        "Esa",
        "Hannu",
        "Timo",
    ],
    "mid": [
        "Mikko",
        "Jari",
        "Janne",
        "Antti",
        "Sami",
        "Petri",
        "Jukka",
        "Marko",
        "Tuomas",
        "Ville",
        "Teemu",
        "Juha",
        "Mika",
        "Harri",
    ],
    "young": [
        "Eetu",
        "Aleksi",
        "Joona",
        "Onni",
        "Leevi",
        "Elias",
        "Veeti",
        "Niko",
        "Lauri",
        "Otto",
        "Eino",
        "Väinö",
        "Joel",
        "Oskari",
    ],
}
SURNAMES = [
    "Korhonen",
    "Virtanen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karjalainen",
    "Jokinen",
    "Mattila",
    "Savolainen",
    "Lahtinen",
    "Ahonen",
    "Hiltunen",
    "Leinonen",
    "Hirvonen",
    "Kallio",
    "Miettinen",
    "Pitkänen",
    "Aaltonen",
    "Manninen",
    "Laaksonen",
    "Lindholm",
    "Väisänen",
    "Leppänen",
    "Koivisto",
    "Huttunen",
    "Kettunen",
    "Räsänen",
    "Kärkkäinen",
    "Peltonen",
    "Seppälä",
    "Anttila",
    "Hakala",
    "Toivonen",
    "Koponen",
    "Rautiainen",
    "Lappalainen",
    "Mustonen",
    "Honkanen",
    "Vainio",
    "Nurmi",
    "Korpela",
]
EMAIL_DOMAINS = [
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "elisanet.fi",
    "kolumbus.fi",
    "suomi24.fi",
    "luukku.com",
    "icloud.com",
]

# ---------------------------------------------------------- geography ----
# (municipality, region/maakunta, approximate population)
MUNICIPALITIES = [
    ("Helsinki", "Uusimaa", 674500),
    ("Espoo", "Uusimaa", 310000),
    ("Vantaa", "Uusimaa", 245000),
    ("Kauniainen", "Uusimaa", 10300),
    ("Porvoo", "Uusimaa", 51000),
    ("Hyvinkää", "Uusimaa", 47000),
    ("Lohja", "Uusimaa", 46000),
    ("Järvenpää", "Uusimaa", 45000),
    ("Nurmijärvi", "Uusimaa", 44500),
    ("Kirkkonummi", "Uusimaa", 41000),
    ("Tuusula", "Uusimaa", 40000),
    ("Kerava", "Uusimaa", 38000),
    ("Raasepori", "Uusimaa", 27500),
    ("Sipoo", "Uusimaa", 23000),
    ("Turku", "Varsinais-Suomi", 202000),
    ("Salo", "Varsinais-Suomi", 51000),
    ("Kaarina", "Varsinais-Suomi", 36000),
    ("Raisio", "Varsinais-Suomi", 25000),
    ("Naantali", "Varsinais-Suomi", 20000),
    ("Uusikaupunki", "Varsinais-Suomi", 15000),
    ("Pori", "Satakunta", 84000),
    ("Rauma", "Satakunta", 39000),
    ("Hämeenlinna", "Kanta-Häme", 68000),
    ("Riihimäki", "Kanta-Häme", 29000),
    ("Forssa", "Kanta-Häme", 17000),
    ("Tampere", "Pirkanmaa", 255000),
    ("Nokia", "Pirkanmaa", 36000),
    ("Ylöjärvi", "Pirkanmaa", 34000),
    ("Kangasala", "Pirkanmaa", 33000),
    ("Lempäälä", "Pirkanmaa", 25000),
    ("Sastamala", "Pirkanmaa", 24000),
    ("Valkeakoski", "Pirkanmaa", 21000),
    ("Lahti", "Päijät-Häme", 121000),
    ("Hollola", "Päijät-Häme", 23000),
    ("Heinola", "Päijät-Häme", 18500),
    ("Kouvola", "Kymenlaakso", 79000),
    ("Kotka", "Kymenlaakso", 51000),
    ("Hamina", "Kymenlaakso", 19000),
    ("Lappeenranta", "Etelä-Karjala", 73000),
    ("Imatra", "Etelä-Karjala", 25000),
    ("Mikkeli", "Etelä-Savo", 52000),
    ("Savonlinna", "Etelä-Savo", 31500),
    ("Pieksämäki", "Etelä-Savo", 17000),
    ("Kuopio", "Pohjois-Savo", 124000),
    ("Iisalmi", "Pohjois-Savo", 21000),
    ("Varkaus", "Pohjois-Savo", 20000),
    ("Joensuu", "Pohjois-Karjala", 78000),
    ("Lieksa", "Pohjois-Karjala", 10500),
    ("Kitee", "Pohjois-Karjala", 10000),
    ("Jyväskylä", "Keski-Suomi", 148000),
    ("Jämsä", "Keski-Suomi", 20000),
    ("Äänekoski", "Keski-Suomi", 18500),
    ("Seinäjoki", "Etelä-Pohjanmaa", 65000),
    ("Kurikka", "Etelä-Pohjanmaa", 20000),
    ("Lapua", "Etelä-Pohjanmaa", 14000),
    ("Vaasa", "Pohjanmaa", 68000),
    ("Mustasaari", "Pohjanmaa", 19500),
    ("Pietarsaari", "Pohjanmaa", 19000),
    ("Kokkola", "Keski-Pohjanmaa", 48000),
    ("Oulu", "Pohjois-Pohjanmaa", 215000),
    ("Raahe", "Pohjois-Pohjanmaa", 24000),
    ("Kempele", "Pohjois-Pohjanmaa", 19500),
    ("Kuusamo", "Pohjois-Pohjanmaa", 15000),
    ("Ylivieska", "Pohjois-Pohjanmaa", 15000),
    ("Kajaani", "Kainuu", 36000),
    ("Sotkamo", "Kainuu", 10000),
    ("Rovaniemi", "Lappi", 65000),
    ("Tornio", "Lappi", 21500),
    ("Kemi", "Lappi", 20000),
    ("Sodankylä", "Lappi", 8000),
    ("Keminmaa", "Lappi", 7800),
    ("Inari", "Lappi", 7000),
    ("Kemijärvi", "Lappi", 7000),
    ("Kittilä", "Lappi", 6700),
    ("Kolari", "Lappi", 3800),
    ("Ranua", "Lappi", 3600),
    ("Pello", "Lappi", 3400),
    ("Salla", "Lappi", 3300),
    ("Muonio", "Lappi", 2400),
    ("Enontekiö", "Lappi", 1850),
    ("Utsjoki", "Lappi", 1250),
    ("Mariehamn", "Ahvenanmaa", 11800),
    ("Jomala", "Ahvenanmaa", 5600),
]
HELSINKI_AREA = ["Helsinki", "Espoo", "Vantaa", "Kauniainen"]
# Finnish name of a municipality where the English file uses another.
MUNICIPALITY_FI = {"Mariehamn": "Maarianhamina"}

# ------------------------------------------------------- vocabularies ----
OCCUPATION_FI = {
    "teacher": "opettaja",
    "nurse": "sairaanhoitaja",
    "practical nurse": "lähihoitaja",
    "physiotherapist": "fysioterapeutti",
    "software developer": "ohjelmistokehittäjä",
    "student": "opiskelija",
    "retired": "eläkeläinen",
    "sales": "myyjä",
    "construction worker": "rakennustyöntekijä",
    "entrepreneur": "yrittäjä",
    "marketing specialist": "markkinointiasiantuntija",
    "designer": "suunnittelija",
    "accountant": "kirjanpitäjä",
    "doctor": "lääkäri",
    "forest worker": "metsuri",
    "electrician": "sähköasentaja",
    "mechanic": "mekaanikko",
    "fishing guide": "kalastusopas",
    "truck driver": "kuorma-autonkuljettaja",
    "reindeer herder": "poronhoitaja",
    "tourism worker": "matkailutyöntekijä",
    "customer service": "asiakaspalvelija",
    "warehouse worker": "varastotyöntekijä",
    "cook": "kokki",
    "trainee": "harjoittelija",
    "hairdresser": "kampaaja",
    "project manager": "projektipäällikkö",
    "engineer": "insinööri",
    "cleaner": "siivooja",
}
INTEREST_FI = {
    "running": "juoksu",
    "yoga": "jooga",
    "pilates": "pilates",
    "gym": "kuntosali",
    "swimming": "uinti",
    "dance": "tanssi",
    "padel": "padel",
    "tennis": "tennis",
    "cross-country skiing": "hiihto",
    "floorball": "salibandy",
    "fishing": "kalastus",
    "hiking": "vaellus",
    "hunting": "metsästys",
    "camping": "retkeily",
    "ice fishing": "pilkkiminen",
    "mountain biking": "maastopyöräily",
    "snowmobiling": "moottorikelkkailu",
    "berry picking": "marjastus",
    "mushroom picking": "sienestys",
    "cycling": "pyöräily",
    "kayaking": "melonta",
    "gardening": "puutarhanhoito",
    "cooking": "ruoanlaitto",
    "baking": "leivonta",
    "knitting": "neulominen",
    "reading": "lukeminen",
    "theatre": "teatteri",
    "classical music": "klassinen musiikki",
    "travel": "matkailu",
    "grandchildren": "lapsenlapset",
    "crosswords": "ristikot",
    "nordic walking": "sauvakävely",
    "gaming": "pelaaminen",
    "e-sports": "e-urheilu",
    "programming": "ohjelmointi",
    "music": "musiikki",
    "films": "elokuvat",
    "photography": "valokuvaus",
    "fashion": "muoti",
    "concerts": "konsertit",
    "board games": "lautapelit",
    "interior design": "sisustaminen",
    "sauna": "saunominen",
    "home renovation": "remontointi",
}
GENDER_FI = {"female": "nainen", "male": "mies", "other": "muu"}
COMMUTE_FI = {"car": "auto", "bus": "bussi", "bike": "pyörä", "walk": "kävely", "train": "juna"}
CHANNEL_FI = {"webshop": "verkkokauppa", "store": "myymälä", "phone": "puhelin"}
CONSENT_FI = {"yes": "kyllä", "no": "ei"}
INCOME_FI = {"<20k": "alle 20k", "20-35k": "20-35k", "35-50k": "35-50k", "50-75k": "50-75k", "75k+": "yli 75k"}
FINNISH_HEADERS = {
    "customer_id": "asiakasnumero",
    "first_name": "etunimi",
    "last_name": "sukunimi",
    "email": "sähköposti",
    "age": "ikä",
    "gender": "sukupuoli",
    "municipality": "kunta",
    "region": "maakunta",
    "occupation": "ammatti",
    "income_band": "tuloluokka",
    "interest_sport": "kiinnostus_urheilu",
    "interest_outdoors": "kiinnostus_ulkoilu",
    "interest_culture": "kiinnostus_kulttuuri",
    "interest_technology": "kiinnostus_teknologia",
    "interest_home": "kiinnostus_koti",
    "commute_mode": "työmatka",
    "interests": "kiinnostuksen_kohteet",
    "distance_to_store_km": "etäisyys_myymälään_km",
    "preferred_channel": "ensisijainen_kanava",
    "newsletter_consent": "uutiskirjelupa",
    "customer_since": "asiakkaana_alkaen",
}

CATEGORIES = [
    "Running",
    "Gym & Fitness",
    "Fishing",
    "Hiking & Camping",
    "Cycling",
    "Home & Kitchen",
    "Electronics",
    "Books & Culture",
    "Kids",
    "Garden",
]
# Typical line value (EUR, median of a log-normal) per category.
CATEGORY_PRICE = np.array([55.0, 40.0, 35.0, 60.0, 70.0, 35.0, 90.0, 22.0, 30.0, 40.0])

# ------------------------------------------------------ planted groups ----
# Every profile lists the categorical distributions and the centres of the
# Likert answers (sport, outdoors, culture, technology, home) of one group.
B2C_GROUPS = {
    "active_helsinki_women": {
        "share": 0.27,
        "age": (30, 40),
        "female": 0.95,
        "other": 0.005,
        "places": "helsinki",
        "occupation": {
            "teacher": 0.55,
            "nurse": 0.10,
            "physiotherapist": 0.08,
            "marketing specialist": 0.08,
            "designer": 0.07,
            "project manager": 0.07,
            "doctor": 0.05,
        },
        "income": [0.02, 0.13, 0.45, 0.32, 0.08],
        "likert": [4.8, 2.5, 3.3, 2.3, 2.7],
        "commute": [0.15, 0.25, 0.30, 0.15, 0.15],
        "channel": [0.88, 0.10, 0.02],
        "consent": 0.80,
        "distance": (4.0, 0.45),
        "since": (2018.0, 2025.9),
        "hobbies": {
            "running": 5,
            "yoga": 5,
            "pilates": 3,
            "gym": 4,
            "swimming": 2,
            "dance": 2,
            "padel": 3,
            "tennis": 1,
            "cross-country skiing": 1,
            "travel": 1,
            "cooking": 1,
        },
        "orders": 9.0,
        "categories": [0.30, 0.30, 0.01, 0.05, 0.05, 0.08, 0.06, 0.06, 0.07, 0.02],
        "spend": 1.1,
    },
    "outdoor_lapland_men": {
        "share": 0.22,
        "age": (25, 30),
        "female": 0.04,
        "other": 0.01,
        "places": "lapland",
        "occupation": {
            "construction worker": 0.18,
            "forest worker": 0.15,
            "electrician": 0.14,
            "mechanic": 0.13,
            "fishing guide": 0.10,
            "tourism worker": 0.10,
            "reindeer herder": 0.06,
            "truck driver": 0.08,
            "engineer": 0.06,
        },
        "income": [0.08, 0.45, 0.37, 0.09, 0.01],
        "likert": [3.4, 4.8, 1.7, 2.6, 1.8],
        "commute": [0.06, 0.02, 0.88, 0.04, 0.00],
        "channel": [0.35, 0.60, 0.05],
        "consent": 0.45,
        "distance": (30.0, 0.40),
        "since": (2018.0, 2025.9),
        "hobbies": {
            "fishing": 7,
            "hiking": 7,
            "hunting": 3,
            "camping": 3,
            "ice fishing": 3,
            "mountain biking": 2,
            "snowmobiling": 2,
            "berry picking": 1,
            "cross-country skiing": 2,
            "kayaking": 1,
            "sauna": 1,
        },
        "orders": 6.0,
        "categories": [0.04, 0.05, 0.32, 0.30, 0.16, 0.02, 0.06, 0.01, 0.01, 0.03],
        "spend": 1.3,
    },
    "seniors_store_phone": {
        "share": 0.25,
        "age": (63, 85),
        "female": 0.58,
        "other": 0.0,
        "places": "finland",
        "occupation": {"retired": 0.93, "entrepreneur": 0.04, "accountant": 0.01, "cleaner": 0.02},
        "income": [0.45, 0.40, 0.11, 0.03, 0.01],
        "likert": [1.8, 2.8, 4.6, 1.3, 4.7],
        "commute": [0.45, 0.25, 0.05, 0.25, 0.00],
        "channel": [0.06, 0.62, 0.32],
        "consent": 0.35,
        "distance": (8.0, 0.55),
        "since": (2018.0, 2021.5),
        "hobbies": {
            "gardening": 6,
            "reading": 5,
            "theatre": 3,
            "classical music": 3,
            "knitting": 3,
            "grandchildren": 3,
            "crosswords": 3,
            "nordic walking": 3,
            "cooking": 2,
            "baking": 2,
            "berry picking": 2,
            "mushroom picking": 2,
            "travel": 1,
            "sauna": 1,
        },
        "orders": 4.0,
        "categories": [0.01, 0.02, 0.04, 0.03, 0.01, 0.40, 0.03, 0.20, 0.08, 0.18],
        "spend": 1.0,
    },
    "young_tech_adults": {
        "share": 0.26,
        "age": (18, 26),
        "female": 0.50,
        "other": 0.025,
        "places": "finland",
        "occupation": {
            "student": 0.60,
            "software developer": 0.10,
            "customer service": 0.08,
            "sales": 0.08,
            "trainee": 0.07,
            "warehouse worker": 0.04,
            "cook": 0.03,
        },
        "income": [0.72, 0.22, 0.05, 0.01, 0.00],
        "likert": [2.3, 1.7, 2.5, 4.8, 1.6],
        "commute": [0.05, 0.45, 0.15, 0.20, 0.15],
        "channel": [0.92, 0.07, 0.01],
        "consent": 0.55,
        "distance": (7.0, 0.50),
        "since": (2021.0, 2025.9),
        "hobbies": {
            "gaming": 7,
            "e-sports": 3,
            "programming": 4,
            "music": 4,
            "films": 3,
            "photography": 2,
            "fashion": 2,
            "concerts": 2,
            "board games": 2,
            "gym": 2,
            "floorball": 1,
            "padel": 1,
        },
        "orders": 7.0,
        "categories": [0.05, 0.12, 0.01, 0.03, 0.04, 0.05, 0.45, 0.10, 0.01, 0.01],
        "spend": 0.65,
    },
}
GROUP_CHANNEL_MIX = 0.75  # share of orders in the customer's preferred channel

# --------------------------------------------------------------- B2B ----
TOL_NAMES = {
    "A": "Maatalous, metsätalous ja kalatalous",
    "C": "Teollisuus",
    "F": "Rakentaminen",
    "G": "Tukku- ja vähittäiskauppa; moottoriajoneuvojen ja moottoripyörien korjaus",
    "H": "Kuljetus ja varastointi",
    "I": "Majoitus- ja ravitsemistoiminta",
    "J": "Informaatio ja viestintä",
    "M": "Ammatillinen, tieteellinen ja tekninen toiminta",
    "N": "Hallinto- ja tukipalvelutoiminta",
    "S": "Muu palvelutoiminta",
}
ROLES = ["CEO", "CFO", "CIO", "procurement manager", "HR manager", "marketing manager"]
B2B_GROUPS = {
    "small_service_firms": {
        "share": 0.45,
        "industry": {"M": 0.42, "N": 0.25, "S": 0.25, "I": 0.04, "G": 0.04},
        "employees": "small",
        "revenue_per_head": (75000.0, 0.35),
        "margin": (0.08, 0.05),
        "role": "CEO",
        "forms": {"Tmi": 0.35, "Ky": 0.25, "Oy": 0.40},
        "words": [
            "Konsultointi",
            "Tilitoimisto",
            "Siivous",
            "Kampaamo",
            "Mainostoimisto",
            "Suunnittelu",
            "Hieronta",
            "Arkkitehdit",
            "Kiinteistöhuolto",
            "Valokuvaamo",
            "Käännöspalvelu",
            "Lakiasiaintoimisto",
            "Kotipalvelu",
            "Vartiointi",
        ],
    },
    "large_manufacturing_construction": {
        "share": 0.25,
        "industry": {"C": 0.62, "F": 0.33, "H": 0.05},
        "employees": "large",
        "revenue_per_head": (260000.0, 0.30),
        "margin": (0.04, 0.025),
        "role": "procurement manager",
        "forms": {"Oy": 0.55, "Oyj": 0.45},
        "words": [
            "Rakennus",
            "Konepaja",
            "Metalli",
            "Teräs",
            "Puu",
            "Betoni",
            "Elementti",
            "Kone",
            "Paperi",
            "Infra",
            "Sähkötekniikka",
            "Muovi",
            "Valimo",
            "Telakka",
        ],
    },
    "midsize_ict": {
        "share": 0.30,
        "industry": {"J": 0.92, "M": 0.08},
        "employees": "mid",
        "revenue_per_head": (140000.0, 0.30),
        "margin": (0.15, 0.04),
        "role": "CIO",
        "forms": {"Oy": 1.0},
        "words": [
            "Softa",
            "Data",
            "Digi",
            "Koodi",
            "Pilvi",
            "IT",
            "Analytics",
            "Solutions",
            "Systems",
            "Mobile",
            "Cloud",
            "Tech",
            "Labs",
            "Verkko",
        ],
    },
}
COMPANY_PREFIXES = [
    "Pohjolan",
    "Lapin",
    "Savon",
    "Karjalan",
    "Hämeen",
    "Pirkan",
    "Uudenmaan",
    "Kymen",
    "Pohjanmaan",
    "Kainuun",
    "Etelä-Suomen",
    "Länsi-Suomen",
    "Itä-Suomen",
    "Keski-Suomen",
    "Suomen",
    "Nordic",
    "Aurora",
    "Revontuli",
    "Kaleva",
    "Tapio",
    "Ilmari",
    "Sampo",
    "Kuura",
    "Hiisi",
    "Vuoksi",
    "Saimaan",
    "Päijänteen",
    "Aalto",
    "Kivi",
    "Koivu",
]


def _weighted_choice(rng, options, weights, size):
    """Draw ``size`` items from ``options`` with the given relative weights.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    options : sequence
        The values to draw from.
    weights : sequence of float
        Relative weights, one per option; they need not sum to one.
    size : int
        Number of draws.

    Returns
    -------
    numpy.ndarray
        An object array of ``size`` drawn values.
    """
    p = np.asarray(weights, dtype=float)
    idx = rng.choice(len(options), size=size, p=p / p.sum())
    return np.asarray(list(options), dtype=object)[idx]


def ascii_fold(text):
    """Turn a Finnish name into lowercase ASCII for an e-mail address.

    Parameters
    ----------
    text : str
        A name such as ``"Väinö"`` or ``"Etelä-Suomen Rakennus"``.

    Returns
    -------
    str
        Lowercase ``a-z0-9`` only: ä→a, ö→o, å→a, other characters dropped.
    """
    folded = text.lower().translate(str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e"}))
    return re.sub(r"[^a-z0-9]", "", folded)


def business_id_check_digit(seven_digits):
    """Compute the check digit of a Finnish business id (Y-tunnus).

    Parameters
    ----------
    seven_digits : str
        The seven-digit body of the id.

    Returns
    -------
    int or None
        The check digit, or ``None`` when the body cannot be a valid id
        (weighted sum leaves remainder 1 modulo 11).
    """
    weights = (7, 9, 10, 5, 8, 4, 2)
    remainder = sum(w * int(d) for w, d in zip(weights, seven_digits, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def _likert(rng, centre, size):
    """Draw 1-5 survey answers scattered around a centre.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    centre : float
        The group's typical answer.
    size : int
        Number of answers.

    Returns
    -------
    numpy.ndarray
        Integers in 1..5.
    """
    raw = rng.normal(centre, 0.5, size)
    return np.clip(np.rint(raw), 1, 5).astype(int)


def _pick_places(rng, kind, size):
    """Draw population-weighted municipalities for one planted group.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    kind : {"helsinki", "lapland", "finland"}
        Helsinki area only, Lapland only, or the whole country.
    size : int
        Number of customers.

    Returns
    -------
    tuple of numpy.ndarray
        Municipalities and their regions.
    """
    rows = MUNICIPALITIES
    if kind == "helsinki":
        rows = [r for r in MUNICIPALITIES if r[0] in HELSINKI_AREA]
    elif kind == "lapland":
        rows = [r for r in MUNICIPALITIES if r[1] == "Lappi"]
    idx = rng.choice(len(rows), size=size, p=np.array([r[2] for r in rows]) / sum(r[2] for r in rows))
    return (np.array([rows[i][0] for i in idx], dtype=object), np.array([rows[i][1] for i in idx], dtype=object))


def _hobby_lists(rng, weights, size):
    """Build free-text interest lists such as ``"fishing; hiking"``.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    weights : dict of str to float
        The group's favourite hobbies and their relative weights.
    size : int
        Number of customers.

    Returns
    -------
    list of str
        One ``"; "``-separated list of one to four hobbies per customer; about
        one customer in ten also names a hobby outside the group's favourites.
    """
    names = list(weights)
    p = np.array([weights[n] for n in names], dtype=float)
    p /= p.sum()
    every = sorted(INTEREST_FI)
    counts = rng.choice([1, 2, 3, 4], size=size, p=[0.2, 0.4, 0.28, 0.12])
    out = []
    for n in counts:
        picked = list(rng.choice(names, size=min(n, len(names)), replace=False, p=p))
        if rng.random() < 0.10:
            extra = every[rng.integers(len(every))]
            if extra not in picked:
                picked.append(extra)
        out.append("; ".join(picked))
    return out


def _names_and_emails(rng, genders, ages):
    """Draw Finnish names matching gender and age, and unique e-mails.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    genders : numpy.ndarray
        ``female``/``male``/``other`` per customer.
    ages : numpy.ndarray
        Age per customer (picks the generation of the first name).

    Returns
    -------
    tuple of list of str
        First names, last names and e-mail addresses.
    """
    firsts, lasts, out_emails, seen = [], [], [], set()
    for gender, age in zip(genders, ages, strict=True):
        generation = "old" if age >= 60 else ("mid" if age >= 30 else "young")
        if gender == "other":
            gender = "female" if rng.random() < 0.5 else "male"
        pool = FEMALE_NAMES if gender == "female" else MALE_NAMES
        first = pool[generation][rng.integers(len(pool[generation]))]
        last = SURNAMES[rng.integers(len(SURNAMES))]
        f, s = ascii_fold(first), ascii_fold(last)
        style = rng.integers(4)
        local = {0: f"{f}.{s}", 1: f"{f}{s}", 2: f"{f[0]}.{s}", 3: f"{f}.{s}{rng.integers(1, 100)}"}[int(style)]
        domain = EMAIL_DOMAINS[rng.integers(len(EMAIL_DOMAINS))]
        email, n = f"{local}@{domain}", 1
        while email in seen:
            n += 1
            email = f"{local}{n}@{domain}"
        seen.add(email)
        firsts.append(first)
        lasts.append(last)
        out_emails.append(email)
    return firsts, lasts, out_emails


def _random_dates(rng, start_year, end_year, size):
    """Draw dates between two fractional years, capped at ``ORDER_END``.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    start_year, end_year : float
        Range as fractional years, e.g. ``2018.0`` .. ``2021.5``.
    size : int
        Number of dates.

    Returns
    -------
    list of datetime.date
        The drawn dates, never before ``SINCE_START`` nor after ``ORDER_END``.
    """
    base = SINCE_START
    lo = int((start_year - 2018.0) * 365.25)
    hi = min(int((end_year - 2018.0) * 365.25), (ORDER_END - base).days)
    offsets = rng.integers(lo, hi + 1, size)
    return [base + dt.timedelta(days=int(o)) for o in offsets]


def make_customers(rng):
    """Generate the B2C customer table with its four planted groups.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (the customers' own child generator).

    Returns
    -------
    tuple of pandas.DataFrame
        ``(customers, truth)``: the customers with ``CUSTOMER_COLUMNS`` and a
        ``customer_id,group`` table of the planted group of each.
    """
    names = list(B2C_GROUPS)
    shares = np.array([B2C_GROUPS[g]["share"] for g in names])
    sizes = np.floor(shares / shares.sum() * N_CUSTOMERS).astype(int)
    sizes[0] += N_CUSTOMERS - sizes.sum()
    parts = []
    for group, size in zip(names, sizes, strict=True):
        prof = B2C_GROUPS[group]
        part = pd.DataFrame({"group": [group] * size})
        part["age"] = rng.integers(prof["age"][0], prof["age"][1] + 1, size)
        u = rng.random(size)
        part["gender"] = np.where(
            u < prof["other"], "other", np.where(u < prof["other"] + prof["female"], "female", "male")
        )
        part["municipality"], part["region"] = _pick_places(rng, prof["places"], size)
        occ = prof["occupation"]
        part["occupation"] = _weighted_choice(rng, list(occ), list(occ.values()), size)
        part["income_band"] = _weighted_choice(rng, INCOME_BANDS, prof["income"], size)
        for col, centre in zip(INTEREST_COLUMNS, prof["likert"], strict=True):
            part[col] = _likert(rng, centre, size)
        part["commute_mode"] = _weighted_choice(rng, COMMUTES, prof["commute"], size)
        part["interests"] = _hobby_lists(rng, prof["hobbies"], size)
        mu, sigma = prof["distance"]
        dist = np.exp(rng.normal(np.log(mu), sigma, size))
        part["distance_to_store_km"] = np.round(np.clip(dist, 0.3, 250.0), 1)
        part["preferred_channel"] = _weighted_choice(rng, CHANNELS, prof["channel"], size)
        part["newsletter_consent"] = np.where(rng.random(size) < prof["consent"], "yes", "no")
        part["customer_since"] = _random_dates(rng, *prof["since"], size)
        parts.append(part)
    df = pd.concat(parts, ignore_index=True)

    # Realistic noise: about one member in ten deviates in one trait.
    n = len(df)
    deviate = np.flatnonzero(rng.random(n) < 0.10)
    trait = rng.integers(0, 4, deviate.size)
    everyone = df.copy()
    donors = rng.integers(0, n, deviate.size)
    for col_set, k in (
        (["municipality", "region"], 0),
        (["occupation"], 1),
        (["commute_mode"], 2),
        (["preferred_channel"], 3),
    ):
        rows = deviate[trait == k]
        src = donors[trait == k]
        for col in col_set:
            df.loc[rows, col] = everyone[col].to_numpy()[src]

    # ... and about one in twenty answers one survey question off-profile.
    odd = np.flatnonzero(rng.random(n) < 0.05)
    odd_col = rng.integers(0, len(INTEREST_COLUMNS), odd.size)
    odd_val = rng.integers(1, 6, odd.size)
    for k, col in enumerate(INTEREST_COLUMNS):
        df.loc[odd[odd_col == k], col] = odd_val[odd_col == k]

    # Shuffle so ids do not reveal the group, then name and number everyone.
    df = df.iloc[rng.permutation(n)].reset_index(drop=True)
    first, last, email = _names_and_emails(rng, df["gender"].to_numpy(), df["age"].to_numpy())
    df["first_name"], df["last_name"], df["email"] = first, last, email
    df["customer_id"] = [f"C{i:05d}" for i in range(1, n + 1)]

    # About 1 % missing answers in a few survey/income columns.
    for col in INTEREST_COLUMNS:
        df[col] = df[col].astype("Int64")
    for col in ("income_band", "interest_culture", "interest_home", "interest_technology"):
        hole = rng.random(n) < 0.01
        df.loc[hole, col] = pd.NA
    df["age"] = df["age"].astype(int)
    df["customer_since"] = pd.to_datetime(df["customer_since"])
    truth = df[["customer_id", "group"]].copy()
    return df[CUSTOMER_COLUMNS].copy(), truth


def make_orders(rng, customers, truth):
    """Generate two years of order lines for the customers.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (the orders' own child generator).
    customers : pandas.DataFrame
        Output of :func:`make_customers`.
    truth : pandas.DataFrame
        The planted group of each customer.

    Returns
    -------
    pandas.DataFrame
        Order lines with ``ORDER_COLUMNS``, sorted by date; frequency, spend,
        categories and channel follow the customer's planted group, about 2 %
        of lines are returns (negative amounts) and about 1 % of customers
        never ordered.
    """
    group = truth["group"].to_numpy()
    n = len(customers)
    mean_orders = np.array([B2C_GROUPS[g]["orders"] for g in group])
    activity = rng.gamma(3.0, 1.0 / 3.0, n)
    n_orders = rng.poisson(mean_orders * activity * 2.3)
    n_orders[rng.random(n) < 0.01] = 0

    cust_idx = np.repeat(np.arange(n), n_orders)
    n_total = cust_idx.size

    # Order dates: seasonal (December and spring peaks), not before the
    # customer joined.
    days = pd.date_range(ORDER_START, ORDER_END, freq="D")
    month = days.month.to_numpy()
    weekday = days.day_of_week.to_numpy()
    weight = 1.0 + 0.6 * (month == 12) + 0.25 * np.isin(month, [4, 5, 6]) + 0.15 * (weekday >= 5)
    cdf = np.cumsum(weight) / weight.sum()
    since = customers["customer_since"].to_numpy().astype("datetime64[D]")
    start_pos = np.clip((since - np.datetime64(ORDER_START, "D")).astype(int), 0, len(days) - 1)
    lo = np.where(start_pos > 0, cdf[start_pos - 1], 0.0)[cust_idx]
    u = lo + rng.random(n_total) * (1.0 - lo)
    day_pos = np.minimum(np.searchsorted(cdf, u), len(days) - 1)

    # Channel per order: mostly the preferred one, else the group's mix.
    pref = customers["preferred_channel"].to_numpy()[cust_idx]
    group_o = group[cust_idx]
    chan = pref.copy()
    other = rng.random(n_total) > GROUP_CHANNEL_MIX
    for g in B2C_GROUPS:
        m = other & (group_o == g)
        chan[m] = _weighted_choice(rng, CHANNELS, B2C_GROUPS[g]["channel"], int(m.sum()))

    lines = rng.choice([1, 2, 3, 4], size=n_total, p=[0.38, 0.32, 0.2, 0.1])
    line_order = np.repeat(np.arange(n_total), lines)
    n_lines = line_order.size
    group_l = group_o[line_order]
    cat = np.empty(n_lines, dtype=int)
    spend = np.empty(n_lines)
    for g, prof in B2C_GROUPS.items():
        m = group_l == g
        cat[m] = rng.choice(
            len(CATEGORIES), size=int(m.sum()), p=np.array(prof["categories"]) / sum(prof["categories"])
        )
        spend[m] = prof["spend"]
    amount = CATEGORY_PRICE[cat] * spend * np.exp(rng.normal(0.0, 0.6, n_lines))
    amount = np.round(np.clip(amount, 1.5, 2500.0), 2)
    returned = rng.random(n_lines) < 0.02
    amount[returned] = -amount[returned]

    lines_df = pd.DataFrame(
        {
            "order_key": line_order,
            "customer_id": customers["customer_id"].to_numpy()[cust_idx][line_order],
            "order_date": days[day_pos].to_numpy()[line_order],
            "product_category": np.array(CATEGORIES, dtype=object)[cat],
            "amount_eur": amount,
            "channel": chan[line_order],
        }
    )
    lines_df = lines_df.sort_values(["order_date", "customer_id", "order_key"], kind="stable").reset_index(drop=True)
    new_key = pd.factorize(lines_df["order_key"])[0]
    lines_df["order_id"] = [f"O{k + 1:06d}" for k in new_key]
    return lines_df[ORDER_COLUMNS]


def _genitive(surname):
    """Put a Finnish surname into the genitive used in company names.

    Parameters
    ----------
    surname : str
        A surname from ``SURNAMES``.

    Returns
    -------
    str
        E.g. Virtanen → Virtasen, Niemi → Niemen, Laine → Laineen,
        Lindholm → Lindholmin, Mattila → Mattilan.
    """
    if surname.endswith("nen"):
        return surname[:-3] + "sen"
    if surname.endswith("i"):
        return surname[:-1] + "en"
    if surname.endswith("e"):
        return surname + "en"
    if surname[-1] not in "aeiouyäö":
        return surname + "in"
    return surname + "n"


def _business_ids(rng, size):
    """Draw unique, valid Finnish business ids (Y-tunnus).

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    size : int
        Number of ids.

    Returns
    -------
    list of str
        Ids shaped ``"1234567-8"``; bodies whose check digit would be invalid
        are skipped.
    """
    out, seen = [], set()
    while len(out) < size:
        body = f"{int(rng.integers(100000, 3400000)):07d}"
        check = business_id_check_digit(body)
        if check is None or body in seen:
            continue
        seen.add(body)
        out.append(f"{body}-{check}")
    return out


def make_companies(rng):
    """Generate the B2B company table with its three planted groups.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (the companies' own child generator).

    Returns
    -------
    tuple of pandas.DataFrame
        ``(companies, truth)``: companies with ``COMPANY_COLUMNS`` and a
        ``business_id,group`` table.
    """
    region_pop = {}
    for _, region, pop in MUNICIPALITIES:
        region_pop[region] = region_pop.get(region, 0) + pop
    regions = sorted(region_pop)
    names = list(B2B_GROUPS)
    shares = np.array([B2B_GROUPS[g]["share"] for g in names])
    sizes = np.floor(shares / shares.sum() * N_COMPANIES).astype(int)
    sizes[0] += N_COMPANIES - sizes.sum()
    rows, used_names = [], set()
    for group, size in zip(names, sizes, strict=True):
        prof = B2B_GROUPS[group]
        codes = _weighted_choice(rng, list(prof["industry"]), list(prof["industry"].values()), size)
        if prof["employees"] == "small":
            emp = rng.choice(np.arange(1, 10), size=size, p=np.array([9, 7, 5, 4, 3, 2.5, 2, 1.5, 1.0]) / 35.0)
        elif prof["employees"] == "mid":
            emp = np.clip(np.exp(rng.normal(np.log(55), 0.4, size)), 20, 150)
        else:
            emp = np.clip(np.exp(rng.normal(np.log(650), 0.5, size)), 250, 12000)
        emp = np.rint(emp).astype(int)
        rph_mu, rph_sigma = prof["revenue_per_head"]
        revenue = np.rint(emp * np.exp(rng.normal(np.log(rph_mu), rph_sigma, size))).astype(np.int64)
        margin = rng.normal(*prof["margin"], size)
        profit = np.rint(revenue * margin).astype(np.int64)
        weights = np.array([region_pop[r] for r in regions], dtype=float)
        if group == "midsize_ict":
            boost = {
                "Uusimaa": 3.0,
                "Pirkanmaa": 2.0,
                "Pohjois-Pohjanmaa": 2.0,
                "Varsinais-Suomi": 1.5,
                "Keski-Suomi": 1.5,
            }
            weights *= np.array([boost.get(r, 1.0) for r in regions])
        region = _weighted_choice(rng, regions, weights, size)
        role = np.where(rng.random(size) < 0.9, prof["role"], _weighted_choice(rng, ROLES, [1] * len(ROLES), size))
        forms = prof["forms"]
        for i in range(size):
            while True:
                if rng.random() < 0.35:
                    head = _genitive(SURNAMES[rng.integers(len(SURNAMES))])
                else:
                    head = COMPANY_PREFIXES[rng.integers(len(COMPANY_PREFIXES))]
                word = prof["words"][rng.integers(len(prof["words"]))]
                form = _weighted_choice(rng, list(forms), list(forms.values()), 1)[0]
                if emp[i] >= 250 and form not in ("Oy", "Oyj"):
                    form = "Oy"
                base = f"{head} {word}"
                if base not in used_names:
                    used_names.add(base)
                    break
            person_first = (FEMALE_NAMES if rng.random() < 0.45 else MALE_NAMES)["mid"]
            first = ascii_fold(person_first[rng.integers(len(person_first))])
            last = ascii_fold(SURNAMES[rng.integers(len(SURNAMES))])
            rows.append(
                {
                    "group": group,
                    "company_name": f"{base} {form}",
                    "industry_code": codes[i],
                    "industry": TOL_NAMES[codes[i]],
                    "employees": int(emp[i]),
                    "revenue_eur": int(revenue[i]),
                    "profit_eur": int(profit[i]),
                    "region": region[i],
                    "decision_maker_role": role[i],
                    "contact_email": f"{first}.{last}@{ascii_fold(base)}.fi",
                }
            )
    df = pd.DataFrame(rows)
    df = df.iloc[rng.permutation(len(df))].reset_index(drop=True)
    df["business_id"] = _business_ids(rng, len(df))
    truth = df[["business_id", "group"]].copy()
    return df[COMPANY_COLUMNS].copy(), truth


def customers_csv_text(customers):
    """Render the customers as the English CSV text that is committed.

    Parameters
    ----------
    customers : pandas.DataFrame
        Output of :func:`make_customers`.

    Returns
    -------
    str
        Comma-separated text with ``\\n`` line ends and ISO dates.
    """
    return customers.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d", float_format="%.1f")


def to_finnish(customers):
    """Translate the customer table into Finnish headers and values.

    Parameters
    ----------
    customers : pandas.DataFrame
        Output of :func:`make_customers`.

    Returns
    -------
    pandas.DataFrame
        The same rows with ``FINNISH_HEADERS`` as columns and Finnish
        categories (``nainen``, ``opettaja``, ``pyörä``, ``kyllä`` ...).
    """
    fi = customers.copy()
    fi["gender"] = fi["gender"].map(GENDER_FI)
    fi["municipality"] = fi["municipality"].replace(MUNICIPALITY_FI)
    fi["occupation"] = fi["occupation"].map(OCCUPATION_FI)
    fi["income_band"] = fi["income_band"].map(INCOME_FI)
    fi["commute_mode"] = fi["commute_mode"].map(COMMUTE_FI)
    fi["preferred_channel"] = fi["preferred_channel"].map(CHANNEL_FI)
    fi["newsletter_consent"] = fi["newsletter_consent"].map(CONSENT_FI)
    fi["interests"] = fi["interests"].map(lambda s: "; ".join(INTEREST_FI[x] for x in s.split("; ")))
    return fi.rename(columns=FINNISH_HEADERS)


def finnish_csv_text(finnish):
    """Render the Finnish table the way Finnish Excel saves "CSV UTF-8".

    Parameters
    ----------
    finnish : pandas.DataFrame
        Output of :func:`to_finnish`.

    Returns
    -------
    str
        ``;``-separated text with decimal commas, ``dd.mm.yyyy`` dates and
        CRLF line ends (the BOM is added when writing).
    """
    return finnish.to_csv(
        index=False, sep=";", decimal=",", lineterminator="\r\n", date_format="%d.%m.%Y", float_format="%.1f"
    )


def _fixed_zip(data):
    """Rewrite a zip archive with fixed member timestamps.

    Parameters
    ----------
    data : bytes
        The archive openpyxl saved.

    Returns
    -------
    bytes
        The same members in the same order, each dated 2025-01-01 00:00,
        and the document's "modified" property pinned to that moment, so
        that repeated runs give identical bytes.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the current time on save.
                payload = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>2025-01-01T00:00:00Z\g<2>", payload)
            dst.writestr(fixed, payload)
    return out.getvalue()


def finnish_xlsx_bytes(finnish):
    """Build the Finnish workbook (sheet "Asiakkaat") as deterministic bytes.

    Parameters
    ----------
    finnish : pandas.DataFrame
        Output of :func:`to_finnish`.

    Returns
    -------
    bytes
        An .xlsx file: bold header in row 1, numbers as numbers, dates as
        Excel dates shown ``dd.mm.yyyy``, empty cells for missing answers.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Asiakkaat"
    fixed = dt.datetime(2025, 1, 1, 0, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "segmentti sample_data/generate.py"
    ws.append(list(finnish.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    date_col = list(finnish.columns).index(FINNISH_HEADERS["customer_since"]) + 1
    records = finnish.astype(object).where(finnish.notna(), None)
    for row in records.itertuples(index=False):
        values = []
        for v in row:
            if isinstance(v, pd.Timestamp):
                v = v.date()
            elif isinstance(v, np.integer):
                v = int(v)
            elif isinstance(v, np.floating):
                v = float(v)
            values.append(v)
        ws.append(values)
    for (cell,) in ws.iter_rows(min_row=2, min_col=date_col, max_col=date_col):
        cell.number_format = "dd.mm.yyyy"
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip(buf.getvalue())


def gzip_bytes(text):
    """Gzip UTF-8 text with a zero timestamp, so the bytes are reproducible.

    Parameters
    ----------
    text : str
        The text to compress.

    Returns
    -------
    bytes
        The compressed data.
    """
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def child_generators(seed=SEED):
    """Split the fixed seed into independent generators per table.

    Parameters
    ----------
    seed : int, optional
        The master seed (2025).

    Returns
    -------
    dict of str to numpy.random.Generator
        Generators for ``customers``, ``orders`` and ``companies``, so each
        table can be rebuilt on its own (the tests rebuild the customers).
    """
    kids = np.random.default_rng(seed).spawn(3)
    return dict(zip(("customers", "orders", "companies"), kids, strict=True))


def main(out_dir=HERE, truth_dir=TRUTH_DIR):
    """Generate every table and write the files.

    Parameters
    ----------
    out_dir : pathlib.Path, optional
        Where the sample files go (this directory).
    truth_dir : pathlib.Path, optional
        Where the ground-truth files for the tests go.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    out_dir, truth_dir = Path(out_dir), Path(truth_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    gens = child_generators()
    customers, b2c_truth = make_customers(gens["customers"])
    orders = make_orders(gens["orders"], customers, b2c_truth)
    companies, b2b_truth = make_companies(gens["companies"])
    finnish = to_finnish(customers)

    written = {
        out_dir / "b2c_customers.csv": customers_csv_text(customers).encode("utf-8"),
        out_dir / "b2c_orders.csv.gz": gzip_bytes(
            orders.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d", float_format="%.2f")
        ),
        out_dir / "b2b_companies.csv": companies.to_csv(index=False, lineterminator="\n").encode("utf-8"),
        out_dir / "b2c_customers_fi.csv": finnish_csv_text(finnish).encode("utf-8-sig"),
        out_dir / "b2c_customers_fi.xlsx": finnish_xlsx_bytes(finnish),
        truth_dir / "b2c_truth.csv": b2c_truth.to_csv(index=False, lineterminator="\n").encode("utf-8"),
        truth_dir / "b2b_truth.csv": b2b_truth.to_csv(index=False, lineterminator="\n").encode("utf-8"),
    }
    for path, data in written.items():
        path.write_bytes(data)
    return list(written)


if __name__ == "__main__":
    for written_path in main():
        size = written_path.stat().st_size
        print(f"{written_path.relative_to(HERE.parent)}  {size:,} bytes", file=sys.stdout)
