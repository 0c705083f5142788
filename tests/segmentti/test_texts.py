"""The one table of texts: every key in both languages with the same placeholders, and locale choice."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from segmentti.texts import LANGUAGES, TEXTS, language_from_locale, translate

ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"{(\w+)}")


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = TEXTS[key]
    assert set(entry) == set(LANGUAGES)
    assert set(_PLACEHOLDER.findall(entry["fi"])) == set(_PLACEHOLDER.findall(entry["en"]))


def test_every_text_key_used_in_the_code_exists() -> None:
    used = set()
    for path in [*ROOT.glob("segmentti/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]:
        used |= set(
            re.findall(
                r"""(?:translate|t|SegmenttiError|next_step)\(\s*(?:[^,()]*,\s*)?["']([a-z_]+\.[a-z_0-9]+)["']""",
                path.read_text(encoding="utf-8"),
            )
        )
    assert used, "the pattern should find the keys in use"
    assert sorted(used - set(TEXTS)) == []


_CODE = ("segmentti/**/*.py", "ui/**/*.py", "pages/*.py", "app.py")

DYNAMIC_PREFIXES = frozenset(
    {
        # f-strings: the rest of the key is a value known only when the code runs
        "compare.col_",
        "contacts.reason_",
        "date_order.",
        "engine.family_",
        "engine.metric_",
        "engine.reason_",
        "family.",
        "kpi.",
        "label.",
        "link.bad_",
        "link.unknown_",
        "persona.trait_",
        "phrase.",
        "phrase.channel_",
        "persona.strength_",
        "present.step_",
        "problem.",
        "rfm.",
        "role.",
        "rule.",
        "segments.view_",
        "separator.",
        "step.",
        "treerules.op_",
        "value.band_",
        "value.unit_",
        "value.holdout_",
        "value.recency_axis_",
        "value.risk_",
        "why.",
        # state.formatter(prefix): a selectbox or radio option's label is prefix + option
        "compare.basis_",
        "data.kind_",
        "data.map_",
        "data.source_",
        "engine.projection_",
        "fix.",
        "method.",
        "rfm.bins_",
        "sample.",
    }
)
"""Beginnings of keys the code completes at run time; every key starting with one counts as used."""

_PREFIX = re.compile(r"[a-z_]+\.[a-z_0-9]*")


def _code_strings() -> tuple[set[str], set[str]]:
    """Every plain string constant of the app and library code outside the texts, and every key prefix it builds on.

    A prefix is the literal start of an f-string (``f"role.{...}"``) or the literal given to a
    ``formatter(...)`` call; the texts' own modules are left out, so defining a key is not using it.
    """
    constants: set[str] = set()
    prefixes: set[str] = set()
    for pattern in _CODE:
        for path in ROOT.glob(pattern):
            if "texts" in path.relative_to(ROOT).parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            in_fstrings = {
                id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.JoinedStr) and node.values:
                    first = node.values[0]
                    if isinstance(first, ast.Constant) and _PREFIX.fullmatch(str(first.value)):
                        prefixes.add(first.value)
                elif (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "attr", getattr(node.func, "id", "")) == "formatter"
                ):
                    prefixes |= {arg.value for arg in node.args if isinstance(arg, ast.Constant)}
                elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstrings:
                    constants.add(node.value)
    return constants, prefixes


def test_every_text_key_is_used_somewhere() -> None:
    constants, _ = _code_strings()
    unused = [key for key in TEXTS if key not in constants and not key.startswith(tuple(DYNAMIC_PREFIXES))]
    assert unused == [], "texts nobody shows: delete them, or declare the prefix the code builds them with"


def test_the_declared_dynamic_prefixes_are_the_ones_the_code_builds() -> None:
    """A new computed key must be declared above; a prefix no code builds any more must go."""
    _, prefixes = _code_strings()
    building_keys = {prefix for prefix in prefixes if any(key.startswith(prefix) for key in TEXTS)}
    assert sorted(building_keys - DYNAMIC_PREFIXES) == [], "declare these in DYNAMIC_PREFIXES"
    assert sorted(DYNAMIC_PREFIXES - prefixes) == [], "no code builds keys with these any more"


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("fi-FI", "fi"),
        ("fi", "fi"),
        ("fi_FI.UTF-8", "fi"),
        ("en-US", "en"),
        ("sv-FI", "en"),
        (None, "en"),
        ("fi-FI,fi;q=0.9,en;q=0.8", "fi"),
    ],
)
def test_language_from_locale(locale: str | None, lang: str) -> None:
    assert language_from_locale(locale) == lang


def test_translate_fills_placeholders() -> None:
    assert translate("chart.recommended", "fi", k=4) == "suositus k = 4"


def test_texts_looked_up_by_computed_keys_exist() -> None:
    from segmentti.data.columns import Role
    from segmentti.data.loading import SEPARATORS
    from segmentti.data.samples import SAMPLES

    keys = [f"role.{role.value}" for role in Role] + [f"why.{role.value}" for role in Role]
    keys += [f"sample.{name}" for name in SAMPLES] + [f"separator.{ord(sep)}" for sep in SEPARATORS]
    keys += [f"data.source_{option}" for option in ("sample", "upload")]
    assert [key for key in keys if key not in TEXTS] == []


def test_numbers_are_formatted_the_finnish_and_the_english_way() -> None:
    from segmentti.texts import format_number, format_share

    assert format_number(5000, "fi") == "5\u00a0000" and format_number(5000, "en") == "5,000"
    assert format_number(0.2849, "fi", 2) == "0,28" and format_number(0.2849, "en", 2) == "0.28"
    assert format_share(0.27, "fi") == "27,0\u00a0%" and format_share(0.27, "en") == "27.0%"
