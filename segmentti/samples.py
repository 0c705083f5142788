"""The bundled sample data sets, loaded by name."""

from __future__ import annotations

from pathlib import Path

from segmentti.loading import Table, read_file

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
"""Where the sample files live (written by ``sample_data/generate.py``)."""

SAMPLES: dict[str, str] = {
    "b2c_customers": "b2c_customers.csv",
    "b2b_companies": "b2b_companies.csv",
    "b2c_customers_fi_xlsx": "b2c_customers_fi.xlsx",
    "b2c_customers_fi_csv": "b2c_customers_fi.csv",
}
"""Sample name → file in :data:`SAMPLE_DIR`; the names' titles are texts ``sample.<name>``."""

DEFAULT_SAMPLE = "b2c_customers"


def load_sample(name: str = DEFAULT_SAMPLE) -> Table:
    """Load the sample data set ``name`` (a key of :data:`SAMPLES`) as a :class:`Table`."""
    return read_file(SAMPLE_DIR / SAMPLES[name])
