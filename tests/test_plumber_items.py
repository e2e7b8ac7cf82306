"""pdfplumber ``extract_text()`` text: a wrapped 項目 cell's later lines (extract/plumber_items.py),
a date glued to its item (extract/plumber_dates.py) and the explanation's stock sentences
(extract/plumber_cells.py), on the real pdfplumber texts of samples/office-plumber50 (Writer and
Calc tables with a narrow 項目 column, tools/make_plumber50_samples.py)."""

from __future__ import annotations

from pathlib import Path

from piatable.extract.plumber_cells import opens_phrase, twin_joins
from piatable.extract.plumber_dates import unglue_dates
from piatable.extract.plumber_items import closed, goes_on, is_prose, wraps_heading
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WRITER = SAMPLES / "office-plumber50" / "p50-writer-v2-pdfplumber" / "input.txt"


def test_wrapped_item_lines_stay_in_the_item():
    """``Ⅵ評価実施手続`` / ``３．第三者点検`` / ``③結果`` and ``Ⅰ基本情報`` / ``７．評価実施機`` /
    ``関における担当`` / ``部署`` / ``②所属長の役職`` / ``名``: every heading line beside the
    before / after lines of its height (or alone) is the item's, the path whole."""
    text = WRITER.read_text("utf-8")
    assert "\n関における担当 市民窓口課長\n" in text  # a wrapped heading's line beside an after line
    result = extract_document(WRITER)
    items = [r.item for r in result.records]
    assert items[0] == "Ⅵ評価実施手続\n３．第三者点検\n③結果"
    assert items[1] == "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"
    assert items[3] == "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名"
    assert result.records[3].before == "市民課長\n市民課長"
    # The row whose explanation's last character (い) went to the item is flagged.
    assert items[2].startswith("Ⅰ基本情報\n７．評価実施機関における担当部署")
    assert "column_guess" in result.records[2].flags


def test_the_item_path_goes_on_and_closes():
    """From the forms' headings: a numbered heading under an open path goes on, so does a
    heading's wrapped rest; once ``①部署`` (an item's last heading) is printed, a line that is
    no heading belongs to another column."""
    assert goes_on(("Ⅰ基本情報",), "７．評価実施機")
    assert wraps_heading(("Ⅰ基本情報", "７．評価実施機"), "関における担当")
    assert goes_on(("Ⅰ基本情報", "７．評価実施機", "関における担当", "部署"), "①部署")
    assert goes_on(("Ⅱ特定個人情報フ",), "ァイルの概要")
    assert goes_on(("Ⅱ特定個人情報ファイルの概要", "（１．住民基本台"), "帳ファイル）")
    path = ("Ⅰ基本情報", "７．評価実施機", "関における担当", "部署", "①部署")
    assert closed(path, "施錠可能な書庫に保管する。")
    assert not goes_on(path, "市民窓口課")
    # A sentence or a list line is no line of an item path, open or closed.
    assert is_prose("・３年に１回、外部監査を実施する。")
    assert not is_prose("５．特定個人情報の提供・移転（委託に伴うものを除く。）")
    # Before / after text under an open path is no heading: no lean either way.
    assert not goes_on(("Ⅰ基本情報",), "市民生活部市民窓口課")
    assert not closed(("Ⅰ基本情報",), "市民生活部市民窓口課")


def test_a_date_glued_to_its_item_is_cut():
    """A 変更日 cell filling its column prints under x_tolerance from the item (set XI's Calc
    table of real date cells): the date's lines are cut where the date ends."""
    lines = [
        ["2022年4月Ⅰ基本情報", "行政手続における特定の個"],
        ["1日５．個人番号の利", "人を識別するための番号の"],
        ["用"],
        ["2022年10Ⅱ特定個人情報フ", "[○]紙"],
        ["月1日ァイルの概要", "[○]専用線"],
        ["R4.4.1", "Ⅰ基本情報", "市民部市民課"],
        ["1日から施行する。"],
    ]
    assert unglue_dates(lines) == [
        ["2022年4月", "Ⅰ基本情報", "行政手続における特定の個"],
        ["1日", "５．個人番号の利", "人を識別するための番号の"],
        ["用"],
        ["2022年10", "Ⅱ特定個人情報フ", "[○]紙"],
        ["月1日", "ァイルの概要", "[○]専用線"],
        ["R4.4.1", "Ⅰ基本情報", "市民部市民課"],
        ["1日から施行する。"],  # under a whole date: no date's rest
    ]


def test_explanation_phrases_and_twin_cells():
    assert opens_phrase("重大な変更に該当しな")
    assert opens_phrase("重要な変更にはあたらない")
    assert not opens_phrase("市民窓口課")
    frags = ["法令上の根拠", "・番号法第９条第１項", "別表第一の１６の項", "・番号法第９条第１項", "別"]
    assert twin_joins(frags, (1, 2, 2, 3, 3)) == {2, 4}
    assert twin_joins(frags, (1, 2, 3, 3, 5)) == set()
    # Lines opening alike in before and after (a change of one word) join as twins too.
    alike = ["Ⅰ基本情報", "番号法第１９条第７号", "別表第二", "番号法第１９条第８号", "主務省令第２条の表"]
    assert twin_joins(alike, (1, 2, 2, 3, 3)) == {2, 4}


def test_prose_pages_before_the_table_do_not_move_its_cells():
    """A whole assessment's cover and prose before the table's label row are printed as they
    are: the table's lines are read as without them (set XI's w6_whole: the prose lines had
    widened every column's width)."""
    from piatable.extract.plumber_text import plumber_to_layout

    table = WRITER.read_text("utf-8")
    cover = (
        "特定個人情報保護評価書（全項目評価書）\n評価書番号 評価書名\n"
        "住民基本台帳に関する事務 住民基本台帳に関する事務においては、"
        "住民票の記載、消除又は記載の修正を行う。\n"
        "個人のプライバシー等の権利利益の保護の宣言 ○○市は、住民基本台帳に関する事務における"
        "特定個人情報ファイルの取扱いにあたり"
    )
    alone, _, _ = plumber_to_layout(table)
    after_prose, _, _ = plumber_to_layout(cover + "\f" + table)
    prose, read = after_prose.split("\f")
    assert prose == cover  # printed as it is, no line placed in columns
    assert read == alone
