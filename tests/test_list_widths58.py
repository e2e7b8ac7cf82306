"""A cell's numbered lines read in two widths are in doubt (extract/ocr/list_numberings.py,
``mixed_list_widths``; issue 12's honesty on scans, session 58).

samples/office-scan58's jpeg250 Writer case read ``（１）窓口における本人確認の徹底`` over
``(2)届出書の記載内容の確認`` in both its before and after cells (printed ``(1)``): a wrong row at
confidence 0.72 with no flag but ``ocr``.  Two numbered lines of one kind in two widths now
warn ``ocr_suspect`` on the cell; the samples' true cells never mix them."""

from __future__ import annotations

from piatable.extract.ocr.list_numberings import mixed_list_widths
from piatable.extract.ocr.suspects import suspect_fields
from piatable.models import CellLine, RawRow

from .conftest import SAMPLES
from .truth_files import truth_files, verdicts


def test_two_numbered_lines_of_one_kind_in_two_widths_are_in_doubt() -> None:
    assert mixed_list_widths(["（１）窓口における本人確認の徹底", "(2)届出書の記載内容の確認"])
    assert mixed_list_widths(["１．住民票の記載事項の管理", "2.証明書の発行"])
    # One style, or two kinds each in its own style, or one numbering mixing its own parts.
    assert not mixed_list_widths(["(1)窓口", "(2)届出書", "(3)郵送"])
    assert not mixed_list_widths(["（１）窓口", "1.届出書", "2.郵送"])
    assert not mixed_list_widths(["(１)被保険者の資格", "(２)保険給付"])
    assert not mixed_list_widths(["（１）窓口"])


def test_a_row_with_such_a_cell_gets_ocr_suspect_on_it() -> None:
    lines = ["（１）窓口における本人確認の徹底", "(2)届出書の記載内容の確認"]
    row = RawRow(cells={"before": [CellLine(t, 1) for t in lines]})
    assert [c for c, _ in suspect_fields(row)] == ["before"]


def test_no_truth_cell_of_the_samples_mixes_the_widths_of_its_numbered_lines() -> None:
    cells = 0
    # Each distinct truth file checked once, its answers counted for every copy (tests/truth_files.py);
    # the files two folders down (samples/<set>/<case>/expected/), as before.
    mixed = verdicts(
        lambda rec: [
            (field, mixed_list_widths(lines))
            for field in (("before", "after", "explanation") if isinstance(rec, dict) else ())
            if len(lines := (rec.get(field) or "").split("\n")) >= 2
        ]
    )
    for path, text in truth_files():
        if len(path.relative_to(SAMPLES).parts) != 4:
            continue
        for row in mixed(text):
            for field, is_mixed in row:
                cells += 1
                assert not is_mixed, (path, field)
    assert cells > 1000
