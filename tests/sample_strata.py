"""Which of the generated per-input cases ``make test`` runs: a deterministic stratum of the
samples, every kind of table (an ``office-`` / ``heldout-`` pair of sets) and every extractor's
text of the kind still read, every set still read.

Most text samples are one table printed by office software and read back by a dozen extractors
(pdfminer, pdftotext and its -raw / -layout, pypdfium2, pypdf, PyMuPDF, pdfplumber … and their
``+nl`` variants): the same table in near-identical orders.  Reading all 11,000+ of them once
costs about three quarters of the suite's CPU (session 66: ~28 min on 2 cores).  ``make test``
reads a stratum instead: every extractor's text of a kind of table for one of its tables (an
extractor's ``+nl`` / ``+nn`` twin, the same text with its pages joined by line ends, counted as
the extractor: one of the two, session 67), the table chosen by a hash of the case's name (so the
tables vary from one extractor to the next, and the choice is the same every run, on every
machine), plus every case a test names (a strict xfail must keep running, or its entry could
never be found stale).  A kind is a set, or the two sets ``office-X`` / ``heldout-X`` that one
generator made of the same layouts with other tables (``make_office_samples.office_pair``,
``make_flow22_samples.split_sets``): the pair's extractors are dealt to its two sets in turn
(session 73; before, each set read every extractor, a kind twice).  ``make test-all``
(``PIATABLE_ALL_INPUTS=1``) reads every input, as the suite did before session 66.
"""

from __future__ import annotations

import os
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

# Set by ``make test-all``: every input of the per-input checks, not a stratum.
ALL_INPUTS = os.environ.get("PIATABLE_ALL_INPUTS", "") not in ("", "0")


def _table_and_tool(folder: Path, tables: list[str], tools: list[str]) -> tuple[str, str]:
    """The table (PDF case name) and extractor (the name's rest) of the text case ``folder``:
    ``office-raw40/r40-calc-3-pdftotext-raw`` -> (``r40-calc-3``, ``pdftotext-raw``).  A set
    without PDFs: the longest extractor name the name ends with; none: the folder is its own
    table and has no extractor ("")."""
    name = folder.name
    table = next((t for t in tables if name.startswith(t + "-")), None)
    if table is not None:
        return table, name[len(table) + 1 :]
    tool = next((t for t in tools if name.endswith("-" + t)), None)
    return (name[: -len(tool) - 1], tool) if tool else (name, "")


# Suffixes of an extractor's text with its pages joined otherwise (tools/make_pdfs.py): ``+nl``
# a line end, ``+nn`` a blank line where the form feed stood.  On a one-page table the twin is
# the same text, byte for byte; on a longer one they differ at the page breaks only.  A set's
# stratum takes one of the two (the first in the hash order), so the sets between them read both.
TWIN_SUFFIXES = ("+nl", "+nn")


def _twin_of(tool: str) -> str:
    """The extractor whose text ``tool``'s is with its pages joined otherwise (``pypdf+nl`` ->
    ``pypdf``); ``tool`` itself when it is none's."""
    for suffix in TWIN_SUFFIXES:
        if tool.endswith(suffix):
            return tool.removesuffix(suffix)
    return tool


def kind_of(set_name: str) -> str:
    """The kind of table of the sample set ``set_name``: its name without the ``office-`` /
    ``heldout-`` of an office / held-out pair (``heldout-flow55`` -> ``flow55``)."""
    return re.sub(r"^(office|heldout)-", "", set_name)


def stratum(inputs: Iterable[Path], root: Path, always: Iterable[str] = ()) -> list[Path]:
    """The inputs (``root/<set>/<case>/input.*``) that ``make test`` runs: per kind of table
    (``kind_of``: a set, or an office / held-out pair of sets), each extractor's first text in the
    order of a CRC-32 of the case's name (``<set>/<case>``) in one of the kind's sets, the sets
    taking the kind's extractors in turn; an extractor's ``+nl`` / ``+nn`` twin counted as the
    extractor (``TWIN_SUFFIXES``); plus the cases named in ``always``; every input under
    ``ALL_INPUTS``.  Sorted, as given."""
    inputs = sorted(inputs)
    if ALL_INPUTS:
        return inputs
    keep = set(always)
    by_set: dict[Path, list[Path]] = defaultdict(list)
    for p in inputs:
        by_set[p.parent.parent].append(p)
    tables_of = {
        s: sorted((c.name for c in s.iterdir() if (c / "input.pdf").is_file()), key=len, reverse=True)
        for s in by_set
    }
    # Extractor names seen beside a PDF case anywhere: they name the texts of sets without PDFs.
    tools = sorted(
        {
            _table_and_tool(p.parent, tables_of[s], [])[1]
            for s, ps in by_set.items()
            for p in ps
            if tables_of[s]
        }
        - {""},
        key=len,
        reverse=True,
    )
    chosen: set[Path] = set()
    kinds: dict[str, list[Path]] = defaultdict(list)
    for s in by_set:
        kinds[kind_of(s.name)].append(s)
    for kind, sets in kinds.items():
        # Per set, its first text of each extractor in the hash order; then each extractor of the
        # kind dealt to one of its sets, the sets in turn from one the kind's hash picks, an
        # extractor only one set has to that set; a set dealt none (a kind with one extractor, as
        # every PDF stratum) reads its first text all the same: every set is read.
        firsts: dict[Path, dict[str, Path]] = {}
        for s in sorted(sets):
            firsts[s] = {}
            for p in sorted(by_set[s], key=lambda p: zlib.crc32(str(p.parent.relative_to(root)).encode())):
                tool = _twin_of(_table_and_tool(p.parent, tables_of[s], tools)[1])
                firsts[s].setdefault(tool, p)
                if str(p.parent.relative_to(root)) in keep:
                    chosen.add(p)
        kind_tools = sorted({t for f in firsts.values() for t in f}, key=lambda t: zlib.crc32(t.encode()))
        dealt: set[Path] = set()
        for turn, tool in enumerate(kind_tools, zlib.crc32(kind.encode())):
            having = [s for s in sorted(sets) if tool in firsts[s]]
            dealt.add(firsts[having[turn % len(having)]][tool])
        for s in sets:
            if not dealt & set(firsts[s].values()):
                dealt.add(next(iter(firsts[s].values())))
        chosen |= dealt
    return [p for p in inputs if p in chosen]
