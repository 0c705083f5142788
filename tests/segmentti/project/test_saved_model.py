"""The saved model: a JSON of fitted numbers that reproduces every method's segments, and refuses anything else."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest
from customers import CRITERIA, mixed_customers

from segmentti.data.orders import OrderMapping
from segmentti.engine.model import SegmentModel
from segmentti.errors import SegmenttiError
from segmentti.project.saved_model import model_from_bytes, model_to_bytes, save_model

FRAME = mixed_customers()


def _saved(method: str = "kmeans", k: int = 3):
    model = SegmentModel(criteria=CRITERIA, k=k, method=method, seed=0, weights={"region": 2.0}).fit(FRAME)
    return model, save_model(model, [f"Segment {number}" for number in range(1, model.k_ + 1)], source="test.csv")


@pytest.mark.parametrize("method", ["kmeans", "gmm", "ward", "hdbscan"])
def test_a_loaded_model_labels_the_training_customers_as_fitted(method: str) -> None:
    model, saved = _saved(method)
    loaded = model_from_bytes(model_to_bytes(saved))
    np.testing.assert_array_equal(loaded.model.predict(FRAME), model.labels_)
    np.testing.assert_array_equal(loaded.model.transform_table(FRAME), model.transform_table(FRAME))
    assert loaded.names == saved.names
    assert loaded.criteria == model.features_.criteria


def test_the_file_is_readable_json_with_the_decisions_and_no_customer_rows() -> None:
    model, _ = _saved()
    saved = save_model(
        model,
        ["Young", "Middle", "Seniors"],
        notes=["call first", "", ""],
        overrides={"region": {"role": "categorical"}},
        column_labels={"total_spend": "Spend"},
        currency="€",
        orders=OrderMapping("customer_id", "date", amount="amount"),
    )
    document = json.loads(model_to_bytes(saved))
    assert document["format"] == "segmentti-model" and document["version"] == 1
    body = document["model"]
    assert body["names"] == ["Young", "Middle", "Seniors"] and body["notes"][0] == "call first"
    assert body["orders"]["amount"] == "amount" and body["column_labels"] == {"total_spend": "Spend"}
    assert sum(body["sizes"]) == len(FRAME)
    text = model_to_bytes(saved).decode()
    assert "asiakas1@example.fi" not in text and "C00001" not in text  # no customer is written into the model
    loaded = model_from_bytes(model_to_bytes(saved))
    assert loaded.notes[0] == "call first" and loaded.orders == saved.orders and loaded.currency == "€"


def test_unseen_levels_and_empty_cells_are_scored() -> None:
    _model, saved = _saved()
    loaded = model_from_bytes(model_to_bytes(saved)).model
    new = FRAME.head(5).copy()
    new["region"] = ["Kainuu", None, "Uusimaa", "Lappi", "Pirkanmaa"]
    labels = loaded.predict(new)
    assert labels.shape == (5,) and set(labels) <= {0, 1, 2}


def test_a_pickle_with_the_model_name_is_refused_and_runs_nothing(tmp_path) -> None:
    marker = tmp_path / "pwned.txt"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    data = pickle.dumps(Payload())
    with pytest.raises(SegmenttiError) as raised:
        model_from_bytes(data, "model.json")
    assert raised.value.key == "error.model_is_pickle"
    assert "pickle" in raised.value.message("en") and "pickle" in raised.value.message("fi")
    assert not marker.exists()
    for protocol in (0, 1):
        with pytest.raises(SegmenttiError):
            model_from_bytes(pickle.dumps(Payload(), protocol=protocol))
        assert not marker.exists()


def test_a_changed_number_is_refused_as_tampered() -> None:
    _, saved = _saved()
    document = json.loads(model_to_bytes(saved))
    document["model"]["clusterer"]["centers"][0][0] += 1.0
    with pytest.raises(SegmenttiError) as raised:
        model_from_bytes(json.dumps(document).encode())
    assert raised.value.key == "error.model_tampered"


def test_other_files_and_versions_get_their_own_message() -> None:
    _, saved = _saved()
    document = json.loads(model_to_bytes(saved))
    cases = {
        b"\x89PNG\r\n\x1a\n": "error.model_not_a_model",
        b'{"rules": []}': "error.model_not_a_model",
        json.dumps({**document, "version": 99}).encode(): "error.model_version",
    }
    for data, key in cases.items():
        with pytest.raises(SegmenttiError) as raised:
            model_from_bytes(data)
        assert raised.value.key == key


def test_a_consistent_but_wrong_file_is_refused_as_damaged() -> None:
    """Someone edits a number and recomputes the checksum: the shapes are still checked."""
    from segmentti.project.saved_model import _checksum

    _, saved = _saved()
    document = json.loads(model_to_bytes(saved))
    document["model"]["clusterer"]["centers"] = [[1.0, 2.0]]
    document["checksum"] = _checksum(document["model"])
    with pytest.raises(SegmenttiError) as raised:
        model_from_bytes(json.dumps(document).encode())
    assert raised.value.key == "error.model_damaged" and "centers" in raised.value.message("en")
