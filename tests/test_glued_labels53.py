"""pypdf's repeated column-label rows with 提出時期's wrapped first piece glued to the last label
(``…提出時期に係る説明提出 時期``, normalize/glued_labels.py, branch pypdf53), on the real pypdf text
of a LibreOffice Calc table of samples/office-pypdf53 (tools/make_pypdf53_samples.py)."""

import json

from piatable.normalize.glued_labels import split_glued_label_line, split_glued_labels
from piatable.pipeline import extract_document
from piatable.vocabulary import LABELS, is_header_line

from .conftest import SAMPLES

CALC = SAMPLES / "office-pypdf53" / "y53-calc-v1"


def _label_lines(text: str) -> list[str]:
    return [p for ln in text.split("\n") for p in ln.split("\f") if "変更日" in p and "説明" in p]


def test_glued_label_rows_of_pypdf_text_become_label_rows():
    text = (CALC.parent / f"{CALC.name}-pypdf" / "input.txt").read_text("utf-8")
    glued = [ln for ln in _label_lines(text) if not is_header_line(ln)]
    assert len(glued) == 4  # one per page after the first; each ends 説明提出 時期
    mended, changed = split_glued_labels(text)
    assert changed == 4
    assert all(is_header_line(ln) for ln in _label_lines(mended))
    assert mended.replace(" ", "") == text.replace(" ", "")  # only spaces put in


def test_only_label_pieces_are_split():
    assert split_glued_label_line("変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明提出 時期") == (
        "変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明 提出 時期"
    )
    # A row's cells that end in a label's word stay as they are.
    assert split_glued_label_line("R5.4.1 Ⅰ基本情報 事務の変更前の記載 変更後の記載") is None
    assert split_glued_label_line("変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明") is None


def test_no_label_is_read_as_a_cell():
    """Base d5914ad3 read the glued label rows as cells (変更後 = 「提出時期」, rows shifted)."""
    expected = json.loads((CALC / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(CALC.parent / f"{CALC.name}-pypdf" / "input.txt")
    assert len(result.records) == len(expected)
    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    cells = [str(getattr(r, f) or "").replace("\n", "") for r in result.records for f in fields]
    assert not any(c in (*LABELS, "提出時期", "提出", "時期") for c in cells)
    assert [r.timing for r in result.records] == [e["timing"] for e in expected]
    assert any("column-label rows" in n for n in result.notes)
