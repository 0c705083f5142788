"""The command line as an owner or a script uses it: outputs, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from segmentti.cli import main

ROOT = Path(__file__).resolve().parents[2]
MALL_CRITERIA = "Annual Income (k$),Spending Score (1-100)"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "segmentti", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def test_segment_writes_every_row_with_its_segment_and_a_summary(tmp_path: Path, b2c_subset_path: Path) -> None:
    done = _run("segment", str(b2c_subset_path), "--out", str(tmp_path / "out"), "--k", "4", "--lang", "fi")
    assert done.returncode == 0, done.stderr
    assert "1\u00a0000 asiakasta jaettu 4 segmenttiin" in done.stdout
    segments = pd.read_csv(tmp_path / "out" / "segments.csv")
    original = pd.read_csv(b2c_subset_path)
    assert list(segments.columns) == [*original.columns, "segment", "segment_name"]
    assert segments["customer_id"].tolist() == original["customer_id"].tolist()
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["k"] == 4 and summary["method"] == "kmeans" and summary["n_customers"] == 1000
    assert "customer_id" not in summary["criteria"] and "age" in summary["criteria"]
    sizes = segments["segment"].value_counts().sort_index().tolist()
    assert [s["size"] for s in summary["segments"]] == sizes
    assert sum(s["share"] for s in summary["segments"]) == pytest.approx(1.0)
    assert summary["segments"][0]["name"] == segments.loc[segments["segment"] == 1, "segment_name"].iloc[0]
    assert 0 < summary["metrics"]["silhouette"] < 1


def test_segment_auto_k_and_scan_json_on_mall_customers(mall_customers_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["scan", str(mall_customers_path), "--criteria", MALL_CRITERIA, "--json"]) == 0
    scan = json.loads(capsys.readouterr().out)
    assert scan["recommended_k"] == 5 and scan["clear_structure"] is True
    assert [row["k"] for row in scan["scores"]] == list(range(2, 11))
    assert set(scan["scores"][0]) == {
        "k",
        "inertia",
        "silhouette",
        "calinski_harabasz",
        "davies_bouldin",
        "stability",
        "bic",
        "smallest_size",
        "reference_silhouette",
        "reference_spread",
        "excess_over_reference",
        "weakest_silhouette",
        "separation",
    }
    assert main(["segment", str(mall_customers_path), "--criteria", MALL_CRITERIA, "--out", str(tmp_path)]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["k"] == 5 and summary["k_selection"] == "auto"
    assert [s["size"] for s in summary["segments"]] == [81, 39, 35, 23, 22]


def test_scan_table_marks_the_recommended_k(mall_customers_path: Path, capsys) -> None:
    assert main(["scan", str(mall_customers_path), "--criteria", MALL_CRITERIA, "--k-max", "6"]) == 0
    out = capsys.readouterr().out
    assert "recommended_k: 5" in out
    assert any(line.strip().startswith("5 ") and line.endswith("*") for line in out.splitlines())


def test_excel_input_with_sheet(tmp_path: Path, b2c_subset_path: Path) -> None:
    xlsx = tmp_path / "asiakkaat.xlsx"
    customers = pd.read_csv(b2c_subset_path).head(300)
    with pd.ExcelWriter(xlsx) as writer:  # the customers are not on the first sheet
        pd.DataFrame({"ohje": ["Asiakkaat ovat toisella välilehdellä"]}).to_excel(
            writer, sheet_name="Ohje", index=False
        )
        customers.to_excel(writer, sheet_name="Asiakkaat", index=False)
    out = tmp_path / "out"
    assert main(["segment", str(xlsx), "--sheet", "Asiakkaat", "--k", "3", "--out", str(out)]) == 0
    segments = pd.read_csv(out / "segments.csv")
    assert segments["customer_id"].tolist() == customers["customer_id"].tolist()


@pytest.mark.parametrize(
    ("content", "args", "english"),
    [
        (b"", [], "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", [], "is not a table"),
        (b"age,income\n30,1\n40,2\n", ["--k", "3"], "3 segments need at least 3 customers"),
        (b"id,a,b\n1,,\n2,,\n3,,\n", ["--criteria", "a,b", "--k", "2"], "Every chosen criterion is empty"),
        (b"age,income\n30,1\n40,2\n50,3\n", ["--criteria", "agee"], "The data has no column: agee"),
        (b"age,income\n30,1\n40,2\n50,3\n", ["--k", "x"], "--k needs a whole number"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(tmp_path: Path, capsys, content: bytes, args, english: str) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    status = main(["segment", str(path), "--out", str(tmp_path / "out"), "--lang", "en", *args])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("error: ") and err.count("\n") == 1
    assert english in err


def test_real_process_errors_in_finnish_without_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "tyhja.csv"
    empty.write_bytes(b"")
    done = _run("scan", str(empty), "--lang", "fi")
    assert done.returncode == 2
    assert done.stderr.startswith("error: Tiedosto tyhja.csv on tyhjä.")
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_usage_and_missing_file_errors_are_one_line_and_status_2(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["segment", str(tmp_path / "any.csv")])
    err = capsys.readouterr().err
    assert usage.value.code == 2 and err.startswith("error: ") and "--out" in err and err.count("\n") == 1
    assert main(["scan", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "nope.csv" in err and err.count("\n") == 1


# --- the engine's options: --method, --weights, --rules ---------------------------------------


def _run_cli(tmp_path: Path, *args: str) -> tuple[int, dict | None]:
    from segmentti.cli import main

    code = main(["segment", *args, "--out", str(tmp_path)])
    summary_path = tmp_path / "summary.json"
    return code, json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.exists() else None


def test_segment_with_each_method(tmp_path: Path, b2c_subset_path: Path) -> None:
    sample = str(b2c_subset_path)
    code, summary = _run_cli(tmp_path / "gmm", sample, "--method", "gmm")
    assert code == 0 and summary["method"] == "gmm" and summary["k"] == 4 and summary["k_selection"] == "auto"
    labelled = pd.read_csv(tmp_path / "gmm" / "segments.csv")
    assert labelled["membership"].between(0, 1).all()
    code, summary = _run_cli(tmp_path / "hdb", sample, "--method", "hdbscan")
    assert code == 0 and summary["k_selection"] == "method"
    assert summary["segments"][-1]["name"].endswith("Unassigned")
    code, summary = _run_cli(
        tmp_path / "ward", sample, "--method", "ward", "--k", "3", "--weights", "demographic=2,region=0"
    )
    assert code == 0 and summary["k"] == 3 and "region" not in summary["criteria"]


def test_segment_by_rules_file_and_rfm_from_order_lines(tmp_path: Path, b2c_subset_path: Path) -> None:
    root = Path(__file__).resolve().parents[2] / "sample_data"
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps(
            {"rules": [{"name": "Seniors", "conditions": [{"column": "age", "operator": ">=", "values": [65]}]}]}
        ),
        encoding="utf-8",
    )
    code, summary = _run_cli(tmp_path / "rules", str(b2c_subset_path), "--method", "rules", "--rules", str(rules))
    # the rule names are the segment names everywhere: summary, segments.csv and the persona report
    assert code == 0 and [segment["name"] for segment in summary["segments"]] == ["Seniors", "Others"]
    labelled = pd.read_csv(tmp_path / "rules" / "segments.csv")
    assert set(labelled.loc[labelled["age"] >= 65, "segment_name"]) == {"Seniors"}
    assert "Seniors" in (tmp_path / "rules" / "personas.md").read_text(encoding="utf-8")
    code, summary = _run_cli(tmp_path / "rfm", str(root / "b2c_orders.csv.gz"), "--method", "rfm", "--lang", "fi")
    assert code == 0 and summary["method"] == "rfm" and summary["segments"][0]["name"] == "Mestarit"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weights", "hobbies=2"], "hobbies is neither a criteria family nor a column"),
        (["--weights", "age"], "--weights expects FAMILY=WEIGHT"),
        (["--method", "rules"], "Add at least one rule"),
        (["--method", "rules", "--rules", "/nonexistent/rules.json"], "cannot be read"),
        (["--method", "rfm"], "RFM needs the columns"),
    ],
)
def test_engine_options_bad_input_is_one_error_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str, b2c_subset_path: Path
) -> None:
    from segmentti.cli import main

    sample = str(b2c_subset_path)
    assert main(["segment", sample, "--out", str(tmp_path), *args]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and message in error and error.count("\n") == 1


def test_scan_with_a_method_that_has_no_k_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from segmentti.cli import main

    sample = str(Path(__file__).resolve().parents[2] / "sample_data" / "b2c_customers.csv")
    assert main(["scan", sample, "--method", "hdbscan"]) == 2
    assert "cannot scan" in capsys.readouterr().err


def test_segment_also_writes_personas_report_workbook_and_lists(tmp_path: Path, b2c_subset_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out"
    assert main(["segment", str(b2c_subset_path), "--out", str(out), "--k", "3", "--lang", "en"]) == 0
    segments = pd.read_csv(out / "segments.csv")
    book = load_workbook(out / "segments.xlsx", read_only=True)
    assert book.sheetnames[:2] == ["Summary", "Personas"] and len(book.sheetnames) == 5
    lists = sorted((out / "lists").glob("*.csv"))
    assert [path.name[:3] for path in lists] == ["01_", "02_", "03_"]
    original = pd.read_csv(b2c_subset_path)
    consenting = original["newsletter_consent"].eq("yes")
    listed = pd.concat([pd.read_csv(path) for path in lists])
    assert list(listed.columns) == ["Email Address", "First Name", "Last Name", "Tags"]
    assert len(listed) == original.loc[consenting, "email"].str.lower().nunique()
    names = segments.drop_duplicates("segment").sort_values("segment")["segment_name"].tolist()
    report = (out / "personas.md").read_text(encoding="utf-8")
    assert report.startswith("# Customer personas") and report.count("\n## ") == 1 + 3
    assert (out / "report.html").read_text(encoding="utf-8").count("<section class='persona'") == 3
    assert len(names) == 3


# --- help and the scan table in both languages -------------------------------------------------


@pytest.mark.parametrize("command", [[], ["segment"], ["scan"], ["features"]])
@pytest.mark.parametrize(
    ("lang_args", "env", "expected", "absent"),
    [
        (["--lang", "fi"], {}, ["käyttö: segmentti", "valinnat:", "näytä tämä ohje ja lopeta"], "usage:"),
        (["--lang=en"], {"LANG": "fi_FI.UTF-8"}, ["usage: segmentti", "options:", "show this help"], "käyttö"),
        ([], {"LANG": "fi_FI.UTF-8"}, ["käyttö: segmentti", "valinnat:"], "usage:"),
        ([], {"LANG": "C.UTF-8"}, ["usage: segmentti", "options:"], "käyttö"),
    ],
)
def test_help_speaks_the_chosen_language(
    command: list[str], lang_args: list[str], env: dict, expected: list[str], absent: str, capsys, monkeypatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    # --lang may stand before or after the subcommand and before or after --help
    for argv in ([*lang_args, *command, "--help"], [*command, "--help", *lang_args]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert all(text in out for text in expected), out
        assert absent not in out


def test_every_subcommand_option_has_finnish_help(capsys) -> None:
    finnish = {
        "segment": ["segmentoinnin sarakkeet", "kansio, johon segments.csv", "tilausrivien asiakastunnussarake"],
        "scan": ["pienin k (oletus 2)", "suurin k (oletus 10)", "tulosta pisteet JSON-muodossa"],
        "features": ["CSV-tiedosto, johon asiakkaat kirjoitetaan", "tiedoston lukeminen (oletus: tunnistetaan)"],
    }
    for command, texts in finnish.items():
        with pytest.raises(SystemExit):
            main([command, "--help", "--lang", "fi"])
        out = capsys.readouterr().out
        assert all(text in " ".join(out.split()) for text in texts), out


def test_a_usage_error_points_to_the_help_in_the_chosen_language(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["segment", "input.csv", "--lang", "fi"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "--out" in err and "katso: python -m segmentti segment --help" in err


def test_scan_table_headings_and_numbers_in_finnish(mall_customers_path: Path, capsys) -> None:
    args = ["scan", str(mall_customers_path), "--criteria", MALL_CRITERIA, "--k-max", "6"]
    assert main([*args, "--lang", "fi"]) == 0
    lines = capsys.readouterr().out.splitlines()
    heading = lines[1].split()
    assert heading == ["k", "inertia", "siluetti", "Calinski–Harabasz", "Davies–Bouldin", "vakaus"]
    assert "suositeltu k: 5" in lines
    five = next(line for line in lines if line.split()[:1] == ["5"])
    assert five.endswith("*") and "," in five.split()[2] and "." not in five
    assert main([*args, "--lang", "en"]) == 0
    english = capsys.readouterr().out.splitlines()
    assert english[1].split() == ["k", "inertia", "silhouette", "calinski_harabasz", "davies_bouldin", "stability"]
    # the columns line up under their headings: every row as wide as the heading line
    assert {len(line.removesuffix("  *")) for line in english[1:7]} == {len(english[1])}
