"""A 公表日 read that the table's own rows rule out is doubted (``cover.published_doubts``)."""

from __future__ import annotations

from piatable.normalize.cover import FACT_LABELS, published_doubts

# OCR read 2023年11月20日 as 2023年1月20日.
MISREAD = {"published_raw": "2023年1月20日", "published": "2023-01-20"}


def test_a_published_date_before_a_change_submitted_after_it_is_doubted():
    notes = published_doubts(MISREAD, [("2023-04-01", "事後"), ("2023-06-30", "事後"), (None, "事後")])
    assert len(notes) == 1
    assert FACT_LABELS["published_raw"] in notes[0]
    assert "2023-06-30" in notes[0] and "2 change(s)" in notes[0]


def test_changes_submitted_before_or_dated_before_the_publication_are_no_doubt():
    # 事前: the assessment is redone before the change takes effect, so it may come later.
    assert published_doubts(MISREAD, [("2023-04-01", "事前")]) == []
    assert published_doubts(MISREAD, [("2023-01-20", "事後"), ("2022-12-01", "事後")]) == []
    right = {"published_raw": "2023年11月20日", "published": "2023-11-20"}
    assert published_doubts(right, [("2023-04-01", "事後"), ("2023-06-30", "事後")]) == []
    assert published_doubts({}, [("2023-04-01", "事後")]) == []


def test_a_published_date_still_to_come_is_doubted():
    notes = published_doubts({"published_raw": "2923年1月20日", "published": "2923-01-20"}, [])
    assert len(notes) == 1 and "still to come" in notes[0]
