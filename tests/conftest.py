"""Shared fixtures: paths to the repository, the bundled samples and the shared real data."""

from __future__ import annotations

from pathlib import Path

import pytest

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
