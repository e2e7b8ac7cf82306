"""The 項目 column: heading paths, and the form's headings as a soft lexicon.

``pia_headings.tsv`` lists the headings of the assessment forms.  Real documents number them in
many ways (Ⅱ, ３．, ①, (1), リスク２：), so matching strips the numbering and compares the words.
The lexicon only ever adds evidence; nothing is rejected for missing from it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from .chars import ITEM_MARKER

_NUMBERING = regex.compile(
    r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[0-9０-９]{1,2}[．.、]?|[①-⑳]|[（(][0-9０-９]{1,2}[．.）)]"
    r"|(?:リスク|提供先|移転先|委託事項|システム)(?:[0-9０-９]+[：:]?|[：:])|[（(])\s*"
)
# The reference list of the forms' headings (a copy of shared/reference/pia_headings.tsv) and our
# additions recalled from the form.
MIN_BARE_HEADING_CHARS = 4
HEADING_FILES = ("pia_headings.tsv", "extra_headings.tsv")
_ANNOTATION = regex.compile(r"\s*(?:※|\([^)]*\)|（[^）]*）|【[^】]*】)\s*$")


def heading_key(text: str) -> str:
    """A heading with its numbering, spaces, trailing ※ and bracketed notes removed."""
    t = regex.sub(r"\s+", "", text)
    for _ in range(2):
        t = _NUMBERING.sub("", t)
    t = _ANNOTATION.sub("", t)
    return t.strip("：:")


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Heading keys of the forms (both verified and recalled rows: soft evidence only)."""
    data = resources.files("piatable").joinpath("data")
    text = "\n".join(data.joinpath(name).read_text("utf-8") for name in HEADING_FILES)
    keys: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        heading = line.split("\t")[1]
        heading = regex.sub(r"\s*--.*$", "", heading)
        for part in regex.split(r"\s*/\s*|\s*…\s*", heading):
            key = heading_key(regex.sub(r"\([^)]*\)$", "", part))
            if len(key) >= 2:
                keys.add(key)
    return frozenset(keys)


@lru_cache(maxsize=1)
def _long_keys() -> tuple[str, ...]:
    return tuple(k for k in lexicon() if len(k) >= 4)


@lru_cache(maxsize=65536)
def heading_score(paragraph: str) -> float:
    """How much a paragraph looks like a heading of the form: 0 (not at all) to 1."""
    key = heading_key(paragraph)
    score = 0.0
    if ITEM_MARKER.match(paragraph):
        score += 0.5
    if key in lexicon() and (len(key) >= MIN_BARE_HEADING_CHARS or score):
        # A short heading (部署, 監査) printed without its number is more likely a wrapped
        # fragment of a longer line than a heading of its own.
        score += 1.0
    elif len(key) >= 4 and any(key in k or k in key for k in _long_keys()):
        score += 0.25
    return min(score, 1.0)


def is_form_heading(line: str) -> bool:
    """True when a whole printed line is one of the form's headings (numbering aside)."""
    key = heading_key(line)
    return len(key) >= MIN_BARE_HEADING_CHARS and key in lexicon()


def item_path(paragraphs: list[str]) -> list[str]:
    """The heading path: one heading per paragraph of the 項目 cell."""
    return [p for p in (p.strip() for p in paragraphs) if p]
