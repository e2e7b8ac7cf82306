"""The checks of normalize/evidence.py: each fires on the kind of wrong row it is for and stays
quiet on a clean one (tools/bench_calibration.py measures them on every sample)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable.models import CellLine, Doubt, RawRow
from piatable.normalize.confidence import score_record
from piatable.normalize.evidence import numbering_gap, width_mix
from piatable.normalize.records import rows_to_records
from piatable.settings import Settings

CLEAN = {
    "item": ["Ⅰ基本情報", "７．評価実施機関における担当部署", "①部署"],
    "before": ["市民部市民課"],
    "after": ["市民生活部市民課"],
    "explanation": ["組織改正による部署名の変更"],
}


def raw_row(cells: dict[str, list[str]], conf: float | None = None) -> RawRow:
    row = RawRow()
    row.cells["change_date"] = [CellLine("2023/2/6", conf=conf)]
    row.cells["timing"] = [CellLine("事後", conf=conf)]
    for f, lines in {**CLEAN, **cells}.items():
        row.cells[f] = [CellLine(t, wraps=False, conf=conf) for t in lines]
    return row


def record(cells: dict[str, list[str]], conf: float | None = None):
    return rows_to_records([raw_row(cells, conf)], "t.pdf", Settings())[0]


@pytest.mark.parametrize("conf", [None, 96.0])
def test_clean_row_stays_quiet(conf):
    rec = record({}, conf)
    assert [f for f in rec.flags if f not in ("ocr",)] == []
    assert rec.evidence == []
    assert rec.confidence >= 0.5


@pytest.mark.parametrize(
    ("cells", "field", "words"),
    [
        ({"before": ["新規追加", "事後"]}, "before", "提出時期"),
        ({"explanation": ["2023/2/6", "組織改正"]}, "explanation", "date line"),
        # A narrow 変更日 column's date torn at its slash, read into a text cell (pypdfium2 of a
        # Writer table whose date cell wraps as 2022 / /4/1).
        ({"explanation": ["重要な変更に当たらない2022", "/4/1"]}, "explanation", "date torn"),
        ({"after": ["[ 特に力を入れている ]", "2023", "/3/31"]}, "after", "date torn"),
        # A before/after bullet read into the explanation column.
        (
            {"explanation": ["・データセンターへの入館は、事前に申請した者に限る。"]},
            "explanation",
            "list or choice",
        ),
        ({"explanation": ["[ 再委託する ]"]}, "explanation", "list or choice"),
        (
            {"item": ["Ⅱ特定個人情報ファイルの概要", "５．特定個人情報の提供・移転（委託に伴う"]},
            "item",
            "brackets",
        ),
        ({"before": ["ものを除く。）", "市民部市民課"]}, "before", "brackets"),
        ({"before": ["①部署"], "after": ["市民課"]}, "item", "heading of the form"),
        ({"before": ["・追加する文。", "上記を新規追加"]}, "before", "after cell's words"),
        ({"after": ["市民生活部市民課", "組織改正に伴う修正"]}, "after", "explanation's words"),
        (
            {"item": ["Ⅰ基本情報", "２．特定個人情報ファイル名 国民健康保険情報ファイル"]},
            "item",
            "second value",
        ),
        (
            {
                "item": [
                    "Ⅱ特定個人情報ファイルの概要",
                    "６．特定個人情報の保管・消去",
                    "③消去方法",
                    "保存期間を経過した",
                ]
            },
            "item",
            "no heading of the form",
        ),
    ],
)
def test_column_guess(cells, field, words):
    rec = record(cells)
    assert "column_guess" in rec.flags
    assert any(e.startswith(f"{field}: column_guess") and words in e for e in rec.evidence), rec.evidence
    assert rec.confidence < record({}).confidence
    assert rec.cell_confidence[field] < record({}).cell_confidence[field]


def test_row_split_guess_on_two_paths_and_on_a_row_without_a_section():
    rec = record(
        {"item": ["具体的なチェック方法", "Ⅰ基本情報", "６．情報提供ネットワークシステムによる情報連携"]}
    )
    assert "row_split_guess" in rec.flags
    rows = [raw_row({}) for _ in range(4)] + [raw_row({"item": ["①法令上の根拠"]})]
    recs = rows_to_records(rows, "t.txt", Settings())
    assert ["row_split_guess" in r.flags for r in recs] == [False] * 4 + [True]
    # A heading numbered N． opening the item: the path printed without its section line, as
    # tables print the items under a row of the same section (session 44), not a row cut.
    rows = [raw_row({}) for _ in range(4)] + [raw_row({"item": ["５．特定個人情報の提供・移転"]})]
    recs = rows_to_records(rows, "t.txt", Settings())
    assert not any("row_split_guess" in r.flags for r in recs)


@pytest.mark.parametrize(
    ("cells", "field"),
    [
        ({"item": ["HI特定個人情報ファイルの概要", "②入手方法"]}, "item"),
        ({"before": ["①職員を特定する。", "②認証する。", "④記録する。"]}, "before"),
        ({"after": ["(1 .従業者が事務外で使用するリスクへの措置）"]}, "after"),
        ({"before": ["既存住基システムにおける措置＞"]}, "before"),
        ({"after": ["外部からな６あの本東本寺抽生の"]}, "after"),
    ],
)
def test_ocr_suspect(cells, field):
    rec = record(cells, conf=95.0)
    assert f"ocr_suspect:{field}" in rec.flags, rec.evidence
    assert rec.cell_confidence[field] < record({}, conf=95.0).cell_confidence[field]
    # The same text from a text layer is not an OCR doubt.
    assert not any(f.startswith("ocr_suspect") for f in record(cells).flags)


def test_ocr_line_confidence_is_evidence():
    low = record({"after": ["市民生活部市民課"]}, conf=40.0)
    assert "ocr_suspect:after" in low.flags
    sure = record({}, conf=97.0)
    unsure = record({}, conf=80.0)
    assert unsure.confidence < sure.confidence and "ocr_unsure" not in " ".join(unsure.flags)


def test_helpers():
    assert numbering_gap("①a\n②b\n④c") == "2→4"
    assert numbering_gap("①a\n②b\n③c") == ""
    assert numbering_gap("（１．a）\n本文\n（２．b）") == ""
    assert width_mix("(1 .従業者") and width_mix("（1．") and width_mix("2７")
    assert width_mix("(1)被保険者") == "" and width_mix("平成26年") == "" and width_mix("（１．") == ""
    # A paragraph's numbering with a space inside (１． misread), not a decimal or a plain 1.
    assert width_mix("リスク対策\n1 .従事者が事務外で") == "1 ."
    assert width_mix("1.運用における措置\n2.システム") == "" and width_mix("第1.5版") == ""
    # A bracket before a number of the other width is a numbering's only when the number closes
    # (（2) misread from （２）), not a full-width bracket round half-width figures.
    assert width_mix("・事業概要（2)保険給付") == "（2" and width_mix("(１)被保険者") == "(１"
    assert width_mix("広報紙（2月1日号）に掲載") == "" and width_mix("接種券番号（18桁）と") == ""


def test_strong_doubts_become_flags_weak_ones_only_cost_confidence():
    q = Settings().quality
    rec = record({})
    base = rec.confidence
    row = raw_row({})
    weak = score_record(record({}), row, q, [Doubt("column_guess", "item", "weak", 0.2)])
    assert "column_guess" not in weak.flags and weak.confidence < base
    close = score_record(record({}), row, q, [Doubt("close_cut", "item", "close", 1.0)])
    assert close.flags == [] and close.confidence <= base


def test_a_cell_that_opens_mid_phrase_is_a_row_split_guess():
    rec = record({"after": ["及び別表第二", "番号法第９条第２項に基づく条例"]})
    assert "row_split_guess" in rec.flags
    assert any(e.startswith("after: row_split_guess") for e in rec.evidence)
    for quiet in (["・サーバー室への入室"], ["新規追加"], ["[○]紙"], ["（１．措置）"]):
        assert "row_split_guess" not in record({"after": quiet}).flags, quiet


def test_a_heading_opening_the_after_cell_is_no_doubt_between_vertical_rulings():
    """Added rows print the form's sub-headings in their cells (①委託内容 / …): between vertical
    rulings the geometry placed the cut, so only an inferred cut is doubted."""
    cells = {"before": [], "after": ["①委託内容", "資格確認書の印刷", "上記を新規追加"]}
    assert "column_guess" in record(cells).flags
    row = raw_row(cells)
    row.ruled = True
    ruled = rows_to_records([row], "t.pdf", Settings())[0]
    assert "column_guess" not in ruled.flags and ruled.evidence == []


def test_crossing_merged_values_are_column_guesses():
    """A date shared by rows 0–1 and a 提出時期 shared by rows 1–3 cross: row 1 is in doubt;
    nested or separate groups (a date over rows 0–3, a 提出時期 per pair) are not."""
    from piatable.models import CellLine, RawRow
    from piatable.normalize.table_doubts import crossing_merge_doubts

    def row(date_line: int, timing_line: int, item_line: int) -> RawRow:
        r = RawRow()
        r.cells["change_date"] = [CellLine("R2.4.1", 1, date_line)]
        r.cells["timing"] = [CellLine("事後", 1, timing_line)]
        r.cells["item"] = [CellLine("Ⅰ基本情報", 1, item_line)]
        return r

    crossing = [row(12, 12, 10), row(12, 20, 16), row(32, 20, 20), row(32, 20, 33)]
    doubts = crossing_merge_doubts(crossing)
    assert [bool(d) for d in doubts] == [False, True, False, False]
    assert doubts[1][0].kind == "column_guess"
    nested = [row(12, 12, 10), row(12, 12, 16), row(12, 20, 20), row(12, 20, 33)]
    assert not any(crossing_merge_doubts(nested))
    ruled = crossing
    for r in ruled:
        r.ruled = True
    assert not any(crossing_merge_doubts(ruled))


def test_a_timing_given_to_the_wrong_merged_rows_is_flagged(tmp_path):
    """Writer table, -layout text: 事前 is merged over two rows with their date, the next 事後 is
    printed at the top of the third row; the second row (truth 事前) is read with 事後 and must
    say so."""
    import json

    from piatable.cli import main

    from .conftest import SAMPLES

    out = tmp_path / "r.json"
    assert (
        main(["extract", str(SAMPLES / "office/writer-lists-pdftotext-layout/input.txt"), "-o", str(out)])
        == 0
    )
    truth = json.loads(
        (SAMPLES / "office/writer-lists-pdftotext-layout/expected/records.json").read_text("utf-8")
    )
    got = json.loads(out.read_text("utf-8"))
    assert (got[1]["timing"], truth[1]["timing"]) == ("事後", "事前")
    assert "column_guess" in got[1]["flags"] and got[1]["confidence"] < 0.9


def test_a_number_torn_from_its_counter_between_cells_is_a_column_guess():
    from piatable.models import Record
    from piatable.normalize.evidence import cut_doubts

    def rec(before: str, after: str) -> Record:
        return Record(
            "s", 0, 1, 1, None, "", "Ⅱ特定個人情報ファイルの概要", [], before, after, "事後", "時点修正"
        )

    torn = cut_doubts(rec("平成 31 年 4 月 1 日 時点 令和 3", "年 4 月 1 日 時点"))
    assert [(d.kind, d.field) for d in torn] == [("column_guess", "after")]
    assert any(d.field == "after" for d in cut_doubts(rec("番号法第", "１９条第７号")))
    assert not cut_doubts(rec("平成31年4月1日 時点", "令和3年4月1日 時点"))
    assert not cut_doubts(rec("[ 10人以上50人未満 ]", "[ 50人以上100人未満 ]"))


def test_the_rows_own_date_in_the_after_cell_is_no_doubt_between_vertical_rulings():
    """A date item's after cell is often the change date itself (⑤保有開始日 → 令和5年4月1日):
    doubted where the cut was inferred, not where the rulings placed it, nor where the item's
    last heading names a date and both cells are dates (one date replacing another; branch
    quiet47: 6 right rows so doubted on set V and the samples, no wrong one)."""
    cells = {
        "item": ["Ⅱ特定個人情報ファイルの概要", "２．基本情報", "⑤保有開始日"],
        "before": ["令和4年4月1日"],
        "after": ["令和5年4月1日"],
    }
    row = raw_row(cells)
    row.cells["change_date"][0].text = "令和5年4月1日"
    assert "column_guess" not in rows_to_records([row], "t.txt", Settings())[0].flags
    other = dict(cells, item=["Ⅱ特定個人情報ファイルの概要", "２．基本情報", "③対象となる本人の範囲"])
    row = raw_row(other)
    row.cells["change_date"][0].text = "令和5年4月1日"
    assert "column_guess" in rows_to_records([row], "t.txt", Settings())[0].flags
    row = raw_row(other)
    row.cells["change_date"][0].text = "令和5年4月1日"
    row.ruled = True
    ruled = rows_to_records([row], "t.pdf", Settings())[0]
    assert "column_guess" not in ruled.flags


def test_a_list_numbered_with_closing_brackets_is_not_a_torn_cell():
    """The forms print choices as ＜選択肢＞ 1) 行っている 2) 行っていない: a closing bracket after
    a number or letter that nothing runs into is numbering, not half of a bracket pair torn
    from another cell (a new user's Writer PDF: a right row got column_guess at 0.85)."""
    from piatable.normalize.brackets import unbalanced as _unbalanced

    assert _unbalanced("<選択肢>1)行っている 2)行っていない") == ""
    assert _unbalanced("＜選択肢＞\n１）行っている\n２）行っていない") == ""
    assert _unbalanced("ア) 研修\nイ) 点検") == ""
    assert _unbalanced("(1)窓口における本人確認") == ""
    assert _unbalanced("ものを除く。）") == "close"  # torn from the item cell
    assert _unbalanced("…の提供・移転（委託に伴う") == "open"
    # The next number run on from the previous choice's last word (the forms' 対象となる本人の数).
    listed = "＜選択肢＞\n１）１万人未満　２）１万人以上\n３）１０万人以上１００万人未満４）１００万人以上"
    assert _unbalanced(listed) == ""
    assert _unbalanced("１）研修　２）点検（第4号") == "open"
    assert _unbalanced("１）研修　２）点検の号4）") == "close"  # 4 does not follow the list's 2


def test_a_placeholder_opening_the_after_cell_is_warned():
    """A new user's Writer table in -raw text: the before cells ``－`` and ``特になし`` share a
    printed line with the after cell's first line, one space apart, and were read into the after
    cell with an empty before at 0.92, no flag.  A cell that says "nothing" stands alone: an
    after cell opening with one, the before empty, is a column_guess.  The dash is a whole-cell
    mark (``cell_shapes.split_marks``, branch bullets51): it is parted off its printed line, and
    the first row is read right.  Since wrapdate54 (``placeholder_cells``) ``特になし`` is parted
    off the after cell's first line too: the second row is read right, its guessed cut said in
    its evidence."""
    from piatable.pipeline import extract_document

    cases = Path(__file__).parent / "data" / "cases"
    got = extract_document(cases / "raw_placeholder_before_glued.txt").records
    assert len(got) == 2
    assert got[0].before == "－"
    assert "".join(got[0].after.split()) == "令和6年10月から所得制限を撤廃する。"
    rec = got[1]
    assert rec.before == "特になし"
    assert "".join(rec.after.split()) == "情報セキュリティポリシーに基づき、年1回点検を行う。"
    assert any("cut_guess" in e and "特になし" in e for e in rec.evidence)


def test_a_date_in_a_wide_cell_and_an_explanation_without_bullets_stay_quiet():
    """The torn-date and list checks do not fire on a whole date in a before/after cell, a date
    broken inside its number (how a wide column wraps), or an explanation of sentences."""
    for cells in (
        {"after": ["令和5年4月1日"]},
        {"before": ["実施日：202", "3/4/1"]},
        {"explanation": ["記載の整理（③消去方法は⑤に統合）", "重大な変更に該当しない"]},
    ):
        rec = record(cells)
        assert "column_guess" not in rec.flags, (cells, rec.evidence)


def test_layout_text_rows_start_surer_than_text_read_in_order():
    """pdftotext -layout rows (placed by position) weigh ``reader_layout``, text read in the
    extractor's order ``reader_text``; a -layout row with only the aligned cut's close_cut reaches
    0.9, and with a filled merged value it stays below."""
    q = Settings().quality
    row = raw_row({})
    row.widths = {"before": 30}
    stream = score_record(record({}), row, q, [])
    row.positioned = True
    layout = score_record(record({}), row, q, [])
    aligned = score_record(record({}), row, q, [Doubt("close_cut", None, "aligned", 0.45)])
    assert stream.confidence < 0.93 < layout.confidence
    assert aligned.confidence >= 0.9
    filled = record({})
    filled.flags = ["merged_cell_filled"]
    filled = score_record(filled, row, q, [Doubt("close_cut", None, "aligned", 0.45)])
    assert filled.confidence < 0.9


def test_a_row_without_a_section_says_what_its_item_opens_with():
    """The reason names what the item opens with, and an empty item as empty (a new user read
    "as the others do ()" in the report: empty brackets tell nothing)."""
    from piatable.models import Record
    from piatable.normalize.table_doubts import document_doubts

    def rec(i: int, path: list[str]) -> Record:
        return Record("s", i, 1, 1, None, "", "".join(path), path, "前", "後", "事後", "修正")

    heads = [["Ⅰ基本情報", "①部署"]] * 8
    rows = [*heads, [], ["２．事務の流れ"], ["（別紙１）事務の流れ"]]
    doubts = document_doubts([rec(i, p) for i, p in enumerate(rows)])
    why = [d.why for ds in doubts[8:] for d in ds if d.kind == "row_split_guess"]
    # An attachment's label (（別紙１）…) is an item of its own: not doubted (issue 10).
    assert why == [
        "the item does not open with a section Ⅰ～Ⅵ as the others do (it is empty)",
        "the item does not open with a section Ⅰ～Ⅵ as the others do (it opens with ２．事務の流れ)",
    ]


def test_a_form_label_the_lexicon_lacks_is_no_cut_in_a_positioned_cell():
    """A new user's PDFs: the forms' 消去手順 / 手順の内容 (the lexicon lacks 手順の内容) gave six
    right PDF rows column_guess ("the item cell holds text no heading of the form").  Where
    positions cut the cells nothing of another column can be read into the item: a short label
    is the form's wording.  Flattened text, cut by the text alone, keeps the doubt, and a
    positioned cell still doubts a tail that is no label (a sentence of another cell)."""
    item = [
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "７．特定個人情報の保管・消去",
        "リスク３：特定個人情報が消去されずいつまでも存在するリスク",
        "消去手順",
    ]

    def guessed(tail: str, positioned: bool) -> bool:
        row = raw_row({"item": [*item, tail]})
        row.positioned = positioned
        rec = rows_to_records([row], "t.pdf" if positioned else "t.txt", Settings())[0]
        return any("no heading of the form" in e for e in rec.evidence)

    assert not guessed("手順の内容", positioned=True)
    assert guessed("手順の内容", positioned=False)
    assert guessed("保存期間を経過した紙媒体は、溶解処理を行う。", positioned=True)


def test_a_date_torn_after_its_month_and_a_note_in_the_explanation_are_column_guesses():
    """pdftotext -raw of samples/office-split15 sp15-calc-10 and office-closing19's Writer zeimu:
    a before/after cut inside ``令和元年6月1日`` and the note printed after the table read into
    the last row's explanation.  No truth row of the samples has either."""
    from piatable.models import Record
    from piatable.normalize.evidence import cut_doubts

    def rec(before: str, after: str, explanation: str = "時点修正") -> Record:
        return Record(
            "s", 0, 1, 1, None, "", "Ⅱ特定個人情報ファイルの概要", [], before, after, "事後", explanation
        )

    torn = cut_doubts(rec("令和元年6月", "1日から令和元年6月\n30日まで"))
    assert [(d.kind, d.field) for d in torn] == [("column_guess", "after")]
    assert not cut_doubts(rec("令和元年6月1日から", "令和5年1月4日から"))
    note = cut_doubts(rec("a", "b", "部署名の変更\n※ 変更日は、評価書の記載を変更した日を示す。"))
    assert [(d.kind, d.field) for d in note] == [("column_guess", "explanation")]
    assert not cut_doubts(rec("a", "b", "※ 部署名の変更"))


def test_a_body_cell_opening_with_two_headings_doubts_the_item():
    """pdftotext -raw of samples/office-colorder18 co18-calc-3: the item's last two lines
    (委託事項１ / ①委託内容) read into the after cell.  No truth row opens a cell so."""
    from piatable.models import Record
    from piatable.normalize.evidence import column_doubts

    item = "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託"

    def rec(after: str) -> Record:
        return Record("s", 0, 1, 1, None, "", item, item.split("\n"), "", after, "事後", "委託先の追加")

    got = column_doubts(rec("委託事項１\n①委託内容\n課税資料のパンチ入力業務"))
    assert ("column_guess", "item") in [(d.kind, d.field) for d in got]
    assert not column_doubts(rec("課税資料のパンチ入力業務\n①委託内容\n画像データ化業務"))


def test_a_stray_number_or_letter_paragraph_is_a_column_guess():
    """A paragraph that is only a short number or one letter is no cell's sentence: a numbering
    column's value (``12`` over an explanation, office-numcol19 -layout) or a piece of a column
    label (``時`` of 提出時期, mixed mx-writer-4 -layout) read into the cell.  A cell that is
    only that, and markers (①, －), are no doubt."""
    from piatable.models import Record
    from piatable.normalize.evidence import column_doubts

    def rec(after: str, explanation: str) -> Record:
        return Record(
            "s", 0, 1, 1, None, "", "Ⅱ特定個人情報ファイルの概要", [], "前", after, "事後", explanation
        )

    assert [(d.kind, d.field) for d in column_doubts(rec("後", "12\n委託内容の拡大に伴う修正"))] == [
        ("column_guess", "explanation")
    ]
    assert [d.field for d in column_doubts(rec("後", "外部監査の導入に伴う追記\n時"))] == ["explanation"]
    assert not column_doubts(rec("－\n上記を新規追加", "時点修正"))
    assert not column_doubts(rec("①\n委託先の変更", "時点修正"))
    assert not column_doubts(rec("12", "時点修正"))


def test_lone_letter_between_rulings_is_the_cells_own():
    """A PDF row whose words its rulings placed: a lone letter is the cell's own paragraph
    (``紙`` as one 入手方法 among others), unless it is a piece of the column labels (``明`` of
    説明 over the cell, heldout-datecell13) or a number; text without rulings keeps the doubt."""
    from piatable.models import Record
    from piatable.normalize.evidence import column_doubts

    def rec(before: str, explanation: str = "様式変更に伴う修正") -> Record:
        item = "Ⅱ特定個人情報ファイルの概要"
        return Record("s", 0, 1, 1, None, "", item, [], before, "後", "事後", explanation)

    def stray(r: Record, drawn: bool) -> list[str | None]:
        doubts = column_doubts(r, columns_ruled=drawn, drawn_in_cells=drawn)
        return [d.field for d in doubts if "stray" in d.why]

    assert stray(rec("電子記録媒体\n紙"), drawn=True) == []
    assert stray(rec("電子記録媒体\n紙"), drawn=False) == ["before"]
    assert stray(rec("前", "明\n認証方式の変更に伴う修正"), drawn=True) == ["explanation"]
    assert stray(rec("前", "12\n認証方式の変更に伴う修正"), drawn=True) == ["explanation"]
