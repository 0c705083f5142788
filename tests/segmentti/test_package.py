"""The package's public names all resolve, and loading data does not import scikit-learn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import segmentti

ROOT = Path(__file__).resolve().parents[2]


def test_every_public_name_resolves() -> None:
    for name in segmentti.__all__:
        assert getattr(segmentti, name) is not None, name
    assert set(segmentti.__all__) <= set(dir(segmentti))


def test_loading_and_order_features_do_not_import_scikit_learn() -> None:
    code = "import sys, segmentti.data.loading, segmentti.data.orders, segmentti.data.quality; print('sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


def test_every_module_imports_on_its_own() -> None:
    """A fresh interpreter can import each library module first (no import cycle hides behind another import)."""
    modules = sorted(
        "segmentti." + ".".join(path.relative_to(ROOT / "segmentti").with_suffix("").parts)
        for path in (ROOT / "segmentti").rglob("*.py")
        if path.name not in {"__init__.py", "__main__.py"} and "ui" not in path.relative_to(ROOT / "segmentti").parts
    )
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    failed = []
    for module in modules:
        done = subprocess.run([sys.executable, "-c", code, module], capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            failed.append(f"{module}: {done.stderr.strip().splitlines()[-1]}")
    assert failed == []
