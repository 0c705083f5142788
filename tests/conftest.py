"""Shared fixtures: paths to the repository, the bundled samples and the shared real data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from threadpoolctl import threadpool_limits

# One native thread per test process (and the app or CLI processes tests start): on 2 shared
# cores, OpenMP and OpenBLAS threads spin against each other and against other work, and a
# scikit-learn fit ran up to 12× slower with two threads than with one. The library itself
# clusters single-threaded for the same reason, so the tests measure what users run.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
threadpool_limits(limits=int(os.environ["OMP_NUM_THREADS"]))  # the libraries already loaded read no variables
# The app prepares the sample's Segments view in a background thread (ui/warmup.py): not in tests,
# which count and time what their own runs compute.
os.environ.setdefault("SEGMENTTI_PREPARE_SAMPLE", "0")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "sample_data"
REALDATA = ROOT.parent / "shared" / "realdata"


@pytest.fixture
def mall_customers_path() -> Path:
    """The Mall Customers teaching set from ../shared/realdata (skipped where that folder is absent)."""
    path = REALDATA / "Mall_Customers.csv"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    return path


@pytest.fixture(scope="session")
def b2c_subset_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every fifth customer of the bundled b2c sample (1,000 rows, the planted groups at a fifth of their size).

    The lines are copied as they are, so the file reads exactly like the sample; for tests where
    the sample's size is not the point (a segmentation of 5,000 customers costs seconds more).
    """
    header, *rows = (SAMPLE_DIR / "b2c_customers.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path_factory.mktemp("samples") / "b2c_customers_1000.csv"
    path.write_text(header + "".join(rows[::5]), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def online_retail_table():
    """UCI Online Retail (541,909 order lines) read once per test run the way the app reads it.

    Skipped where the shared real data is absent. Tests must not change the frame.
    """
    from segmentti.data.loading import read_file

    path = REALDATA / "online_retail.csv.gz"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    return read_file(path)
