"""Run the benchmarks under bench/, each as a whole process of its own, and print what they print.

Run from the repository root (``make bench`` runs them all)::

    .venv/bin/python bench/run.py                 # every benchmark, at the sizes they default to
    .venv/bin/python bench/run.py scan orders     # only these (bench_scan.py, bench_orders.py)
    .venv/bin/python bench/run.py --quick         # every benchmark at its smallest size: do they still run?
    .venv/bin/python bench/run.py scan -- --rows 20000   # arguments after -- go to the chosen scripts
    .venv/bin/python bench/run.py --list

A benchmark is any ``*.py`` file in this folder except this runner and names starting with ``_``,
so a new ``bench_*.py`` is picked up without touching this file. A script can declare
``QUICK_ARGS = [...]`` (a literal list of strings) for ``--quick``: the smallest sizes that still
exercise every step. Each runs in a fresh interpreter so that its memory and imports are its own.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def discover() -> dict[str, Path]:
    """Every benchmark script of this folder by short name (``bench_scan.py`` → ``scan``)."""
    scripts = sorted(path for path in BENCH.glob("*.py") if path.name != Path(__file__).name and path.name[0] != "_")
    return {path.stem.removeprefix("bench_"): path for path in scripts}


def quick_args(path: Path) -> list[str] | None:
    """The script's ``QUICK_ARGS`` literal, read without importing it (``None`` when it declares none)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "QUICK_ARGS" for target in node.targets
        ):
            return [str(value) for value in ast.literal_eval(node.value)]
    return None


def select(names: list[str], scripts: dict[str, Path]) -> list[str]:
    """The chosen short names, accepting ``scan``, ``bench_scan`` or ``bench_scan.py``; all when none given."""
    if not names:
        return list(scripts)
    chosen = []
    for name in names:
        short = Path(name).name.removesuffix(".py").removeprefix("bench_")
        if short not in scripts:
            raise SystemExit(f"error: no benchmark {name!r}; there are: {', '.join(scripts)}")
        chosen.append(short)
    return chosen


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks one after another; return 1 if any failed, else 0."""
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        argv, extra = argv[: argv.index("--")], argv[argv.index("--") + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="run each at the smallest sizes it declares")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    scripts = discover()
    if args.list:
        for name, path in scripts.items():
            print(f"{name:<16} {path.relative_to(ROOT)}")
        return 0
    failed = []
    for name in select(args.names, scripts):
        path = scripts[name]
        script_args = list(extra)
        if args.quick and not extra:
            script_args = quick_args(path) or []
        print(f"=== {path.relative_to(ROOT)} {' '.join(script_args)}".rstrip(), flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(path), *script_args], cwd=ROOT, check=False)
        seconds = time.perf_counter() - started
        status = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})"
        print(f"=== {name}: {status} in {seconds:.1f} s\n", flush=True)
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
