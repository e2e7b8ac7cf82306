"""Two cells' runs that pypdf writes with no space (normalize/glued_runs.py, branch pypdf53): a
timing glued to a date or to the explanation, on the real pypdf text of a Calc table of
samples/office-pypdf53 (tools/make_pypdf53_samples.py)."""

import json

from piatable.normalize.glued_runs import split_glued_run_line, split_glued_runs
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CALC = SAMPLES / "office-pypdf53" / "y53-calc-v1"


def test_timing_glued_to_a_date_is_parted_and_the_date_closed_up():
    text = (CALC.parent / f"{CALC.name}-pypdf" / "input.txt").read_text("utf-8")
    assert "事後2020/3 /31" in text
    assert "事後 記載内容の充実2019/1 0/1" in text
    mended, changed = split_glued_runs(text)
    assert changed == 2
    assert "事後\n2020/3/31\n" in mended
    # The next row's date glued after the explanation of a line that opens with the timing.
    assert "事後 記載内容の充実\n2019/1 0/1\n" in mended


def test_timing_glued_to_the_explanation_after_a_rows_cells():
    # Set XIV t02's pypdf line (Calc, 8 pt, a narrow 提出時期 column).
    line = "１０万人以上１００万人未満 １万人以上１０万人未満 事後人口減少に伴う変更"
    parted = split_glued_run_line(line)
    assert parted == "１０万人以上１００万人未満 １万人以上１０万人未満 事後 人口減少に伴う変更"


def test_explanations_that_open_with_a_timing_word_are_kept():
    # -raw / pypdfium2 / pdfminer print such explanations (samples/office-layout40).
    assert split_glued_run_line("事前提出の対象外") is None
    assert split_glued_run_line("う修正 事前提出の対象外") is None
    assert split_glued_run_line("変更前 変更後 事前 事前提出の対象外") is None  # a timing of its own
    assert split_glued_run_line("事前に通知する 事後の 確認") is None


def test_rows_around_the_glued_dates_are_read_right():
    """Base d5914ad3 gave the last row the date 2019/10/1 and 「/31」 as its explanation, and the
    row before it the explanation 「記載内容の充実2019/1 0/1」."""
    expected = json.loads((CALC / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(CALC.parent / f"{CALC.name}-pypdf" / "input.txt")
    assert len(result.records) == len(expected) == 10
    assert result.records[8].explanation == expected[8]["explanation"]
    last, want = result.records[9], expected[9]
    assert (last.change_date_raw, last.timing, last.explanation) == (
        want["change_date_raw"],
        want["timing"],
        want["explanation"],
    )
    assert any("no space between them" in n for n in result.notes)
