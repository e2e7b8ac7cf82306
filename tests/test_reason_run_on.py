"""A reason cut between the after cell's end and the explanation's start, joined back in the
explanation, and the after cell's sentence end read into the explanation, given back
(normalize/reason_tails.mend_reason_run_on, mend_value_tail; issues 10 and 12, branch raw47).  Real
texts of samples/office-raw47 and samples/office-writerraw (LibreOffice Calc and Writer,
pypdfium2 and ``pdftotext -raw``, made by tools/make_raw47_samples.py and
tools/make_office_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.passone import align_pieces
from piatable.normalize.reason_tails import (
    RUN_ON_MOVED_WHY,
    VALUE_TAIL_WHY,
    mend_reason_run_on,
    mend_value_tail,
)

ROOT = Path(__file__).resolve().parent.parent


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_reason_wrapped_in_a_narrow_explanation_column_is_joined_in_the_explanation(tool):
    path = ROOT / "samples" / "office-raw47" / f"r47-calc-juki-{tool}" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    recs = extract_document(path).records
    # ``番号法の改正に伴う条`` / ``項ずれの修正``: its first line was read as the after cell's last.
    for k in (0, 1, 3, 4):
        assert (
            _squash(recs[k].explanation)
            == _squash(truth[k]["explanation"])
            == "番号法の改正に伴う条項ずれの修正"
        )
        assert _squash(recs[k].after) == _squash(truth[k]["after"])
        assert not recs[k].after.endswith("番号法の改正に伴う条")
    # Row 0's first reading now starts the explanation at the reason (the ``※`` note and the word
    # 封鎖してい|る stay in the after cell: ``cell_shapes.mid_phrase_start``): no line was moved.
    assert not any(RUN_ON_MOVED_WHY in e for e in recs[0].to_dict()["evidence"])
    assert "※やむを得ず" in recs[0].after


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_value_ending_on_a_particle_keeps_its_line_before_a_reason_of_its_own(tool):
    path = ROOT / "samples" / "office-writerraw" / f"writer-raw1-municipal-{tool}" / "input.txt"
    recs = extract_document(path).records
    # ``…令和元年6`` / ``月30日まで`` | ``組織改正による部署名の変更``: まで ends on で, but the
    # explanation reads as a reason alone, so the after cell's line stays there.
    assert recs[1].after.endswith("月30日まで")
    assert recs[1].explanation == "組織改正による部署名の変更"


def _row(after: list[str], expl: list[str]) -> RawRow:
    r = RawRow()
    r.cells["after"] = [CellLine(t, 1, 10 + k) for k, t in enumerate(after)]
    r.cells["explanation"] = [CellLine(t, 1, 20 + k) for k, t in enumerate(expl)]
    return r


def test_the_cut_moves_only_when_it_falls_inside_a_phrase_or_a_reason():
    # Kana opening the explanation: the reason's first line moves.
    row = _row(["・必要となる。", "ガバメントクラウドへの移行"], ["に伴う変更"])
    mend_reason_run_on(row)
    assert [cl.text for cl in row.cells["after"]] == ["・必要となる。"]
    assert [cl.text for cl in row.cells["explanation"]] == ["ガバメントクラウドへの移行", "に伴う変更"]
    assert row.doubts and row.doubts[0].kind == "cut_guess"
    # Two kanji cut inside a reason's words (…に伴う認証方式の変 | 更).
    row = _row(["・失効させている。", "端末更新に伴う認証方式の変"], ["更"])
    mend_reason_run_on(row)
    assert [cl.text for cl in row.cells["explanation"]] == ["端末更新に伴う認証方式の変", "更"]
    # A value's own last line before an explanation that reads as a reason alone: nothing moves.
    row = _row(["・保管している。", "保険年金課"], ["組織改正による部署名の変更"])
    mend_reason_run_on(row)
    assert [cl.text for cl in row.cells["after"]] == ["・保管している。", "保険年金課"]
    assert not row.doubts


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_the_end_of_the_after_cells_last_sentence_goes_back_from_before_a_reason(tool):
    path = ROOT / "samples" / "office-raw40" / f"r40wrap-calc-municipal-{tool}" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    rec = extract_document(path).records[5]
    # The after cell's last line ran on (``…契約時に研修の実施状況を確``) and its end
    # (``認している。``) was read as the explanation's first paragraph, before the reason.
    assert _squash(rec.after) == _squash(truth[5]["after"])
    assert rec.after.endswith("契約時に研修の実施状況を確認している。")
    assert rec.explanation == truth[5]["explanation"] == "研修体制の強化に伴う修正"
    # The first reading no longer starts the explanation inside the word 確|認 (the cut costs
    # of ``cell_shapes.mid_phrase_start``), so ``mend_value_tail`` has nothing to move here; its
    # own unit tests below keep the mend.
    evidence = rec.to_dict()["evidence"]
    assert not evidence or any(VALUE_TAIL_WHY in e for e in evidence)


def test_a_sentence_opening_the_explanation_stays_without_a_reason_after_it_or_a_run_on_line():
    # The explanation's lines after the sentence are no reason: nothing moves.
    row = _row(["・年１回、監査を"], ["実施する。", "重要な変更に当たらない"])
    mend_value_tail(row)
    assert [cl.text for cl in row.cells["explanation"]] == ["実施する。", "重要な変更に当たらない"]
    # The after cell's last line ends its sentence: nothing moves.
    row = _row(["・年１回、監査を実施する。"], ["記載を修正した。", "監査体制の見直しに伴う変更"])
    mend_value_tail(row)
    assert len(row.cells["explanation"]) == 2
    # It runs on (ends on a particle): the sentence's end goes back, with a weak cut_guess.
    row = _row(["・年１回、監査を"], ["実施する。", "監査体制の見直しに伴う変更"])
    mend_value_tail(row)
    assert [cl.text for cl in row.cells["after"]] == ["・年１回、監査を", "実施する。"]
    assert [cl.text for cl in row.cells["explanation"]] == ["監査体制の見直しに伴う変更"]
    assert row.doubts[0].kind == "cut_guess" and row.doubts[0].field == "after"


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_reason_between_two_timings_of_pass_one_is_the_explanation_of_the_row_above(tool):
    # Calc's pass 1 prints ``事後`` / ``研修体制の見直しによる追記`` / ``事後`` / ``評価書様式の改正
    # に伴う追加``: the reason after a timing is that row's explanation, not the row below's
    # one-line before cell (passone.REASON_AS_VALUE_COST, branch raw47).
    path = ROOT / "samples" / "office-passone" / f"calc-w3-{tool}" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    recs = extract_document(path).records
    assert recs[7].explanation == truth[7]["explanation"] == "研修体制の見直しによる追記"
    assert recs[8].before == truth[8]["before"] == ""
    assert recs[8].explanation == truth[8]["explanation"] == "評価書様式の改正に伴う追加"
    assert _squash(recs[7].after) == _squash(truth[7]["after"])


def test_reasons_taken_as_one_line_values_cost_more_in_the_pass_one_alignment():
    pieces = [CellLine(t, 1, k) for k, t in enumerate(["事後", "組織改編に伴う変更", "事後"])]
    plan, _ = align_pieces(pieces, [True, True], (False, False))
    # The reason goes after the first row's timing, not before the second row's.
    assert [(t.pre, t.timing, t.post) for t in plan] == [(0, True, 1), (0, True, 0)]


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_an_added_rows_reason_read_as_its_before_cell_goes_to_the_explanation(tool):
    # Row 3 is added (変更前 empty, 変更後 a one-line cell of Calc's pass 1): its reason's first
    # line ``システム運用保守業務の委託開始`` was read as the before cell, ``に伴う追加`` as the
    # explanation.
    path = ROOT / "samples" / "office-passone" / f"calc-w3-{tool}" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    rec = extract_document(path).records[3]
    assert rec.before == truth[3]["before"] == ""
    assert _squash(rec.explanation) == truth[3]["explanation"] == "システム運用保守業務の委託開始に伴う追加"
    assert any(RUN_ON_MOVED_WHY in e for e in rec.to_dict()["evidence"])


def test_a_line_ending_on_a_reasons_word_goes_on_in_the_explanation():
    row = _row(["・登録された事業者である。", "標準準拠システムへの移行に伴う"], ["修正"])
    mend_reason_run_on(row)
    assert [cl.text for cl in row.cells["explanation"]] == ["標準準拠システムへの移行に伴う", "修正"]


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_caption_on_the_timing_column_among_pass_ones_cells_is_noted_and_no_rows(tool):
    # Calc prints ``※提出時期欄の「事前」は変更前、…`` under the title among the page's one-line
    # cells: taken as the first row's one-line value it shifted every later row's cells
    # (passone.text_page_rows leaves it out; captions.CAPTION_WORDS, branch raw47).
    path = ROOT / "samples" / "office-raw47" / f"r47-calc-juki-{tool}" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(path)
    caption = "※提出時期欄の「事前」は変更前、「事後」は変更後の提出を示す。"
    assert any("caption" in n and caption in n for n in res.notes)
    assert len(res.records) == len(truth)
    assert all(caption not in (getattr(r, f) or "") for r in res.records for f in ("item", "before", "after"))
    for rec, exp in zip(res.records, truth, strict=True):
        assert rec.change_date_raw == exp["change_date_raw"]
        assert rec.timing == exp["timing"]


def test_an_added_rows_one_line_after_read_as_its_before_goes_back_once_its_reason_is_whole():
    # Calc's pass 1 printed the added row's one-line after (line 3); pass 2 the reason, its first
    # line read as the after cell (lines 10, 11): ``証明書コンビニ交付サー`` | ``ビスの開始に伴う追加``.
    row = RawRow()
    row.cells["before"] = [CellLine("コンビニ交付システム", 1, 3)]
    row.cells["after"] = [CellLine("証明書コンビニ交付サー", 1, 10)]
    row.cells["explanation"] = [CellLine("ビスの開始に伴う追加", 1, 11)]
    mend_reason_run_on(row)
    assert row.cells["before"] == []
    assert [cl.text for cl in row.cells["after"]] == ["コンビニ交付システム"]
    assert [cl.text for cl in row.cells["explanation"]] == ["証明書コンビニ交付サー", "ビスの開始に伴う追加"]
    # A reason that does not speak of adding: the value stays where it was, and the row is doubted.
    row = RawRow()
    row.cells["before"] = [CellLine("コンビニ交付システム", 1, 3)]
    row.cells["after"] = [CellLine("証明書コンビニ交付サー", 1, 10)]
    row.cells["explanation"] = [CellLine("ビスの終了に伴う削除", 1, 11)]
    mend_reason_run_on(row)
    assert [cl.text for cl in row.cells["before"]] == ["コンビニ交付システム"]
    assert any(d.kind == "column_guess" for d in row.doubts)


def test_a_one_line_pair_read_as_the_before_cell_beside_a_reason_read_as_the_after_is_parted():
    # Calc's pass 1 printed the row's one-line before and after on one line (line 7); pass 2 the
    # reason (lines 20, 21), read as the after cell, and the stock sentence (line 22).
    from piatable.normalize.shared_lines import mend_shared_lines

    row = RawRow()
    row.cells["before"] = [CellLine("株式会社○○システムズ ○○情報サービス株式会社", 1, 7)]
    row.cells["after"] = [CellLine("契約更新による委託先の変", 1, 20), CellLine("更", 1, 21)]
    row.cells["explanation"] = [CellLine("重要な変更に当たらない", 1, 22)]
    mend_shared_lines([row])
    assert [cl.text for cl in row.cells["before"]] == ["株式会社○○システムズ"]
    assert [cl.text for cl in row.cells["after"]] == ["○○情報サービス株式会社"]
    assert [cl.text for cl in row.cells["explanation"]] == [
        "契約更新による委託先の変",
        "更",
        "重要な変更に当たらない",
    ]
    # The pieces of the line do not read alike (one cell's text with a space in it): nothing moves.
    row = RawRow()
    row.cells["before"] = [CellLine("番号法第１９条第８号 別表第二の４２の項", 1, 7)]
    row.cells["after"] = [CellLine("契約更新による委託先の変更", 1, 20)]
    mend_shared_lines([row])
    assert [cl.text for cl in row.cells["after"]] == ["契約更新による委託先の変更"]


def test_a_list_item_ending_on_a_reason_word_is_no_reason_cut():
    """``２．外部の専門家による監査`` under ``１．…`` is the list's item (samples/office-quiet48's truth),
    not a reason cut from the explanation (reason_tails.continues_a_list); an after cell whose
    last paragraph is no list item still is doubted."""
    from types import SimpleNamespace

    from piatable.normalize.reason_tails import continues_a_list, reason_run_on_doubts

    listed = "次のとおり監査を行う。\n１．情報政策課による内部監査\n２．外部の専門家による監査"
    assert continues_a_list("２．外部の専門家による監査", ["１．情報政策課による内部監査"])
    assert not continues_a_list("２．外部の専門家による監査", ["次のとおり監査を行う。"])
    assert not reason_run_on_doubts(SimpleNamespace(after=listed, explanation="監査体制の整備に伴う追加"))
    cut = "次のとおり監査を行う。\n外部の専門家による監査"
    assert reason_run_on_doubts(SimpleNamespace(after=cut, explanation="監査体制の整備に伴う追加"))
