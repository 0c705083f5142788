"""Checks on the committed sample data written by ``sample_data/generate.py``.

The files are read as committed; the generator is only re-run in memory for
the customer table, to prove the committed file is what the seed produces.
"""

import importlib.util
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "sample_data"
TRUTH = ROOT / "tests" / "data" / "truth"

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
FINNISH_COLUMNS = [
    "asiakasnumero",
    "etunimi",
    "sukunimi",
    "sähköposti",
    "ikä",
    "sukupuoli",
    "kunta",
    "maakunta",
    "ammatti",
    "tuloluokka",
    "kiinnostus_urheilu",
    "kiinnostus_ulkoilu",
    "kiinnostus_kulttuuri",
    "kiinnostus_teknologia",
    "kiinnostus_koti",
    "työmatka",
    "kiinnostuksen_kohteet",
    "etäisyys_myymälään_km",
    "ensisijainen_kanava",
    "uutiskirjelupa",
    "asiakkaana_alkaen",
]
ORDER_COLUMNS = ["order_id", "customer_id", "order_date", "product_category", "amount_eur", "channel"]
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
INTERESTS = ["interest_sport", "interest_outdoors", "interest_culture", "interest_technology", "interest_home"]
B2C_NUMERIC = ["age", *INTERESTS, "distance_to_store_km"]
B2C_CATEGORICAL = [
    "gender",
    "region",
    "occupation",
    "income_band",
    "commute_mode",
    "preferred_channel",
    "newsletter_consent",
]


@pytest.fixture(scope="module")
def customers():
    return pd.read_csv(DATA / "b2c_customers.csv")


@pytest.fixture(scope="module")
def orders():
    return pd.read_csv(DATA / "b2c_orders.csv.gz")


@pytest.fixture(scope="module")
def companies():
    return pd.read_csv(DATA / "b2b_companies.csv", dtype={"business_id": str})


@pytest.fixture(scope="module")
def b2c_truth(customers):
    truth = pd.read_csv(TRUTH / "b2c_truth.csv")
    return truth.set_index("customer_id").loc[customers["customer_id"], "group"]


@pytest.fixture(scope="module")
def b2b_truth(companies):
    truth = pd.read_csv(TRUTH / "b2b_truth.csv", dtype=str)
    return truth.set_index("business_id").loc[companies["business_id"], "group"]


def y_tunnus_ok(text):
    """Validate a Finnish business id independently of the generator."""
    match = re.fullmatch(r"(\d{7})-(\d)", text)
    if not match:
        return False
    body, check = match.group(1), int(match.group(2))
    total = sum(int(d) * w for d, w in zip(body, [7, 9, 10, 5, 8, 4, 2], strict=True))
    rest = total % 11
    if rest == 1:
        return False
    return check == (0 if rest == 0 else 11 - rest)


def standardised(frame):
    values = frame.astype(float)
    values = values.fillna(values.median())
    return ((values - values.mean()) / values.std(ddof=0)).to_numpy()


def one_hot_blocks(frame, columns):
    blocks = []
    for col in columns:
        dummies = pd.get_dummies(frame[col].astype(object).fillna("missing"))
        blocks.append(dummies.to_numpy(float) / np.sqrt(dummies.shape[1]))
    return np.hstack(blocks)


def b2c_matrices(customers):
    numeric = standardised(customers[B2C_NUMERIC])
    return numeric, np.hstack([numeric, one_hot_blocks(customers, B2C_CATEGORICAL)])


def b2b_matrices(companies):
    numeric = standardised(
        pd.DataFrame(
            {
                "log_employees": np.log10(companies["employees"]),
                "log_revenue": np.log10(companies["revenue_eur"]),
                "margin": companies["profit_eur"] / companies["revenue_eur"],
            }
        )
    )
    categorical = one_hot_blocks(companies, ["industry_code", "region", "decision_maker_role"])
    return numeric, np.hstack([numeric, categorical])


def kmeans_labels(matrix, k):
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(matrix)


def silhouette(matrix, labels):
    """The silhouette on a fixed 2,000-row sample: the full 5,000² distances cost seconds and pick the same k."""
    return silhouette_score(matrix, labels, sample_size=2000, random_state=0)


# ------------------------------------------------------------- shapes ----
def test_row_counts_and_columns(customers, orders, companies):
    assert 4500 <= len(customers) <= 5500
    assert 120_000 <= len(orders) <= 180_000
    assert 1300 <= len(companies) <= 1700
    assert list(customers.columns) == CUSTOMER_COLUMNS
    assert list(orders.columns) == ORDER_COLUMNS
    assert list(companies.columns) == COMPANY_COLUMNS


def test_customer_values(customers):
    assert customers["customer_id"].is_unique
    assert customers["customer_id"].str.fullmatch(r"C\d{5}").all()
    assert customers["email"].is_unique
    assert customers["email"].str.fullmatch(r"[a-z0-9]+(\.[a-z0-9]+)*@[a-z0-9]+(\.[a-z0-9]+)*\.[a-z]{2,}").all()
    assert customers["age"].between(18, 85).all()
    assert set(customers["gender"]) == {"female", "male", "other"}
    assert (customers["gender"] == "other").mean() < 0.03
    for col in INTERESTS:
        answered = customers[col].dropna()
        assert answered.between(1, 5).all() and (answered % 1 == 0).all()
    missing = customers.isna().mean()
    assert missing.max() < 0.03
    assert set(missing[missing > 0].index) <= {"income_band", *INTERESTS}
    assert set(customers["income_band"].dropna()) <= {"<20k", "20-35k", "35-50k", "50-75k", "75k+"}
    assert set(customers["commute_mode"]) <= {"car", "bus", "bike", "walk", "train"}
    assert set(customers["preferred_channel"]) == {"webshop", "store", "phone"}
    assert set(customers["newsletter_consent"]) == {"yes", "no"}
    since = pd.to_datetime(customers["customer_since"], format="%Y-%m-%d")
    assert since.min() >= pd.Timestamp("2018-01-01")
    assert since.max() <= pd.Timestamp("2025-12-31")
    assert customers["interests"].nunique() > 500
    lapland = customers.loc[customers["region"] == "Lappi", "municipality"]
    assert {"Rovaniemi", "Kemi", "Tornio"} <= set(lapland)
    helsinki = customers.loc[customers["municipality"] == "Helsinki", "region"]
    assert set(helsinki) == {"Uusimaa"}


def test_orders(orders, customers):
    assert orders["customer_id"].isin(customers["customer_id"]).all()
    dates = pd.to_datetime(orders["order_date"], format="%Y-%m-%d")
    assert dates.min() >= pd.Timestamp("2024-01-01")
    assert dates.max() <= pd.Timestamp("2025-12-31")
    lines_per_order = orders.groupby("order_id").size()
    assert lines_per_order.between(1, 4).all()
    assert orders.groupby("order_id")["customer_id"].nunique().max() == 1
    returns = (orders["amount_eur"] < 0).mean()
    assert 0.01 < returns < 0.03
    assert set(orders["channel"]) == {"webshop", "store", "phone"}
    without = ~customers["customer_id"].isin(orders["customer_id"])
    assert 0 < without.sum() < 0.05 * len(customers)


def test_companies(companies):
    assert companies["business_id"].is_unique
    bad = [b for b in companies["business_id"] if not y_tunnus_ok(b)]
    assert not bad, bad[:5]
    assert companies["company_name"].str.contains(r" (?:Oy|Oyj|Ky|Tmi)$").all()
    assert companies["industry_code"].str.fullmatch(r"[A-U]").all()
    assert (companies.groupby("industry_code")["industry"].nunique() == 1).all()
    official = {"C": "Teollisuus", "F": "Rakentaminen", "J": "Informaatio ja viestintä"}
    for code, name in official.items():
        assert set(companies.loc[companies["industry_code"] == code, "industry"]) == {name}
    assert (companies["employees"] >= 1).all()
    assert (companies["revenue_eur"] > 0).all()
    assert (companies["profit_eur"] < 0).any()
    assert companies["contact_email"].str.fullmatch(r"[a-z]+\.[a-z]+@[a-z0-9]+\.fi").all()


# ------------------------------------------------------ Finnish files ----
def test_finnish_csv_matches_english(customers):
    path = DATA / "b2c_customers_fi.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(customers) + 1
    assert raw.count(b"\n") == raw.count(b"\r\n")
    fi = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
    assert list(fi.columns) == FINNISH_COLUMNS
    assert len(fi) == len(customers)
    assert (fi["asiakasnumero"] == customers["customer_id"]).all()
    for en_col, fi_col in zip(CUSTOMER_COLUMNS, FINNISH_COLUMNS, strict=True):
        if en_col in B2C_NUMERIC:
            pd.testing.assert_series_equal(fi[fi_col].astype(float), customers[en_col].astype(float), check_names=False)
    fi_dates = pd.to_datetime(fi["asiakkaana_alkaen"], format="%d.%m.%Y")
    en_dates = pd.to_datetime(customers["customer_since"], format="%Y-%m-%d")
    assert (fi_dates == en_dates).all()
    assert set(fi["sukupuoli"]) == {"nainen", "mies", "muu"}
    assert set(fi["uutiskirjelupa"]) == {"kyllä", "ei"}
    assert set(fi["ensisijainen_kanava"]) == {"verkkokauppa", "myymälä", "puhelin"}
    assert set(fi["työmatka"]) <= {"auto", "bussi", "pyörä", "kävely", "juna"}
    assert "opettaja" in set(fi["ammatti"])


def test_finnish_xlsx(customers):
    wb = load_workbook(DATA / "b2c_customers_fi.xlsx")
    assert wb.sheetnames == ["Asiakkaat"]
    ws = wb["Asiakkaat"]
    assert ws.max_row == len(customers) + 1
    header = [c.value for c in ws[1]]
    assert header == FINNISH_COLUMNS
    assert all(c.font.bold for c in ws[1])
    first = [c for c in ws[2]]
    assert first[0].value == customers["customer_id"].iloc[0]
    assert isinstance(first[4].value, int)
    assert isinstance(first[17].value, float)
    assert first[20].is_date and first[20].number_format == "dd.mm.yyyy"
    assert first[20].value.strftime("%Y-%m-%d") == customers["customer_since"].iloc[0]


# ---------------------------------------------------- planted groups ----
def test_group_shares(b2c_truth, b2b_truth):
    b2c_share = b2c_truth.value_counts(normalize=True)
    assert len(b2c_share) == 4
    assert b2c_share.between(0.15, 0.35).all()
    assert b2b_truth.nunique() == 3


def test_b2c_groups_recoverable(customers, b2c_truth):
    numeric, combined = b2c_matrices(customers)
    labels = kmeans_labels(combined, 4)
    assert adjusted_rand_score(b2c_truth, labels) >= 0.85
    for matrix in (numeric, combined):
        scores = {k: silhouette(matrix, kmeans_labels(matrix, k)) for k in range(3, 9)}
        assert max(scores, key=scores.get) == 4, scores


def test_b2b_groups_recoverable(companies, b2b_truth):
    numeric, combined = b2b_matrices(companies)
    assert adjusted_rand_score(b2b_truth, kmeans_labels(combined, 3)) >= 0.85
    for matrix in (numeric, combined):
        scores = {k: silhouette(matrix, kmeans_labels(matrix, k)) for k in range(2, 9)}
        assert max(scores, key=scores.get) == 3, scores


# ------------------------------------------------------- determinism ----
def test_generator_reproduces_committed_customers():
    spec = importlib.util.spec_from_file_location("segmentti_sample_generate", DATA / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt, _ = module.make_customers(module.child_generators()["customers"])
    committed = (DATA / "b2c_customers.csv").read_text(encoding="utf-8")
    assert module.customers_csv_text(rebuilt) == committed
