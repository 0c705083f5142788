"""Every file of the bad-input corpus gets one clear message (library) and exit status 2 (command line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from segmentti.cli import main
from segmentti.data.loading import MAX_UPLOAD_BYTES, load_table, read_file
from segmentti.data.orders import OrderMapping, build_customers
from segmentti.data.quality import assess_quality
from segmentti.errors import SegmenttiError
from segmentti.texts import LANGUAGES

CORPUS = Path(__file__).resolve().parents[2] / "data" / "bad_inputs"

LOAD_ERRORS = {
    "zero_bytes.csv": "error.empty_file",
    "only_blank_lines.csv": "error.empty_file",
    "image_renamed.csv": "error.not_a_table",
    "random_binary.csv": "error.not_a_table",
    "corrupt.xlsx": "error.bad_excel",
    "password_protected.xlsx": "error.excel_protected",
    "no_data.xlsx": "error.no_rows",
    "header_only.csv": "error.no_rows",
    "header_only.xlsx": "error.no_rows",
    "one_column.csv": "error.single_column",
    "duplicate_columns.csv": "error.duplicate_columns",
    "unterminated_quote.csv": "error.not_a_table",
    "two_tables.zip": "error.zip_members",
    "no_table.zip": "error.zip_members",
}
ORDER_ERRORS = {
    "ids_missing.csv": "error.no_customer_ids",
    "amounts_not_numbers.csv": "error.amount_not_numeric",
}
ORDER_MAPPING = OrderMapping("customer_id", "order_date", amount="amount")


def test_the_corpus_is_complete_and_regenerates_the_same_bytes() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.corpus()
    assert set(written) == {*LOAD_ERRORS, *ORDER_ERRORS, "empty_column.csv"}
    for name, data in written.items():
        assert (CORPUS / name).read_bytes() == data, name


@pytest.mark.parametrize(("name", "key"), sorted(LOAD_ERRORS.items()))
def test_bad_file_gives_its_message_in_both_languages(name: str, key: str) -> None:
    with pytest.raises(SegmenttiError) as caught:
        read_file(CORPUS / name)
    assert caught.value.key == key
    for lang in LANGUAGES:
        message = caught.value.message(lang)
        assert message and "{" not in message and "Traceback" not in message


@pytest.mark.parametrize(("name", "key"), sorted(ORDER_ERRORS.items()))
def test_bad_order_lines_give_their_message(name: str, key: str) -> None:
    with pytest.raises(SegmenttiError) as caught:
        build_customers(read_file(CORPUS / name).frame, ORDER_MAPPING)
    assert caught.value.key == key


def test_entirely_empty_column_is_reported_and_refused_as_a_criterion(capsys) -> None:
    frame = read_file(CORPUS / "empty_column.csv").frame
    problems = {(problem.kind, problem.column) for problem in assess_quality(frame).problems}
    assert ("empty_column", "tyhjä") in problems
    assert main(["scan", str(CORPUS / "empty_column.csv"), "--criteria", "tyhjä", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("error: Every chosen criterion is empty")


@pytest.mark.parametrize("name", sorted(LOAD_ERRORS))
def test_command_line_says_one_line_and_exits_2(name: str, capsys) -> None:
    assert main(["scan", str(CORPUS / name), "--lang", "fi"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


@pytest.mark.parametrize("name", sorted(ORDER_ERRORS))
def test_features_command_on_bad_order_lines_exits_2(name: str, tmp_path, capsys) -> None:
    args = ["features", str(CORPUS / name), "--customer", "customer_id", "--date", "order_date"]
    assert main([*args, "--amount", "amount", "--out", str(tmp_path / "f.csv"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert not (tmp_path / "f.csv").exists()


def test_file_over_the_upload_limit_is_refused_by_size() -> None:
    data = b"id,age\n" + b"1,30\n" * 100
    with pytest.raises(SegmenttiError) as caught:
        load_table(data, "big.csv", limit_bytes=len(data) - 1)
    assert caught.value.key == "error.too_large"
    assert "big.csv" in caught.value.message("fi")
    assert load_table(data, "big.csv", limit_bytes=len(data)).frame.shape == (100, 2)
    import tomllib

    config = tomllib.loads((CORPUS.parents[2] / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_UPLOAD_BYTES  # the app's upload limit
