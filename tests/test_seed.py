"""The seed: its 12 rows with all six fields right, paragraph breaks included."""

from __future__ import annotations

import pytest

import piatable
from piatable.extract.text import read_text, text_to_pages
from piatable.normalize.compound import split_compound_lines
from piatable.normalize.conservation import lost_and_invented
from piatable.normalize.region import find_table_start, remove_furniture
from piatable.normalize.stream import pages_to_cell_lines

from .conftest import SHARED, load_expected

FIELDS = (
    "change_date",
    "change_date_raw",
    "item",
    "item_path",
    "before",
    "after",
    "timing",
    "explanation",
    "page_start",
    "page_end",
)


def test_seed_sample_is_the_shared_seed(seed_path):
    shared = SHARED / "seed" / "000_888a27b7eecce7e7.txt"
    if not shared.exists():
        pytest.skip("shared/ not beside this checkout")
    assert seed_path.read_bytes() == shared.read_bytes()


def test_seed_rows_exact(seed_path):
    expected = load_expected("seed")
    got = [r.to_dict() for r in piatable.extract(seed_path)]
    assert len(got) == len(expected) == 12
    for e, g in zip(expected, got, strict=True):
        for f in FIELDS:
            assert g[f] == e[f], f"row {e['row_index']} field {f}"


def test_seed_keeps_every_character(seed_path):
    raw = split_compound_lines(pages_to_cell_lines(text_to_pages(read_text(seed_path))))
    region, furniture, _above = remove_furniture(raw[find_table_start(raw) :])
    assert furniture == 2  # the title and the column-label line in the middle
    lost, invented = lost_and_invented([cl.text for cl in region], piatable.extract(seed_path))
    assert (lost, invented) == (0, 0)


def test_seed_read_dataframe(seed_path):
    df = piatable.read(seed_path)
    assert list(df.columns) == list(piatable.FIELDS)
    assert df["timing"].tolist() == ["事後"] * 12
    assert df["change_date"].iloc[2] == "2022-10-17"
