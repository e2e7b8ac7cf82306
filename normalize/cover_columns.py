"""Cover facts of a label | value table an extractor read column by column (issue 14).

A cover table of label | value rows (評価書番号, 評価書名, the declaration, 特記事項, 評価実施機関名,
公表日) comes out of a column-ordered extractor (``pdftotext``, ``pdfminer``) as all its labels,
then all its values, in the same order; the declaration and 特記事項 are labelled rows too, and
their values run over several wrapped lines.  ``column_values`` pairs them by what each value is:
a number, a name run on over its wrap, the declaration up to its closing 宣言する。, the 特記事項's
lines up to the agency, which is the line before the 公表日's date (a date may be wrapped over
two lines).  ``lone_facts`` finds the facts a cover printed apart from their labels (pdfminer puts
the number and name above the labels): the cover's one line that is a number alone, the name
after it when it opens with the affair the declaration names, the line that is the agency the
declaration names and nothing else.
"""

from __future__ import annotations

import regex

from .dates import DATE

# Labels of the cover's rows that are no fact of their own (the declaration, 特記事項).
DECLARATION_LABEL = "個人のプライバシー等の権利利益の保護の宣言"
NOTE_LABEL = "特記事項"
ROW_LABELS = (DECLARATION_LABEL, NOTE_LABEL)
# The declaration's value is looked for over at most this many lines (its wrapped text).
DECLARATION_MAX_LINES = 14
# The 特記事項's value and the agency are looked for over at most this many lines before a date.
NOTE_MAX_LINES = 8
# A date wrapped in its cell: at most this many lines joined to read it.
DATE_WRAP_LINES = 2
_DECLARATION_END = regex.compile(r"宣言する。$")
# A 評価書番号 alone: digits of either width (``123``, ``１２３``, ``12-3``), also printed as an
# ordinal ``第１２３号`` (set XX's Calc covers); ``cover.check_cover`` writes the digits only.
ASSESSMENT_NUMBER = regex.compile(r"^(?:第)?[0-9０-９]+(?:[-－ー][0-9０-９]+)?(?:号)?$")


_SPACES = regex.compile(r"\s+")


def _squash(text: str) -> str:
    # A compiled pattern: ``regex.sub(pattern, …)`` looks its pattern up in regex's cache at each
    # call, which cost more than the substitution (a cover's lines are squashed thousands of times).
    return _SPACES.sub("", text)


def date_at(lines: list[str], j: int) -> tuple[str, int] | None:
    """(the date printed from ``lines[j]`` on, the index after its lines), or None: the date on
    that line, or opening on it and wrapped onto the next (``平成３０年`` / ``２月１７日``)."""
    joined = ""
    for k in range(j, min(j + DATE_WRAP_LINES, len(lines))):
        joined += lines[k].strip()
        m = DATE.search(joined)
        if m and m.start() < len(lines[j].strip()):
            return m.group(0), k + 1
    return None


def column_values(
    lines: list[str], start: int, run: list[str], number_and_name, name_run_on, is_label
) -> tuple[dict[str, str], int] | None:
    """The facts of a column-read label table: ``run`` the labels in order (cover labels and
    ``ROW_LABELS``), ``lines[start:]`` their values.  ``number_and_name``, ``name_run_on`` and
    ``is_label`` are the cover grammar's (normalize.cover).  Returns (facts, the index after
    the values) or None when a value is not what its label asks for (nothing is taken then)."""
    facts: dict[str, str] = {}
    cur, k = start, 0
    while k < len(run):
        lab = run[k]
        nxt = run[k + 1] if k + 1 < len(run) else None
        if cur >= len(lines):
            return None
        if lab == "評価書番号" and nxt == "評価書名":
            split = number_and_name(lines, cur)
            if split is None:
                return None
            number, name, cur = split
            facts["assessment_number"] = number
            if name:
                facts["assessment_name"] = name
            k += 2
            continue
        if lab == "評価書番号":
            if not ASSESSMENT_NUMBER.match(_squash(lines[cur])):
                return None
            facts["assessment_number"], cur = lines[cur].strip(), cur + 1
        elif lab == "評価書名":
            if is_label(lines[cur]):
                return None
            facts["assessment_name"], cur = name_run_on(lines[cur].strip(), lines, cur + 1)
        elif lab == DECLARATION_LABEL:
            joined, end = "", None
            for j in range(cur, min(cur + DECLARATION_MAX_LINES, len(lines))):
                joined += _squash(lines[j])
                if _DECLARATION_END.search(joined):
                    end = j + 1
                    break
            if end is None:
                return None
            cur = end
        elif lab in (NOTE_LABEL, "評価実施機関名"):
            rest = run[k + 1 :]
            if lab == NOTE_LABEL and rest[:1] != ["評価実施機関名"]:
                return None
            if "公表日" not in rest[:2]:
                if lab == NOTE_LABEL or is_label(lines[cur]):
                    return None
                facts["agency"], cur = lines[cur].strip(), cur + 1
                k += 1
                continue
            # The agency is the line before the 公表日's date, after the note's lines if any.
            d = next(
                (j for j in range(cur, min(cur + NOTE_MAX_LINES + 2, len(lines))) if date_at(lines, j)),
                None,
            )
            if d is None or d - 1 < cur or is_label(lines[d - 1]) or DATE.search(lines[d - 1]):
                return None
            facts["agency"] = lines[d - 1].strip()
            cur = d
            k = k + 1 + rest.index("公表日")
            continue
        if lab == "公表日":
            found = date_at(lines, cur)
            if found is None:
                return None
            facts["published_raw"], cur = found
        k += 1
    return facts, cur


def label_run(lines: list[str], start: int, cover_labels) -> tuple[list[str], int]:
    """(the labels, the lines they take) of the lines from ``start`` that each hold exactly one
    cover label or one of ``ROW_LABELS`` and nothing else; a row label wrapped in its cell over
    two lines (``…の保護の宣`` / ``言``) counts as one."""
    run: list[str] = []
    k = start
    while k < len(lines):
        squashed = _squash(lines[k])
        taken = 1
        if squashed not in cover_labels and squashed not in ROW_LABELS and k + 1 < len(lines):
            joined = squashed + _squash(lines[k + 1])
            if squashed and joined in ROW_LABELS:
                squashed, taken = joined, 2
        if (squashed not in cover_labels and squashed not in ROW_LABELS) or squashed in run:
            break
        run.append(squashed)
        k += taken
    return run, k - start


def split_label_row(lines: list[str]) -> list[str]:
    """``lines`` with a row of labels glued to the values under it (``評価書番号 評価書名12 国民…``,
    a text reader joining a line that opens with a digit to the one above) split in two."""
    out = []
    for ln in lines:
        m = _LABEL_ROW_THEN_VALUE.match(ln)
        if m and m.group(2).strip():
            out.extend((m.group(1).strip(), m.group(2).strip()))
        else:
            out.append(ln)
    return out


_LABEL_ROW_THEN_VALUE = regex.compile(r"^(\s*評\s*価\s*書\s*番\s*号\s*評\s*価\s*書\s*名)(\s*[0-9０-９].*)$")


def lone_facts(
    lines: list[str], facts: dict[str, str], declared: tuple[str, str] | None, consumed: set[int], name_run_on
) -> None:
    """Facts still missing taken from lines printed apart from their labels (``facts`` updated):
    the number from the cover's only line that is a number alone (when 評価書番号 is printed), the
    name from the line after it when it opens with the affair the declaration names, the agency
    from a line that is the agency the declaration names (``declared``: (agency, affair)) and
    nothing else."""
    flat = "".join(_squash(ln) for ln in lines)
    if "assessment_number" not in facts and "評価書番号" in flat:
        alone = [
            i for i, ln in enumerate(lines) if i not in consumed and ASSESSMENT_NUMBER.match(_squash(ln))
        ]
        if len(alone) == 1:
            i = alone[0]
            facts["assessment_number"] = lines[i].strip()
            consumed.add(i)
            if (
                "assessment_name" not in facts
                and declared
                and i + 1 < len(lines)
                and _squash(lines[i + 1]).startswith(declared[1])
            ):
                facts["assessment_name"], end = name_run_on(lines[i + 1].strip(), lines, i + 2)
                consumed.update(range(i + 1, end))
    if "agency" not in facts and declared and "評価実施機関名" in flat:
        for i, ln in enumerate(lines):
            if i not in consumed and _squash(ln) == declared[0]:
                facts["agency"] = ln.strip()
                consumed.add(i)
                break
