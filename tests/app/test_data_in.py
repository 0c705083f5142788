"""The data and quality pages through app.py: order lines, joined files, detection overrides, roles and fixes."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")

ORDER_LINES = (
    "asiakasnro;pvm;summa;kanava\n"
    "A1;01.01.2025;100,00;verkko\n"
    "A1;15.01.2025;50,00;kauppa\n"
    "A2;02.01.2025;20,00;verkko\n"
    "A2;03.01.2025;-5,00;verkko\n"
    ";04.01.2025;9,00;verkko\n"
).encode("cp1252")


def _app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


def _upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.radio(key="data_source").set_value("upload").run()
    return at.file_uploader(key="upload").set_value([(name, data, "text/csv") for name, data in files]).run()


def _working(at: AppTest):
    return at.session_state["dataset"]


def test_order_lines_sample_becomes_one_row_per_customer() -> None:
    at = _app()
    at.selectbox(key="sample_choice").set_value("b2c_orders").run()
    assert not at.exception and not at.error
    frame = _working(at).table.frame
    assert frame["customer_id"].is_unique and "recency_days" in frame.columns
    assert any("looks like order lines" in info.value for info in at.info)
    assert any(f"→ {len(frame):,} customers" in message.value for message in at.success)
    at.switch_page("pages/criteria.py").run()
    assert not at.exception
    assert any(option.startswith("recency_days") for option in at.multiselect(key="criteria_choice").options)


def test_customers_joined_with_their_order_lines_sample() -> None:
    at = _app("fi")
    at.selectbox(key="sample_choice").set_value("b2c_customers_orders").run()
    assert not at.exception and not at.error
    frame = _working(at).table.frame
    assert len(frame) == 5000 and {"age", "total_spend", "channel_share_webshop"} <= set(frame.columns)
    assert any("yhdistettiin" in info.value for info in at.info)
    at.switch_page("pages/segments.py").run()
    assert not at.exception


def test_uploaded_finnish_order_lines_with_as_of_date_and_left_out_lines() -> None:
    at = _upload(_app(), ("tilaukset.csv", ORDER_LINES))
    assert not at.exception and not at.error
    frame = _working(at).table.frame.set_index("asiakasnro")
    assert frame.loc["A1", "total_spend"] == 150.0 and frame.loc["A2", "returns"] == 1
    assert any(caption.value == "1 lines without a customer id were left out." for caption in at.caption)
    digest = _working(at).digest
    [as_of] = at.date_input
    as_of.set_value("2025-03-01").run()
    assert _working(at).table.frame.set_index("asiakasnro").loc["A1", "recency_days"] == 45
    assert _working(at).digest != digest


def test_a_file_can_be_read_as_customers_instead_and_detection_overridden() -> None:
    at = _upload(_app(), ("tilaukset.csv", ORDER_LINES))
    [kind] = [radio for radio in at.radio if radio.key and radio.key.endswith("_kind")]
    kind.set_value("customers").run()
    assert len(_working(at).table.frame) == 5
    [decimal] = [box for box in at.selectbox if box.key and box.key.endswith("_dec")]
    decimal.set_value(".").run()
    assert not at.exception
    assert _working(at).table.decimal == "."


def test_ambiguous_dates_are_pointed_out() -> None:
    at = _upload(_app(), ("d.csv", b"id,joined,age\n1,01/02/2025,30\n2,03/04/2025,40\n"))
    assert any("do not show whether the day or the month comes first" in warning.value for warning in at.warning)


def test_two_files_are_joined_and_unmatched_ids_reported() -> None:
    crm = b"customer_id,age,region\nC1,30,Uusimaa\nC2,40,Pirkanmaa\nC3,50,Uusimaa\n"
    survey = b"customer_id,nps,interest\nC2,9,sport\nC3,7,culture\nC9,3,sport\n"
    at = _upload(_app(), ("crm.csv", crm), ("survey.csv", survey))
    assert not at.exception and not at.error
    frame = _working(at).table.frame
    assert list(frame.columns) == ["customer_id", "age", "region", "nps", "interest"] and len(frame) == 3
    [joined] = [info.value for info in at.info if "joined" in info.value]
    assert "2 customers found in both" in joined and "C1" in joined and "C9" in joined


def test_column_roles_and_families_can_be_corrected() -> None:
    at = _app()
    editor_key = f"column_editor_{_working(at).digest[:12]}_en"
    columns = list(_working(at).table.frame.columns)
    at.session_state[editor_key] = {
        "edited_rows": {columns.index("age"): {"role": "ignore"}, columns.index("gender"): {"family": "psychographic"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    assert at.session_state["column_overrides"]["age"] == {"role": "ignore"}
    assert at.session_state["column_overrides"]["gender"] == {"family": "psychographic"}


def test_quality_page_fixes_a_copy_and_lists_the_steps() -> None:
    data = b"customer_id,email,age\nC1,a@x.fi,30\nC1,a@x.fi,30\nC2,not-an-address,41\nC3,c@x.fi,\nC4,d@x.fi,38\n"
    at = _upload(_app(), ("asiakkaat.csv", data))
    at.switch_page("pages/quality.py").run()
    assert not at.exception
    assert [element.value for element in at.title] == ["Data quality"]
    labels = {box.label: box for box in at.selectbox}
    assert "1 rows are copies of another row." in labels
    labels["1 rows are copies of another row."].set_value("drop_duplicate_rows").run()
    labels = {box.label: box for box in at.selectbox}
    labels["email: 1 addresses are not valid email addresses."].set_value("drop_invalid_emails").run()
    working = _working(at)
    assert working.table.frame["customer_id"].tolist() == ["C1", "C3", "C4"]
    assert [step.text("en") for step in working.steps] == [
        "Dropped 1 duplicate rows.",
        "Dropped 1 rows whose email is not a valid address.",
    ]
    assert len(at.session_state["source_dataset"].table.frame) == 5  # the upload itself is untouched
    at.switch_page("pages/data.py").run()
    assert "asiakkaat.csv, loaded before, is in use." in at.caption[0].value
    at.switch_page("pages/quality.py").run()
    assert len(_working(at).table.frame) == 3  # the fixes hold across pages


def test_quality_page_in_finnish_on_clean_sample() -> None:
    at = _app("fi")
    at.switch_page("pages/quality.py").run()
    assert not at.exception and [element.value for element in at.title] == ["Aineiston laatu"]


def test_workbook_sheet_can_be_chosen() -> None:
    import io

    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Raportti"
    workbook.active.append(["Asiakasraportti"])
    workbook.active.append(["tunnus", "ikä"])
    workbook.active.append(["A1", 30])
    workbook.active.append(["A2", 40])
    second = workbook.create_sheet("Kysely")
    second.append(["tunnus", "nps", "ryhmä"])
    for row in (["A1", 9, "x"], ["A2", 7, "y"], ["A3", 5, "x"]):
        second.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    at = _upload(_app(), ("kirja.xlsx", buffer.getvalue()))
    assert not at.exception and not at.error
    assert list(_working(at).table.frame.columns) == ["tunnus", "ikä"]  # title row skipped
    [sheet] = [box for box in at.selectbox if box.key and box.key.endswith("_sheet")]
    assert sheet.options == ["Raportti", "Kysely"]
    sheet.set_value("Kysely").run()
    assert not at.exception
    assert list(_working(at).table.frame.columns) == ["tunnus", "nps", "ryhmä"]
    assert _working(at).table.sheet == "Kysely"


def test_online_retail_uploaded_as_a_user_does() -> None:
    import pytest

    path = ROOT.parent / "shared" / "realdata" / "online_retail.csv.gz"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    at = _upload(_app(), ("online_retail.csv.gz", path.read_bytes()))
    assert not at.exception and not at.error
    frame = _working(at).table.frame
    assert len(frame) == 4338 and round(frame["gross_spend"].sum(), 2) == 8_911_407.90
    assert int(frame["lines"].sum()) == 397_884
    assert any(caption.value == "135,080 lines without a customer id were left out." for caption in at.caption)


def test_bad_order_lines_get_their_message_and_the_data_stays() -> None:
    corpus = ROOT / "tests" / "data" / "bad_inputs"
    at = _upload(_app("fi"), ("summat.csv", (corpus / "amounts_not_numbers.csv").read_bytes()))
    [kind] = [radio for radio in at.radio if radio.key and radio.key.endswith("_kind")]
    assert kind.value == "customers"  # a text amount column is not recognised as order lines
    kind.set_value("orders").run()
    [amount] = [box for box in at.selectbox if box.key and box.key.endswith("_amount")]
    amount.set_value("amount").run()
    assert not at.exception
    assert at.error[0].value.startswith("Sarakkeessa amount pitää olla lukuja")
    assert "'ten euros'" in at.error[0].value
    assert len(_working(at).table.frame) == 3  # the file as customers, loaded before, stays in use

    at = _upload(_app("en"), ("ids.csv", (corpus / "ids_missing.csv").read_bytes()))
    [kind] = [radio for radio in at.radio if radio.key and radio.key.endswith("_kind")]
    kind.set_value("orders").run()
    assert not at.exception
    assert at.error[0].value == (
        "The column customer_id holds no customer ids, so the lines cannot be put together per customer."
    )


def test_loading_other_data_forgets_everything_chosen_for_the_data_before() -> None:
    from ui import state

    at = _app()
    columns = list(_working(at).table.frame.columns)
    at.session_state[state.column_editor_key(_working(at).digest, "en")] = {
        "edited_rows": {columns.index("age"): {"role": "ignore"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert at.session_state[state.OVERRIDES] == {"age": {"role": "ignore"}}
    at.switch_page("pages/criteria.py").run()
    at.multiselect(key=state.CRITERIA_CHOICE).set_value(["distance_to_store_km", "interest_sport"]).run()
    at.slider(key=state.family_weight_key("psychographic")).set_value(2.0).run()
    at.switch_page("pages/rules.py").run()
    at.session_state[state.rules_editor_key(0)] = {
        "edited_rows": {0: {"rule": "Omat"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.switch_page("pages/segments.py").run()
    at.selectbox(key=state.METHOD_CHOICE).set_value("gmm").run()
    at.select_slider(key=state.K_CHOICE).set_value(3).run()
    at.session_state[state.LANG] = "fi"  # what the sidebar's switch does (hidden from AppTest after a page switch)
    at.switch_page("pages/personas.py").run()
    at.text_input[0].set_value("Omat asiakkaat").run()
    assert not at.exception
    chosen = {key: at.session_state[key] for key in (state.CRITERIA, state.METHOD, state.K)}
    assert chosen == {state.CRITERIA: ["distance_to_store_km", "interest_sport"], state.METHOD: "gmm", state.K: 3}
    assert at.session_state[state.FAMILY_WEIGHTS]["psychographic"] == 2.0
    assert at.session_state[state.RULES][0].name == "Omat"
    [edits] = [edits for edits in at.session_state[state.PERSONA_EDITS].values() if edits]
    assert edits[1]["name"] == "Omat asiakkaat"
    assert state.segmentation_identity(at.session_state) is not None

    at.switch_page("pages/data.py").run()
    at.selectbox(key=state.SAMPLE_CHOICE).set_value("b2b_companies").run()
    assert not at.exception and _working(at).label == "b2b_companies.csv"
    for key in (
        state.OVERRIDES,
        state.CRITERIA,
        state.CRITERIA_CHOICE,
        state.FAMILY_WEIGHTS,
        state.RULES,
        state.RULES_TABLE,
        state.METHOD,
        state.METHOD_CHOICE,
        state.K,
        state.K_CHOICE,
        state.K_RANGE,
        state.PERSONA_EDITS,
        state.family_weight_key("psychographic"),
    ):
        assert key not in at.session_state or at.session_state[key] in ({}, []), key  # ({} made afresh)
    assert state.segmentation_identity(at.session_state) is None  # no result of the old data is kept
    assert at.session_state[state.LANG] == "fi"  # not about the data: kept

    at.switch_page("pages/criteria.py").run()
    suggested = at.multiselect(key=state.CRITERIA_CHOICE).value  # the new data's suggestion
    assert suggested and set(suggested) <= set(_working(at).table.frame.columns)
    at.switch_page("pages/segments.py").run()
    assert not at.exception
    assert at.selectbox(key=state.METHOD_CHOICE).value == "kmeans"
    at.switch_page("pages/rules.py").run()
    assert at.dataframe[1].value.iloc[0, 0] != "Omat"  # the rules start again from the new data's example


def test_a_bad_file_beside_a_good_one_is_named_and_the_good_one_loads() -> None:
    good = (ROOT / "sample_data" / "b2c_customers_fi.csv").read_bytes()
    at = _upload(_app("en"), ("empty.csv", b""), ("customers.csv", good))
    assert not at.exception
    assert [error.value for error in at.error] == [
        "The file empty.csv is empty. Choose a file with a header row and customer rows."
    ]
    assert any("empty.csv" in warning.value for warning in at.warning)
    assert _working(at).label == "customers.csv" and len(_working(at).table.frame) == 5000
    assert "In use: customers.csv" in [header.value for header in at.subheader]

    # the good file stays in use when the bad one is left in the uploader and another run comes
    at.run()
    assert _working(at).label == "customers.csv" and not at.exception


def test_column_labels_are_edited_on_the_data_page_and_forgotten_with_new_data() -> None:
    from ui import state

    at = _app()
    columns = list(_working(at).table.frame.columns)
    at.session_state[state.column_editor_key(_working(at).digest, "en")] = {
        "edited_rows": {columns.index("age"): {"label": "Age in years"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    assert at.session_state[state.COLUMN_LABELS] == {"age": "Age in years"}
    # a label set back to the one made from the header is not kept as the user's own
    at.session_state[state.column_editor_key(_working(at).digest, "en")] = {
        "edited_rows": {columns.index("age"): {"label": "Age"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert at.session_state[state.COLUMN_LABELS] == {}

    at.session_state[state.COLUMN_LABELS] = {"age": "Age in years"}
    at.selectbox(key=state.CURRENCY_CHOICE).set_value("$").run()
    assert at.session_state[state.CURRENCY] == "$"
    at.selectbox(key="sample_choice").set_value("b2b_companies").run()
    assert state.COLUMN_LABELS not in at.session_state and state.CURRENCY not in at.session_state
    assert at.selectbox(key=state.CURRENCY_CHOICE).value == "€"


def test_whitespace_text_without_header_is_read_and_said_so() -> None:
    data = b" 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n 00021 0002 19970101  3   63.34\n"
    at = _upload(_app("fi"), ("cdnow.txt", data))
    assert not at.exception and not at.error
    caption = " ".join(caption.value for caption in at.caption)
    assert "välilyönnit" in caption and "ei otsikkoriviä" in caption and "column_3 %Y%m%d" in caption


def test_parquet_order_lines_become_customers() -> None:
    import io

    import pandas as pd

    lines = pd.DataFrame(
        {
            "customer_id": ["A1", "A1", "A2", "A2", "A3"],
            "order_date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-01-05", "2025-03-01", "2025-02-02"]),
            "amount": [10.0, 20.0, 5.5, 7.25, 30.0],
        }
    )
    buffer = io.BytesIO()
    lines.to_parquet(buffer, index=False)
    at = _upload(_app(), ("export.parquet", buffer.getvalue()))
    assert not at.exception and not at.error
    frame = _working(at).table.frame.set_index("customer_id")
    assert len(frame) == 3 and frame.loc["A1", "total_spend"] == 30.0
