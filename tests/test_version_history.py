"""A version-history table (改訂履歴) before the amendment table: no cover, no rows, a note
(normalize/version_history.py, samples/office-history69, branch cover69)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.normalize.cover import check_cover, cover_facts_from_document_text
from piatable.normalize.version_history import blank_history, is_history_labels, split_history
from piatable.pipeline import extract_document

SET = Path(__file__).resolve().parent.parent / "samples" / "office-history69"


def test_history_block_found_by_its_labels_with_its_title_and_rows():
    lines = [
        "改訂履歴",
        "版数 改訂日 改訂内容",
        "第1版 令和2年4月1日 新規作成",
        "第2版 令和5年6月1日 委託先の変更",
        "（別添２）変更箇所",
        "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
    ]
    kept, history = split_history(lines)
    assert history == lines[:4]
    assert kept == lines[4:]


def test_labels_of_the_amendment_table_or_a_sentence_are_no_history():
    assert is_history_labels("評価書の版 公表日 変更の概要")
    assert is_history_labels("No. 変更年月日 変更内容 備考")
    assert not is_history_labels("変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明")
    assert not is_history_labels("第2版の内容を修正した")
    # No date under the labels: no history, the lines stay.
    assert split_history(["版数 改訂内容", "項目の説明"]) == (["版数 改訂内容", "項目の説明"], [])


def test_history_alone_gives_no_cover_but_a_note():
    text = "評価書の版 公表日 変更の概要\n第1版 2015/10/5 新規作成\n第2版 2020/7/6 委託先の変更\n"
    facts, notes = check_cover(cover_facts_from_document_text(text))
    assert facts == {}
    assert len(notes) == 1 and "version-history" in notes[0] and "2020/7/6" in notes[0]


def test_blanked_text_keeps_its_lines_and_pages():
    text = "表紙\f改訂履歴\n版 改訂日 改訂理由\n1.0 平成30年1月1日 新規作成\n\n（別添２）変更箇所\n"
    out, notes = blank_history(text)
    assert out.count("\n") == text.count("\n") and out.count("\f") == 1
    assert "新規作成" not in out and "新規作成" in notes[0]


CASES = sorted(p.name for p in SET.iterdir() if (p / "expected" / "documents.json").exists())


@pytest.mark.parametrize(
    "name",
    [
        c
        for c in CASES
        if c.endswith(("-v1", "-v2", "-v3", "-v4", "-v2-pdftotext-layout", "-v8-pdftotext-layout"))
    ],
)
def test_sample_cover_facts_from_the_real_cover_only(name):
    folder = SET / name
    path = next(p for p in folder.iterdir() if p.name.startswith("input."))
    truth = json.loads((folder / "expected" / "documents.json").read_text("utf-8"))
    rows = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(path)
    docs = result.documents or {}
    assert docs.get("published") == truth["published"]
    assert docs.get("agency") == truth["agency"]
    assert len(result.records) == len(rows)
    assert result.status == "success" or not name.endswith(("-v1", "-v2", "-v3", "-v4"))
    assert not any(r.item.startswith(("（別添", "版", "評価書の版")) for r in result.records)
