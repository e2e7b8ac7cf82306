"""The cyclic garbage collector is paused while a text-layer PDF is read, and always enabled
again after: on success, on an unreadable PDF, and on an error inside the grid."""

from __future__ import annotations

import gc

import pytest

import piatable.pipeline as pipeline
from piatable.errors import UnreadablePDF
from piatable.pipeline import extract_document, read_document

from .conftest import SAMPLES

PDF = SAMPLES / "pdf" / "excel-seed" / "input.pdf"


def _spy_on_grid(monkeypatch, fail: bool = False) -> list[bool]:
    """Wrap the grid stage: record whether the collector was enabled while it ran."""
    seen: list[bool] = []
    inner = pipeline.pages_to_rows

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("grid failed")
        return inner(*args, **kwargs)

    monkeypatch.setattr(pipeline, "pages_to_rows", spy)
    return seen


def test_paused_during_a_text_layer_read_and_enabled_after(monkeypatch):
    assert gc.isenabled()
    seen = _spy_on_grid(monkeypatch)
    res = extract_document(PDF)
    assert res.status == "success" and len(res.records) == 12
    assert seen == [False]
    assert gc.isenabled()


def test_enabled_again_after_an_unreadable_pdf(tmp_path):
    bad = tmp_path / "corrupt.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(UnreadablePDF):
        read_document(bad)
    assert gc.isenabled()
    assert extract_document(bad).status == "failure"
    assert gc.isenabled()


def test_enabled_again_after_an_error_in_the_grid(monkeypatch):
    seen = _spy_on_grid(monkeypatch, fail=True)
    with pytest.raises(RuntimeError, match="grid failed"):
        read_document(PDF)
    assert seen == [False]
    assert gc.isenabled()


def test_a_caller_that_disabled_the_collector_keeps_it_disabled():
    gc.disable()
    try:
        assert len(extract_document(PDF).records) == 12
        assert not gc.isenabled()
    finally:
        gc.enable()
