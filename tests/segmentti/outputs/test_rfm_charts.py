"""The R × F grid and the RFM × segments crosstab: segment names on the axes, counts in the language's format."""

from __future__ import annotations

import pandas as pd

from segmentti.outputs.charts import build_crosstab_chart, build_rf_grid_chart

NBSP = "\u00a0"


def test_rf_grid_cells_show_their_segment_and_a_count_in_finnish() -> None:
    grid = pd.DataFrame([[1234, 0], [5, 67890]], index=[2, 1], columns=[1, 2])
    names = pd.DataFrame([["Mestarit", ""], ["Menetetyt", "Uskolliset"]], index=[2, 1], columns=[1, 2])
    figure = build_rf_grid_chart(grid, names, "fi")
    text = figure.data[0].text
    assert text[0][0] == f"Mestarit<br>1{NBSP}234"
    assert text[0][1] == "0"  # an empty cell: no name, no stray line break
    assert text[1][1] == f"Uskolliset<br>67{NBSP}890"
    assert build_rf_grid_chart(grid, names, "en").data[0].text[1][1] == "Uskolliset<br>67,890"


def test_crosstab_columns_are_the_segment_names_given_and_counts_formatted() -> None:
    table = pd.DataFrame(
        [[1500, 2], [0, 30000]],
        index=pd.Index(["champions", "lost"], name="rfm"),
        columns=pd.Index(["1: Weekend athletes", "2: Lapsed high spenders"], name="segment"),
    )
    figure = build_crosstab_chart(table, "fi", ["Mestarit", "Menetetyt"])
    heatmap = figure.data[0]
    assert list(heatmap.x) == ["1: Weekend athletes", "2: Lapsed high spenders"]
    assert list(heatmap.y) == ["Mestarit", "Menetetyt"]
    assert [list(row) for row in heatmap.text] == [[f"1{NBSP}500", "2"], ["0", f"30{NBSP}000"]]
