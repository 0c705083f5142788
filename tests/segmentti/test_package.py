"""The package's public names all resolve, it imports without streamlit, and its packaging says so."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import setuptools

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "segmentti"

# import name → distribution name, where the two differ
_DISTRIBUTIONS = {"sklearn": "scikit-learn", "python_calamine": "python-calamine", "_duckdb": "duckdb"}


def _modules() -> list[str]:
    """Every module and subpackage of segmentti, by dotted name."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _third_party_imports() -> set[str]:
    """Top-level names of what segmentti's modules import from outside the standard library and itself."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in {"segmentti", "__future__"}}


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "package",
    [
        "segmentti",
        "segmentti.data",
        "segmentti.engine",
        "segmentti.engine.value",
        "segmentti.insight",
        "segmentti.outputs",
    ],
)
def test_every_public_name_resolves(package: str) -> None:
    """The package and each stage name their public API; every name there resolves to what its module defines."""
    module = importlib.import_module(package)
    assert module.__all__, package
    for name in module.__all__:
        assert getattr(module, name) is not None, f"{package}.{name}"
    assert set(module.__all__) <= set(dir(module))
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


def test_loading_and_order_features_do_not_import_scikit_learn() -> None:
    code = "import sys, segmentti.data.loading, segmentti.data.orders, segmentti.data.quality; print('sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


def test_the_app_frame_and_the_other_pages_glue_load_no_value_models() -> None:
    """The customer-value models (scipy's optimiser) cost nothing until the value page runs."""
    code = (
        "import sys, ui.state, ui.widgets, ui.cached, ui.engine, ui.personas, ui.value, segmentti.insight.personas\n"
        "print(sorted(name for name in sys.modules if name.startswith('segmentti.engine.value.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_the_whole_library_imports_without_streamlit() -> None:
    """Every subpackage and module of segmentti, imported in one fresh interpreter, leaves streamlit out."""
    modules = _modules()
    assert {"segmentti.data", "segmentti.engine", "segmentti.insight", "segmentti.outputs", "segmentti.cli"} <= set(
        modules
    )
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'streamlit'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *modules], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_every_module_imports_on_its_own() -> None:
    """Each library module can be imported first (no import cycle hides behind another import).

    One interpreter forgets every segmentti module before importing the next one: third-party
    packages stay loaded, which keeps this fast and cannot hide a cycle inside segmentti.
    """
    code = (
        "import importlib, sys, traceback\n"
        "for name in sys.argv[1:]:\n"
        "    for loaded in [m for m in sys.modules if m == 'segmentti' or m.startswith('segmentti.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        print(f'{name}: {error!r}')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *_modules()], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_installing_the_library_pulls_no_streamlit_and_everything_it_imports() -> None:
    project = _project()["project"]
    required = {
        dep.split(";")[0].split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip().lower()
        for dep in project["dependencies"]
    }
    assert "streamlit" not in required
    # an extra other than the app's may bring what one optional engine imports (pyspark for --engine spark)
    required |= {
        dep.split("=")[0].split(">")[0].strip().lower()
        for extra, deps in project["optional-dependencies"].items()
        if extra != "app"
        for dep in deps
    }
    needed = {_DISTRIBUTIONS.get(name, name).lower() for name in _third_party_imports()}
    assert needed - required == set(), "segmentti imports these but pyproject.toml does not depend on them"
    assert any(dep.startswith("streamlit") for dep in project["optional-dependencies"]["app"])


def test_only_the_library_is_packaged() -> None:
    """The app's glue (ui/, pages/) and the tests stay out of a built wheel."""
    include = _project()["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = set(setuptools.find_packages(where=str(ROOT), include=include))
    assert packages == {name for name in _modules() if (ROOT / name.replace(".", "/")).is_dir()}
    assert "ui" not in packages and not any(name.startswith("tests") for name in packages)
