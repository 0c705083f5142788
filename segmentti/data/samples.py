"""The bundled sample data sets, loaded by name."""

from __future__ import annotations

from pathlib import Path

from segmentti.data.loading import Table, read_file

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"
"""Where the sample files live (written by ``sample_data/generate.py``)."""

SAMPLES: dict[str, str] = {
    "b2c_customers": "b2c_customers.csv",
    "b2b_companies": "b2b_companies.csv",
    "b2c_customers_fi_xlsx": "b2c_customers_fi.xlsx",
    "b2c_customers_fi_csv": "b2c_customers_fi.csv",
    "b2c_orders": "b2c_orders.csv.gz",
}
"""Sample name → file in :data:`SAMPLE_DIR`; the names' titles are texts ``sample.<name>``."""

SAMPLE_SETS: dict[str, tuple[str, ...]] = {
    "b2c_customers_orders": ("b2c_customers.csv", "b2c_orders.csv.gz"),
}
"""Samples of several files that share a customer id (joined on the data page); titles ``sample.<name>``."""

DEFAULT_SAMPLE = "b2c_customers"


def sample_files(name: str) -> tuple[str, ...]:
    """The files in :data:`SAMPLE_DIR` that make up sample ``name`` (of :data:`SAMPLES` or :data:`SAMPLE_SETS`)."""
    return SAMPLE_SETS[name] if name in SAMPLE_SETS else (SAMPLES[name],)


def load_sample(name: str = DEFAULT_SAMPLE) -> Table:
    """Load the sample data set ``name`` (a key of :data:`SAMPLES`) as a :class:`Table`."""
    return read_file(SAMPLE_DIR / SAMPLES[name])
