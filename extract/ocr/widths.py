"""Character boxes set to their own ink, and letters, digits and punctuation put in the width
they were printed in (full or half), measured from the ink and voted per cell and page.
"""

from __future__ import annotations

import itertools
import statistics
import unicodedata

import numpy as np
import regex

from piatable.normalize.chars import KANA_KANJI
from piatable.settings import OcrSettings

from .engine import TsvWord

# Square brackets stay as read: the form's [○] and [ 選択肢 ] are half width, ［］ rare.
_CONVERTIBLE = regex.compile(r"[\x21-\x5a\x5c\x5e-\x7e\uff01-\uff3a\uff3c\uff3e-\uff5e]")
# Square brackets: not converted here, but their lines set to ink too (their width is measured
# on the document, ``square_brackets``).
_SQUARE = "[]［］"
_JAPANESE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々、。・「」『』（）＜＞①-⑳]")


# Ink of one character, in ems: a kanji or kana at most this wide (wider: two characters
# touching); a letter, digit or punctuation mark at most letter_width.
_CJK_WIDTH = 1.05
_LETTER_WIDTH = 0.85
# Alignment weights (per em): ink beyond a character's widest, white inside one character, a
# character's ink away from its box, and ink left to no character (a speck of noise, a stroke
# of the next cell): a fixed cost and one per em of its width.
_OVERWIDE = 20.0
_INNER_WHITE = 2.0
_BOX_DISTANCE = 0.3
_SPECK = 1.0
_SPECK_WIDTH = 4.0
_MAX_PIECES = 4
# Ink this far (ems) beyond a line's first and last boxes may still be theirs.
_LINE_MARGIN = 0.3
# A character's box wider than this (ems) is not its own ink: tesseract stretched it over its
# neighbours (a Calc cell's 守 box 8 ems wide over 保守作業（年4回）), so its centre is put
# between the nearest sure boxes before and after it.
_STRAY_BOX_EM = 1.6
# Letters and digits set tight may touch (a Mincho ``Ve``): up to _MAX_SHARED of them may share
# one run of ink, split evenly, at a cost of _TOUCHING, when it is no wider than they would be
# and at least _SHARED_MIN_EM wide for each of them.
_MAX_SHARED = 3
_TOUCHING = 1.5
_SHARED_MIN_EM = 0.3
_LETTER = regex.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")
# The pitch (ems, ink centre to ink centre) a run of letters or digits set to their own ink may
# have: half-width ones about 0.5-0.65, full-width ones 1.  Outside this range the ink was cut
# wrong (a Mincho １ of a 28th of an em beside its ９: 0.32), and the run is measured from its
# neighbours instead.
_PITCH_EM = (0.42, 1.3)
# A kanji or kana's ink is at least this wide (ems); narrower, its ink was cut wrong and the
# white beside it tells nothing (a Mincho 数 given 0.35 em, its colon the rest).
_KANJI_INK_EM = 0.5


def _box_centres(words: list[TsvWord], em: float) -> list[float]:
    """The centre of each character's box (pixels), a stray box's (wider than ``_STRAY_BOX_EM``)
    set between its line neighbours' sure ones in proportion to their order."""
    centres = [w.left + w.width / 2 for w in words]
    sure = [i for i, w in enumerate(words) if w.width <= _STRAY_BOX_EM * em]
    if len(sure) == len(words) or not sure:
        return centres
    for i, w in enumerate(words):
        if w.width <= _STRAY_BOX_EM * em:
            continue
        before = [k for k in sure if k < i]
        after = [k for k in sure if k > i]
        if before and after:
            a, b = before[-1], after[0]
            centres[i] = centres[a] + (centres[b] - centres[a]) * (i - a) / (b - a)
        elif before:
            centres[i] = words[before[-1]].left + words[before[-1]].width + (i - before[-1] - 0.5) * em
        else:
            centres[i] = words[after[0]].left - (after[0] - i - 0.5) * em
    return centres


def _align_ink(
    words: list[TsvWord], starts: list[int], ends: list[int], em: float
) -> list[tuple[int, int]] | None:
    """Each character's (first, last + 1) run of inked columns: characters and runs matched in
    order (a character takes one or more runs, a narrow run may be noise, up to _MAX_SHARED
    letters or digits touching share one), at the least cost of widths, white inside characters
    and distance from tesseract's boxes.  None when no matching exists (Japanese characters
    touching)."""
    n, m = len(words), len(starts)
    inf = float("inf")
    # best[i][j]: cost of the first i characters holding the first j runs; back: the choice.
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    skip = [_SPECK + _SPECK_WIDTH * (e - s) / em for s, e in zip(starts, ends, strict=True)]
    centres = _box_centres(words, em)
    for j in range(1, m + 1):
        best[0][j] = best[0][j - 1] + skip[j - 1]
        back[0][j] = -1
    for i in range(1, n + 1):
        w = words[i - 1]
        centre = centres[i - 1]
        widest = (_LETTER_WIDTH if _CONVERTIBLE.match(w.text) else _CJK_WIDTH) * em
        for j in range(1, m + 1):
            # Only runs near the character's box (tesseract's boxes stray, but not by ems).
            if abs((starts[j - 1] + ends[j - 1]) / 2 - centre) > 2.5 * em:
                if best[i][j - 1] + skip[j - 1] < best[i][j]:
                    best[i][j], back[i][j] = best[i][j - 1] + skip[j - 1], -1
                continue
            cost, choice = inf, 0
            if best[i][j - 1] + skip[j - 1] < cost:
                cost, choice = best[i][j - 1] + skip[j - 1], -1
            inner = 0.0
            for g in range(1, min(_MAX_PIECES, j) + 1):
                first = j - g
                if g > 1:
                    inner += starts[first + 1] - ends[first]
                prev = best[i - 1][first]
                if prev == inf:
                    continue
                a, b = starts[first], ends[j - 1]
                c = prev + _INNER_WHITE * inner / em + _BOX_DISTANCE * abs((a + b) / 2 - centre) / em
                if b - a > widest:
                    c += _OVERWIDE * (b - a - widest) / em
                if c < cost:
                    cost, choice = c, g
            # Letters or digits touching: the last ``shared`` characters share run j.
            a, b = starts[j - 1], ends[j - 1]
            for shared in range(2, min(_MAX_SHARED, i) + 1):
                mates = words[i - shared : i]
                if not all(_LETTER.fullmatch(x.text) for x in mates) or b - a > shared * widest:
                    break
                if b - a < shared * _SHARED_MIN_EM * em:
                    continue
                prev = best[i - shared][j - 1]
                if prev == inf:
                    continue
                mid = sum(centres[i - shared : i]) / shared
                c = prev + _TOUCHING + _BOX_DISTANCE * abs((a + b) / 2 - mid) / em
                if c < cost:
                    cost, choice = c, -shared
            best[i][j] = cost
            back[i][j] = choice
    if best[n][m] == inf:
        return None
    out: list[tuple[int, int]] = [(0, 0)] * n
    i, j = n, m
    while i > 0 or j > 0:
        g = back[i][j]
        if g == -1 or i == 0:
            j -= 1
            continue
        if g < -1:
            a, b = starts[j - 1], ends[j - 1]
            for k in range(-g):
                out[i + g + k] = (a + (b - a) * k // -g, a + (b - a) * (k + 1) // -g)
            i, j = i + g, j - 1
            continue
        out[i - 1] = (starts[j - g], ends[j - 1])
        i, j = i - 1, j - g
    return out


def snap_to_ink(words: list[TsvWord], ink: np.ndarray, em: float) -> list[TsvWord]:
    """The characters of each line that holds letters, digits, punctuation or square brackets,
    with their boxes
    set to their own ink.  Tesseract's character boxes stray by up to an em, yet the width a
    ３ or a 3 was printed in is read from where its neighbours stand (normalize_widths): the
    line's ink is cut into runs of inked columns and matched to its characters in order
    (``_align_ink``).  Lines that do not match (characters touching) keep tesseract's boxes."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    out = list(words)
    h, wd = ink.shape
    for idx in lines.values():
        if not any(_CONVERTIBLE.search(words[i].text) or words[i].text in _SQUARE for i in idx) or any(
            len(words[i].text) != 1 for i in idx
        ):
            continue
        idx = sorted(idx, key=lambda i: words[i].left)
        top = max(int(statistics.median(words[i].top for i in idx)), 0)
        bottom = min(int(statistics.median(words[i].top + words[i].height for i in idx)), h)
        x0 = max(min(words[i].left for i in idx) - int(_LINE_MARGIN * em), 0)
        x1 = min(max(words[i].left + words[i].width for i in idx) + int(_LINE_MARGIN * em), wd)
        if bottom <= top or x1 <= x0:
            continue
        cols = np.flatnonzero(ink[top:bottom, x0:x1].any(axis=0))
        if len(cols) == 0:
            continue
        breaks = np.flatnonzero(np.diff(cols) > 1)
        starts = (cols[np.r_[0, breaks + 1]] + x0).tolist()
        ends = (cols[np.r_[breaks, len(cols) - 1]] + x0 + 1).tolist()
        spans = _align_ink([words[i] for i in idx], starts, ends, em)
        if spans is None:
            continue
        for i, (a, b) in zip(idx, spans, strict=True):
            w = words[i]
            out[i] = TsvWord(w.text, a, w.top, b - a, w.height, w.conf, w.line, w.word, True)
    return out


def _to_width(ch: str, full: bool) -> str:
    o = ord(ch)
    if full and 0x21 <= o <= 0x7E:
        return chr(o + 0xFEE0)
    if not full and 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    return ch


# Where the ink of a full-width character sits in its em box, as the offset of the ink centre
# from the box centre (in ems): closing punctuation hugs the left, opening brackets the right.
_INK_OFFSET = {
    **dict.fromkeys("、。，．）」』】〕］｝〉》", -0.25),
    **dict.fromkeys("（「『【〔［｛〈《", 0.25),
}
_OPEN = "(（<＜"
# Marks whose ink stands to one side of a full-width box: openers right, closers and stops left.
_OPEN_MARKS = "(（[［"
_CLOSE_MARKS = ")）]］.．,，:：;；"
_CLOSE = ")）>＞"
# Marks printed inside a number in its digits' width: a telephone number's brackets and hyphens.
_NUMBER_MARKS = "()（）-－"
_COLONS = ":："


def _blank(ch: str, full: bool, leading: bool) -> float:
    """White space (in ems) between a character's box edge and its ink, on its leading or
    trailing side, were it printed full or half width."""
    if not _CONVERTIBLE.match(ch):
        return 0.6 if (not leading and ch in "、。") else 0.1
    if (ch in "(（[［<＜" and leading) or (ch in ")）]］>＞" and not leading):
        return 0.55 if full else 0.15
    if ch in ".．,，" and not leading:
        return 0.7 if full else 0.3
    return 0.15 if full else 0.05


# A line that is a date or part of one (平成２８年１０月, 2020年7月1): its digits print in one width.
_DATE_LINE = regex.compile(r"\p{Han}{0,2}[0-9０-９]+年(?:[0-9０-９]+月(?:[0-9０-９]+日?)?)?")
_DIGIT = regex.compile(r"[0-9０-９]")


def _extent_width(chars: list[list], line: list[TsvWord], em: float, settings: OcrSettings) -> bool | None:
    """Full width (True) or half (False) for the digits of a date line whose boxes were not set
    to their ink (``snap_to_ink`` found characters touching), told by the line's whole length.

    Tesseract's boxes inside such a line stray by ems (a Calc date cell's 平 box spanning the
    whole date), so neither a digit's pitch nor its neighbours can be measured; the line's two
    ends can.  Its kanji advance one em each, its digits one em (full width) or half of one plus
    the white LibreOffice sets between Latin and Japanese text (``extent_latin_white_em`` at
    each meeting), so ``平成２８年１０月`` spans 8 ems and ``平成28年10月`` 7.  Only lines that are a
    date or part of one (its digits print in one width) with two or more digits, and only when
    the length lies ``extent_margin`` of the gap between the two lengths past their midpoint;
    else None."""
    text = "".join(c[0] for c in chars)
    if not chars or any(w.inked for w in line) or not _DATE_LINE.fullmatch(text):
        return None
    digits = len(_DIGIT.findall(text))
    if digits < 2:
        return None
    japanese = len(text) - digits
    meetings = sum(1 for x, y in itertools.pairwise(text) if bool(_DIGIT.match(x)) != bool(_DIGIT.match(y)))
    length = max(w.left + w.width for w in line) - min(w.left for w in line)
    full = (japanese + digits) * em
    half = (japanese + digits / 2 + settings.extent_latin_white_em * meetings) * em
    if full - half <= 0 or abs(length - (full + half) / 2) < settings.extent_margin * (full - half):
        return None
    return length > (full + half) / 2


def _run_key(run: list[list]) -> str:
    """What a run of characters reads, whatever its width and case (its ``same_runs`` key)."""
    return unicodedata.normalize("NFKC", "".join(c[0] for c in run)).casefold()


def _letters_inked(run: list[list], words: list[TsvWord]) -> bool:
    """True for a run holding a letter whose every character's box was set to its ink."""
    return any(c[0].isalpha() for c in run) and all(words[c[3]].inked for c in run)


def normalize_widths(words: list[TsvWord], settings: OcrSettings) -> list[TsvWord]:
    """Letters, digits and punctuation in the width they were printed in.

    Tesseract reads ３．（ＩＤ as 3.(ID.  The print tells them apart: full-width characters
    advance one em (the pitch of the page's kanji), half-width ones about half of that.  A run of
    such characters between two Japanese characters advances (distance of their box centres − 1
    em); at a line's start or end the run's outer ink edge stands in for the missing neighbour.
    A closing bracket whose width geometry cannot tell takes its opening bracket's."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    per_line: list[list[list]] = []  # [char, ink x0, ink x1, word index]
    pitches: list[float] = []
    heights = [w.height for w in words if KANA_KANJI.fullmatch(w.text[:1] or " ")]
    hmax = 1.6 * (statistics.median(heights) if heights else 1e9)
    line_keys = sorted(lines)
    for key in line_keys:
        idx = sorted(lines[key], key=lambda i: words[i].left)
        chars: list[list] = []
        for i in idx:
            w = words[i]
            text = w.text.replace(" ", "")
            per = w.width / max(len(text), 1)
            chars.extend([ch, w.left + per * k, w.left + per * (k + 1), i, None] for k, ch in enumerate(text))
        per_line.append(chars)
        for a, b in itertools.pairwise(chars):
            d = (b[1] + b[2] - a[1] - a[2]) / 2
            if KANA_KANJI.match(a[0]) and KANA_KANJI.match(b[0]) and 0 < d < hmax:
                pitches.append(d)
    if not pitches:
        return words
    em = statistics.median(pitches)
    # A word that mixes Japanese and convertible characters (20日, 提供先1): its Japanese
    # characters advance one em each, so the rest of its width is the convertible ones'.
    for chars in per_line:
        for i in {c[3] for c in chars}:
            mine = [c for c in chars if c[3] == i]
            conv = [c for c in mine if _CONVERTIBLE.match(c[0])]
            if not conv or len(conv) == len(mine):
                continue
            w = words[i]
            n_wide = len(mine) - len(conv)
            pred = {
                f: (
                    n_wide
                    + len(conv) * (1 if f else 0.5)
                    - _blank(mine[0][0], f, True)
                    - _blank(mine[-1][0], f, False)
                )
                * em
                for f in (True, False)
            }
            full = abs(w.width - pred[True]) < abs(w.width - pred[False])
            step = em if full else em / 2
            scale = w.width / max(em * (len(mine) - len(conv)) + step * len(conv), 1)
            x = w.left
            for c in mine:
                a = (step if c in conv else em) * scale
                c[1], c[2] = x, x + a
                x += a
                if c in conv:
                    c[4] = full

    def box_centre(c: list) -> float:
        return (c[1] + c[2]) / 2 - _INK_OFFSET.get(c[0], 0.0) * em

    def punctuation_width(chars: list[list], m: int, margin: float | None) -> bool | None:
        """Full width (True) or half for a bracket or stop measured on the ink: a full-width
        （ stands in the right half of its em, ．）、： in the left, so the white towards the
        Japanese character on that side is wide (（1．: a full bracket and stop round a
        half-width digit).  An opener that starts a line is measured from where the cell's lines
        start (``margin``).  None when the ink does not tell."""
        c = chars[m]
        side = -1 if c[0] in _OPEN_MARKS else 1 if c[0] in _CLOSE_MARKS else 0
        if side < 0 and m == 0 and margin is not None and words[c[3]].inked:
            return c[1] - margin >= settings.full_white_em * em
        if not side or not 0 <= m + side < len(chars):
            return None
        other = chars[m + side]
        if c[0] in _COLONS and m > 0 and not _JAPANESE.match(other[0]):
            return colon_width(chars, m)
        if not (words[c[3]].inked and words[other[3]].inked and _JAPANESE.match(other[0])):
            return None
        white = c[1] - other[2] if side < 0 else other[1] - c[2]
        return white >= settings.full_white_em * em

    def colon_width(chars: list[list], m: int) -> bool | None:
        """Full width (True) or half for a colon after a Japanese character and before a
        letter, digit or bracket (電話：0123-45-6789), measured on the ink: a full-width colon
        stands in the middle of its em, so the white on its two sides together is about an em
        (0.86-1.25 measured on scan-ocr40/47), a half-width one's about 0.35 by the IPA fonts'
        metrics, 0.65 with a space printed after it (``colon_full_white_em`` between).  None
        when the ink does not tell: not every box set to its own ink, or the Japanese
        character's ink narrower than ``_KANJI_INK_EM`` (the ink was cut wrong)."""
        c, left, right = chars[m], chars[m - 1], chars[m + 1]
        if not (_JAPANESE.match(left[0]) and all(words[x[3]].inked for x in (c, left, right))):
            return None
        if left[2] - left[1] < _KANJI_INK_EM * em:
            return None
        white = (c[1] - left[2]) + (right[1] - c[2])
        return white >= settings.colon_full_white_em * em

    def runs(chars: list[list]):  # type: ignore[no-untyped-def]
        """(k, j, adv, threshold, between) of each run of convertible characters in a line: the
        run's advance per character, the advance from which it is full width, and whether it
        was measured between two neighbours."""
        n = len(chars)
        k = 0
        while k < n:
            if not _CONVERTIBLE.match(chars[k][0]):
                k += 1
                continue
            j = k
            # A colon after Japanese text is a run of its own (its width is its ink's, see
            # colon_width): the digits after it (電話：0123, 数：１９) are measured apart.
            alone = chars[k][0] in _COLONS and 0 < k < n - 1 and colon_width(chars, k) is not None
            while (
                not alone
                and j + 1 < n
                and _CONVERTIBLE.match(chars[j + 1][0])
                and chars[j + 1][1] - chars[j][2] < em
            ):
                j += 1
            size = j - k + 1
            # A neighbour across a space (電話 03-…) says nothing of the run's pitch.
            near = settings.neighbour_gap_em * em
            threshold = settings.edge_full_advance_em if j == k else settings.full_advance_em
            adv: float | None = None
            left = chars[k - 1] if k > 0 and chars[k][1] - chars[k - 1][2] < near else None
            right = chars[j + 1] if j + 1 < n and chars[j + 1][1] - chars[j][2] < near else None
            if left is not None and right is not None:
                adv = (box_centre(right) - box_centre(left) - em) / size
                threshold = settings.full_advance_em
            elif right is not None and chars[k][0].isalnum():
                # A letter or digit sits in the middle of its box: from the neighbour's box edge
                # to the run's first ink centre is (size - 1/2) advances.
                adv = (box_centre(right) - em / 2 - (chars[k][1] + chars[k][2]) / 2) / (size - 0.5)
                threshold = settings.full_advance_em
            elif left is not None and chars[j][0].isalnum():
                adv = ((chars[j][1] + chars[j][2]) / 2 - box_centre(left) - em / 2) / (size - 0.5)
                threshold = settings.full_advance_em
            elif right is not None:
                adv = (box_centre(right) - em / 2 - chars[k][1] + settings.bearing_em * em) / size
            elif left is not None and not (size == 1 and chars[k][0] in _CLOSE):
                adv = (chars[j][2] - box_centre(left) - em / 2 + settings.bearing_em * em) / size
            between = left is not None and right is not None
            run = chars[k : j + 1]
            own = [m for m, c in enumerate(run) if c[0].isalnum()]
            if (
                len(own) >= 2
                and all(words[c[3]].inked for c in run)
                and all(c[0].isalnum() or c[0] in _NUMBER_MARKS for c in run[own[0] : own[-1] + 1])
            ):
                # Two or more letters or digits set to their own ink: their own pitch (ink centre
                # to ink centre) tells their width, whatever white the typesetter put round the
                # run (LibreOffice spaces Latin text from Japanese: a neighbour's distance then
                # reads half-width digits as full).  Brackets and hyphens between them count one
                # advance each (a telephone number ０１２（３４５）６７８９ prints in one width).
                first, last = run[own[0]], run[own[-1]]
                pitch = ((last[1] + last[2]) - (first[1] + first[2])) / 2 / (own[-1] - own[0])
                if _PITCH_EM[0] * em <= pitch <= _PITCH_EM[1] * em:
                    adv, threshold, between = pitch, settings.full_advance_em, True
                    if len(own) < own[-1] - own[0] + 1:
                        across_marks.add((id(chars), k))
            yield k, j, adv, threshold, between
            k = j + 1

    # Runs of two or more digits, and digits between two neighbours, are measured well; a lone
    # digit at a line's edge (月1日 wrapped before 1日) is not, so it takes the width the sure
    # digits of its block have (a cell, when cells are read one by one: a date cell's 10 and 4
    # speak for its 1), else of the page; so does any lone digit measured near the threshold.
    # Runs measured across a number's marks (電話 03-1234-5600) tell their own width only: a
    # page prints its telephone numbers half width beside full-width addresses (一丁目１番).
    across_marks: set[tuple[int, int]] = set()
    measured = [list(runs(chars)) for chars in per_line]
    votes: dict[int | None, list[int]] = {None: [0, 0]}
    for key, chars, line_runs in zip(line_keys, per_line, measured, strict=True):
        for k, j, adv, threshold, between in line_runs:
            if adv is None or (j == k and not between) or not any(c[0].isdigit() for c in chars[k : j + 1]):
                continue
            if (id(chars), k) in across_marks:
                continue
            if abs(adv / em - threshold) >= settings.sure_margin_em:
                votes.setdefault(key[0], [0, 0])[int(adv >= threshold * em)] += 1
                votes[None][int(adv >= threshold * em)] += 1

    # Letters set to their own ink and measured surely, by what they read (ＩＤ, ＬＧＷＡＮ): a
    # run of the same letters on a line whose boxes were not set to ink (tesseract's boxes there
    # stray: set VIII's 退職者の1Dは, its 職 box 9 ems wide) takes their width when they agree.
    same_runs: dict[str, list[int]] = {}
    for chars, line_runs in zip(per_line, measured, strict=True):
        for k, j, adv, threshold, between in line_runs:
            run = chars[k : j + 1]
            if adv is None or not between or not _letters_inked(run, words):
                continue
            if abs(adv / em - threshold) >= settings.sure_margin_em:
                same_runs.setdefault(_run_key(run), [0, 0])[int(adv >= threshold * em)] += 1

    def prior_of(block: int) -> bool | None:
        for v in (votes.get(block), votes[None]):
            if v and v[0] != v[1]:
                return v[1] > v[0]
        return None

    # Where each cell's lines start: the ink of a kanji or kana opening a line.
    margins: dict[int, float] = {}
    for key, chars in zip(line_keys, per_line, strict=True):
        if chars and KANA_KANJI.match(chars[0][0]) and words[chars[0][3]].inked:
            margins[key[0]] = min(margins.get(key[0], chars[0][1]), chars[0][1])
    texts: dict[int, list[str]] = {}
    brackets: list[tuple[bool, bool]] = []  # (full width, measured by its own ink)
    for key, chars, line_runs in zip(line_keys, per_line, measured, strict=True):
        n = len(chars)
        prior = prior_of(key[0])
        margin = margins.get(key[0])
        for k, j, adv, threshold, between in line_runs:
            size = j - k + 1
            full: bool | None = None
            if chars[k][4] is not None:
                full = chars[k][4]
            elif adv is not None:
                full = adv >= threshold * em
                if (
                    size == 1
                    and prior is not None
                    and chars[k][0].isdigit()
                    and (not between or abs(adv / em - threshold) < settings.sure_margin_em)
                ):
                    full = prior
                run = chars[k : j + 1]
                same = same_runs.get(_run_key(run))
                if same and same[0] != same[1] and not all(words[c[3]].inked for c in run):
                    full = same[1] > same[0]
            if chars[k][0] in _CLOSE and size == 1 and full is None and brackets:
                full = brackets[-1][0]
            if full is not None:
                for m in range(k, j + 1):
                    chars[m][0] = _to_width(chars[m][0], full)
            for m in range(k, j + 1):
                own = punctuation_width(chars, m, margin)
                if own is None and m > k and chars[m][0] in _CLOSE and brackets and brackets[-1][1]:
                    # A bracket closing a run (（Ver.2.1）): its ink cannot tell (no neighbour
                    # after it); it is printed in the width its opener's own ink showed.
                    own = brackets[-1][0]
                if own is not None:
                    chars[m][0] = _to_width(chars[m][0], own)
                if chars[m][0] in _OPEN:
                    brackets.append((chars[m][0] in "（＜", own is not None))
                elif chars[m][0] in _CLOSE and brackets:
                    brackets.pop()
        # Brackets around Japanese text are printed full width (（委託に伴うものを除く。）,
        # ＜共通基盤システムにおける措置＞): a bracket opening onto, or closing after, a Japanese
        # character follows the text rather than its own (unreliable) box.
        for m, c in enumerate(chars):
            if c[0] in _OPEN and m + 1 < n and _JAPANESE.match(chars[m + 1][0]):
                c[0] = _to_width(c[0], True) if c[0] not in "<＜" else "＜"
            elif c[0] in _CLOSE and (
                (m > 0 and _JAPANESE.match(chars[m - 1][0]))
                or (m == 0 and n > 1 and _JAPANESE.match(chars[1][0]))
            ):
                c[0] = _to_width(c[0], True) if c[0] not in ">＞" else "＞"
        extent = _extent_width(chars, [words[c[3]] for c in chars], em, settings)
        if extent is not None:
            for c in chars:
                if _DIGIT.match(c[0]):
                    c[0] = _to_width(c[0], extent)
        for c in chars:
            texts.setdefault(c[3], []).append(c[0])
    out = []
    for i, w in enumerate(words):
        text = "".join(texts.get(i, [w.text]))
        out.append(
            TsvWord(text, w.left, w.top, w.width, w.height, w.conf, w.line, w.word) if text != w.text else w
        )
    return out
