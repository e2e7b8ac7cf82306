"""Document facts from an assessment's cover page: 評価書番号, 評価書名, 評価実施機関名, 公表日, form.

The cover of every assessment form prints these as labelled cells.  The label and its value
sit side by side on one line, or the labels form one row and the values the next (評価書番号 /
評価書名).  A value is never another printed label or heading of the cover (特記事項, 承認日, the
form stamp ``[令和4年4月 様式4]``, 項目一覧 of the contents page): an empty cell gives no fact.
公表日 is taken only when a date is printed there, so a heading cannot stand in for it; the form
(基礎項目評価書 / 重点項目評価書 / 全項目評価書) is the one the title names; a column label is no value.
"""

from __future__ import annotations

import itertools
import unicodedata

import regex

from . import cover_columns
from .cover_lines import is_column_label, lines_before_table
from .cover_names import canonical_assessment_name
from .dates import DATE, parse_date
from .unicode import clean_text
from .version_history import history_note, split_history

# Printed label → output key.
COVER_LABELS: dict[str, str] = {
    "評価書番号": "assessment_number",
    "評価書名": "assessment_name",
    "評価実施機関名": "agency",
    "公表日": "published_raw",
}
# Output key → the label a note about that fact names (tools/bench_covers.py looks for it).
FACT_LABELS: dict[str, str] = {
    "assessment_number": "評価書番号",
    "assessment_name": "評価書名",
    "agency": "評価実施機関名",
    "published": "公表日",
    "published_raw": "公表日",
    "form": "評価書の種類",
}
# Pages searched for the cover (a cover may follow a blank or a letter page).
COVER_PAGES = 2
# A text without page breaks: its first lines searched for the cover.
COVER_TEXT_LINES = 120
# Facts (besides the form) a page must give to count as the cover.
MIN_COVER_FACTS = 2
HISTORY_KEY = "note:version_history"  # a version-history table read as no cover: a note (check_cover)
# Lines after an empty-looking 公表日 label searched for its date.
PUBLISHED_LOOKAHEAD_LINES = 2

FORMS = ("基礎項目評価書", "重点項目評価書", "全項目評価書")
_FORM = regex.compile(r"(基\s*礎|重\s*点|全)\s*項\s*目\s*評\s*価\s*書")
# The title naming the form: 特定個人情報保護評価書（全項目評価書）.
_FORM_TITLE = regex.compile(r"評\s*価\s*書\s*[（(]\s*((?:基\s*礎|重\s*点|全)\s*項\s*目\s*評\s*価\s*書)")
_SPACES = regex.compile(r"\s+")
# Printed text of the cover (and the contents page after it) that is never a fact's value.
_NOT_A_VALUE = regex.compile(
    r"特記事項|承認日|個人のプライバシー|様式\s*[0-9０-９]|項目一覧|特定個人情報保護評価書|^[（(]?別添"
    # The form stamp's opening when an extractor breaks it over lines (``［令和 6 年 10 月`` /
    # ``様式４］``): its bracket and era open no cover value.
    r"|^[［\[]\s*(?:令和|平成)"
)

_WS = regex.compile(r"[ \t　]+")
# Ruled cell borders that OCR reads as characters.
_RULE = regex.compile(r"[|｜│┃]")


def cover_facts_from_text(text: str) -> dict[str, str]:
    """The cover facts found in the text of the first pages (one printed line per text line)."""
    lines = [_WS.sub(" ", _RULE.sub(" ", clean_text(ln))).strip() for ln in text.splitlines()]
    lines, history = split_history(lines_before_table([ln for ln in lines if ln]))
    lines = cover_columns.split_label_row(lines)
    facts: dict[str, str] = {HISTORY_KEY: history_note(history)} if history else {}
    consumed: set[int] = set()
    for i, ln in enumerate(lines):
        if i in consumed:
            continue
        squashed = ln.replace(" ", "")
        found = [lab for lab in COVER_LABELS if lab in squashed]
        if not found:
            continue
        wide, taken = cover_columns.label_run(lines, i, COVER_LABELS)
        if any(lab in cover_columns.ROW_LABELS for lab in wide) and len(set(wide) & set(COVER_LABELS)) >= 2:
            # A label | value table read column by column: all labels, then all values.
            start = _after_skipped(lines, i + taken)
            got = cover_columns.column_values(lines, start, wide, _number_and_name, _name_run_on, _is_label)
            if got is not None:
                for key, value in got[0].items():
                    facts.setdefault(key, value)
                consumed.update(range(i, got[1]))
                continue
        run = _label_run(lines, i)
        if len(run) >= 2:
            # Labels one per line, then their values one per line in the same order (a
            # column-ordered extractor's text of a labels row above a values row).  Printed
            # cover text that is never a value (the form stamp) may stand between them.
            start = i + len(run)
            skipped = 0
            while skipped < RUN_SKIP_LINES and start < len(lines) and _NOT_A_VALUE.search(lines[start]):
                start += 1
                skipped += 1
            if _NUMBER_THEN_NAME(run) and start < len(lines):
                split = _number_and_name(lines, start)
                if split is not None:
                    number, name, end = split
                    facts.setdefault("assessment_number", number)
                    if name:
                        facts.setdefault("assessment_name", name)
                    consumed.update(range(i, end))
                    rest_run = [lab for lab in run if lab not in ("評価書番号", "評価書名")]
                    if not rest_run:
                        continue
            values = lines[start : start + len(run)]
            if len(values) == len(run) and not any(_is_label(v) for v in values) and _values_fit(run, values):
                consumed.update(range(start, start + len(run)))
                for lab, val in zip(run, values, strict=True):
                    if lab == "公表日":
                        m = DATE.search(val)
                        if m:
                            facts.setdefault("published_raw", m.group(0))
                    elif not _NOT_A_VALUE.search(val):
                        facts.setdefault(COVER_LABELS[lab], val)
                consumed.update(range(i, i + len(run)))
                continue
        if len(found) >= 2 and squashed in ("".join(found), "".join(reversed(found))):
            # A row of labels: the values are the next line, in the same order.  評価書番号 then
            # 評価書名: the number is the line's leading digits (a stream text glues them to the
            # name), the name runs on over its wrapped lines.
            split = _number_and_name(lines, i + 1) if _NUMBER_THEN_NAME(found) else None
            if split is not None:
                number, name, end = split
                facts.setdefault("assessment_number", number)
                if name:
                    facts.setdefault("assessment_name", name)
                consumed.update(range(i + 1, end))
                continue
            if i + 1 < len(lines):
                parts = lines[i + 1].split(" ", len(found) - 1)
                for lab, val in zip(found, parts, strict=False):
                    facts.setdefault(COVER_LABELS[lab], val.strip())
            continue
        lab = found[0]
        # The value after its label, a colon between them aside (``公表日：令和６年４月１日``).
        rest = (ln.split(lab, 1)[1] if lab in ln else squashed.split(lab, 1)[1]).strip().lstrip("：:").strip()
        if lab == "公表日":
            # Only a printed date: the label's own line, else the next lines up to another label.
            # A date wrapped in its cell (``平成２９年１０月`` / ``８日``) is read over its lines.
            for j, cand in enumerate([rest, *lines[i + 1 : i + 1 + PUBLISHED_LOOKAHEAD_LINES]]):
                m = DATE.search(cand)
                wrapped = cover_columns.date_at(lines, i + j) if j and not m else None
                if m or wrapped:
                    facts.setdefault("published_raw", m.group(0) if m else wrapped[0])
                    break
                if cand is not rest and _is_label(cand):
                    break
            continue
        after = i + 1
        if not rest and i + 1 < len(lines) and not _is_label(lines[i + 1]):
            rest, after = lines[i + 1], i + 2
        if rest and not _NOT_A_VALUE.search(rest):
            if lab == "評価書名":
                rest, after = _name_run_on(rest, lines, after)
                consumed.update(range(i + 1, after))
            facts.setdefault(COVER_LABELS[lab], rest)
    if "published_raw" not in facts and "公表日" in "".join(ln.replace(" ", "") for ln in lines):
        lone = _lone_date(lines, consumed)
        if lone:
            facts["published_raw"] = lone
    cover_columns.lone_facts(lines, facts, _declared(lines), consumed, _name_run_on)
    _doubt_against_declaration(lines, facts)
    _doubt_stray_start(facts)
    flat_text = "".join(ln.replace(" ", "") for ln in lines)
    for label, key in COVER_LABELS.items():
        if label in flat_text and key not in facts:
            _doubt(facts, key, f"{label} printed, no value read for it")
    _doubt_name_tail(lines, facts, consumed)
    if "published_raw" in facts:
        # A date holds no space of its own: Word's and Writer's gap between kanji and digits
        # (``令和 5 年 4 月 1 日``) is layout, not text.
        facts["published_raw"] = _WS.sub("", facts["published_raw"])
        iso = parse_date(facts["published_raw"])
        if iso:
            facts["published"] = iso
    form = form_of(text)
    if form:
        facts["form"] = form
    return facts


def cover_facts_from_document_text(text: str) -> dict[str, str]:
    """The cover facts of a whole document's text (pages split by form feeds), or {}.

    The first ``COVER_PAGES`` pages are searched one at a time (a text without form feeds: its first
    ``COVER_TEXT_LINES`` non-blank lines).  A page is the cover when it gives ``MIN_COVER_FACTS``
    facts besides the form; none is: {} or the note on a version-history table read."""
    pages = text.split("\f")
    if len(pages) == 1:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        pages = ["\n".join(lines[:COVER_TEXT_LINES])]
    history = {}  # a version-history table's note: kept when no page is the cover
    for page in pages[:COVER_PAGES]:
        facts = cover_facts_from_text(page)
        if len([k for k in facts if k not in ("form", HISTORY_KEY)]) >= MIN_COVER_FACTS:
            return facts
        history = history or {k: v for k, v in facts.items() if k == HISTORY_KEY}
    return history


# Printed lines never a value (the form stamp) skipped between a run of labels and its values.
RUN_SKIP_LINES = 2
# A wrapped 評価書名 is joined with at most this many following lines.
NAME_WRAP_LINES = 2
# How an assessment's name ends: the affair (〜に関する事務) or the form named after it.
NAME_END = regex.compile(r"(?:事務|業務|評価書)$")
# Full-width digits a reader spaced apart (``７ ９``) are one number: a name never opens with a digit.
# An ordinal's 第…号 (``第１２３号住民基本台帳に関する事務``) is part of the number read.
_LEADING_NUMBER = regex.compile(
    r"^\s*((?:第\s*)?[0-9０-９]+(?: [0-9０-９]+)*(?:[-－][0-9０-９]+)?(?:\s*号)?)\s*(.*)$"
)
_FORM_ONLY = regex.compile(r"^\s*(?:基\s*礎|重\s*点|全)\s*項\s*目\s*評\s*価\s*書\s*$")


def _NUMBER_THEN_NAME(labels: list[str]) -> bool:
    """True when the labels hold 評価書番号 directly followed by 評価書名 (the form's first row)."""
    return any(a == "評価書番号" and b == "評価書名" for a, b in itertools.pairwise(labels))


def _number_and_name(lines: list[str], start: int) -> tuple[str, str, int] | None:
    """(number, name, the index after the lines used) of the values of the row 評価書番号 |
    評価書名 from ``lines[start]``, or None when that line does not open with a number.

    The number is the line's leading digits, the name the rest (a stream text glues
    ``12住民基本台帳に関する事務``); a name alone on the next line is taken when the values came
    one per line; a name wrapped in its cell runs on (``_name_run_on``)."""
    if start >= len(lines) or _is_label(lines[start]):
        return None
    m = _LEADING_NUMBER.match(lines[start])
    if not m:
        return None
    number, name, end = m.group(1), m.group(2).strip(), start + 1
    if not name and end < len(lines) and not _is_label(lines[end]):
        name, end = lines[end].strip(), end + 1
    if name:
        name, end = _name_run_on(name, lines, end)
    return number, name, end


def _name_run_on(name: str, lines: list[str], end: int) -> tuple[str, int]:
    """A 評価書名 with the lines its cell wrapped it onto: joined while the name does not end as a
    name does (``NAME_END``, up to ``NAME_WRAP_LINES`` lines, kept only when the join does), and
    a line that is a form's name alone (全項目評価書, the name's second half) always."""
    if end < len(lines) and _FORM_ONLY.match(lines[end]) and not regex.search(r"評価書$", name):
        return f"{name} {lines[end].strip()}", end + 1
    if NAME_END.search(name):
        return name, end
    joined = name
    for k in range(end, min(end + NAME_WRAP_LINES, len(lines))):
        if _is_label(lines[k]):
            break
        joined += lines[k].strip()
        if NAME_END.search(joined):
            return joined, k + 1
    return name, end


# The declaration every cover prints: 「〇〇市長は、住民基本台帳に関する事務における特定個人情報
# ファイルの取扱いが…」: the agency and the affair the facts name.
# After the 宣言 heading where the text has one, else from the text's start.
_DECLARATION = regex.compile(r"宣言([^、。]{2,80}?)は、([^、。]{2,60}?)における特定個人情報ファイル")
_DECLARATION_AT_START = regex.compile(r"^([^、。]{2,40}?)は、([^、。]{2,60}?)における特定個人情報ファイル")
# At most this many characters read before the affair the declaration names are dropped from
# an 評価書名; the affair is looked for by its first NAME_START_CHARS characters.
NAME_JUNK_CHARS = 3
NAME_START_CHARS = 4
# A short line left over after 評価書名 (at most this many characters) may be the name's part.
NAME_TAIL_CHARS = 8
# Key prefix of a doubt about a fact found in the cover's text (``check_cover`` makes it a note).
DOUBT = "doubt:"


def _doubt(facts: dict[str, str], key: str, why: str) -> None:
    """Record a doubt on a fact (several on one fact are joined)."""
    old = facts.get(DOUBT + key)
    facts[DOUBT + key] = f"{old}; {why}" if old else why


# The head's title after a body's name: 「川崎市長」 and 「川崎市」, 「東京都知事」 and 「東京都」 name
# one agency (covers print either, in the 評価実施機関名 and in the declaration alike).
_HEAD_TITLE = regex.compile(r"(?<=[都道府県市町村区])(?:長|知事)$")


def _agency_body(name: str) -> str:
    """The body an agency name names: ``name`` without a trailing head's title (長 after 市町村区,
    知事 after 都道府県)."""
    return _HEAD_TITLE.sub("", name)


# Cover labels (and the dates after 公表日) a stream order may print between the 宣言 heading and
# the declaration's subject (a Calc cover: 評価実施機関名 北浜町長 公表日 令和6年2月1日 北浜町長は、…).
# A column-read label table prints the values of 評価書番号 and 評価書名 there too (``313住民基本台帳
# に関する事務〇〇町長は、…``): the name ends as names do (評価書, 〜に関する事務).
_COVER_LABELS_BEFORE = regex.compile(
    rf"評価実施機関名|公表日|評価書番号|評価書名|評価書|に関する事務(?!組合)|様式[0-9０-９]+\]|{DATE.pattern}"
)


def _declared_agency(subject: str) -> str:
    """The agency a declaration names: its subject after the last cover label or date printed
    before it (``評価実施機関名北浜町長公表日北浜町長`` → ``北浜町長``)."""
    end = max((m.end() for m in _COVER_LABELS_BEFORE.finditer(subject)), default=0)
    return subject[end:] or subject


def _declared(lines: list[str]) -> tuple[str, str] | None:
    """(agency, affair) the cover's declaration names, or None when no declaration is read."""
    text = "".join(ln.replace(" ", "") for ln in lines)
    m = _DECLARATION.search(text) or _DECLARATION_AT_START.search(text)
    return (_declared_agency(m.group(1)), m.group(2)) if m else None


def _doubt_against_declaration(lines: list[str], facts: dict[str, str]) -> None:
    """A doubt on 評価実施機関名 / 評価書名 when the cover's declaration names another agency or
    affair than they do (both printed on the same cover: one of them is misread or misplaced)."""
    declared = _declared(lines)
    if declared is None:
        return
    agency, affair = declared
    got = facts.get("agency")
    if got is not None and _agency_body(got.replace(" ", "")) != _agency_body(agency):
        _doubt(facts, "agency", f"評価実施機関名 read as {got!r}, the declaration names {agency!r}: check it")
    elif got is None:
        _doubt(facts, "agency", f"評価実施機関名 not found; the declaration names {agency!r}")
    name = facts.get("assessment_name")
    at = name.find(affair[:NAME_START_CHARS]) if name is not None else -1
    name_read = name or ""
    if name is not None and 0 < at <= NAME_JUNK_CHARS:
        # A ruling or a stray mark read before the name (``日 住民基本台帳に関する事務``).
        facts["assessment_name"] = name[at:]
        _doubt(
            facts,
            "assessment_name",
            f"評価書名 read as {name!r}: {name[:at].strip()!r} before the affair the declaration "
            "names dropped",
        )
        name = name[at:]
        if facts.get("assessment_number"):
            # The stray characters stood between the number and the name: part of the number?
            _doubt(
                facts,
                "assessment_number",
                f"評価書番号 read as {facts['assessment_number']!r}, followed by "
                f"{name_read[:at].strip()!r} before the name: check it",
            )
    if name is not None and not _names_affair(name, affair, (agency, got)):
        _doubt(
            facts,
            "assessment_name",
            f"評価書名 read as {name!r}, the declaration names the affair {affair!r}: check it",
        )


def _names_affair(name: str, affair: str, agencies: tuple[str | None, ...]) -> bool:
    """Whether the 評価書名 ``name`` opens with the ``affair`` the declaration names, its spaces
    (also U+3000) aside, or after the agency's body the cover names (``潮見台町 予防接種に関する
    事務 全項目評価書`` beside 潮見台町長; a new user's cover was doubted with both agreeing)."""
    text = _SPACES.sub("", name)
    affair = _SPACES.sub("", affair)
    if text.startswith(affair):
        return True
    bodies = {_agency_body(_SPACES.sub("", a)) for a in agencies if a}
    return any(body and text.startswith(body + affair) for body in bodies)


# The first word of an 評価書名 this short and set apart by a space is a stray mark, not the name.
STRAY_START_CHARS = 2


def _doubt_stray_start(facts: dict[str, str]) -> None:
    """A doubt on 評価書名, and on 評価書番号 before it, when the name opens with a short word set
    apart (``o日 国民健康保険に関する事務``): a ruling or a digit of the number misread."""
    name = facts.get("assessment_name")
    if not name:
        return
    head, _, rest = name.strip().partition(" ")
    if rest and len(head) <= STRAY_START_CHARS and len(rest) > len(head):
        _doubt(
            facts, "assessment_name", f"評価書名 read as {name!r}, opens with the stray {head!r}: check it"
        )
        if facts.get("assessment_number"):
            number = facts["assessment_number"]
            _doubt(facts, "assessment_number", f"評価書番号 read as {number!r}, then {head!r}: check it")


def _doubt_name_tail(lines: list[str], facts: dict[str, str], consumed: set[int]) -> None:
    """A doubt on 評価書名 when short lines follow its value before the next printed label, used
    for nothing (a wrapped name whose pieces an extractor put out of order: ``書`` / ``基礎項目評価``)."""
    name = facts.get("assessment_name")
    if not name:
        return
    flat = name.replace(" ", "")
    idx = next((k for k, ln in enumerate(lines) if ln.replace(" ", "") and ln.replace(" ", "") in flat), None)
    if idx is None:
        return
    tail = []
    k = idx + 1
    while k < len(lines) and k in consumed:
        k += 1
    for ln in lines[k : k + NAME_WRAP_LINES + 1]:
        if _is_label(ln) or DATE.search(ln) or len(ln.replace(" ", "")) > NAME_TAIL_CHARS:
            break
        tail.append(ln)
    if tail:
        _doubt(
            facts,
            "assessment_name",
            f"評価書名 read as {name!r}; short lines after it used for no fact: "
            f"{', '.join(map(repr, tail))}: the name may be cut",
        )


# Assessments began in 2014; a 公表日 before that year is misread.
FIRST_YEAR = 2014
# How an agency's name ends (the head of the body that assesses: 市長, 知事, 教育委員会, 広域連合長 …).
# A word of a name: a value with none once its dates are taken out (``2023年9月1日``, ``3``) names
# no agency (set XXII t11: a garbled text layer gave the 公表日 as the agency).
_NAME_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}A-Za-zＡ-Ｚａ-ｚ]")
AGENCY_END = regex.compile(r"(?:長|知事|委員会|連合|議会|大臣|機構|庁|組合|公社|協会|法人|局|本部)$")
# The 第 and 号 of an ordinal 評価書番号 (``第１２３号``): not part of the number written out.
_ORDINAL = regex.compile(r"^第|号$")


def check_cover(facts: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The cover facts with each that fails its grammar left out or doubted, and the notes saying
    so (each names the fact's printed label, ``FACT_LABELS``).

    評価書番号 not a number, 評価書名 opening with a number (a glued 評価書番号) and a 公表日 with
    no date read (or before ``FIRST_YEAR``) are left out; an 評価書名 or 評価実施機関名 that does
    not end as one does (``NAME_END``, ``AGENCY_END``) is kept with a note (an 評価実施機関名 that
    is only a date or a number is left out), as are the doubts found while reading (``DOUBT`` keys:
    the declaration names another agency, a name cut); a column label read as a value is left out.  A
    cover that gives some facts but not one of the four its form always prints is said to miss
    it (no silent gap)."""
    out: dict[str, str] = {}
    notes: list[str] = []
    for key, value in facts.items():
        if key.startswith(DOUBT) or key == HISTORY_KEY:
            notes.append(value if key == HISTORY_KEY else f"cover: {value}")
        elif is_column_label(value):  # the table's label row read as a value
            notes.append(f"cover: {FACT_LABELS.get(key, key)} read as {value!r}, a column label: left out")
        else:
            out[key] = value
    number = out.get("assessment_number")
    if number is not None and cover_columns.ASSESSMENT_NUMBER.match(number.replace(" ", "")):
        # Digits of either width (``３32`` of a scan) written as ASCII digits, an ordinal's 第…号 off.
        out["assessment_number"] = _ORDINAL.sub("", unicodedata.normalize("NFKC", number.replace(" ", "")))
    elif number is not None:
        notes.append(f"cover: 評価書番号 read as {number!r}, not a number: left out")
        del out["assessment_number"]
    name = out.get("assessment_name")
    if name is not None:
        name = out["assessment_name"] = canonical_assessment_name(name)
        if regex.match(r"^\s*[0-9０-９]", name):
            notes.append(f"cover: 評価書名 read as {name!r}, opens with a number: left out")
            del out["assessment_name"]
        elif not NAME_END.search(name.strip()):
            notes.append(f"cover: 評価書名 read as {name!r}, which does not end as a name does: check it")
        elif name.strip().endswith("評価書") and not any(name.replace(" ", "").endswith(f) for f in FORMS):
            notes.append(f"cover: 評価書名 read as {name!r}, which names no form of assessment: check it")
        elif (out.get("form") or "") not in name.replace(" ", "") and name.strip().endswith("評価書"):
            notes.append(f"cover: 評価書名 read as {name!r}, names another form than the title: check it")
    agency = out.get("agency")
    if agency is not None and not _NAME_WORD.search(DATE.sub("", agency)):
        notes.append(f"cover: 評価実施機関名 read as {agency!r}, a date or a number, no agency: left out")
        del out["agency"]
    elif agency is not None and not AGENCY_END.search(agency.strip()):
        notes.append(
            f"cover: 評価実施機関名 read as {agency!r}, which does not end as an agency does: check it"
        )
    raw = out.get("published_raw")
    if raw is not None:
        iso = out.get("published")
        if iso is None or int(iso[:4]) < FIRST_YEAR:
            notes.append(f"cover: 公表日 read as {raw!r}, no date of an assessment: left out")
            out.pop("published_raw")
            out.pop("published", None)
    if any(k in out for k in COVER_LABELS.values()):
        # Every form's cover prints all four labels: one not even named on a cover read is a
        # label misread or lost (a scan), so its fact's absence is said, not left silent.
        for label, key in COVER_LABELS.items():
            if key not in out and not any(label in n for n in notes):
                notes.append(f"cover: {label} not found on the cover read: check it")
    return out, notes


def _lone_date(lines: list[str], consumed: set[int]) -> str | None:
    """The one line of the cover that is a date and nothing else, or None (none, or two or
    more).  A stream extractor (pypdfium2, ``pdftotext -raw``) gives a spreadsheet cover's
    label cells before its value cells, so the 公表日's value may stand lines away from its label,
    past the declaration: the cover's only free-standing date is then the 公表日."""
    found = []
    for i, ln in enumerate(lines):
        m = DATE.search(ln)
        if i not in consumed and m and not _WS.sub("", ln[: m.start()] + ln[m.end() :]):
            found.append(m.group(0))
    return found[0] if len(found) == 1 else None


def _after_skipped(lines: list[str], start: int) -> int:
    """``start`` past at most ``RUN_SKIP_LINES`` printed lines that are never a value (the form
    stamp between a run of labels and its values)."""
    skipped = 0
    while skipped < RUN_SKIP_LINES and start < len(lines) and _NOT_A_VALUE.search(lines[start]):
        start += 1
        skipped += 1
    return start


def _values_fit(run: list[str], values: list[str]) -> bool:
    """Whether each value of a run of labels is what its label asks for: 評価書番号 a number,
    評価実施機関名 not one (a number there is the 評価書番号 of a run read out of order), 公表日 a
    date (a run whose values are shifted by a line reads no date there)."""
    for lab, val in zip(run, values, strict=True):
        number = bool(cover_columns.ASSESSMENT_NUMBER.match(val.replace(" ", "")))
        if (lab == "評価書番号") != number and lab in ("評価書番号", "評価実施機関名"):
            return False
        if lab == "公表日" and not DATE.search(_WS.sub("", val)):
            return False
    return True


def _label_run(lines: list[str], start: int) -> list[str]:
    """The labels of the lines from ``start`` that each hold exactly one cover label and nothing else."""
    run: list[str] = []
    for ln in lines[start:]:
        squashed = ln.replace(" ", "")
        if squashed not in COVER_LABELS or squashed in run:
            break
        run.append(squashed)
    return run


def _is_label(line: str) -> bool:
    squashed = line.replace(" ", "")
    return any(lab in squashed for lab in COVER_LABELS) or bool(_NOT_A_VALUE.search(line))


def form_of(text: str) -> str | None:
    """The assessment form a cover's text names (its title first), or None when it names none.

    The title reads 特定個人情報保護評価書（全項目評価書）; failing that, the first form named."""
    title = _FORM_TITLE.search(text)
    m = title or _FORM.search(text)
    if not m:
        return None
    words = _SPACES.sub("", m.group(1) if title else m.group(0))
    return next((f for f in FORMS if f == words), None)


# A row submitted after its change (提出時期 事後) cannot be printed in an assessment published
# before the change: its change date later than the 公表日 read by this many days or more says the
# 公表日 was misread (OCR's 2023年1月20日 for 2023年11月20日) or the row's date was.
PUBLISHED_BEFORE_CHANGE_DAYS = 1


def published_doubts(facts: dict[str, str], rows: list[tuple[str | None, str | None]]) -> list[str]:
    """Notes doubting the 公表日 read (``facts["published"]``, ISO) against the table's rows, given
    as (change date ISO, timing): a row submitted 事後 whose change is dated
    ``PUBLISHED_BEFORE_CHANGE_DAYS`` or more after it (the latest such row named).  No note when
    there is no 公表日 or no dated 事後 row; also a 公表日 after today."""
    from datetime import date

    published = facts.get("published")
    if not published:
        return []
    try:
        pub = date.fromisoformat(published)
    except ValueError:
        return []
    later = []
    for changed, timing in rows:
        if timing != "事後" or not changed:
            continue
        try:
            when = date.fromisoformat(changed)
        except ValueError:
            continue
        if (when - pub).days >= PUBLISHED_BEFORE_CHANGE_DAYS:
            later.append(when)
    raw = facts.get("published_raw") or published
    notes = []
    if pub > date.today():
        notes.append(f"cover: 公表日 read as {raw!r} ({published}) is a day still to come: check it")
    if later:
        notes.append(
            f"cover: 公表日 read as {raw!r} ({published}) is before {len(later)} change(s) submitted 事後"
            f" (the latest dated {max(later).isoformat()}), which the assessment cannot print yet:"
            " check it (or those rows' dates)"
        )
    return notes
