"""Two snapshots in the same segments: the migration matrix, the segments' changes, the movers and their lists."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from customers import CRITERIA, mixed_customers

from segmentti.engine.model import SegmentModel
from segmentti.errors import SegmenttiError
from segmentti.outputs.migration_chart import build_migration_sankey
from segmentti.project.comparison import compare_snapshots, comparison_files
from segmentti.project.saved_model import model_from_bytes, model_to_bytes, save_model

FRAME = mixed_customers()


@pytest.fixture(scope="module")
def snapshots():
    model = SegmentModel(criteria=CRITERIA, k=3, seed=0).fit(FRAME)
    loaded = model_from_bytes(model_to_bytes(save_model(model, ["A", "B", "C"])))
    old = FRAME.iloc[:500]
    new = FRAME.iloc[100:].copy()
    movers = new.index[(model.labels_[100:] == 2)][:7]  # seven of segment C become like segment A
    like_a = FRAME[model.labels_ == 0].iloc[0]
    for column in CRITERIA:
        new.loc[movers, column] = like_a[column]
    return model, loaded, old, new, set(new.loc[movers[movers < 500], "customer_id"])


def test_the_matrix_counts_stayers_movers_new_and_gone(snapshots) -> None:
    _model, loaded, old, new, moved = snapshots
    comparison = compare_snapshots(old, new, loaded, "en")
    counts = comparison.counts
    assert counts.loc["C", "A"] == len(moved) and set(comparison.movers["customer_id"]) == moved
    assert counts["Gone"].sum() == 100 and counts.loc["New customers"].sum() == 100
    assert counts.to_numpy().sum() == 600  # 400 in both, 100 gone, 100 new
    table = comparison.migration_table()
    assert list(table.columns) == ["from_segment", "to_segment", "customers"]
    assert table["customers"].sum() == 600
    changes = comparison.changes
    assert changes.loc["A", "customers_new"] - changes.loc["A", "customers_old"] == changes.loc["A", "change"]
    assert np.isclose(changes["revenue_new"].sum(), new["total_spend"].sum(), atol=0.1)
    assert (comparison.shares.sum(axis=1).round(6) == 1.0).all()


def test_the_files_and_the_movers_contact_list(snapshots) -> None:
    _, loaded, old, new, moved = snapshots
    comparison = compare_snapshots(old, new, loaded, "fi")
    files = comparison_files(comparison, new, "fi")
    movers = pd.read_csv(io.BytesIO(files["movers.csv"]))
    assert list(movers.columns[:2]) == ["from_segment", "to_segment"] and len(movers) == len(moved)
    [listed] = [name for name in files if name.startswith("lists/")]
    contacts = pd.read_csv(io.BytesIO(files[listed]))
    assert len(contacts) == len(moved) and set(contacts["Tags"]) == {"C → A"}
    migration = pd.read_csv(io.BytesIO(files["migration.csv"]))
    assert "Uudet asiakkaat" in set(migration["from_segment"]) and "Poistuneet" in set(migration["to_segment"])


def test_the_sankey_draws_every_non_empty_cell(snapshots) -> None:
    _, loaded, old, new, _ = snapshots
    comparison = compare_snapshots(old, new, loaded, "en")
    figure = build_migration_sankey(comparison.counts, "en")
    link = figure.data[0].link
    assert sum(link.value) == 600 and len(link.value) == int((comparison.counts.to_numpy() > 0).sum())


def test_a_repeated_id_is_refused(snapshots) -> None:
    _, loaded, old, new, _ = snapshots
    twice = pd.concat([new, new.head(1)])
    with pytest.raises(SegmenttiError) as raised:
        compare_snapshots(old, twice, loaded)
    assert raised.value.key == "error.compare_repeated_id"
