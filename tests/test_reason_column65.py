"""A column of prose after 説明 (変更理由 / 根拠 …, branch reason65): in flattened text read
without positions its cells are read into the explanation, so every row is flagged; layout text
sets them apart by place, as the PDF reader does.  On LibreOffice-made tables of
samples/reason65 (tools/make_reason65_samples.py) and read back by real extractors."""

from __future__ import annotations

import pytest

import piatable
from piatable.normalize.extra_cells import remark_label_of, strip_remark_label
from piatable.normalize.extra_columns import extra_columns_of, strip_extra_labels
from piatable.vocabulary import extra_column_role

from .conftest import SAMPLES, expected_beside

SET = SAMPLES / "reason65"
ROW_ORDERED = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf")
# Column-ordered text (cells paired with rows by guess, every row warned column_order).
COLUMN_ORDERED = ("pdfminer", "pdftotext")


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("label", ["変更理由", "理由", "根拠", "根拠法令", "改正理由", "法的根拠"])
def test_reason_and_basis_labels_name_a_column(label):
    assert extra_column_role(label) == "reason"


@pytest.mark.parametrize("text", ["法令上の根拠", "説明", "理由書", "根拠となる"])
def test_words_of_cells_name_no_column(text):
    assert extra_column_role(text) == ""


def test_a_reason_label_wrapped_after_the_explanation_is_taken_out():
    """Writer's label row in pypdfium2 text: 提出時期に係る説 / 明 / 変更理由, a line each."""
    text = "変更日 項目 変更前の記載 変更後の記載 提出時\n期\n提出時期に係る説\n明\n変更理由\n平成 31 年 4"
    out, label = strip_remark_label(text)
    assert label == "変更理由"
    assert "変更理由" not in out and out.endswith("明\n\n平成 31 年 4")


def test_a_basis_label_in_calcs_first_pass_row_is_taken_out():
    """Calc's two-pass text prints 根拠 on the label row's line before 提出時期."""
    text = "変更日 項目 変更前の記載 変更後の記載 根拠\n事後\n提出時\n期\n提出時期に係る\n説明\n令和5年2月"
    out, notes = strip_extra_labels(text)
    assert out.split("\n")[0] == "変更日 項目 変更前の記載 変更後の記載"
    assert extra_columns_of(notes) == [("根拠", "after 変更後の記載")]


def test_an_items_wrapped_legal_basis_heading_stays_in_the_item():
    """``② 法令上の`` / ``根拠`` wrapped in a narrow 項目 cell (column-ordered pdfminer text of a
    Writer table with 項番 and 備考 columns): no column's label, the item keeps it."""
    doc = piatable.extract_document(SAMPLES / "office-narrowhead21" / "nh21-writer-6-pdfminer" / "input.txt")
    items = [_squash(r.item) for r in doc.records]
    assert any(i.endswith("移転先２①法令上の根拠") for i in items)


def _cases(tool: str) -> list:
    return sorted(p / "input.txt" for p in SET.iterdir() if p.name.endswith(f"-{tool}"))


@pytest.mark.parametrize("tool", ROW_ORDERED + COLUMN_ORDERED)
def test_no_row_whose_explanation_holds_the_column_is_unwarned(tool):
    """No row whose explanation is none of the truth's (the reason glued to it) is left
    unwarned or at confidence 0.9 or more; row-ordered text's notes name the column."""
    for path in _cases(tool):
        doc = piatable.extract_document(path)
        truth = {_squash(r["explanation"]) for r in expected_beside(path)}
        named = remark_label_of(doc.notes) or [label for label, _ in extra_columns_of(doc.notes)]
        assert named or tool in COLUMN_ORDERED, (path, doc.notes)
        assert doc.records or tool in COLUMN_ORDERED, path
        for rec in doc.records:
            if _squash(rec.explanation) not in truth:
                assert rec.flags and rec.confidence < 0.9, (path.parent.name, rec.row_index, rec.explanation)


def test_layout_text_sets_the_reasons_apart_by_place():
    """pdftotext -layout of the Writer table: the 変更理由 pieces right of the explanation are
    set aside and quoted in a note; most explanations read as the truth's, unwarned, and none
    holding a reason's words is left unwarned."""
    path = SET / "r65-writer-reason-land-pdftotext-layout" / "input.txt"
    doc = piatable.extract_document(path)
    truth = expected_beside(path)
    assert any("an extra column (変更理由) right of the fields was read" in n for n in doc.notes)
    assert any("番号法の改正に伴い条項" in n for n in doc.notes)
    explanations = {_squash(r["explanation"]) for r in truth}
    right = [r for r in doc.records if _squash(r.explanation) in explanations and not r.flags]
    assert len(right) >= len(truth) // 2
    for rec in doc.records:
        assert "ため" not in rec.explanation or rec.flags, rec.explanation
