"""Tesseract: the installation check, the calls (TSV words, hOCR characters) and the words
they return (``TsvWord``), in pixels of the image handed to tesseract.
"""

from __future__ import annotations

import csv
import io
import os
import threading
from dataclasses import dataclass

import numpy as np
import regex

from piatable.errors import OcrUnavailable

INSTALL_HINT = "install it with: apt-get install tesseract-ocr tesseract-ocr-jpn"
# Tesseract's TSV columns (image_to_data).
TSV_FIELDS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)
_JA = r"\p{Han}\p{Hiragana}\p{Katakana}ー々〆〇、。「」（）・：；？！＿－―…‥"
# A space tesseract puts between two Japanese characters (or a Japanese and a full-width one).
_JA_SPACE = regex.compile(rf"(?<=[{_JA}\p{{Ps}}\p{{Pe}}\uff01-\uff5e])[ \u3000]+(?=[{_JA}\uff01-\uff5e])")


def join_japanese(text: str) -> str:
    """Text with the spaces tesseract puts between Japanese characters removed (spaces between
    half-width words kept)."""
    return _JA_SPACE.sub("", text)


_CHECKED: set[str] = set()


def check_tesseract(lang: str) -> None:
    """Raise OcrUnavailable (with how to install) when tesseract or its ``lang`` data is missing."""
    if lang in _CHECKED:
        return
    import pytesseract

    try:
        langs = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, FileNotFoundError, OSError) as exc:
        raise OcrUnavailable(f"tesseract is not installed; {INSTALL_HINT}") from exc
    except pytesseract.TesseractError as exc:
        raise OcrUnavailable(f"tesseract does not run ({exc}); {INSTALL_HINT}") from exc
    missing = [part for part in lang.split("+") if part not in langs]
    if missing:
        raise OcrUnavailable(f"tesseract has no '{'+'.join(missing)}' language data; {INSTALL_HINT}")
    _CHECKED.add(lang)


def _uncompressed(gray: np.ndarray):  # type: ignore[no-untyped-def]
    """The image as pytesseract hands it to tesseract: PGM (PIL's PPM writer), written and read
    without compression (PNG, pytesseract's default, took a tenth of a page's time to write)."""
    from PIL import Image

    img = Image.fromarray(gray)
    img.format = "PPM"
    return img


def tesseract_tsv(gray: np.ndarray, psm: int, lang: str) -> str:
    """Tesseract's TSV for a greyscale image (one process call): one row per word."""
    import pytesseract

    config = f"--psm {psm} --oem 1 -c tessedit_do_invert=0 -c preserve_interword_spaces=1"
    # Tesseract's OpenMP threads fight over a small machine's cores: one page took 5.3 s with
    # them and 1.4 s without (2 cores, under load).  A caller's own setting is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return pytesseract.image_to_data(_uncompressed(gray), lang=lang, config=config)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"tesseract is not installed; {INSTALL_HINT}") from exc


_HOCR = regex.compile(
    r"class='ocr_(?:line|textfloat|header|caption)' id='line_\d+_(\d+)'"
    r"|class='ocrx_word' id='word_\d+_(\d+)'"
    r"|x_bboxes (\d+) (\d+) (\d+) (\d+); x_conf ([\d.]+)'>([^<]*)</span>"
)


# Loaded tesserocr APIs not in use, by (psm, lang) (``_hocr_api``).
_FREE: dict[tuple[int, str], list] = {}  # type: ignore[type-arg]
_FREE_LOCK = threading.Lock()
_TESSDATA: list[str] = []


def tessdata_dir() -> str:
    """The system tesseract's language data folder (where ``tesseract --list-langs`` looks;
    ``TESSDATA_PREFIX`` when set): the in-process API reads the same models."""
    if not _TESSDATA:
        import subprocess

        found = os.environ.get("TESSDATA_PREFIX", "")
        if not found:
            try:
                out = subprocess.run(
                    ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
                )
                m = regex.search(r'"([^"]+)"', out.stdout + out.stderr)
                found = m.group(1) if m else ""
            except (OSError, subprocess.SubprocessError):
                found = ""
        _TESSDATA.append(found.rstrip("/") or "/usr/share/tesseract-ocr/5/tessdata")
    return _TESSDATA[0]


def use_api(engine: str) -> bool:
    """Whether strips are read by a tesseract kept loaded in each thread (tesserocr) rather
    than a tesseract process per call: ``engine`` is ``api``, ``process`` or ``auto`` (the API
    when tesserocr imports)."""
    if engine == "process":
        return False
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        if engine == "api":
            raise OcrUnavailable(
                "ocr.engine=api needs the tesserocr package (pip install tesserocr)"
            ) from None
        return False
    return True


def _hocr_api(gray: np.ndarray, psm: int, lang: str, whitelist: str = "") -> str:
    """hOCR of an image from a tesseract API kept loaded (tesserocr): no process start and no
    model load per call (``ocr.engine=api``: see the setting for what it measured).  The loaded
    APIs are lent out one per call from a free list (``_FREE``), so that they outlive the
    threads of one document: at most as many are loaded as calls ever ran at once."""
    import tesserocr
    from PIL import Image

    key = (psm, lang)
    with _FREE_LOCK:
        free = _FREE.setdefault(key, [])
        api = free.pop() if free else None
    if api is None:
        api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=lang, psm=psm, oem=tesserocr.OEM.LSTM_ONLY)
        api.SetVariable("tessedit_do_invert", "0")
        api.SetVariable("hocr_char_boxes", "1")
    try:
        api.SetVariable("tessedit_char_whitelist", whitelist)
        api.SetImage(Image.fromarray(gray))
        api.Recognize()
        return api.GetHOCRText(0)
    finally:
        with _FREE_LOCK:
            _FREE[key].append(api)


def tesseract_chars(
    gray: np.ndarray, psm: int, lang: str, engine: str = "process", whitelist: str = ""
) -> list[TsvWord]:
    """Tesseract's characters with their own boxes and confidences (hOCR with
    ``hocr_char_boxes``): for Japanese, tesseract's word boxes are often wider than their
    characters, so a word's box cannot tell where each character stands.  ``engine``: see
    ``use_api``; ``whitelist``: the only characters tesseract may read (a column's alphabet)."""
    import html

    import pytesseract

    config = f"--psm {psm} --oem 1 -c tessedit_do_invert=0 -c hocr_char_boxes=1"
    if whitelist:
        config += f" -c tessedit_char_whitelist={whitelist}"
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if use_api(engine):
        text = _hocr_api(gray, psm, lang, whitelist)
    else:
        try:
            raw = pytesseract.image_to_pdf_or_hocr(
                _uncompressed(gray), lang=lang, extension="hocr", config=config
            )
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrUnavailable(f"tesseract is not installed; {INSTALL_HINT}") from exc
        text = raw.decode("utf-8", "replace")
    out: list[TsvWord] = []
    line = word = 0
    for m in _HOCR.finditer(text):
        if m.group(1):
            line = int(m.group(1))
        elif m.group(2):
            word = int(m.group(2))
        else:
            text = html.unescape(m.group(8)).strip()
            if not text:
                continue
            x0, y0, x1, y1 = (int(m.group(k)) for k in range(3, 7))
            out.append(TsvWord(text, x0, y0, x1 - x0, y1 - y0, float(m.group(7)), (1, 1, line), word))
    return out


@dataclass(slots=True)
class TsvWord:
    """One word of tesseract's TSV, in pixels of the image it was given."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line)
    word: int = 0  # tesseract's word number (characters of one word share it)
    inked: bool = False  # the box was set to the character's own ink (snap_to_ink)


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The words (level 5, non-empty) of a tesseract TSV."""
    out: list[TsvWord] = []
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        if not text:
            continue
        out.append(
            TsvWord(
                text,
                int(row["left"]),
                int(row["top"]),
                int(row["width"]),
                int(row["height"]),
                float(row["conf"]),
                (int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
                int(row["word_num"]),
                row.get("inked") == "1",
            )
        )
    return out


def words_to_tsv(words: list[TsvWord], inked: bool = False) -> str:
    """Words back as a TSV (level 5 rows only): the page-level TSV committed beside a sample.
    ``inked``: a last column says which boxes were set to their ink (``TsvWord.inked``), so that
    a page read back measures widths as the live read did."""
    lines = ["\t".join(TSV_FIELDS + (("inked",) if inked else ()))]
    for w in words:
        b, p, ln = w.line
        cols = [5, 1, b, p, ln, w.word, w.left, w.top, w.width, w.height, round(w.conf, 2), w.text]
        if inked:
            cols.append(int(w.inked))
        lines.append("\t".join(map(str, cols)))
    return "\n".join(lines) + "\n"
