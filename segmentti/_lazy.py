"""Public names of a package imported on first use (PEP 562): importing a stage pays only for what is used."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """The ``__getattr__``, ``__dir__`` and ``__all__`` of a package whose public names live in its modules.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    exports : mapping of str to str
        Public name → module that defines it, relative to ``package`` (``"loading"``) or absolute.

    Returns
    -------
    (__getattr__, __dir__, __all__)
        ``__getattr__`` imports a name's module the first time the name is used and keeps the value.
    """
    namespace = importlib.import_module(package).__dict__

    def module_of(name: str) -> str:
        module = exports[name]
        return module if module.startswith("segmentti.") else f"{package}.{module}"

    def __getattr__(name: str) -> Any:  # noqa: N807
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module_of(name)), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted([*namespace, *exports])

    return __getattr__, __dir__, sorted(exports)
