"""Commands load only what they use: measured in fresh interpreters, as a user starts them."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sklearn", "scipy", "openpyxl", "xlsxwriter", "plotly", "streamlit")


def _loaded_after(argv: list[str], *, modules: bool = False) -> list[str]:
    """Top-level packages (every module with ``modules``) loaded by running the command line with ``argv``.

    Run in a fresh interpreter.
    """
    code = (
        "import json, sys\n"
        "from segmentti.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(json.dumps(sorted({{name if {modules!r} else name.split('.')[0] for name in sys.modules}})))\n"
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
    assert out.exists() and "_duckdb" in loaded and "pandas" not in loaded  # DuckDB builds the features
    assert not set(HEAVY) & set(loaded)


def test_scan_loads_no_segment_naming_project_or_tree_code(mall_customers_path) -> None:
    loaded = set(_loaded_after(["scan", str(mall_customers_path), "--json"], modules=True))
    assert {"segmentti.engine.scanning", "sklearn.cluster"} <= loaded
    unused = {"segmentti.engine.workflow", "segmentti.insight.personas", "segmentti.project.replay"}
    assert not (unused | {"scipy.cluster.hierarchy"}) & loaded


def test_the_process_exits_with_mains_status_after_freezing_what_is_left(monkeypatch) -> None:
    import gc

    import segmentti.cli as cli
    from segmentti.cli import process

    calls: list[str] = []
    monkeypatch.setattr(process, "_alone", False)  # put back after the test: this interpreter runs on
    monkeypatch.setattr(cli, "main", lambda: calls.append(f"main alone={process._alone}") or 2)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    with pytest.raises(SystemExit) as exited:
        cli.command_line()
    assert exited.value.code == 2 and calls == ["main alone=True", "freeze"]


def test_libraries_load_with_the_collector_paused_only_in_an_interpreter_of_one_command(monkeypatch) -> None:
    import gc

    from segmentti.cli import process

    frozen = gc.get_freeze_count()
    with process.libraries_loading():  # the tests' interpreter runs on: nothing changes
        assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    monkeypatch.setattr(process, "_alone", True)
    try:
        with pytest.raises(ValueError), process.libraries_loading():
            assert not gc.isenabled()
            raise ValueError("an import failed")
        assert gc.isenabled() and gc.get_freeze_count() > frozen
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_scan_in_its_own_process_scores_as_one_called_from_python(mall_customers_path, capsys) -> None:
    from segmentti.cli import main

    argv = ["scan", str(mall_customers_path), "--criteria", "Annual Income (k$),Spending Score (1-100)", "--json"]
    assert main(argv) == 0
    alone = subprocess.run([sys.executable, "-m", "segmentti", *argv], capture_output=True, text=True, cwd=ROOT)
    assert alone.returncode == 0, alone.stderr
    assert json.loads(alone.stdout) == json.loads(capsys.readouterr().out)


def test_python_m_and_the_installed_script_run_the_same_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["segmentti"] == "segmentti.cli:command_line"
    done = subprocess.run(
        [sys.executable, "-m", "segmentti", "scan", "missing.csv", "--json"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 2 and done.stdout == "" and done.stderr.count("error:") == 1
