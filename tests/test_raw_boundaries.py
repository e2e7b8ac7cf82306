"""Where 変更前 ends and 変更後 begins in row-ordered text, and text after the table (issue 10,
branch raw21; samples/office-raw21 made by tools/make_raw21_samples.py, tuning tables).

Kinds: check-box lists (■ / □ / ☑ / ☐ items, one per line) in both cells; rows adding a block
(変更前 empty, the after cell's numbered list right below the item); rows deleting a whole block
(its before cell opening with the block's heading ``３．…``, after ``削除``); notes, 以上 and
page numbers printed after the table.
"""

from __future__ import annotations

import json
import re

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.closing_mark import drop_pass_one_notes
from piatable.normalize.closing_text import cut_closing_notes
from piatable.normalize.partition import BlockScorer, best_partition
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-raw21"
# Row-ordered texts and pdfminer's (plain pdftotext prints a note's ※ far from its words).
TEXTS = sorted(
    p
    for p in SET.glob("*/input.txt")
    if p.parent.name.endswith(("-pdftotext-raw", "-pypdfium2", "-pdfminer"))
)


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _partition(lines: list[str], explanation: str, item: int = 36, body: int = 52) -> tuple[int, int]:
    s = Settings()
    cls = [CellLine(t, page=1, line_no=k) for k, t in enumerate(lines)]
    p = best_partition(BlockScorer(cls, item, body, explanation, s.stream, s.rejoin))
    return p.item, p.before


def test_a_check_box_list_repeated_in_before_and_after_is_cut_where_it_repeats():
    item = ["Ⅳその他のリスク対策", "１．監査", "①自己点検"]
    before = ["☐特に力を入れて行っている", "☑十分に行っている", "☐十分に行っていない"]
    after = ["☑特に力を入れて行っている", "☐十分に行っている", "☐十分に行っていない"]
    assert _partition(item + before + after, "自己点検の実施体制の強化") == (3, 6)


def test_a_numbered_list_is_not_torn_between_item_before_and_after():
    item = ["Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項３"]
    after = [
        "①委託内容：住民異動届の受付補助業務",
        "②委託先：株式会社住民サービス",
        "③再委託の有無：再委託しない",
    ]
    # 変更前 empty: the list is the after cell's whole.
    assert _partition(item + after, "窓口業務の一部委託に伴う追加", item=40) == (3, 3)


def test_a_deleted_block_keeps_its_heading_in_the_before_cell():
    lines = [
        "Ⅱ特定個人情報ファイルの概要",
        "３．特定個人情報の入手・使用",
        "①入手元",
        "本人又は本人の代理人",
        "②入手方法",
        "紙、専用線",
        "削除",
    ]
    assert _partition(lines, "ファイルの廃止に伴う削除") == (1, 6)


def test_a_deleted_value_under_a_chain_of_headings_keeps_the_chain_in_the_item():
    # The common deletion row: one value under the item's headings (no block of its own).
    lines = [
        "Ⅰ関連情報",
        "１．特定個人情報ファイルを取り扱う事務",
        "②事務の概要",
        "※保険税の収納事務の一部を金融機関に委託している。",
        "削除",
    ]
    assert _partition(lines, "収納事務の委託の終了に伴う削除", item=40) == (3, 4)


def test_calc_notes_among_the_one_line_cells_are_dropped_and_named():
    text = "変更日 項目\n2024/1/15\n※ 記載内容に変更のない項目は省略している。\n以上\n（別添3）変更箇所\nⅡ…\n"
    kept, notes = drop_pass_one_notes(text)
    assert "※" not in kept and "以上" not in kept and "（別添3）変更箇所" in kept
    assert notes == ["※ 記載内容に変更のない項目は省略している。 以上"]


@pytest.mark.parametrize(
    "text",
    [
        # A one-line after cell of pass 1 that opens with ※ beside rows that go on.
        "事後\n※保険税の収納事務\n事前\n",
        # Notes not followed by a row's date or the table's title.
        "事後\n※ 記載内容に変更のない項目は省略している。\n本文\n",
    ],
)
def test_notes_elsewhere_stay(text):
    assert drop_pass_one_notes(text) == (text, [])


def _row(explanation: list[str]) -> RawRow:
    row = RawRow()
    row.cells["explanation"] = [CellLine(t, page=1, line_no=k) for k, t in enumerate(explanation)]
    return row


def test_notes_read_into_the_last_explanation_are_cut_with_a_note():
    rows = [_row(["組織改正による修正"]), _row(["研修の見直し", "※１ 変更日は…", "※２ 字句の…", "続き"])]
    region = [cl for r in rows for cl in r.cells["explanation"]]
    kept, notes = cut_closing_notes(rows, region)
    assert [cl.text for cl in rows[-1].cells["explanation"]] == ["研修の見直し"]
    assert [cl.text for cl in kept] == ["組織改正による修正", "研修の見直し"]
    assert len(notes) == 1 and "※１ 変更日は…" in notes[0]


def test_a_note_alone_in_the_explanation_or_in_an_earlier_row_stays():
    rows = [_row(["修正", "※ 注記"]), _row(["※ 注記だけ"])]
    assert cut_closing_notes(rows) == ([], [])
    assert [cl.text for cl in rows[0].cells["explanation"]] == ["修正", "※ 注記"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.parent.name)
def test_no_text_after_the_table_in_the_rows(path):
    result = extract_document(path)
    got = [r.to_dict() for r in result.records]
    assert got
    for r in got:
        for field in ("item", "before", "after", "explanation"):
            assert not re.search(r"以上$|（注）|※[１２]|記載内容に変更のない", r[field] or ""), (
                field,
                r[field],
            )
    assert any("printed after the table" in n for n in result.notes)


@pytest.mark.parametrize(
    "path",
    [p for p in TEXTS if p.parent.name.startswith("writer-") and not p.parent.name.endswith("-pdfminer")],
    ids=lambda p: p.parent.name,
)
def test_writer_rows_of_each_kind_are_cut_right(path):
    got = [r.to_dict() for r in extract_document(path).records]
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    for g, e in zip(got, expected, strict=True):
        for field in ("item", "before", "after", "explanation"):
            assert _squash(g[field]) == _squash(e[field]), (e["item"], field)
