"""Document facts from an assessment's cover page: 評価書番号, 評価書名, 評価実施機関名, 公表日.

The cover of every assessment form prints these as labelled cells.  The label and its value
sit side by side on one line, or the labels form one row and the values the next (評価書番号 /
評価書名).
"""

from __future__ import annotations

import regex

from .dates import DATE, parse_date
from .unicode import clean_text

# Printed label → output key.
COVER_LABELS: dict[str, str] = {
    "評価書番号": "assessment_number",
    "評価書名": "assessment_name",
    "評価実施機関名": "agency",
    "公表日": "published_raw",
}
# Pages searched for the cover (a cover may follow a blank or a letter page).
COVER_PAGES = 2

_WS = regex.compile(r"[ \t　]+")


def cover_facts_from_text(text: str) -> dict[str, str]:
    """The cover facts found in the text of the first pages (one printed line per text line)."""
    lines = [_WS.sub(" ", clean_text(ln)).strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    facts: dict[str, str] = {}
    for i, ln in enumerate(lines):
        squashed = ln.replace(" ", "")
        found = [lab for lab in COVER_LABELS if lab in squashed]
        if not found:
            continue
        if len(found) >= 2 and squashed in ("".join(found), "".join(reversed(found))):
            # A row of labels: the values are the next line, in the same order.
            if i + 1 < len(lines):
                parts = lines[i + 1].split(" ", len(found) - 1)
                for lab, val in zip(found, parts, strict=False):
                    facts.setdefault(COVER_LABELS[lab], val.strip())
            continue
        lab = found[0]
        rest = ln.split(lab, 1)[1].strip() if lab in ln else squashed.split(lab, 1)[1]
        if not rest and i + 1 < len(lines) and not any(x in lines[i + 1] for x in COVER_LABELS):
            rest = lines[i + 1]
        if lab == "公表日":
            m = DATE.search(rest)
            rest = m.group(0) if m else rest
        if rest:
            facts.setdefault(COVER_LABELS[lab], rest)
    if "published_raw" in facts:
        iso = parse_date(facts["published_raw"])
        if iso:
            facts["published"] = iso
    return facts
