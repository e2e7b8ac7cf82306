"""False alarms on right rows (issue 12, branch honest56): checks that fired as often on right rows
as on wrong ones, on inputs of session 55's unseen set XVII (samples/office-honest56, real
LibreOffice Calc PDFs and their ``pdftotext -layout`` text)."""

from __future__ import annotations

import json

import piatable
from piatable.models import Record
from piatable.normalize.hidden_items import hidden_items

from .conftest import SAMPLES

SET = SAMPLES / "office-honest56"


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _read(case: str, name: str) -> tuple[list[piatable.Record], list[dict]]:
    folder = SET / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return piatable.extract(folder / name), expected


def _right(got: piatable.Record, want: dict) -> bool:
    return all(
        _squash(getattr(got, k)) == _squash(want[k])
        for k in ("change_date", "item", "before", "after", "timing", "explanation")
    )


def test_text_set_to_the_top_beside_dates_at_the_foot_is_no_doubt():
    """Calc's dates and 提出時期 at the foot of their rows (its default), the text cells set to
    the top: in layout text each row's text stands lines above its date, wholly between the row
    above's date and its own.  Every row is read right, and none is doubted for it (set XVII's
    fit7pt sheet: 10 of 12 right rows were row_split_guess)."""
    got, expected = _read("x17-t03-fit7pt-pdftotext-layout", "input.txt")
    assert len(got) == len(expected) == 12
    assert all(_right(g, e) for g, e in zip(got, expected, strict=True))
    assert not [r.row_index for r in got if "row_split_guess" in r.flags]


def test_a_block_added_whole_lists_its_own_items():
    """A 委託事項２ row whose after cell is the new block (its name, ``①委託内容`` / value,
    ``②委託先における取扱者数`` / value) and whose before is empty: the block's items are its own,
    not other rows read into it (Calc PDF, set XVII t04)."""
    got, expected = _read("x17-t04-shrink-calc", "input.pdf")
    assert len(got) == len(expected)
    block = next(r for r in got if r.item.endswith("委託事項２"))
    assert _right(block, expected[block.row_index])
    assert "①委託内容" in block.after
    assert "row_split_guess" not in block.flags and block.confidence >= 0.5


def _record(item: str, before: str, after: str) -> Record:
    return Record("t", 0, 1, 1, "2024-04-01", "R6.4.1", item, item.split("\n"), before, after, "事後", "追加")


BLOCK_ITEM = "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項２"
BLOCK = "\n".join(
    (
        "住民税課税資料のパンチ入力業務",
        "①委託内容",
        "申告書等の記載事項をデータ化する。",
        "②委託先における取扱者数",
        "１０人以上５０人未満",
    )
)


def test_a_block_cut_between_before_and_after_stays_in_doubt():
    """The same block read with its cut in the wrong place (pypdf and PyMuPDF texts of set XVII):
    a heading left bare at the before's end, the rest in the after: both cells keep their doubt;
    so does a block under an item that prints another row's text beside it."""
    assert not hidden_items(_record(BLOCK_ITEM, "", BLOCK))
    cut = BLOCK.split("\n")
    split = _record(BLOCK_ITEM, "\n".join(cut[:2]), "\n".join(cut[2:]))
    assert {h.field for h in hidden_items(split)} == {"before", "after"}
    bare = _record(BLOCK_ITEM, "", "\n".join(cut[:4]))
    assert [h.field for h in hidden_items(bare)] == ["after", "after"]
    beside = _record(BLOCK_ITEM, "", BLOCK)
    beside.before = "窓口での届出を受け付ける。\n電子申請を受け付ける。"
    assert {h.field for h in hidden_items(beside)} == {"after"}


def test_a_period_spaced_out_by_a_layout_extractor_is_a_date_value():
    """pypdf's layout mode spaces a line's glyphs out (``…6日か ら…までの 30日間``): the after of
    a 実施日・期間 item is still a period, while a reason after its date stays in doubt."""
    from piatable.normalize.date_items import date_item_doubts

    item = "Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n②実施日・期間"
    spaced = _record(item, "", "令和 5年11月 6日か ら令和 5年 12月5日 までの 30日間")
    assert date_item_doubts(spaced) == []
    glued = _record(item, "", "令和5年11月6日 全項目評価の再実施")
    assert [d.field for d in date_item_doubts(glued)] == ["after"]
