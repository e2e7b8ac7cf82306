"""Spaced-out variants of LibreOffice-made extractor texts (issue 10, branch spaced23).

    python tools/make_spaced23_samples.py [--set office-spaced23|heldout-spaced23]

Text copied from document-sharing sites prints a space between characters.  Each text case of
the source set (samples/office-raw22 for the tuning set, samples/heldout-raw22 for the held-out
set: tables printed by LibreOffice Calc and Writer, then read by the five extractors) is spaced
out in each of the ways ``SPACINGS`` names, and written as a case of its own
(``<table case>-<spacing>-<extractor>/input.txt``) with the source's expected records.  Form
feeds stay page breaks; every spacing acts line by line.  The output is a pure function of the
committed source texts (``tests/test_spaced_samples.py`` checks it is what is committed).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SOURCES = {"office-spaced23": "office-raw22", "heldout-spaced23": "heldout-raw22"}
EXTRACTORS = ("pypdfium2", "pdftotext-raw", "pdfminer", "pdftotext", "pdftotext-layout")

_NON_SPACE_PAIR = re.compile(r"(?<=[^\s\u3000])(?=[^\s\u3000])")
# Japanese: any character outside ASCII that is no space.
_JAPANESE_PAIR = re.compile(r"(?<=[^\x00-\x7f\s\u3000])(?=[^\x00-\x7f\s\u3000])")
_SPACES = re.compile(r" +")


def _doubled(line: str) -> str:
    return _SPACES.sub(lambda m: m.group() * 2, line)


def _per_line(fn: Callable[[str], str]) -> Callable[[str], str]:
    """``fn`` applied to each line, and to each part of a line between form feeds."""

    def spaced(text: str) -> str:
        return "\n".join("\f".join(fn(p) for p in ln.split("\f")) for ln in text.split("\n"))

    return spaced


# name -> the spacing of one line (no form feed or newline in it).
SPACINGS: dict[str, Callable[[str], str]] = {
    # a space after every character, the text's own spaces and column gaps too (" ".join)
    "every": lambda ln: " ".join(ln),
    # a space between two characters that are not spaces (a viewer's copied text)
    "nonspace": lambda ln: _NON_SPACE_PAIR.sub(" ", ln),
    # the same, the text's own spaces doubled first (a viewer that widens them)
    "nonspace2": lambda ln: _NON_SPACE_PAIR.sub(" ", _doubled(ln)),
    # a space between two Japanese characters only (digits, Latin letters left as they were)
    "japanese": lambda ln: _JAPANESE_PAIR.sub(" ", ln),
    "japanese2": lambda ln: _JAPANESE_PAIR.sub(" ", _doubled(ln)),
    # an ideographic space after every character ("\u3000".join)
    "ideographic": lambda ln: "\u3000".join(ln),
}


def space_text(text: str, spacing: str) -> str:
    """``text`` spaced out the way ``SPACINGS[spacing]`` does, line by line."""
    return _per_line(SPACINGS[spacing])(text)


def source_cases(source: Path) -> list[tuple[Path, str, str]]:
    """(case folder, table case name, extractor) of each text case of ``source``."""
    out = []
    for folder in sorted(p for p in source.iterdir() if (p / "input.txt").exists()):
        for tool in sorted(EXTRACTORS, key=len, reverse=True):
            if folder.name.endswith(f"-{tool}"):
                out.append((folder, folder.name.removesuffix(f"-{tool}"), tool))
                break
    return out


def build(set_name: str, dest: Path | None = None) -> int:
    """Write the set's cases under ``dest`` (default samples/<set_name>); how many."""
    source = SAMPLES / SOURCES[set_name]
    dest = dest or SAMPLES / set_name
    count = 0
    for folder, table, tool in source_cases(source):
        text = (folder / "input.txt").read_text("utf-8")
        for spacing in SPACINGS:
            case = dest / f"{table}-{spacing}-{tool}"
            (case / "expected").mkdir(parents=True, exist_ok=True)
            (case / "input.txt").write_text(space_text(text, spacing), "utf-8")
            shutil.copyfile(folder / "expected" / "records.json", case / "expected" / "records.json")
            count += 1
    meta = {"source": f"samples/{SOURCES[set_name]}", "spacings": list(SPACINGS)}
    (dest / "cases.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SOURCES), action="append")
    ns = ap.parse_args(argv)
    for name in ns.set or sorted(SOURCES):
        print(f"{name}: {build(name)} cases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
