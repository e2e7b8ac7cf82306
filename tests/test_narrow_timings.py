"""A 提出時期 wrapped one character a line beside another column's lines, plain pdftotext
(normalize/narrow_timings.py, samples/office-narrow25, branch boxes40)."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.normalize.narrow_timings import timings_apart


def _lines(rows: list[str | None]) -> tuple[list[CellLine], list[bool]]:
    """Lines numbered as printed (None: a blank line) and their gaps."""
    lines, gaps, blank = [], [], True
    for n, text in enumerate(rows, 1):
        if text is None:
            blank = True
            continue
        lines.append(CellLine(text, 1, n))
        gaps.append(blank)
        blank = False
    return lines, gaps


def test_a_wrapped_timing_beside_an_explanation_is_a_box_of_its_own():
    lines, gaps = _lines(
        [
            "オンライン資格確認等システムの導入に伴う",
            "修正",
            "事 特定個人情報保護評価の再実施には該当しな",
            "前 い",
            None,
            "R2.7.1",
        ]
    )
    out, out_gaps = timings_apart(lines, gaps)
    assert [cl.text for cl in out] == [
        "事前",
        "オンライン資格確認等システムの導入に伴う",
        "修正",
        "特定個人情報保護評価の再実施には該当しな",
        "い",
        "R2.7.1",
    ]
    assert out_gaps == [True, True, False, False, False, True]
    # The gaps are in the line numbers too (a blank line reads as a gap).
    numbers = [cl.line_no for cl in out]
    assert numbers[1] - numbers[0] == 2 and numbers[2] - numbers[1] == 1 and numbers[5] - numbers[4] == 2


def test_a_timing_alone_over_two_lines_and_other_text_are_left_alone():
    lines, gaps = _lines(
        ["事", "前 事務の名称の見直しによる修正", None, "事前", None, "事務の範囲", "前回の記載"]
    )
    out, _ = timings_apart(lines, gaps)
    assert "|".join(cl.text for cl in out) == "事前|事務の名称の見直しによる修正|事前|事務の範囲|前回の記載"
