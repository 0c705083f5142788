"""Commands load only what they use: measured in fresh interpreters, as a user starts them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sklearn", "scipy", "openpyxl", "xlsxwriter", "plotly", "streamlit")


def _loaded_after(argv: list[str]) -> list[str]:
    """Top-level packages loaded by running the command line with ``argv`` in a fresh interpreter."""
    code = (
        "import json, sys\n"
        "from segmentti.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_help_loads_no_data_or_learning_library() -> None:
    loaded = _loaded_after(["--help"])
    assert "segmentti" in loaded
    assert not {"pandas", "numpy", "pyarrow", *HEAVY} & set(loaded)


def test_features_loads_no_learning_workbook_or_app_library(tmp_path: Path) -> None:
    lines = tmp_path / "lines.csv"
    lines.write_text("customer,date,amount\nA,2025-01-01,10\nA,2025-02-01,5\nB,2025-01-03,7\n", encoding="utf-8")
    out = tmp_path / "customers.csv"
    argv = ["features", str(lines), "--customer", "customer", "--date", "date", "--amount", "amount"]
    loaded = _loaded_after([*argv, "--out", str(out)])
    assert out.exists() and "duckdb" in loaded and "pandas" not in loaded  # DuckDB builds the features
    assert not set(HEAVY) & set(loaded)
