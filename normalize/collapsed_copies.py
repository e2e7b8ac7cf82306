"""Rows holding a line that ``hygiene.collapse_overprint`` took for over-printed bold text.

``collapse_overprint`` removes a line that repeats the line before it (bold text some extractors
print twice).  A table may print one value twice on purpose: LibreOffice Writer and Calc cells
holding one value a line (``市民部市民課`` / ``市民部市民課`` / ``市民部市民課``, one for each file or
office), and in row-ordered text (pypdfium2, ``pdftotext -raw``) a before cell beside an after
cell of the same lines.  The text cannot tell the two apart; the document's note says a copy may
be missing, and until now no row said so: such rows were read at 0.92 with no flag (the tuning
-raw / pypdfium2 samples' wrong rows at confidence ≥ 0.9 were mostly these: office-warn43,
office-thead56, office-pagemark55, office-boxes42, office-values44, office-writer52).

Here each copy collapsed is known by its text (``collapsed_heads``: the lines the collapse
dropped, or the head it cut from a line), and a row whose item, before, after or explanation
cell holds a line equal to one (whitespace aside) gets ``copy_collapsed:<field>`` (README flag
table), which costs ``quality.weight_copy_collapsed`` (``confidence.add_late_flags``), unless a
copy is a heading of the form: a text whose headings were printed twice was over-printed as bold
(``BOLD_HEADING_SCORE``), and its copies were no cells.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from piatable.models import Record
from piatable.settings import QualitySettings

from .confidence import add_late_flags
from .items import heading_score

FLAG = "copy_collapsed"
# A copy scoring this as a heading of the form (``items.heading_score``: 1 a heading the lexicon
# knows) tells a text over-printed as bold: the 項目 cells' headings are what a table prints bold
# (tests/data/cases/raw_doubled_lines.txt, every heading twice); two equal cells printed side by
# side or one under the other are values (``市民部市民課``, ``[ 再委託する ]``).
BOLD_HEADING_SCORE = 1.0
# The document's note (``hygiene.tidy_text``).
COLLAPSED_NOTE = (
    "{n} lines printed twice (over-printed bold text) were collapsed"
    " to one; were any two equal cells side by side, one copy is missing from the records"
)
_TEXT_FIELDS = ("item", "before", "after", "explanation")


def _squash(text: str) -> str:
    return "".join(text.split())


def collapsed_heads(before: str, after: str) -> frozenset[str]:
    """The copies ``collapse_overprint`` removed from ``before`` to give ``after``, whitespace
    squashed: lines it dropped whole, and the head cut from a line that kept its rest (a line
    ``A B`` after a line ``A`` reads ``B``).  Lines are aligned by ``difflib`` (only changed lines
    count); empty when nothing was collapsed."""
    if before == after:
        return frozenset()
    old, new = before.split("\n"), after.split("\n")
    heads: set[str] = set()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "delete":
            heads.update(_squash(x) for x in old[i1:i2])
        elif tag == "replace":
            for k, x in enumerate(old[i1:i2]):
                rest = new[j1 + k].strip() if j1 + k < j2 else ""
                full = x.strip()
                head = full[: len(full) - len(rest)] if rest and full.endswith(rest) else full
                heads.add(_squash(head))
    return frozenset(h for h in heads if h)


def flag_collapsed_copies(records: list[Record], heads: frozenset[str], q: QualitySettings) -> None:
    """Flag ``copy_collapsed:<field>`` on each record whose text cell holds a line equal to a
    collapsed copy (``heads``, whitespace squashed); the flag costs its weight on the row's and
    the cell's confidence.  None when a copy is a heading of the form (``BOLD_HEADING_SCORE``):
    the text was over-printed as bold, and its copies were no cells."""
    if not heads or any(heading_score(h) >= BOLD_HEADING_SCORE for h in heads):
        return
    for r in records:
        flags = {
            f"{FLAG}:{field}"
            for field in _TEXT_FIELDS
            if any(_squash(line) in heads for line in (getattr(r, field) or "").split("\n"))
        }
        if flags:
            add_late_flags(r, flags, q)
