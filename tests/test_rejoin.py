"""Soft wraps vs paragraph breaks, with the real SudachiPy dictionary and with a fake."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.normalize.rejoin import rejoin_lines
from piatable.settings import RejoinSettings

S = RejoinSettings()


def lines(*texts: str) -> list[CellLine]:
    return [CellLine(t) for t in texts]


def test_full_lines_join_and_short_line_ends_paragraph():
    got = rejoin_lines(
        lines(
            "サービス検索・電子申請機",
            "能及びマイナポータルのお",
            "知らせ機能の利用に伴う修",
            "正",
            "記録項目の内容自体には変",
            "更はなく",
        ),
        24,
        S,
    )
    assert got == [
        "サービス検索・電子申請機能及びマイナポータルのお知らせ機能の利用に伴う修正",
        "記録項目の内容自体には変更はなく",
    ]


def test_marker_starts_paragraph_even_after_full_line():
    got = rejoin_lines(
        lines("（１．従業者が事務外で使用するリスクへの", "措置）", "・年１回、各課から選任"), 40, S
    )
    assert got == ["（１．従業者が事務外で使用するリスクへの措置）", "・年１回、各課から選任"]


def test_kinsoku_short_line_joins():
    # The line is one character short because （ may not end a line.
    got = rejoin_lines(lines("リスク２：権限のない者", "（元職員、アクセス権限の"), 24, S)
    assert got == ["リスク２：権限のない者（元職員、アクセス権限の"]


def test_tokenizer_decides_a_line_one_char_short():
    # A particle cannot end a phrase: joined.  A noun heading may: kept apart.
    assert rejoin_lines(lines("され、個人番号通知書と", "なったことによる修正"), 24, S) == [
        "され、個人番号通知書となったことによる修正"
    ]
    assert rejoin_lines(lines("３．特定個人情報の使用", "特定個人情報の使用におけ"), 24, S) == [
        "３．特定個人情報の使用",
        "特定個人情報の使用におけ",
    ]


class FakeTokenizer:
    """Splits into single characters and says no phrase is ever open."""

    def surfaces(self, text: str) -> list[str]:
        return list(text)

    def ends_open(self, text: str) -> bool:
        return False


def test_fake_tokenizer_is_used_for_ambiguous_breaks():
    pair = lines("され、個人番号通知書と", "変わったことによる修正")
    assert rejoin_lines(pair, 24, S) == ["され、個人番号通知書と変わったことによる修正"]
    assert rejoin_lines(pair, 24, S, FakeTokenizer()) == pair_texts(pair)


def pair_texts(pair: list[CellLine]) -> list[str]:
    return [cl.text for cl in pair]


def test_kinsoku_pair_pushed_down_joins():
    # 「なっ」: the small っ may not start a line, so な went down with it.
    assert rejoin_lines(lines("され、個人番号通知書と", "なったことによる修正"), 24, S, FakeTokenizer()) == [
        "され、個人番号通知書となったことによる修正"
    ]


def test_geometry_overrides_width():
    a = CellLine("短い行", wraps=True)
    b = CellLine("続き")
    assert rejoin_lines([a, b], None, S) == ["短い行続き"]
    a.wraps = False
    assert rejoin_lines([a, b], None, S) == ["短い行", "続き"]


def test_full_width_space_at_a_soft_wrap_is_kept():
    """生年月日　／性別: the document's U+3000 at a wrap stays; at a paragraph end it goes."""
    got = rejoin_lines(
        [CellLine("氏名　住所　生年月日\u3000", wraps=True), CellLine("性別", wraps=False)], None, S
    )
    assert got == ["氏名　住所　生年月日\u3000性別"]
    got = rejoin_lines([CellLine("氏名　住所\u3000", wraps=False), CellLine("性別", wraps=False)], None, S)
    assert got == ["氏名　住所", "性別"]


def test_word_marker_after_a_full_running_line_continues_it():
    """…の終了に伴う／削除 with the line full by the geometry is one phrase; after a finished
    sentence, or a short line, 削除 is a paragraph of its own."""
    full = CellLine("収納事務の委託の終了に伴う", wraps=True)
    assert rejoin_lines([full, CellLine("削除")], None, S) == ["収納事務の委託の終了に伴う削除"]
    done = CellLine("旧システムは廃止する。", wraps=True)
    assert rejoin_lines([done, CellLine("削除")], None, S) == ["旧システムは廃止する。", "削除"]
    short = CellLine("収納事務の委託", wraps=False)
    assert rejoin_lines([short, CellLine("新規追加")], None, S) == ["収納事務の委託", "新規追加"]


def test_a_line_ending_with_an_opening_bracket_never_ends_a_paragraph():
    """LibreOffice applies no kinsoku: a wrap may leave （ at a line's end, even where the
    geometry finds the line short of the edge (the bracket's glyph is narrow on its left)."""
    for wraps in (True, False, None):
        got = rejoin_lines(
            [CellLine("番号法第19条第8号（", wraps=wraps), CellLine("情報提供ネットワーク）")], 30, S
        )
        assert got == ["番号法第19条第8号（情報提供ネットワーク）"]


def test_a_full_line_ending_on_a_particle_runs_into_a_line_opening_like_an_entry():
    """…第８号の／２、第３０条の４４ (a Writer PDF, new user): ２、 opens like a list entry, but a
    full line ending on の runs on; after a short line, or a finished phrase, it is an entry."""
    lines = [CellLine("住民基本台帳法第７条第８号の", wraps=True), CellLine("２、第３０条の４４")]
    assert rejoin_lines(lines, None, S) == ["住民基本台帳法第７条第８号の２、第３０条の４４"]
    lines = [CellLine("次の事務を行う。", wraps=True), CellLine("２、保険給付に関する事務")]
    assert rejoin_lines(lines, None, S) == ["次の事務を行う。", "２、保険給付に関する事務"]
    lines = [CellLine("住民基本台帳法第７条第８号の", wraps=False), CellLine("２、第３０条の４４")]
    assert rejoin_lines(lines, None, S) == ["住民基本台帳法第７条第８号の", "２、第３０条の４４"]


def test_an_item_line_ending_on_a_particle_or_attributive_runs_into_the_next_heading():
    """In the 項目 column a full line followed by a heading of the form is a paragraph break,
    unless the line ends so that no heading can end there (…その他の／リスク対策,
    …プロセスにおける／リスク対策: new user's Writer and Calc PDFs)."""
    from piatable.normalize.grid.rows import _heading_breaks

    for left in ("３．その他の", "Ⅲ特定個人情報ファイルの取扱いプロセスにおける"):
        lines = [CellLine(left, wraps=True), CellLine("リスク対策", wraps=False)]
        _heading_breaks(lines)
        assert lines[0].wraps is True, left
    lines = [CellLine("Ⅱ特定個人情報ファイルの概要", wraps=True), CellLine("３．特定個人情報の入手・使用")]
    _heading_breaks(lines)
    assert lines[0].wraps is False


def test_a_line_of_closing_marks_alone_ends_the_line_before():
    """…作成する / 。: a 。 (or ）。) set on a line of its own continues the line before it, even
    where the geometry says that line stopped short."""
    lines = [
        CellLine("課税台帳を作成する", wraps=False),
        CellLine("。", wraps=False),
        CellLine("②次の段落", wraps=False),
    ]
    assert rejoin_lines(lines, None, RejoinSettings()) == ["課税台帳を作成する。", "②次の段落"]
    lines = [CellLine("（省略", wraps=False), CellLine("）。", wraps=False)]
    assert rejoin_lines(lines, None, RejoinSettings()) == ["（省略）。"]
    # A bullet is no closing mark.
    lines = [CellLine("作成する。", wraps=False), CellLine("・次", wraps=False)]
    assert rejoin_lines(lines, None, RejoinSettings()) == ["作成する。", "・次"]
