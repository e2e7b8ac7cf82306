"""Column-ordered texts (issue 10, branch colorder57): pdfminer and mutool texts of set XVIII
(session 56's unseen set, now spent: tests/data/colorder57 holds four of its texts and the
truth of their tables).

* a section line printed beside its date (``令和5年2月6日 Ⅱ特定個人情報ファイルの概要``) takes
  the next box as the rest of its item path only when that box continues a path
  (``boxes._continues_path``: NFKC spells Ⅱ as ``II``, which hid the section's name);
* a box holding only the 説明 column's stock sentence is the explanation's second paragraph
  (``box_joins.join_stock_sentences``);
* a box wrapped at the before/after column's width is a before/after cell whatever its
  ending (``columnar._wraps_wide``);
* a before cell that extends its after cell says the pairing may be crossed
  (``extended_pairs``).
"""

from __future__ import annotations

import json

from piatable.normalize.boxes import _continues_path
from piatable.normalize.extended_pairs import EXTENDED_WHY
from piatable.pipeline import extract_document

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "colorder57"
KEYS = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _truth(table: str) -> list[dict]:
    return json.loads((DATA / f"{table}.truth.json").read_text("utf-8"))


def _right(got: dict, want: dict) -> bool:
    return all(_squash(got[k]) == _squash(want[k]) for k in KEYS)


def _read(name: str) -> list[dict]:
    return [r.to_dict() for r in extract_document(DATA / name).records]


def test_a_section_beside_its_date_is_not_continued_by_a_cell():
    assert not _continues_path("Ⅱ特定個人情報ファイルの概要", "[ ６年以上１０年未満 ]")
    assert not _continues_path("Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策", "市民課")
    assert _continues_path("Ⅱ特定個人情報ファイルの概要", "２．基本情報")
    assert _continues_path("Ⅱ特定個人情報ファイルの概要", "（４．宛名情報ファイル）")
    got, want = _read("A__pdfminer.txt"), _truth("A")
    assert len(got) == len(want)
    # The 保管期間 row keeps its whole item (its file selector and headings came after its
    # before / after boxes) and the explanations below it are no longer a row off.
    assert _squash(want[1]["item"]).startswith(_squash(got[1]["item"]))
    assert _squash(got[1]["item"]).endswith("（４．宛名情報ファイル）６．特定個人情報の保管・消去②保管期間")
    assert _squash(got[1]["before"]) == _squash(want[1]["before"])
    # (its item's last line, ``期間``, was read as another column's: said)
    assert "column_guess" in got[1]["flags"]
    assert all(_right(g, w) for g, w in zip(got[2:8], want[2:8], strict=True))


def test_a_stock_sentence_box_closes_the_explanation_before_it():
    got = _read("N__pdfminer.txt")
    explanations = [_squash(r["explanation"]) for r in got]
    assert "対象範囲の明確化重要な変更に該当する" in explanations
    assert "重要な変更に該当する" not in explanations
    assert "研修対象者の拡大重要な変更に該当しない" in explanations


def test_a_cell_wrapped_at_the_before_after_width_is_no_explanation():
    got = _read("N__pdfminer.txt")
    # ``住民票の写し等の交付及び本人確`` / ``認のため。`` ends as an explanation may, but wraps at
    # the before / after column's width: a before cell.
    assert not any(_squash(r["explanation"]).startswith("住民票の写し等の交付") for r in got)
    got, want = _read("E__mutool.txt"), _truth("E")
    assert len(got) == len(want)
    assert sum(_right(g, w) for g, w in zip(got, want, strict=True)) >= 10


def test_a_before_cell_extending_its_after_cell_is_warned():
    got = _read("N__pdfminer-lp.txt")
    row = next(r for r in got if _squash(r["after"]) == "住民基本台帳法第30条の11")
    # pdfminer emitted the after box first: the pairing reads it as the before cell, and says
    # it may be crossed.
    assert _squash(row["before"]).startswith("住民基本台帳法第30条の11、")
    assert "column_guess" in row["flags"]
    assert any(EXTENDED_WHY in e for e in row["evidence"])


def test_cells_broken_over_a_page_break_are_joined():
    got, want = _read("N__pdfminer.txt"), _truth("N")
    # An explanation whose last line (``とによる修正``, too short to tell its column) opens the
    # next page; an item whose section and file selector end page 1, its headings (wrapped over
    # three lines: ``５．特定個人情報の提供・移`` / ``転（委託に伴うものを除`` / ``く。）``) open page 2.
    explanations = {_squash(r["explanation"]) for r in got}
    assert "番号法の改正により、通知カードが廃止され、個人番号通知書となったことによる修正" in explanations
    assert "とによる修正" not in explanations
    items = {_squash(r["item"]) for r in got}
    assert _squash(want[5]["item"]) in items
    # A path whose section and numbered heading end page 2 goes on below that heading at the
    # top of page 3 (``リスク１：…`` / ``⑤ 物理的対策``).
    assert _squash(want[11]["item"]).endswith("⑤物理的対策")
    assert _squash(want[11]["item"]) in items
