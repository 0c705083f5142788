"""The benchmark runner finds every script under bench/, picks them by name and knows their smallest sizes."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _runner():
    spec = importlib.util.spec_from_file_location("bench_runner", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_benchmark_script_is_found_and_declares_quick_sizes() -> None:
    runner = _runner()
    scripts = runner.discover()
    assert {"orders", "scan", "segments_page", "personas_exports"} <= set(scripts)
    assert "run" not in scripts
    for name, path in scripts.items():
        args = runner.quick_args(path)
        assert args and all(isinstance(arg, str) for arg in args), name


@pytest.mark.parametrize("given", ["scan", "bench_scan", "bench_scan.py", "bench/bench_scan.py"])
def test_a_benchmark_is_picked_by_any_form_of_its_name(given: str) -> None:
    runner = _runner()
    assert runner.select([given], runner.discover()) == ["scan"]


def test_an_unknown_benchmark_is_a_one_line_error() -> None:
    done = subprocess.run(
        [sys.executable, "bench/run.py", "nosuch"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode != 0
    assert "no benchmark 'nosuch'" in done.stderr and "scan" in done.stderr


def test_a_new_bench_script_is_run_with_the_arguments_after_the_dashes(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    runner = _runner()
    (tmp_path / "bench_echo.py").write_text("import sys\nprint('echo', *sys.argv[1:])\n", encoding="utf-8")
    (tmp_path / "bench_fails.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    runner.BENCH = tmp_path
    runner.ROOT = tmp_path
    assert runner.main(["echo", "--", "--rows", "7"]) == 0
    assert "echo --rows 7" in capfd.readouterr().out
    assert runner.main(["echo", "fails"]) == 1
    assert "fails: FAILED (exit 3)" in capfd.readouterr().out
