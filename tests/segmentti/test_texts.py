"""The one table of texts: every key in both languages with the same placeholders, and locale choice."""

from __future__ import annotations

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
