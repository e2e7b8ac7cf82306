"""The library API: typed errors, the documented result type, an invalid kind."""

from __future__ import annotations

import pytest

import piatable
from piatable import InputError, OcrUnavailable, PiatableError, UnreadablePDF

from .conftest import SAMPLES


def test_unreadable_pdf_raises_its_own_type(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(UnreadablePDF, match=r"broken\.pdf"):
        piatable.extract(bad)
    with pytest.raises(InputError):
        piatable.read(bad)
    assert issubclass(UnreadablePDF, PiatableError)


def test_missing_and_empty_inputs_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        piatable.extract(tmp_path / "nope.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        piatable.extract(empty)


def test_missing_tesseract_raises_ocr_unavailable(tmp_path, monkeypatch):
    import pytesseract

    from piatable.extract.ocr import engine

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-tesseract"))
    monkeypatch.setattr(engine, "_CHECKED", set())
    scan = SAMPLES / "scan" / "excel-200dpi-rot05" / "input.jpg"
    with pytest.raises(OcrUnavailable, match="tesseract"):
        piatable.extract(scan)
    res = piatable.extract_document(scan)
    assert res.status == "failure" and "tesseract" in res.errors[0][2]


@pytest.mark.parametrize("call", [piatable.extract, piatable.extract_document, piatable.read])
def test_invalid_kind_is_a_value_error(seed_path, call):
    with pytest.raises(ValueError, match="kind"):
        call(seed_path, "image")


def test_extract_document_gives_records_status_and_notes(tmp_path, seed_path):
    res = piatable.extract_document(seed_path)
    assert isinstance(res, piatable.DocumentResult)
    assert res.status == "success" and len(res.records) == 12 and res.kind == "text"
    prose = tmp_path / "prose.txt"
    prose.write_text("本文のみ。\n", encoding="utf-8")
    res = piatable.extract_document(prose)
    assert res.records == [] and "no amendment table found" in res.notes
    assert "extract_document" in piatable.__all__


def test_a_readers_fault_is_an_internal_error_naming_the_file(tmp_path, monkeypatch):
    """A bug in a reader (here: the stream reader made to raise IndexError, as a blank line once
    made plumber_widths raise) reaches the library's caller as ``InternalError``, a
    ``PiatableError`` naming the file, the original exception its cause: a loop over a corpus
    that catches ``PiatableError`` goes on.  ``NotAnInput`` is exported and is an ``InputError``."""
    from piatable import pipeline

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(pipeline, "_text_document", broken)
    given = tmp_path / "hyoka.txt"
    given.write_text((SAMPLES / "seed" / "input.txt").read_text("utf-8"), "utf-8")
    with pytest.raises(piatable.InternalError, match=r"hyoka\.txt: unexpected error.*IndexError") as err:
        piatable.extract(given)
    assert isinstance(err.value, PiatableError)
    assert isinstance(err.value.__cause__, IndexError)
    assert issubclass(piatable.NotAnInput, InputError)
    with pytest.raises(ValueError, match="kind must be one of"):
        piatable.extract(given, kind="word")
