"""Columns beyond the six, mended (branch extracols63): a label is an extra column's only where it
heads a column, a ruled extra column's note says where it stands, layout text sets the column's
cells apart by their place under its label, row-ordered text sets a column's values apart after
the row's date, and a date whose 日 is printed with the item's first line is read whole."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.normalize.compound import join_date_pieces
from piatable.normalize.extra_columns import (
    extra_columns_of,
    strip_extra_labels,
    strip_extra_values,
    values_set_aside,
)
from piatable.normalize.extra_layout import layout_unsure_columns, set_aside_by_place
from piatable.normalize.place_column import prints_places

LABEL_ROW = "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"


def test_a_heading_inside_an_item_cell_is_no_label():
    """``担当部署`` of ``５．評価実施機関における担当部署`` on a line of its own, inside an item
    cell a few lines from a label row glued to a cell's end: no column's label, left in."""
    text = "\n".join(
        [
            "令和 5 年 4 月 1 日 Ⅰ 基本情報",
            "５．評価実施機関における",
            "担当部署",
            "① 部署",
            "市民部市民課 市民生活部戸籍住民課 事後 組織改正に伴う修正（重要",
            "な変更に当たらない）" + LABEL_ROW,
        ]
    )
    out, notes = strip_extra_labels(text)
    assert out == text and notes == []


def test_a_label_heading_a_column_block_is_taken_out():
    """Column-ordered text: the label opens its block (a blank line above it)."""
    text = "\n".join(["変更日", "", "項目", "", "変更後の記載", "", "区分", "", "修正", "", "提出時期"])
    out, notes = strip_extra_labels(text)
    assert "区分" not in out
    assert extra_columns_of(notes) == [("区分", "between 変更後の記載 and 提出時期")]


def test_a_ruled_place_columns_note_names_the_labels_beside_it():
    from piatable.normalize.grid.place_words import NOTE

    note = NOTE.format(role="place", label="変更箇所", where="between 項目 and 変更前の記載", n=3, texts="")
    assert prints_places([note])
    kind = NOTE.format(role="kind", label="区分", where="between 変更後の記載 and 提出時期", n=3, texts="")
    assert not prints_places([kind])


LAYOUT = """（別添２）変更箇所
変更日               担当課      項目             変更前の記載   変更後の記載   提出時期   提出時期に係る説明
2023 年 12 月 8 日   市民課      Ⅵ 評価実施手続       研修を行う。   研修を年１回   事前     クラウドへの
                           ３．第三者点検                    行う。                  移行に伴う変更
2023 年 12 月 8 日   情報政策課    Ⅱ 特定個人情報ファイル   令和４年   令和５年   事後     当たらない
                           の概要            １１月   １１月"""


def test_layout_cells_under_the_label_are_set_aside():
    """pdftotext -layout of set XXIV t05's shape: 担当課 second; its values sit under its label
    (character offsets), the item's lines open under 項目."""
    out, notes = set_aside_by_place(LAYOUT)
    assert "市民課" not in out and "情報政策課" not in out
    assert "の概要" in out and "Ⅵ 評価実施手続" in out
    assert len(out.split("\n")[2]) == len(LAYOUT.split("\n")[2])  # offsets kept
    assert notes and "2 pieces under its label" in notes[0] and "; 0 crossing" in notes[0]
    _, label_notes = strip_extra_labels(out, blank=True, owned=True)
    assert layout_unsure_columns(notes + label_notes) == []


def test_a_piece_running_into_the_column_keeps_the_rows_warned():
    """A piece opening left of the label and running past where the column's values open (a
    value glued to the date) is left in and counted: every row stays warned."""
    glued = LAYOUT.replace("2023 年 12 月 8 日   市民課 ", "2023 年 12 月 8 日 市民課   ")
    out, notes = set_aside_by_place(glued)
    assert "市民課" in out and "; 1 crossing" in notes[0]
    _, label_notes = strip_extra_labels(out, blank=True, owned=True)
    assert layout_unsure_columns(notes + label_notes) == [("担当課", "between 変更日 and 項目")]


def test_row_ordered_values_after_a_wrapped_date_are_set_aside():
    """pypdfium2 of t05: the date wrapped one piece a line, the 担当課 value after its 日."""
    text = "\n".join(
        [
            "変更日 担当課 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
            "2023",
            "年 12",
            "月",
            "8",
            "日 市民課 Ⅵ 評価実施手続",
            "研修を行う。 年１回行う。 事前 変更",
            "2023 年 12 月 8 日 情報政策課",
            "Ⅱ 特定個人情報ファイル",
            "2023 年 12 月 8 日 Ⅰ 基本情報",
        ]
    )
    out, notes = strip_extra_labels(text)
    out, value_notes = strip_extra_values(out, notes)
    lines = out.split("\n")
    assert lines[5] == "日 Ⅵ 評価実施手続" and lines[7] == "2023 年 12 月 8 日"
    assert lines[9] == "2023 年 12 月 8 日 Ⅰ 基本情報"  # a section numeral is no value
    assert values_set_aside(value_notes) == {"担当課": 2}


def test_a_days_kanji_printed_with_the_item_joins_the_date():
    lines = [CellLine(t, 1, i) for i, t in enumerate(["2023", "年 12", "月", "8", "日 Ⅵ 評価実施手続"])]
    assert [cl.text for cl in join_date_pieces(lines)] == ["2023年12月8日", "Ⅵ 評価実施手続"]
    digits = [CellLine(t, 1, i) for i, t in enumerate(["2023", "年 12", "月", "8", "日本の事務"])]
    assert next(cl.text for cl in join_date_pieces(digits)) == "2023年12月8"


def test_a_before_mark_then_text_beside_an_empty_after_cell_is_warned():
    """``記載なし 番号法…`` in the before cell beside an empty after cell (set XXIV t05, -raw):
    the mark and the after cell's first line printed on one line."""
    from piatable.models import Record
    from piatable.normalize.item_tears import item_tear_doubts

    def rec(before: str, after: str) -> Record:
        return Record(
            "x", 0, 1, 1, "2024-04-01", "2024/4/1", "Ⅰ基本情報", ["Ⅰ基本情報"], before, after, "事後", ""
        )

    assert any(d.kind == "column_guess" for d in item_tear_doubts(rec("記載なし 番号法第１９条第８号", "")))
    assert not item_tear_doubts(rec("記載なし", "番号法第１９条第８号"))
    assert not item_tear_doubts(rec("番号法第１９条第８号", ""))
