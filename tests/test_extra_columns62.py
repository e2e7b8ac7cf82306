"""Columns beyond the six in any place (branch extracols62): their labels gathered in one
vocabulary, a ruled one between two field columns set aside on a PDF page, in flattened text the
label taken out, the short values set aside where a line shows them, and otherwise every row
warned (samples/office-extracols62, tools/make_extracols62_samples.py)."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.extra_columns import (
    extra_columns_of,
    strip_extra_labels,
    strip_extra_values,
    unsure_columns,
)
from piatable.pipeline import extract_document
from piatable.vocabulary import extra_column_role

from .conftest import SAMPLES

SET = SAMPLES / "office-extracols62"
LABEL_ROW = "変更日 項目 変更前の記載 変更後の記載 区分 提出時期 提出時期に係る説明"


def test_the_vocabulary_names_each_extra_column_and_no_field():
    assert extra_column_role("区 分") == "kind"
    assert extra_column_role("変更箇所No.") == "number"
    assert extra_column_role("備考") == "remark"
    assert extra_column_role("担当課") == "section"
    assert extra_column_role("変更後の記載") == ""
    assert extra_column_role("提出時期") == ""


def test_a_label_between_two_fields_is_taken_out_and_noted():
    text = f"（別添２）変更箇所\n{LABEL_ROW}\n2024/4/1 Ⅰ基本情報\n"
    out, notes = strip_extra_labels(text)
    assert "区分" not in out and "変更後の記載 提出時期" in out
    assert extra_columns_of(notes) == [("区分", "between 変更後の記載 and 提出時期")]


def test_a_layout_label_is_blanked_to_its_width():
    text = "変更日  項目  変更前の記載  変更後の記載  区分  提出時期  提出時期に係る説明\n"
    out, notes = strip_extra_labels(text, blank=True)
    assert len(out) == len(text) + 2 and "区分" not in out and notes  # 区 / 分: two columns each


def test_labels_other_readers_take_are_kept_when_owned():
    text = "番号 変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明 備考\n"
    assert strip_extra_labels(text, owned=True) == (text, [])


def test_kind_values_before_the_timing_are_set_aside_and_counted():
    _, notes = strip_extra_labels(f"{LABEL_ROW}\n")
    text = "旧課 新課 修正 事後 組織改正\n旧 新 追加 事前 理由\n甲 乙 修正 事後 理由\n"
    out, values = strip_extra_values(text, notes)
    assert "修正" not in out and "追加" not in out and out.count("事後") == 2
    assert unsure_columns(notes + values, 3) == []
    assert unsure_columns(notes + values, 4) == [("区分", "between 変更後の記載 and 提出時期")]


def test_a_reasons_last_word_found_once_is_no_kind_value():
    _, notes = strip_extra_labels("変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明 区分\n")
    text = "事後 時点修正 時点修正\n2024/4/1 Ⅰ基本情報\n"
    assert strip_extra_values(text, notes) == (text, [])


@pytest.mark.parametrize("case", ["x62-calc-kindmid", "x62-gnumeric-kindmid"])
def test_a_ruled_kind_column_between_fields_is_no_part_of_the_after_cell(case):
    result = extract_document(SET / case / "input.pdf")
    expected = json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))
    assert ["".join(r.after.split()) for r in result.records] == [
        "".join(e["after"].split()) for e in expected
    ]
    assert any(n.startswith("a ruled kind column (") for n in result.notes), result.notes


ROW_ORDERED = ("pypdfium2", "pdftotext-raw", "pypdf")


@pytest.mark.parametrize(
    "case",
    sorted(p.name for p in SET.glob("x62-*-kind*-*") if p.name.endswith(ROW_ORDERED)),
)
def test_row_ordered_rows_hold_no_kind_value_or_are_warned(case):
    result = extract_document(SET / case / "input.txt")
    words = {"修正", "追加", "削除"}
    assert result.records
    for r in result.records:
        tails = {
            r.explanation.split()[-1] if r.explanation.split() else "",
            r.after.split()[-1] if r.after.split() else "",
        }
        if tails & words:
            assert "column_guess" in r.flags, (r.after, r.explanation, r.flags)
