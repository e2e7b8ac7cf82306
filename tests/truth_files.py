"""Every sample's truth (``samples/**/expected/records.json``), read once per test process.

The checks that a rule is quiet on every truth row of the samples read all 13,600+ truth files;
most are copies (each extractor's text of a table carries its PDF's truth: ~2,350 distinct
texts, session 67).  ``truth_files`` reads them once for every such test of the process, and
``verdicts`` runs a check on each distinct file once, its answers given for every copy: a test
still counts every file's rows and names the file of a row that fails (its assertions unchanged).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .conftest import SAMPLES


@functools.cache
def truth_files() -> tuple[tuple[Path, str], ...]:
    """(path, text) of every truth file under samples/, sorted by path; the copies of a text share
    one string (the process holds the ~2,350 distinct texts, not 90 MB of copies)."""
    one: dict[str, str] = {}
    paths = sorted(SAMPLES.rglob("expected/records.json"))
    return tuple((p, one.setdefault(t := p.read_text("utf-8"), t)) for p in paths)


@functools.cache
def _rows(text: str) -> tuple[dict, ...]:
    return tuple(json.loads(text))


def rows_of(text: str) -> list[dict]:
    """The records of a truth file's text (parsed once per distinct text; each a fresh dict)."""
    return [dict(r) for r in _rows(text)]


def verdicts(check: Callable[[dict], Any]) -> Callable[[str], list[Any]]:
    """``check`` (one truth row -> its answer) run on each row of a distinct truth text once:
    the function returned gives a text's answers, row by row, computing them the first time."""
    seen: dict[str, list[Any]] = {}

    def of(text: str) -> list[Any]:
        if text not in seen:
            seen[text] = [check(r) for r in rows_of(text)]
        return seen[text]

    return of


def case_depth(path: Path) -> bool:
    """Whether the truth file ``path`` is ``samples/<set>/<case>/expected/records.json`` (what
    ``SAMPLES.glob("*/*/expected/records.json")`` finds; ``truth_files`` holds deeper ones too)."""
    return len(path.relative_to(SAMPLES).parts) == 4


def distinct_rows(keep: Callable[[Path], bool] = lambda _path: True) -> list[dict]:
    """The records of each distinct text among the truth files that ``keep`` takes, once per text
    (for the checks over a set of the truth's cells or lines: every copy adds nothing)."""
    texts = dict.fromkeys(text for path, text in truth_files() if keep(path))
    return [r for text in texts for r in rows_of(text)]


def truth_copies(keep: Callable[[Path], bool]) -> dict[str, int]:
    """Each distinct text among the truth files that ``keep`` takes, with its number of copies
    (a check run on the text once counts its rows for every copy)."""
    out: dict[str, int] = {}
    for path, text in truth_files():
        if keep(path):
            out[text] = out.get(text, 0) + 1
    return out


def set_starts(path: Path, prefix: str) -> bool:
    """Whether ``path`` is a truth file at ``samples/<prefix>*/<case>/`` (what
    ``SAMPLES.glob(prefix + "*/*/expected/records.json")`` finds)."""
    return case_depth(path) and path.relative_to(SAMPLES).parts[0].startswith(prefix)
