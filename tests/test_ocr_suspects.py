"""OCR cells that break their column's grammar are flagged ``ocr_suspect:<field>``."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.suspects import flag_suspects, suspect_fields
from piatable.models import CellLine, RawRow
from piatable.normalize.flags import describe_flag
from piatable.settings import Settings

GOOD = {
    "change_date": ["令和3年4月1日"],
    "item": ["Ⅱ特定個人情報ファイルの概要", "②入手方法"],
    "before": ["通知カード"],
    "after": ["個人番号通知書"],
    "timing": ["事後"],
    "explanation": ["番号法改正に伴う修正"],
}


def _row(**change: list[str]) -> RawRow:
    row = RawRow()
    for column, lines in {**GOOD, **change}.items():
        row.cells[column] = [CellLine(t) for t in lines]
    return row


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"item": ["HI特定個人情報ファイルの概要"]}, "item"),
        ({"item": ["II 特定個人情報ファイルの概要"]}, "item"),
        ({"timing": ["事則"]}, "timing"),
        ({"timing": ["後事"]}, "timing"),
        ({"change_date": ["令和3年4月1目"]}, "change_date"),
        ({"change_date": ["2021/13/45"]}, "change_date"),
        ({"after": ["個人番号|通知書"]}, "after"),
        ({"before": ["FLで土ビSSアンと"]}, "before"),
        ({"after": ["返信用封筒の宛先と", "Ｅ民票上の住所が一致"]}, "after"),
        ({"after": ["②ＬＧWAＮ接続端末"]}, "after"),
        ({"before": ["番号法第1９条"]}, "before"),
        ({"after": ["法律第１９条第８号及び別表第"]}, "after"),
        ({"before": ["別表第と"]}, "before"),
        # Numbers of one kind (one counter after them) in two widths, in one cell.
        ({"after": ["１０万人以上100万人未満"]}, "after"),
        ({"explanation": ["令和5年4月1日から", "令和６年３月まで"]}, "explanation"),
        ({"after": ["令和３年4月1日時点"]}, "after"),
        # A particle read twice, two numerals opening one heading.
        ({"after": ["サービス検索・電子申請機能ににおける措置＞"]}, "after"),
        ({"item": ["Ⅱ特定個人情報ファイルの概要", "⑨⑧入手方法"]}, "item"),
        # In sequence but before a heading's words: one numeral read as two (IPA Mincho's ①).
        ({"item": ["Ⅰ基本情報", "③④システムの名称"]}, "item"),
        # A law's article and item, an address's block and lot, in two widths; a number's digits
        # read apart.
        ({"before": ["番号法第１９条第7号"]}, "before"),
        ({"after": ["○○市本町一丁目１番1号"]}, "after"),
        ({"after": ["番号法第1 9条第８号"]}, "after"),
        ({"before": ["別表第二の4 2の項"]}, "before"),
        ({"after": ["番号法第９条第１項別表第一の30の項"]}, "after"),
        ({"after": ["・ｅしＴＡＸの利用拡大"]}, "after"),
        ({"after": ["確認した。", "上上記を新規追加"]}, "after"),
        # A heading's number followed by a comma where the form prints ．
        ({"item": ["Ⅱ特定個人情報ファイルの概要", "４、特定個人情報ファイルの取扱いの委託"]}, "item"),
    ],
)
def test_grammar_breaks_are_suspect(change, field):
    assert [f for f, _ in suspect_fields(_row(**change))] == [field]


def test_clean_rows_and_empty_cells_are_not():
    assert suspect_fields(_row()) == []
    assert suspect_fields(_row(before=[], after=["（記載なし）"], change_date=["2019/4/1"])) == []
    assert suspect_fields(_row(item=["IT基盤の更新"], after=["LGWAN回線"])) == []
    clean = ["別表第二の項、第１９条", "ＬＧＷＡＮ 2023年", "第三者点検", "ものの、確認することとし"]
    clean += ["①②の措置"]
    assert suspect_fields(_row(before=clean, explanation=["重大な変更に該当し", "ない"])) == []
    # Numbers of two kinds in two widths: an address's postcode and telephone beside its 番地.
    address = ["１０万人以上", "〒123-4567 ○○市本町一丁目１番１号", "電話 0123-45-6789"]
    assert suspect_fields(_row(after=address)) == []
    # Numbers of one width, and spaces that are not inside a number.
    law = ["番号法第１９条第７号　別表第二の４２の項", "○○市本町一丁目１番１号"]
    half = ["第19条第8号", "〒123-4567 ○○市本町一丁目1番1号", "平成31年4月1日 時点", "1 年に 2 回"]
    assert suspect_fields(_row(before=law, after=half)) == []
    # A Latin word taking its particle is printed so (held-out scans: 4 right rows were warned).
    words = ["生体認証（静脈認証）及びIDによる二要素認証", "接種券番号（18桁）とVRSの登録内容"]
    assert suspect_fields(_row(after=words)) == []


def test_kanji_numerals_standing_as_numbers_are_no_unknown_words():
    from piatable.normalize.ocr_text import unknown_words

    for text in (
        "号及び別表第二",
        "○○市本町一丁目１番１号",
        "第三者点検の実施",
        "二重チェックを行う",
        "生体認証（静脈認証）及びIDによる二要素認証を行う。",
    ):
        assert unknown_words(text) == [], text
    # A kanji numeral where none belongs: Ⅲ read as 四 opening a heading, 軽 read as 四, － read
    # as 一 between a telephone number's digits.
    assert unknown_words("四特定個人情報") == ["四"]
    assert unknown_words("リスクを四減する") == ["四"]
    assert unknown_words("０１２３一４５") != []
    # A katakana numbering a list's paragraph is no unknown word; one inside a line is.
    assert unknown_words("療養費等の支給\nイ出産育児一時金") == []
    assert unknown_words("システムへのイ\n格情報") == ["イ"]


def test_item_lines_that_read_as_a_numbered_heading_are_vouched_for_by_the_lexicon():
    """A low tesseract confidence on an item line that reads as a whole numbered heading of the
    form (the corrections often snap it there) makes no ocr_suspect doubt; on any other line it
    does."""
    from piatable.normalize.evidence import ocr_doubts
    from piatable.pipeline import rows_to_records

    def doubts(item: list[str]) -> list[str]:
        row = _row(item=item)
        for cl in row.cells["item"]:
            cl.conf = 40.0
        rec = rows_to_records([_row(item=item)], "x", Settings())[0]
        return [d.field for d in ocr_doubts(row, rec, Settings().quality) if d.kind == "ocr_suspect"]

    assert doubts(["Ⅱ特定個人情報ファイルの概要", "②入手方法"]) == []
    assert doubts(["Ⅱ特定個人情報ファイルの概要", "②入手方去"]) == ["item"]
    # A heading wrapped over two lines of a narrow item column is vouched for as a whole.
    assert doubts(["Ⅰ基本情報", "７．評価実施機関における担", "当部署", "①部署"]) == []
    # (The line read one character off the form's heading is a doubt of its own too:
    # normalize/ocr_headings.py, branch scan59.)
    assert set(doubts(["Ⅰ基本情報", "７．評価実施機関における担", "当部暑", "①部署"])) == {"item"}


def test_item_lines_that_are_no_heading_of_the_form_are_suspect():
    """An OCR item line that is no heading of the form, alone or joined with the lines it wraps
    with, is a misread (``①法令上の根拠`` read as ``全休の`` / ``根拠``) or a speck read as text;
    headings wrapped over lines, repeated blocks' labels and numbered headings are not."""
    from piatable.normalize.evidence import ocr_doubts
    from piatable.pipeline import rows_to_records

    def why(item: list[str]) -> list[str]:
        row = _row(item=item)
        rec = rows_to_records([_row(item=item)], "x", Settings())[0]
        return [d.why for d in ocr_doubts(row, rec, Settings().quality) if "no heading" in d.why]

    head = ["Ⅱ特定個人情報ファイルの概要", "５．特定個人情報の提供・移転（委託に伴うものを除く。）"]
    assert why([*head, "移転先２", "①法令上の根拠"]) == []
    assert why([*head, "移転先２", "全休の", "根拠"]) != []
    assert why(["Ⅰ基本情報", "信", "６．情報提供ネットワークシステムによる情報連携", "②法令上の根拠"]) != []
    # A numbered heading wrapped inside a word, and a sub-heading the lexicon knows.
    assert (
        why(["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入", "手・使用", "⑦使用の主体", "使用者数"])
        == []
    )
    assert why(["Ⅳその他のリスク対策", "２．従業者に対する教", "育・啓発", "具体的な方法"]) == []


def test_a_misread_section_numeral_still_counts_for_the_documents_sections():
    """Items opening with a section heading whose numeral was misread (``帳特定個人…`` for Ⅲ)
    count among the document's sectioned items, so a row whose section line was lost is in
    doubt (row_split_guess) when the others open with theirs."""
    from piatable.normalize.table_doubts import document_doubts
    from piatable.pipeline import rows_to_records

    items = [["Ⅰ基本情報", "①部署"]] * 6 + [
        ["帳特定個人情報ファイルの取扱いプロセスにおけるリスク対策", "１．監査"]
    ] * 2
    items += [["①部署"]] * 2
    recs = rows_to_records([_row(item=i) for i in items], "x", Settings())
    doubts = document_doubts(recs)
    assert any(d.kind == "row_split_guess" for d in doubts[-1])
    assert not any(d.kind == "row_split_guess" for d in doubts[0])


def test_doubts_and_note():
    rows = [_row(), _row(timing=["事則"], item=["HI概要"])]
    notes = flag_suspects(rows)
    assert rows[0].doubts == []
    assert sorted((d.kind, d.field) for d in rows[1].doubts) == [
        ("ocr_suspect", "item"),
        ("ocr_suspect", "timing"),
    ]
    assert notes and "1 OCR row" in notes[0]
    assert "timing cell" in describe_flag("ocr_suspect:timing")


def test_a_suspect_row_flagged_and_less_confident():
    """Through the pipeline's confidence: the doubt becomes the flag and lowers the confidence."""
    from piatable.pipeline import rows_to_records

    good, bad = _row(), _row(timing=["事則"])
    flag_suspects([good, bad])
    a, b = rows_to_records([good, bad], "x", Settings())
    assert "ocr_suspect:timing" in b.flags and not any(f.startswith("ocr_suspect") for f in a.flags)
    assert b.confidence < a.confidence


def test_before_and_after_that_echo_each_other_but_for_a_misread():
    from piatable.extract.ocr.suspects import suspect_fields

    def row(before: str, after: str) -> RawRow:
        return RawRow({"before": [CellLine(before, 1, 0)], "after": [CellLine(after, 1, 0)]})

    # A kana read inside a word on one side only: that side is doubted.
    found = suspect_fields(row("既存住基とシステムから情報を抽出し", "既存住基システムから情報を抽出し"))
    assert [c for c, _ in found] == ["before"]
    # A kanji misread (揚当課) on one side only.
    found = suspect_fields(
        row("運用がなされているか、担当課において点検", "運用がなされているか、揚当課において点検")
    )
    assert [c for c, _ in found] == ["after"]
    # Amendments: a number changed, a word changed that reads as well (財務部 / 財政部).
    assert not suspect_fields(row("提供の記録を５年間保存している。", "提供の記録を７年間保存している。"))
    assert not suspect_fields(row("○○市財務部市民税課", "○○市財政部市民税課"))


def test_clear_echo_misreads_are_mended():
    from piatable.extract.ocr.echoes import mend_echoes

    def row(before: list[str], after: list[str]) -> RawRow:
        return RawRow(
            {
                "before": [CellLine(t, 1, k) for k, t in enumerate(before)],
                "after": [CellLine(t, 1, k) for k, t in enumerate(after)],
            }
        )

    r = row(["運用がなされているか、担当課において点検"], ["運用がなされているか、揚当", "課において点検"])
    assert mend_echoes([r]) == 1
    assert [cl.text for cl in r.cells["after"]] == ["運用がなされているか、担当", "課において点検"]
    assert "ocr_corrected" in r.flags
    r = row(["住基システム→市町村ＣＳ→個人"], ["住基システムー市町村ＣＳ→個人"])
    mend_echoes([r])
    assert r.cells["after"][0].text == "住基システム→市町村ＣＳ→個人"
    r = row(["○○市財務部市民税課"], ["○○市財政部市民税課"])  # an amendment
    assert mend_echoes([r]) == 0


def test_a_final_full_stop_lost_at_a_cells_edge_is_taken_from_the_other_side():
    from piatable.extract.ocr.echoes import echo_full_stops

    row = _row(before=["閲覧により意見を募集した。"], after=["各支所での閲覧により", "意見を募集した"])
    assert echo_full_stops([row]) == 1
    assert [cl.text for cl in row.cells["after"]] == ["各支所での閲覧により", "意見を募集した。"]
    assert "ocr_corrected" in row.flags
    # Other endings, or both with their 。: nothing to take.
    # A whole line of one side that the other prints with its 。 (a paragraph inside the cell).
    row = _row(
        before=["１．運用", "・遠隔地保管をしている", "２．システム"], after=["・遠隔地保管をしている。"]
    )
    assert echo_full_stops([row]) == 1
    assert row.cells["before"][1].text == "・遠隔地保管をしている。"
    # … unless its 。 was read as a line of its own after it.
    row = _row(before=["・遠隔地保管をしている", "。"], after=["・遠隔地保管をしている。"])
    assert echo_full_stops([row]) == 0
    pairs = (("意見を募集した。", "意見を聴取した"), ("募集した。", "募集した。"), ("追加。", "追加"))
    for before, after in pairs:
        row = _row(before=[before], after=[after])
        assert echo_full_stops([row]) == 0


@pytest.mark.parametrize(
    "field,lines",
    [
        # Read on the tuning scans of samples/scan8 (LibreOffice tables): a ruling's remnant or a
        # speck at a cell's edge.
        ("after", ["国民健康保険情報ファイル", "中間サーバー副本ファイル・", "B"]),
        ("before", ["(2)保険給付に関する事務", "8", "(3)保険税の賦課及び徴収に関する事務"]),
        ("before", ["平成31年4月1日時点。3"]),
        ("after", ["番号法第１９条第８号別表第二の４２の項、４５の項ーー"]),
    ],
)
def test_stray_glyphs_at_a_cells_edge_are_suspect(field, lines):
    row = _row(**{field: lines})
    assert [c for c, _ in suspect_fields(row)] == [field]


def test_words_wrapped_alone_and_katakana_long_vowels_are_not_edge_strays():
    row = _row(
        explanation=["組織改正による部署名の変更", "重大な変更に該当しな", "い"],
        after=["中間サーバー・ソフトウェア", "①情報提供機能", "上記を新規追加"],
    )
    assert suspect_fields(row) == []


def _item_row(text: str) -> RawRow:
    row = RawRow()
    row.cells["item"] = [CellLine(t) for t in text.split("\n")]
    return row


def test_an_item_whose_section_numeral_did_not_read_is_suspect():
    """基本情報 above ７．評価実施機関における担当部署 without its Ⅰ (or after a glyph of no word,
    １関連情): the other items of the document open with their section, so this one says it is
    unsure; where few do, none is flagged."""
    texts = [
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n⑥事務担当部署",
        "Ⅵ評価実施手続\n３．第三者点検\n①実施日",
        "基本情報\n７．評価実施機関における担当部署\n①部署",
        "１関連情\n２．特定個人情報ファイル名",
    ]
    rows = [_item_row(t) for t in texts]
    flag_suspects(rows)
    flagged = [any(d.kind == "ocr_suspect" and d.field == "item" for d in r.doubts) for r in rows]
    assert flagged == [False, False, False, True, True]
    few = ["基本情報\n７．評価実施機関における担当部署\n①部署", "２．基本情報\n⑥事務担当部署", texts[0]]
    rows = [_item_row(t) for t in few]
    flag_suspects(rows)
    assert not any(d.kind == "ocr_suspect" for r in rows for d in r.doubts)


def test_an_item_printed_without_its_section_line_is_not_suspect():
    """Tables print an item without its section line under rows of the same section
    (７．評価実施機関における担当部署 / ①部署, ⑧使用方法 alone): on the unseen scans such items
    made right rows warned and no wrong one."""
    texts = [
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n⑥事務担当部署",
        "Ⅵ評価実施手続\n３．第三者点検\n①実施日",
        "７．評価実施機関における担当部署\n①部署",
        "３．特定個人情報の入手・使用\n⑧使用方法",
    ]
    rows = [_item_row(t) for t in texts]
    flag_suspects(rows)
    assert not any(d.kind == "ocr_suspect" for r in rows for d in r.doubts)


def test_a_katakana_word_wrapped_at_its_long_vowel_and_a_wrapped_closing_bracket_are_no_strays():
    """Read on the tuning scans (right rows that were warned): ネットワ / ークシステム, カ / ード, and
    …（委託に伴うものを除く。 / ）; a ー after no kana and a lone ） closing nothing still are."""
    row = _row(
        after=["情報提供ネットワ", "ークシステムにおける照会", "個人番号カ", "ード、特定個人情報"],
        item=[
            "Ⅱ特定個人情報ファイルの概要",
            "５．特定個人情報の提供・移",
            "転（委託に伴うものを除く。",
            "）",
            "提供先１",
        ],
    )
    assert suspect_fields(row) == []
    assert [c for c, _ in suspect_fields(_row(explanation=["サ", "中間ーバーへの登録"]))] == ["explanation"]
    assert [c for c, _ in suspect_fields(_row(before=["通知カード", "）"]))] == ["before"]


@pytest.mark.parametrize(
    "lines",
    [
        # Read on the tuning scans: every one a wrong item no other check warned.
        [
            "Ⅱ特定個人情報ファイルの概要",
            "４．特定個人情報ファイルの取扱いの委託",
            "委託事項１",
            "⑲再委託の有無",
        ],
        ["Ⅳその他のリスク対策", "１．監査", "④自己点検", "具体的なチェック方法"],
        ["Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・消去", "保管場所"],
        ["Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項１", "委託内容"],
    ],
)
def test_an_item_heading_misnumbered_or_unnumbered_is_suspect(lines):
    row = _row(item=lines)
    assert [c for c, _ in suspect_fields(row)] == ["item"]


def test_an_item_heading_numbered_as_the_forms_do_is_not():
    for lines in (
        ["Ⅳその他のリスク対策", "１．監査", "①自己点検", "具体的なチェック方法"],
        ["Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・消去", "①保管場所"],
        ["Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項１", "①委託内容"],
    ):
        assert suspect_fields(_row(item=lines)) == [], lines


def test_katakana_loanwords_are_no_unknown_words_but_doubled_kana_are():
    from piatable.normalize.ocr_text import unknown_words

    assert unknown_words("オンライン資格確認等システム") == []
    assert unknown_words("マルウェア対策") == []
    assert unknown_words("データセンタターに") == ["データセンタター"]
    assert unknown_words("ットワークシステム") != []


def test_a_heading_number_with_a_full_stop_and_a_bracket_lost_from_a_numbering_are_suspect():
    """Read on the tuning scans: ． read as 。 in an item (１。監査), and (1) read as 1) where the
    row's other paragraphs keep their bracket; a row numbered 1) throughout is not suspect."""
    row = _row(item=["Ⅳその他のリスク対策１。監査", "①自己点検"])
    assert [c for c, _ in suspect_fields(row)] == ["item"]
    row = _row(
        before=["(1)窓口における本人確認の徹底"],
        after=["1)窓口における本人確認の徹底", "2)届出書の記載内容の確認"],
    )
    assert [c for c, _ in suspect_fields(row)] == ["after"]
    row = _row(before=["1)窓口における本人確認"], after=["1)窓口における本人確認", "2)届出書の確認"])
    assert suspect_fields(row) == []


def test_a_low_confidence_line_the_corrections_put_right_is_not_suspect():
    """The dictionary vouches for a corrected line: its tesseract confidence was the misread's
    (no ocr_suspect, no ocr_unsure).  A line read as unsure and left as read still is suspect."""
    from piatable.normalize.evidence import ocr_doubts
    from piatable.pipeline import rows_to_records

    def kinds(corrected: bool) -> set[tuple[str, str | None]]:
        row = _row(explanation=["組織改正による部署名の変更"])
        for cells in row.cells.values():
            for cl in cells:
                cl.conf = 95.0
        row.cells["explanation"][0].conf = 55.0
        row.cells["explanation"][0].corrected = corrected
        rec = rows_to_records([_row(explanation=["組織改正による部署名の変更"])], "x", Settings())[0]
        return {(d.kind, d.field) for d in ocr_doubts(row, rec, Settings().quality)}

    assert ("ocr_suspect", "explanation") in kinds(False)
    assert ("ocr_unsure", None) in kinds(False)
    assert kinds(True) == set()
