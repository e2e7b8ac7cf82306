"""Label cells and header rows (normalize/grid/labels.py): the quick rejections give the answers
the full tests give."""

from __future__ import annotations

from types import SimpleNamespace

from piatable.normalize.chars import paragraphs
from piatable.normalize.grid.labels import _is_label_cell, is_header_row


def _cells(*texts: str) -> dict:
    return {k: [SimpleNamespace(text=t)] for k, t in enumerate(texts)}


def test_the_longest_label_with_ocr_marks_is_a_label_cell_and_one_letter_more_is_not() -> None:
    assert _is_label_cell("｜提出時期に係る説明．")  # nine letters, the longest label
    assert _is_label_cell("提 出 時 期 に 係 る 説 明")
    assert not _is_label_cell("提出時期に係る説明文")  # ten letters: no label
    assert not _is_label_cell("住民基本台帳ネットワークシステムの変更日")


def test_a_header_row_whose_labels_come_last_is_found() -> None:
    # Two body cells first: the three label cells after them still make a header row.
    assert is_header_row(
        _cells("令和5年4月1日", "Ⅱ 特定個人情報ファイルの概要", "変更前の記載", "変更後の記載", "提出時期")
    )
    assert not is_header_row(_cells("令和5年4月1日", "Ⅱ 概要", "住民票", "変更後の記載", "提出時期"))


def test_paragraphs_are_the_stripped_nonblank_lines() -> None:
    assert paragraphs(" a \n\n b\n  ") == ("a", "b")
    assert paragraphs("") == ()
    assert paragraphs(None) == ()
