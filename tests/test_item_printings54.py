"""One form item, one ``item_key`` however a body printed it (issue 14, branch itemkey54): the
section as its numeral alone, ASCII ``II`` before a numbered heading, the repeated block's number
in brackets, circled, set apart by a space or glued to the next heading's ASCII number, and a
block's label wrapped between lines.  The committed LibreOffice tables of samples/office-itemkey54
print each row's item in such a style; ``items.json`` names the plain printing of each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.item_context import document_item_keys
from piatable.normalize.item_key import item_key

ROOT = Path(__file__).resolve().parent.parent
ITAKU = "Ⅱ特定個人情報ファイルの概要/特定個人情報ファイルの取扱いの委託/委託事項/委託先における取扱者数"
II = "Ⅱ特定個人情報ファイルの概要"
IT4 = "特定個人情報ファイルの取扱いの委託"


@pytest.mark.parametrize(
    "printed",
    [
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１\n③委託先における取扱者数",
        # The unseen set's three printings (issue 14 follow-up): the numeral alone, the 重点 form's
        # wording and numbering, the item on one line.
        "Ⅱ ３．特定個人情報の取扱いの委託 委託事項１ ②委託先における取扱者数",
        "Ⅱ\n３．特定個人情報の取扱いの委託\n委託事項（１）\n②委託先における取扱者数",
        "II 3.特定個人情報の取扱いの委託\n委託事項1\n2.委託先における取扱者数",
        f"{II}\n4. {IT4}\n委託事項1\n3. 委託先における取扱者数",
        f"{II}\n(4){IT4}\n委託事項(1)\n(3)委託先における取扱者数",
        f"{II}\n４．{IT4}\n委託事項①\n③委託先における取扱者数",
        f"{II} ４．{IT4} 委託事項 1 ③委託先における取扱者数",
        f"２．特定個人情報ファイルの概要\n４．{IT4}\n委託事項 １\n③委託先における取扱者数",
        # A block's label wrapped between lines (pdftotext -raw of a Writer table).
        "Ⅱ ４．特定個人情報ファイルの取扱いの委託 委託\n事項(1) ２．委託先における取扱者数",
        # The block's line glued to the heading before by a reader.
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託委託事項(1)\n③委託先における取扱者数",
    ],
)
def test_one_item_printed_every_way_keys_alike(printed: str):
    key = item_key(printed)
    assert key.form_key == ITAKU
    assert key.instance == "委託事項1" and key.section == "Ⅱ"


def test_a_heading_ending_with_a_label_and_a_numbered_line_are_no_block():
    """``…使用するシステム`` + ``(1)システムの名称``: the heading and its numbered item, not block
    システム1; ``委託事項`` + ``①委託内容``: the circled number numbers the heading."""
    system = item_key(
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\n(1)システムの名称"
    )
    assert system.instance is None
    assert (
        system.form_key
        == "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務において使用するシステム/システムの名称"
    )
    plain = item_key(
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項\n①委託内容"
    )
    assert plain.instance is None and plain.form_key.endswith("/委託内容")
    # Two items of one block keep two keys, two blocks of one item one key and two instances.
    a = item_key("Ⅱ\n４．特定個人情報ファイルの取扱いの委託\n委託事項（２）\n①委託内容")
    b = item_key("Ⅱ\n４．特定個人情報ファイルの取扱いの委託\n委託事項（３）\n①委託内容")
    c = item_key("Ⅱ\n４．特定個人情報ファイルの取扱いの委託\n委託事項（２）\n⑥委託先名")
    assert a.form_key == b.form_key != c.form_key
    assert (a.instance, b.instance) == ("委託事項2", "委託事項3")


def test_a_numeral_alone_that_the_forms_head_differently_is_headed_by_the_table():
    """Ⅰ before 評価実施機関における担当部署: 全項目 prints it under Ⅰ基本情報, 基礎 under Ⅰ関連情報
    (the lexicon's 基礎:Ⅰ/5).  The cell alone keeps the numeral; the table's own Ⅰ heading, or
    the form the cover names, heads it; nothing else does."""
    cell = "Ⅰ\n５．評価実施機関における担当部署\n①部署"
    assert item_key(cell).form_key == "Ⅰ/評価実施機関における担当部署/部署"
    kiso = document_item_keys(["Ⅰ関連情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の概要", cell])
    assert kiso[1].form_key == "Ⅰ関連情報/評価実施機関における担当部署/部署"
    zen = document_item_keys(["Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称", cell])
    assert zen[1].form_key == "Ⅰ基本情報/評価実施機関における担当部署/部署"
    assert document_item_keys([cell], "基礎項目評価書")[0].form_key.startswith("Ⅰ関連情報/")
    assert document_item_keys([cell], "全項目評価書")[0].form_key.startswith("Ⅰ基本情報/")
    assert document_item_keys([cell])[0].form_key == "Ⅰ/評価実施機関における担当部署/部署"


SET = ROOT / "samples" / "office-itemkey54"


def _plain_keys() -> dict[str, str]:
    plain = json.loads((SET / "items.json").read_text("utf-8"))
    return {"".join(k.split()): item_key(v).form_key for k, v in plain.items()}


@pytest.mark.parametrize("case", sorted(p.name for p in SET.glob("ik54-*") if (p / "input.pdf").exists()))
def test_libreoffice_tables_key_each_printing_as_its_plain_printing(case: str):
    """Real Calc and Writer PDFs: every row's item, printed in one of the styles, keys as the
    item's plain printing (the forms' own numbering, a heading a line)."""
    want = _plain_keys()
    records = extract_document(SET / case / "input.pdf").records
    assert len(records) == len(json.loads((SET / case / "expected" / "records.json").read_text("utf-8")))
    for r in records:
        assert r.item_key == want["".join(r.item.split())], r.item


@pytest.mark.parametrize(
    "case", sorted(p.name for p in SET.glob("ik54-*-pdftotext-raw") if (p / "input.txt").exists())
)
def test_row_ordered_text_keys_each_item_read_right_as_its_plain_printing(case: str):
    """``pdftotext -raw`` of those tables (rows by text lines, an item's lines glued or wrapped
    elsewhere): every row whose 項目 text is read right keys as its plain printing."""
    want = _plain_keys()
    records = extract_document(SET / case / "input.txt").records
    right = [r for r in records if "".join(r.item.split()) in want]
    assert len(right) >= 2
    for r in right:
        assert r.item_key == want["".join(r.item.split())], r.item
