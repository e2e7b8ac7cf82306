"""A before cell of 新規追加 alone, a 〇〇 name after a telephone number, and the finished-row shape
checks (issue 12, branch quiet48): real texts of samples/office-quiet48
(tools/make_quiet48_samples.py) and the checks on cells written out."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from piatable.api import extract_records
from piatable.normalize.shape_checks import is_addition_mark, is_wrapped_heading, shape_doubts

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _read(case: str) -> tuple[list, list[dict]]:
    folder = SAMPLES / "office-quiet48" / case
    records = extract_records(next(folder.glob("input.*")))
    return records, json.loads((folder / "expected/records.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize(
    "case", ["q48-calc", "q48-writer", "q48-calc-pdftotext-layout", "q48-writer-pdftotext-layout"]
)
def test_a_before_cell_of_shinki_tsuika_alone_is_an_added_items_mark(case: str) -> None:
    """変更前 「新規追加」 / 変更後 the new text: before, ``cut_doubts`` read 新規追加 in the before
    cell as the after cell's closing words and flagged the right row ``column_guess`` (set VIII:
    every such row of the PDFs and most of -layout's)."""
    records, expected = _read(case)
    added = [k for k, e in enumerate(expected) if e["before"] == "新規追加"]
    assert len(added) == 2
    for k in added:
        rec = records[k]
        assert _squash(rec.before) == "新規追加" and _squash(rec.after) == _squash(expected[k]["after"])
        assert not any("an after cell's words" in e for e in rec.evidence), rec.evidence
        assert "column_guess" not in rec.flags, rec.evidence


@pytest.mark.parametrize("case", ["q48-calc-pdftotext-raw", "q48-writer-pdftotext-raw", "q48-calc-pypdfium2"])
def test_a_placeholder_name_after_a_telephone_number_is_no_torn_word(case: str) -> None:
    """``…011-222-3333`` | ``〇〇区役所…``: the tokenizer read 3333〇〇 as one number and the torn-word
    check warned the right contact row; print never mixes Arabic digits and 〇 in one number."""
    records, expected = _read(case)
    k = next(k for k, e in enumerate(expected) if e["before"].startswith("〇〇区役所"))
    rec = records[k]
    assert _squash(rec.before) == _squash(expected[k]["before"])
    assert _squash(rec.after) == _squash(expected[k]["after"])
    assert not any("a word runs on" in e and "〇" in e for e in rec.evidence), rec.evidence


def _rec(before: str, after: str, explanation: str = "組織改正に伴う修正") -> SimpleNamespace:
    return SimpleNamespace(item="", before=before, after=after, explanation=explanation)


def _whys(rec: SimpleNamespace) -> list[str]:
    return [f"{d.field}: {d.why}" for d in shape_doubts(rec)]


def test_addition_mark_needs_the_whole_cell_and_an_after_text() -> None:
    assert is_addition_mark(_rec("新規追加", "証明書コンビニ交付システム"))
    assert is_addition_mark(_rec("（新規追加）", "証明書コンビニ交付システム"))
    # The after cell's closing words read into the before cell: still doubted.
    assert not is_addition_mark(_rec("証明書コンビニ交付システム\n上記を新規追加", ""))
    assert not is_addition_mark(_rec("新規追加", ""))
    assert not is_addition_mark(_rec("新規追加", "証明書コンビニ交付システム\n上記を新規追加"))


def test_an_explanation_opening_with_the_after_cells_list_is_doubted() -> None:
    # Set VIII's -raw / pypdfium2 of a Calc table: (1)(2) closing the after cell read into the explanation.
    got = _whys(
        _rec(
            "年２回点検する。",
            "年２回点検する。",
            "(1)結果は課長に報告する。\n(2)指摘事項は改める。点検手順の明確化に伴う修正",
        )
    )
    assert any(w.startswith("explanation: the explanation opens with a numbered line") for w in got)
    # Numbered reasons are an explanation's own (①組織改正による部署名の変更 / ②重大な変更に該当しない).
    assert not _whys(_rec("市民課", "市民窓口課", "①組織改正による部署名の変更\n②重大な変更に該当しない"))


def test_a_before_sentence_read_into_the_after_list_is_doubted() -> None:
    sentence = "窓口職員に対し、接遇と個人情報の取扱いの研修を行う。"
    listed = "１．窓口職員及び新任職員に対し、接遇と個人情報の取扱いの研修を行う。\n２．記録を保存する。"
    got = _whys(_rec("", f"{sentence}\n{listed}"))
    assert any(w.startswith("before: the after cell opens with a sentence like its list item") for w in got)
    # An after cell's own preamble is no alike; a before with text is no empty before.
    assert not _whys(
        _rec("", "次のとおり監査を行う。\n１．情報政策課による内部監査\n２．外部の専門家による監査")
    )
    assert not _whys(_rec(sentence, listed))


def test_two_sentences_joined_by_an_ascii_space_are_doubted_in_row_ordered_text() -> None:
    # Set VII's -raw / pypdfium2 of a Writer table: a before line and the after's first line on
    # one baseline, joined with a space.
    rec = _rec("内部監査を実施する。 情報政策課が年１回監査する。", "監査結果を報告する。")
    got = [f"{d.field}: {d.why}" for d in shape_doubts(rec, row_ordered=True)]
    assert got == [
        "before: the before cell joins sentences with a space (査を実施する。 情報政策課が): two cells?"
    ]
    # Plain and -layout pdftotext print a cell's full-width space as an ASCII one: quiet there.
    assert not _whys(rec)
    # A full-width space is the cell's own.
    spaced = _rec("内部監査を実施する。\u3000情報政策課が年１回監査する。", "監査結果を報告する。")
    assert not shape_doubts(spaced, row_ordered=True)


def test_deleted_text_read_into_the_after_cell_is_doubted() -> None:
    # Writer ``pdftotext -raw``: the deleted 提供先 read into the after cell above its 削除.
    got = _whys(_rec("", "〇〇県知事\n①法令上の根拠：番号法第19条第8号\n削除", "提供の終了に伴う削除"))
    assert any(w.startswith("after: an empty before and an after closing with 削除 after text") for w in got)
    # The deleted text in its own before cell: no doubt.
    assert not _whys(_rec("〇〇県知事\n①法令上の根拠：番号法第19条第8号", "削除", "提供の終了に伴う削除"))


def test_a_wrapped_heading_is_no_second_value_but_a_bracketed_one_may_be() -> None:
    assert is_wrapped_heading("Ⅱ特定個人情報ファイルの 概要")
    assert is_wrapped_heading("Ⅱ 特定個人情報 ファイルの概要")
    assert not is_wrapped_heading(
        "５．特定個人情報の提供・移転（委託や ア情報提供ネットワークシステムを通じた イ提供を除く。）"
    )


def test_list_items_read_into_a_bracketed_heading_stay_doubted() -> None:
    """office-loss25, -layout text of a Calc table: a before cell's ア / イ lines read into the
    item's bracketed heading; the wrong row keeps its ``column_guess``."""
    folder = SAMPLES / "office-loss25/l25-calc-lists-pdftotext-layout"
    rec = extract_records(folder / "input.txt")[3]
    assert any(p.startswith("５．特定個人情報の提供・移転（委託や ア") for p in rec.item_path)
    assert "column_guess" in rec.flags
    assert any("an item heading holds a second value" in e for e in rec.evidence)
