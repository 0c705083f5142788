"""AppTest runs of the segmentation engine's pages through app.py: methods, weights, map selection, RFM and rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.engine
from segmentti.engine.workflow import describe
from segmentti.outputs.charts import short_name
from tests.app.conftest import open_segments_view
from ui import state

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["lang"] = lang
    return at.run()


def _goto(at: AppTest, page: str) -> AppTest:
    return at.switch_page(page).run()


def _titles(at: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")]


def _chart(at: AppTest, start: str) -> dict:
    (spec,) = [
        json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
        if json.loads(chart.proto.spec)["layout"]["title"]["text"].startswith(start)
    ]
    return spec


def test_segments_page_shows_the_segments_first_and_the_scores_on_request() -> None:
    at = _goto(_app(), "pages/segments.py")
    assert not at.exception
    assert at.info[0].value.startswith("The recommendation is 4:")
    # the map first; the other views are tabs drawn when opened, the score charts closed in their expander
    assert [title.split(" (")[0] for title in _titles(at)] == ["Customer map"]
    assert [tab.label for tab in at.tabs] == ["Customer map", "Sizes and names", "Profiles", "By criterion"]
    (expander,) = [element for element in at.expander if element.label.startswith("Why this number?")]
    assert not expander.proto.expanded
    segment_map = _chart(at, "Customer map")
    x_title, y_title = segment_map["layout"]["xaxis"]["title"]["text"], segment_map["layout"]["yaxis"]["title"]["text"]
    assert x_title.startswith("Axis 1 → more: ") and y_title.startswith("Axis 2 → ")
    names = _chart(open_segments_view(at, "sizes"), "Segment sizes")["data"][0]["hovertext"]
    assert [trace["name"] for trace in segment_map["data"]] == [short_name(name) for name in names]
    heatmap = _chart(open_segments_view(at, "profiles"), "Segment profiles")["data"][0]
    assert heatmap["x"] == [short_name(name) for name in names] and "Age" in heatmap["y"]
    assert _titles(open_segments_view(at, "criterion")) == ["Interest sport by segment"]
    (note,) = [caption.value for caption in at.caption if "logarithmic" in caption.value]
    assert note.startswith("Compared on a logarithmic scale: Age. A few customers")
    assert "money" not in note  # age is not money


def test_segments_page_explains_k_with_every_score_and_switches_methods() -> None:
    at = _app()
    at.session_state[state.SCAN_CHARTS_OPEN] = True  # as opening the expander leaves it
    _goto(at, "pages/segments.py")
    assert not at.exception
    titles = _titles(at)
    for start in ("Silhouette", "Inertia", "Stability", "Calinski", "Davies", "Customer map"):
        assert any(title.startswith(start) for title in titles), start
    assert not any(title.startswith("BIC") for title in titles)

    at.selectbox(key="method_choice").set_value("gmm").run()
    assert not at.exception and any(title.startswith("BIC") for title in _titles(at))
    assert [metric.label for metric in at.metric][-1] == "Mean membership"

    at.selectbox(key="method_choice").set_value("ward").run()
    assert any(title.startswith("Dendrogram") for title in _titles(at))

    at.selectbox(key="method_choice").set_value("hdbscan").run()
    assert not at.exception and not at.error
    assert "Unassigned" in [metric.label for metric in at.metric]
    names = _chart(open_segments_view(at, "sizes"), "Segment sizes")["data"][0]["hovertext"]  # hover: the names
    assert names[-1].endswith(": Unassigned")


def test_k_range_and_the_too_small_warning() -> None:
    at = _goto(_app(), "pages/segments.py")
    at.slider(key="k_range").set_value((3, 12)).run()
    assert at.select_slider(key="k_choice").options == [str(k) for k in range(3, 13)]
    at.select_slider(key="k_choice").set_value(12).run()
    assert not at.exception
    sizes = _chart(open_segments_view(at, "sizes"), "Segment sizes")["data"][0]["x"]
    assert len(sizes) == 12
    warned = any("too small" in warning.value for warning in at.warning)
    assert warned == (min(sizes) < 100)  # 2 % of 5,000 customers


def test_selecting_points_on_the_map_lists_those_customers() -> None:
    at = _goto(_app(), "pages/segments.py")
    at.session_state["segment_map"] = {
        "selection": {"points": [{"customdata": 0}, {"customdata": 4}], "point_indices": [], "box": [], "lasso": []}
    }
    at.run()
    assert not at.exception
    assert "Selected customers (2)" in [header.value for header in at.subheader]
    table = at.dataframe[0].value
    assert table["customer_id"].tolist() == ["C00001", "C00005"]
    at.selectbox(key="method_choice").set_value("gmm").run()  # a new map: its selection starts empty
    at.session_state["segment_map"] = {
        "selection": {"points": [{"customdata": 2}], "point_indices": [], "box": [], "lasso": []}
    }
    at.run()
    table = at.dataframe[0].value
    assert table["Membership probability"].between(0, 1).all()  # the mixture's probability per customer


def test_customer_fit_lists_the_worst_fitting() -> None:
    at = _goto(_app("fi"), "pages/segments.py")
    at.toggle(key="show_fit").set_value(True).run()
    assert not at.exception
    assert any(title.startswith("Asiakkaiden sopivuus") for title in _titles(at))
    assert any("huonoiten sopivaa" in caption.value for caption in at.caption)


def test_two_k_side_by_side_reuse_the_scans_fits() -> None:
    at = open_segments_view(_goto(_app(), "pages/segments.py"), "sizes")
    assert len(at.dataframe) == 1  # one table of names and sizes until a second k is chosen
    calls = {"segment": 0}
    segment_customers = ui.engine.segment_customers

    def counted(features, k, seed, **kwargs):
        calls["segment"] += 1
        assert kwargs["fitted"] is not None  # the scan's own fit of this k, not a new clustering
        return segment_customers(features, k, seed, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ui.engine, "segment_customers", counted)
        at.selectbox(key=state.COMPARE_K).set_value(6).run()
    assert not at.exception and calls == {"segment": 1}
    four, six = (table.value for table in at.dataframe)
    assert (len(four), len(six)) == (4, 6)
    assert [markdown.value for markdown in at.markdown if markdown.value.startswith("**")][:2] == [
        "**4 segments**",
        "**6 segments**",
    ]
    for table in (four, six):
        assert sum(int(size.replace(",", "")) for size in table["Size"]) == 5000
        assert table["Name"].is_unique and table["Name"].str.match(r"^\d+: \w").all()
    assert at.select_slider(key=state.K_CHOICE).value == 4  # comparing does not change the chosen k


def test_a_renamed_persona_is_renamed_on_the_segments_page_too() -> None:
    at = _goto(_app("fi"), "pages/segments.py")
    [segmented] = state.results("segmentation", at.session_state).values()
    digest = at.session_state[state.DATASET].digest
    key = state.segmentation_key(digest, segmented.features.criteria, segmented.k, str(segmented.method))
    at.session_state[state.PERSONA_EDITS] = {key: {2: {"name": "Tekniikan nuoret", "notes": ""}}}
    at.run()
    assert not at.exception
    assert "2: Tekniikan nuoret" in [trace["name"] for trace in _chart(at, "Asiakaskartta")["data"]]
    names = _chart(open_segments_view(at, "sizes", "fi"), "Segmenttien koot")["data"][0]["hovertext"]
    assert names[1] == "2: Tekniikan nuoret" and not names[0].startswith("1: Tekniikan")
    assert "2: Tekniikan nuoret" in at.dataframe[0].value["Nimi"].tolist()
    profiles = _chart(open_segments_view(at, "profiles", "fi"), "Segmenttien profiilit")
    assert "2: Tekniikan nuoret" in profiles["data"][0]["x"]


def test_segments_page_in_finnish_writes_numbers_the_finnish_way() -> None:
    at = _goto(_app("fi"), "pages/segments.py")
    assert not at.exception
    assert at.metric[0].value == "5\u00a0000"
    assert _chart(at, "Asiakaskartta")["layout"]["title"]["text"] == "Asiakaskartta (PCA, 5\u00a0000 asiakasta)"
    assert _chart(at, "Asiakaskartta")["layout"]["xaxis"]["title"]["text"].startswith("Akseli 1 → enemmän: ")
    heatmap = _chart(open_segments_view(at, "profiles", "fi"), "Segmenttien profiilit")
    assert heatmap["layout"]["separators"] == ",\u00a0"
    assert all("." not in text for row in heatmap["data"][0]["text"] for text in row)
    assert any("," in text for row in heatmap["data"][0]["text"] for text in row)
    sizes = open_segments_view(at, "sizes", "fi").dataframe[0].value
    assert sizes["Osuus"].str.endswith("\u00a0%").all() and sizes["Koko"].str.contains("\u00a0").all()


def test_the_log_scale_note_calls_only_money_money() -> None:
    at = _app()
    at.radio(key="data_source").set_value("upload").run()
    rows = ["customer_id,total_spend,site_visits,birth_year"] + [
        f"C{i:03d},{round(10 * 1.6 ** (i % 17), 2)},{1 + (i % 13) ** 3},{1950 + i % 40}" for i in range(200)
    ]
    at.file_uploader(key="upload").set_value(("skewed.csv", "\n".join(rows).encode(), "text/csv")).run()
    _goto(at, "pages/segments.py")
    assert not at.exception and not at.error
    (note,) = [caption.value for caption in at.caption if "logarithmic" in caption.value]
    assert note.startswith(
        "Compared on a logarithmic scale: amounts of money (Total spend); other numbers (Site visits)."
    )
    assert "Birth year" not in note


def test_family_weights_on_the_criteria_page_reach_the_segments() -> None:
    at = _goto(_app(), "pages/criteria.py")
    assert at.slider(key="family_weight_psychographic").value == 1.0
    at.slider(key="family_weight_psychographic").set_value(0.0).run()
    assert not at.exception
    _goto(at, "pages/segments.py")
    assert not at.exception
    assert any("interests" not in caption.value for caption in at.caption if caption.value.startswith("Criteria:"))
    assert not any("interest_sport" in caption.value for caption in at.caption if caption.value.startswith("Criteria:"))


def test_rfm_page_scores_the_sample_orders_and_crosses_with_clusters() -> None:
    at = _goto(_app("fi"), "pages/rfm.py")
    assert not at.exception and not at.error
    assert any(title.startswith("R × F") for title in _titles(at))
    assert not any(title.startswith("RFM-segmentit ×") for title in _titles(at))
    _goto(at, "pages/segments.py")
    _goto(at, "pages/rfm.py")
    crosstab = _chart(at, "RFM-segmentit ×")
    assert len(crosstab["data"][0]["x"]) == 4
    (rules,) = at.dataframe
    assert rules.value.columns.tolist() == ["Segmentti", "R", "F", "M", "Asiakkaita"]
    assert rules.value.iloc[0, :4].tolist() == ["Mestarit", "4–5", "4–5", "4–5"]
    assert rules.value["Asiakkaita"].sum() <= 5000
    grid_text = str(_chart(at, "R × F")["data"][0]["text"])
    assert "Uskolliset asiakkaat" in grid_text and "Horroksessa" not in grid_text
    at.radio(key="rfm_bins").set_value("custom").run()
    assert ";" in at.text_input(key="rfm_edges_monetary").value  # Finnish: decimal commas, semicolons between
    assert at.dataframe[0].value.equals(rules.value)  # the pre-filled edges give the quintile scores exactly
    at.text_input(key="rfm_edges_recency").set_value("30, 20, 90, 180").run()
    assert at.error and "neljä kasvavaa" in at.error[0].value
    at.text_input(key="rfm_edges_recency").set_value("30, 60, 90, 180").run()
    assert not at.error


def test_rules_page_starts_from_the_persona_and_loads_json() -> None:
    at = _goto(_app(), "pages/rules.py")
    assert not at.exception
    sizes = at.dataframe[1].value  # [0] is the rules editor
    assert sizes.iloc[:, 0].tolist() == ["Urban sporty women 30–40", "Seniors 65+", "Others"]
    assert sizes.iloc[:, 1].sum() == 5000
    seniors = sizes.iloc[1, 1]
    at.session_state["rules_editor_0"] = {"edited_rows": {4: {"values": "75"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert 0 < at.dataframe[1].value.iloc[1, 1] < seniors  # sizes follow the edit at once
    rules = {"rules": [{"name": "Young", "conditions": [{"column": "age", "operator": "<=", "values": [30]}]}]}
    at.file_uploader(key="rules_upload").set_value(("r.json", json.dumps(rules).encode(), "application/json")).run()
    assert not at.exception
    sizes = at.dataframe[1].value  # [0] is the rules editor
    assert sizes.iloc[:, 0].tolist() == ["Young", "Others"]
    at.file_uploader(key="rules_upload").set_value(("bad.json", b"{oops", "application/json")).run()
    assert "The rules file cannot be read" in at.error[0].value
    assert at.dataframe[1].value.iloc[:, 0].tolist() == ["Young", "Others"]  # the rules in use stay


def test_tsne_map_on_a_small_upload() -> None:
    at = _app()
    at.radio(key="data_source").set_value("upload").run()
    rows = ["x,y,group"] + [
        f"{g * 10 + i % 7 * 0.1},{g * 5 + i % 5 * 0.1},{'abc'[g]}" for g in range(3) for i in range(50)
    ]
    at.file_uploader(key="upload").set_value(("small.csv", "\n".join(rows).encode(), "text/csv")).run()
    _goto(at, "pages/segments.py")
    at.radio(key="map_projection").set_value("tsne").run()
    assert not at.exception and not at.error
    segment_map = _chart(at, "Customer map (t-SNE")
    assert segment_map["layout"]["xaxis"]["title"]["text"] == "t-SNE 1"


def test_export_follows_the_method_chosen_on_the_segments_page() -> None:
    at = _goto(_app(), "pages/segments.py")
    at.selectbox(key="method_choice").set_value("hdbscan").run()
    _goto(at, "pages/export.py")
    assert not at.exception and not at.error
    options = at.selectbox(key="export_segment").options
    # HDBSCAN's own groups and its unassigned customers, not a k-means of k = 4
    assert len(options) != 4 and options[-1].split(". ", 1)[1].startswith("Unassigned (")


def test_a_language_switch_renames_the_segments_without_segmenting_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"segment": 0, "profile": 0}

    def counted(name, function):
        def call(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return call

    monkeypatch.setattr(ui.engine, "segment_customers", counted("segment", ui.engine.segment_customers))
    monkeypatch.setattr(ui.engine, "describe", counted("profile", ui.engine.describe))
    at = _app()
    at.session_state[state.SCAN_CHARTS_OPEN] = True  # as opening the score charts leaves it
    _goto(at, "pages/segments.py")
    assert calls == {"segment": 1, "profile": 1}
    segmentation = state.segmentation_identity(at.session_state)
    names_en = _chart(open_segments_view(at, "sizes"), "Segment sizes")["data"][0]["hovertext"]
    # what the sidebar's switch does (AppTest does not list the sidebar after a page switch)
    at.session_state[state.LANG] = at.session_state[state.LANGUAGE_CHOICE] = "fi"
    at.run()
    assert not at.exception and [title.value for title in at.title] == ["Segmentit"]
    assert any(title.startswith("Siluetti") for title in _titles(at))  # the score charts in the other language
    at.session_state[state.SCAN_CHARTS] = at.session_state[state.SCAN_CHARTS_OPEN] = False  # as closing them leaves it
    at.run()
    assert not any(title.startswith("Siluetti") for title in _titles(at))  # closed: not drawn at all
    at.session_state[state.LANG] = at.session_state[state.LANGUAGE_CHOICE] = "en"
    at.run()
    assert not any(title.startswith("Silhouette") for title in _titles(at))  # and still closed in English
    at.session_state[state.LANG] = at.session_state[state.LANGUAGE_CHOICE] = "fi"
    at.run()
    assert calls == {"segment": 1, "profile": 1}  # neither segmented nor measured again
    assert state.segmentation_identity(at.session_state) == segmentation
    names_fi = _chart(at, "Segmenttien koot")["data"][0]["hovertext"]
    [segmented] = state.results("segmentation", at.session_state).values()
    frame = at.session_state[state.DATASET].table.frame
    assert names_fi == describe(frame, segmented, "fi").profile.names  # as if described in Finnish from the start
    _goto(at, "pages/personas.py")
    assert not at.exception and calls == {"segment": 1, "profile": 1}
    at.session_state[state.LANG] = at.session_state[state.LANGUAGE_CHOICE] = "en"
    _goto(at, "pages/segments.py")
    assert calls == {"segment": 1, "profile": 1}
    assert _chart(at, "Segment sizes")["data"][0]["hovertext"] == names_en
