"""Research fields and OCR choices on real LibreOffice tables (samples/office-keys61, made by
tools/make_keys61_samples.py): 記載なし as the 変更前 makes an added row and as the 変更後 a
deleted one, a システム block printed in the body does not extend the item's key, and a choice
in full-width brackets read by tesseract is right or warned (set XXII FAULTS #3, #4, #13)."""

from __future__ import annotations

import json

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-keys61"
SCANS = SAMPLES / "office-scan-keys61"
SYSTEM_KEY = "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務において使用するシステム"
TEXT_CASES = [p.name for p in sorted(SET.iterdir()) if (p / "input.txt").exists()]


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _read(name: str):
    folder = (SCANS if name.endswith("-scan") else SET) / name
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return extract_document(next(folder.glob("input.*"))).records, truth


@pytest.mark.parametrize("name", ["k61-calc-gothic-t1", "k61-writer-mincho-t2", *TEXT_CASES])
def test_placeholder_cells_and_blocks_in_the_body(name):
    records, truth = _read(name)
    for r, t in zip(records, truth, strict=False):
        if _squash(r.before) == _squash(t["before"]) and _squash(r.after) == _squash(t["after"]):
            if t["before"] == "記載なし":
                assert r.change_kind == "added"
            if t["after"] == "記載なし":
                assert r.change_kind == "deleted"
        if t["item"].endswith("使用するシステム") and _squash(r.item) == _squash(t["item"]):
            assert r.item_key == SYSTEM_KEY


@pytest.mark.parametrize("name", ["k61-calc-gothic-t1-scan", "k61-writer-mincho-t2-scan"])
def test_choices_read_by_ocr_are_right_or_warned(name):
    records, truth = _read(name)
    for r, t in zip(records, truth, strict=True):
        for field in ("before", "after"):
            if "［" in t[field] and _squash(getattr(r, field)) != _squash(t[field]):
                assert f"ocr_suspect:{field}" in r.flags or r.confidence < 0.5, (field, getattr(r, field))
