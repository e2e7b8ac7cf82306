"""Calc text whose pass 1 holds no date (issue 10): 変更日 and 項目 top-aligned, the other cells
centred or at the bottom, the dates drawn with the wrapped cells; and attachment items
(（別紙１）事務の流れ) read as items of their own.  Samples: ``samples/mixed`` (made by
``tools/make_outsider_tables.py --set mixed``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.normalize.item_key import item_key
from piatable.normalize.items import heading_score
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Pass 1: each row's one-line cells without its date (one printed line per row, or two: a
# one-line item at the top, the centred cells below); then each row opened by its date.
NO_DATE_PASS_ONE = """変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
事後 システムの追加に伴う記載の追加
市民生活部市民課 市民生活部戸籍住民課 事後 組織改正に伴う修正
（別紙１）事務の流れ
削除 事前 窓口業務委託の終了に伴う削除
令和6年1月15日 Ⅰ基本情報
２．特定個人情報ファイルを取り扱う事務において使用するシステム
システム１
住民基本台帳システム
住民基本台帳システム、コンビニ交付システム
令和6年1月15日 Ⅰ基本情報
７．評価実施機関における担当部署
①部署
令和6年4月1日
窓口業務の一部を委託し、委託先において受付を行う。
"""


def _records(text: str, tmp_path: Path):
    path = tmp_path / "input.txt"
    path.write_text(text, "utf-8")
    return extract_document(path)


def test_rows_follow_their_dates_when_pass_one_holds_none(tmp_path: Path) -> None:
    result = _records(NO_DATE_PASS_ONE, tmp_path)
    rows = result.records
    assert [r.change_date for r in rows] == ["2024-01-15", "2024-01-15", "2024-04-01"]
    assert [r.timing for r in rows] == ["事後", "事後", "事前"]
    assert rows[0].explanation == "システムの追加に伴う記載の追加"
    assert rows[1].before == "市民生活部市民課" and rows[1].after == "市民生活部戸籍住民課"
    assert rows[1].explanation == "組織改正に伴う修正"
    # The attachment's label printed in pass 1 is the item of the row that opens with none.
    assert rows[2].item == "（別紙１）事務の流れ"
    assert rows[2].after == "削除" and "窓口業務の一部を委託" in rows[2].before
    assert "item_unknown" not in rows[2].flags and "row_split_guess" not in rows[2].flags
    assert result.status == "success"


def test_pairing_is_flagged_when_the_counts_disagree(tmp_path: Path) -> None:
    # One pass-1 line too few for the dated rows (a timing merged over two rows): the pairing
    # is a guess, and says so; no text is lost.
    text = NO_DATE_PASS_ONE.replace("事後 システムの追加に伴う記載の追加\n", "")
    result = _records(text, tmp_path)
    rows = result.records
    assert [r.change_date for r in rows] == ["2024-01-15", "2024-01-15", "2024-04-01"]
    assert all("row_split_guess" in r.flags and r.confidence < 0.6 for r in rows)
    assert any("窓口業務委託の終了に伴う削除" in (r.explanation or "") for r in rows)


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("（別紙１）事務の流れ", "別紙1事務の流れ"),
        ("別紙２", "別紙2"),
        ("別添１　事務の内容", "別添1事務の内容"),
    ],
)
def test_attachment_labels_are_items(label: str, key: str) -> None:
    assert heading_score(label) == 1.0
    got = item_key(label)
    assert got.key == key and not got.unknown
    # The table's own title is furniture, not an attachment.
    assert item_key("（別添２）変更箇所").key != "別添2変更箇所"


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_mixed_calc_sample_keeps_every_row(tool: str) -> None:
    case = SAMPLES / "mixed" / f"mx-calc-1-{tool}"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(case / "input.txt")
    assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
    assert ["".join(r.item.split()) for r in result.records] == ["".join(e["item"].split()) for e in expected]
    assert [r.timing for r in result.records] == [e["timing"] for e in expected]


def test_attachment_row_of_a_pdf_is_not_doubted() -> None:
    # LibreOffice Calc PDF whose rows include （別添３）ファイル記録項目 among items opening with Ⅰ…Ⅵ.
    case = SAMPLES / "mixed" / "mx-calc-3"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    rows = extract_document(case / "input.pdf").records
    attached = [r for r in rows if r.item.startswith(("（別", "別"))]
    assert len(attached) == sum(e["item"].startswith(("（別", "別")) for e in expected) > 0
    for r in attached:
        assert "row_split_guess" not in r.flags and "item_unknown" not in r.flags
        assert r.item_key.startswith(("別紙", "別添"))


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_a_writer_row_amending_an_attachment_is_a_row_of_its_own(tool: str) -> None:
    # Writer text in row order: the row whose item is （別紙２）… followed an explanation; its
    # date, followed by no section Ⅰ…Ⅵ, was read as a line of that explanation (5 rows of 6).
    case = SAMPLES / "mixed" / f"mx-writer-4-{tool}"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    rows = extract_document(case / "input.txt").records
    assert [r.change_date for r in rows] == [e["change_date"] for e in expected]
    k = next(i for i, e in enumerate(expected) if e["item"].startswith("（別紙"))
    assert "".join(rows[k].item.split()).startswith("（別紙２）特定")
    assert rows[k].timing == expected[k]["timing"]
