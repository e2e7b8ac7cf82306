"""Shared by the tests of widths in scans (test_scan_widths41, test_scan_widths42): a scanned
set's cases read from their committed tesseract TSV, and the cells wrong only in the widths of
their characters (full width for half or back)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .conftest import SIX
from .test_scan_own_numbering import read_scan_folder


def flat(text: str | None, nfkc: bool = False) -> str:
    """``text`` without white space (and NFKC-normalized with ``nfkc``: widths folded)."""
    s = "".join(str(text or "").split())
    return unicodedata.normalize("NFKC", s) if nfkc else s


def scan_cases(folder: Path) -> list[str]:
    """The names of the set's cases (the folders holding a committed ``ocr/`` read)."""
    return sorted(p.name for p in folder.iterdir() if (p / "ocr").is_dir())


def read_set(folder: Path) -> dict[str, tuple[list[dict], list[dict]]]:
    """Each case of the set: (records read, expected records)."""
    return {name: read_scan_folder(folder / name) for name in scan_cases(folder)}


def assert_rows_and_dates_read(reads: dict[str, tuple[list[dict], list[dict]]]) -> None:
    """Every expected row is read, each with its 変更日."""
    for name, (got, expected) in reads.items():
        assert len(got) == len(expected), name
        assert [g["change_date"] for g in got] == [e["change_date"] for e in expected], name


def width_only_cells(reads: dict[str, tuple[list[dict], list[dict]]]) -> list[tuple[str, str, str]]:
    """(case, field, cell read) of the cells right but for their characters' widths."""
    return [
        (name, f, g[f])
        for name, (got, expected) in reads.items()
        for g, e in zip(got, expected, strict=True)
        for f in SIX
        if flat(g[f]) != flat(e[f]) and flat(g[f], True) == flat(e[f], True)
    ]
