"""The data-quality report: its JSON twin, its HTML, and the HTML in a real browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

import piatable
from piatable.cli import main
from piatable.models import Record
from piatable.pipeline import DocumentResult, extract_document
from piatable.report import bar_chart, diff_html, needs_review, report_data, review_order, write_report
from piatable.settings import Settings

from .conftest import SAMPLES
from .report_fixtures import synthetic_batch

CHROMIUM = "/usr/bin/chromium"
EVIL_SCRIPT = "<script>alert(1)</script>"
EVIL_IMG = '<img src=x onerror="alert(2)">'


@pytest.fixture(scope="module")
def seed_result() -> DocumentResult:
    return extract_document(SAMPLES / "seed" / "input.txt")


def evil_result() -> DocumentResult:
    """A document whose cells hold markup, with a duplicate and a row of an unknown section."""
    recs = [
        Record(
            source="evil<b>.txt",
            row_index=k,
            page_start=1,
            page_end=2 if k else 1,
            change_date="2020-04-01",
            change_date_raw="2020/4/1",
            item=f"Ⅳその他のリスク対策{EVIL_IMG}" if k < 2 else "別添",
            item_path=[f"Ⅳその他のリスク対策{EVIL_IMG}"] if k < 2 else ["別添"],
            before=f"前{EVIL_SCRIPT}",
            after=f"後{EVIL_IMG}</td></tr></table>",
            timing="事前" if k else None,
            explanation="<!-- comment -->&amp;",
            flags=["timing_missing"] if not k else (["duplicate_row"] if k == 1 else []),
            confidence=0.5,
        )
        for k in range(3)
    ]
    return DocumentResult(
        "evil<b>.txt", recs, status="partial", kind="text", pages=2, notes=[f"note {EVIL_SCRIPT}"]
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory, seed_result) -> tuple[Path, Path, list[DocumentResult]]:
    missing = extract_document(SAMPLES / "no-such-file.txt")
    results = [seed_result, evil_result(), missing]
    out = tmp_path_factory.mktemp("report") / "report.html"
    html_path, json_path = write_report(results, out, Settings())
    return html_path, json_path, results


class Elements(HTMLParser):
    """Start tags of an HTML text, with attributes."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


# ----------------------------------------------------------------------------- the JSON twin


def test_json_twin_counts(report, seed_result):
    html_path, json_path, _ = report
    assert json_path == html_path.with_name("report.data.json")
    data = json.loads(json_path.read_text("utf-8"))
    assert data["piatable_version"] == piatable.__version__
    assert data["settings"] == Settings().to_dict()
    seed = data["documents"][0]
    assert seed["source"].endswith("samples/seed/input.txt")
    assert seed["rows"] == 12 and seed["status"] == "success"
    assert seed["flags"] == {"truncated:after": 3, "truncated:before": 2}
    assert seed["rows_flagged"] == 4
    assert seed["rows_to_review"] == 0  # clipped cells are the table's, not doubts
    assert seed["changes_per_year"] == {"2022": 4, "2023": 8}
    assert seed["timing"] == {"事後": 12}
    assert seed["sections"] == {"Ⅰ": 1, "Ⅱ": 5, "Ⅲ": 6}
    evil = data["documents"][1]
    assert evil["flags"] == {"duplicate_row": 1, "timing_missing": 1}
    assert evil["sections"] == {"Ⅳ": 2, "other": 1}
    assert evil["timing"] == {"事前": 2, "unknown": 1}
    ov = data["overall"]
    assert ov["documents"] == 3 and ov["rows"] == 15
    assert ov["status"] == {"failure": 1, "partial": 1, "success": 1}
    assert ov["flags"] == {
        "duplicate_row": 1,
        "timing_missing": 1,
        "truncated:after": 3,
        "truncated:before": 2,
    }
    assert ov["changes_per_year"] == {"2020": 3, "2022": 4, "2023": 8}
    assert ov["sections"] == {"Ⅰ": 1, "Ⅱ": 5, "Ⅲ": 6, "Ⅳ": 2, "other": 1}
    assert [f["source"] for f in data["failed"]] == [str(SAMPLES / "no-such-file.txt")]
    assert "no such file" in data["failed"][0]["errors"][0]["message"]
    assert len(data["rows"]) == 15
    assert data["rows"][6]["flags"] == ["truncated:after"] and data["rows"][6]["section"] == "Ⅲ"
    assert [r["needs_review"] for r in data["rows"][12:]] == [True, True, False]
    assert data["settings_changed"] == {}
    assert data["documents"][1]["notes"] == [f"note {EVIL_SCRIPT}"]  # JSON keeps the text as is


# ----------------------------------------------------------------------------- the HTML


def test_html_is_self_contained(report):
    text = report[0].read_text("utf-8")
    for needle in ("http:", "https:", "//cdn", "<link", "@import", "url("):
        assert needle not in text, needle
    for tag, attrs in Elements(text).tags:
        assert not {"src", "xlink:href", "action"} & set(attrs), (tag, attrs)
        assert (attrs.get("href") or "#").startswith("#"), (tag, attrs)  # links inside the page only
    assert 'http-equiv="Content-Security-Policy"' in text
    assert "default-src &#x27;none&#x27;" in text


def test_html_escapes_document_text(report):
    text = report[0].read_text("utf-8")
    dom = Elements(text)
    assert dom.count("script") == 1  # ours
    assert dom.count("img") == 0
    assert "evil<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in text
    assert "evil&lt;b&gt;.txt" in text
    assert "&lt;!-- comment --&gt;&amp;amp;" in text  # the explanation, escaped
    assert "note &lt;script&gt;" in text
    # The markup did not close the rows table early: every row is in it.
    assert dom.count("table") == 3  # review queue, flag counts, documents: no injected one
    rows = [a for t, a in dom.tags if t == "tr" and "data-doc" in a]
    assert len(rows) == 15


def test_html_content(report):
    text = report[0].read_text("utf-8")
    dom = Elements(text)
    assert dom.count("svg") == 3
    assert "changes per year" in text and "提出時期 (事前/事後)" in text
    assert "sections of the form changed" in text and "Ⅲ リスク対策" in text
    assert f"piatable {piatable.__version__}" in text
    # Only settings that differ from the defaults are listed (none here).
    assert "All settings are the defaults" in text and "rejoin.full_slack_units" not in text
    assert "no such file" in text
    rows = [a for t, a in dom.tags if t == "tr" and "data-doc" in a]
    # The review queue: the evil document's two doubtful rows first, least sure first.
    assert [r["data-doc"] for r in rows[:2]] == ["1", "1"]
    assert all("review" in (r.get("class") or "") for r in rows[:2])
    assert not any("review" in (r.get("class") or "") for r in rows[2:])
    assert sorted(r["data-flags"] for r in rows if r["data-doc"] == "0") == sorted(
        ["truncated:after"] * 2 + ["truncated:after truncated:before", "truncated:before"] + [""] * 8
    )
    options = [a.get("value") for t, a in dom.tags if t == "option"]
    assert {"*", "review", "any", "none", "truncated:after", "truncated:before", "duplicate_row"} <= set(
        options
    )
    # The clipped cells are marked, and each flag of the summary links to its rows.
    assert sum(" truncated" in (a.get("class") or "") for _, a in dom.tags) == 5
    assert '<a class="flag" href="#flag=truncated:after"' in text
    # The evidence names the cell and the flag; the file name and page are shown.
    assert "evidence: cell, flag, why" in text and "seed/input.txt" in text and "p.1 row 0" in text


def test_review_order_and_evidence(seed_result):
    evil = evil_result()
    order = review_order([seed_result, evil])
    flags = [needs_review(r) for _, r in order]
    assert flags == sorted(flags, reverse=True)  # rows to review first
    confs = [r.confidence for _, r in order if needs_review(r)]
    assert confs == sorted(confs)


def test_changed_settings_are_shown(tmp_path, seed_result):
    s = Settings()
    s.set("quality.truncated_threshold=3.5")
    html_path, json_path = write_report([seed_result], tmp_path / "r.html", s)
    text = html_path.read_text("utf-8")
    assert "quality.truncated_threshold" in text and "3.5" in text
    assert "rejoin.full_slack_units" not in text
    assert json.loads(json_path.read_text("utf-8"))["settings_changed"] == {
        "quality": {"truncated_threshold": 3.5}
    }


def test_diff_html_marks_segments_and_escapes():
    # The report shows the records' own diff (normalize.diff.text_diff): word-ish segments.
    assert diff_html("ab cd", "ab Xd") == ("ab <del>cd</del>", "ab <ins>Xd</ins>")
    assert diff_html("", "新規追加") == ("", "<ins>新規追加</ins>")
    before, after = diff_html("通知カード送付", "個人番号通知書送付")
    assert before == "<del>通知カード</del>送付" and after == "<ins>個人番号通知書</ins>送付"
    before, after = diff_html("<b>a", "<i>a")
    assert before == "&lt;<del>b</del>&gt;a" and after == "&lt;<ins>i</ins>&gt;a"


def test_bar_chart_svg():
    svg = bar_chart("年<x>", {"2022": 4, "2023": 8})
    dom = Elements(svg)
    assert dom.count("rect") == 2
    widths = [float(a["width"]) for t, a in dom.tags if t == "rect"]
    assert widths[1] == 2 * widths[0]
    assert "年&lt;x&gt;" in svg
    assert "no rows" in bar_chart("empty", {})


def test_row_cap_keeps_the_least_sure_rows(tmp_path, seed_result):
    s = Settings()
    s.quality.report_max_rows = 4
    html_path, json_path = write_report([seed_result], tmp_path / "r.html", s)
    assert json_path.name == "r.data.json"
    rows = [a for t, a in Elements(html_path.read_text("utf-8")).tags if t == "tr" and "data-doc" in a]
    assert len(rows) == 4
    least = sorted(r.confidence for r in seed_result.records)[:4]
    assert (
        sorted(float(r["data-flags"] is not None) * 0 + c for r, c in zip(rows, least, strict=True)) == least
    )
    assert "8 rows, the surest, left out" in html_path.read_text("utf-8")
    assert len(json.loads(json_path.read_text("utf-8"))["rows"]) == 12


def test_cover_facts_are_shown_escaped(tmp_path):
    res = DocumentResult("a.pdf", kind="pdf", pages=3)
    res.documents = {"assessment_name": "住民基本台帳に関する事務<i>", "agency": "サンプル市長"}
    html_path, json_path = write_report([res], tmp_path / "report.html")
    assert json.loads(json_path.read_text("utf-8"))["documents"][0]["cover"] == res.documents
    text = html_path.read_text("utf-8")
    assert "住民基本台帳に関する事務&lt;i&gt; · サンプル市長" in text
    assert Elements(text).count("i") == 0


def test_report_data_without_rows():
    data = report_data([DocumentResult("x.txt", notes=["no amendment table found"])], Settings())
    assert data["overall"]["rows"] == 0 and data["overall"]["mean_confidence"] is None
    assert data["overall"]["flags"] == {}


def test_cli_writes_the_report(tmp_path):
    out = tmp_path / "out"
    code = main(
        [
            "extract",
            str(SAMPLES / "seed" / "input.txt"),
            "-o",
            str(out / "records.json"),
            "--report",
            str(out / "report.html"),
            "--set",
            "quality.truncated_threshold=3.5",
        ]
    )
    assert code == 0
    data = json.loads((out / "report.data.json").read_text("utf-8"))
    assert data["settings"]["quality"]["truncated_threshold"] == 3.5
    assert data["overall"]["rows"] == 12
    assert (out / "report.html").read_text("utf-8").startswith("<!DOCTYPE html>")


# ----------------------------------------------------------------------------- a real browser

needs_chromium = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="chromium is not installed")


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile{len(list(tmp.glob('profile*')))}"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)


def console_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ":CONSOLE" in ln]


@needs_chromium
def test_console_detector_sees_errors(tmp_path):
    """The console check below can fail: a page with a script error shows up in the log."""
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><script>undefinedFn();</script></body></html>", "utf-8")
    run = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", bad.as_uri())
    assert any("Uncaught ReferenceError" in ln for ln in console_lines(run.stderr))


@needs_chromium
def test_report_renders_in_chromium(report, tmp_path):
    html_path = report[0]
    run = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", html_path.as_uri())
    assert console_lines(run.stderr) == []
    dom = run.stdout
    assert 'data-js="ready"' in dom  # our script ran (the CSP hash matches)
    assert re.search(r'<span id="shown">15</span>', dom)
    assert "page 1 of 1" in dom
    parsed = Elements(dom)
    assert parsed.count("script") == 1
    assert parsed.count("img") == 0
    assert parsed.count("svg") == 3
    assert "<script>alert(1)</script>" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


@needs_chromium
def test_filter_by_flag_in_chromium(report, tmp_path):
    uri = report[0].as_uri() + "#flag=truncated:after"
    run = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", uri)
    assert console_lines(run.stderr) == []
    rows = [a for t, a in Elements(run.stdout).tags if t == "tr" and "data-doc" in a]
    shown = [r for r in rows if "hidden" not in r]
    assert len(rows) == 15 and len(shown) == 3
    assert all("truncated:after" in r["data-flags"] for r in shown)
    assert '<span id="shown">3</span>' in run.stdout


@needs_chromium
def test_screenshot_is_not_blank(report, tmp_path):
    import numpy as np
    from PIL import Image, ImageStat

    png = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={png}", "--window-size=1280,2000", report[0].as_uri())
    img = Image.open(png).convert("L")
    assert img.size == (1280, 2000)
    stat = ImageStat.Stat(img)
    assert stat.stddev[0] > 20  # text, tables and bars, not a blank page
    # Dark pixels (text) and the orange mark of the rows to review are both there.
    assert sum(img.histogram()[:100]) > 10_000
    rgb = np.asarray(Image.open(png).convert("RGB")).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    marks = int(((r > 180) & (g > 110) & (g < 160) & (b < 40)).sum())
    assert marks > 200


# ----------------------------------------------------------------------------- a batch's report


@pytest.fixture(scope="module")
def batches(tmp_path_factory, seed_result) -> dict[str, Path]:
    """The report of 4 documents (read from samples) and of 2,000 (synthesised from the seed)."""
    folder = tmp_path_factory.mktemp("batches")
    four = [
        seed_result,
        evil_result(),
        extract_document(SAMPLES / "extractors" / "excel-kiso_kokuho-pypdfium2" / "input.txt"),
        extract_document(SAMPLES / "no-such-file.txt"),
    ]
    out = {"4": folder / "four.html", "2000": folder / "big.html"}
    write_report(four, out["4"])
    write_report(synthetic_batch(seed_result.records, 2000), out["2000"])
    return out


def test_big_report_stays_small(batches):
    html_path = batches["2000"]
    assert html_path.stat().st_size < 10_000_000
    text = html_path.read_text("utf-8")
    dom = Elements(text)
    rows = [a for t, a in dom.tags if t == "tr" and "data-doc" in a]
    assert len(rows) == Settings().quality.report_max_rows
    assert sum(1 for t, a in dom.tags if t == "tr" and a == {}) <= 1 + 200 + 40  # heads, worst docs, flags
    assert "the 200 worst of 2000" in text


def _load(tmp_path: Path, uri: str, width: int) -> tuple[str, float]:
    t0 = time.perf_counter()
    run = chromium(
        tmp_path, f"--window-size={width},900", "--enable-logging=stderr", "--v=0", "--dump-dom", uri
    )
    assert console_lines(run.stderr) == []
    return run.stdout, time.perf_counter() - t0


@needs_chromium
@pytest.mark.parametrize("width", [1000, 1400])
@pytest.mark.parametrize("batch", ["4", "2000"])
def test_report_opens_fast_without_sideways_scrolling(batches, tmp_path, batch, width):
    dom, _ = _load(tmp_path, batches[batch].as_uri(), width)
    assert 'data-js="ready"' in dom
    load_ms = int(re.search(r'data-load-ms="(\d+)"', dom).group(1))
    assert load_ms < 5000, load_ms  # from navigation start to the page's script done
    assert 'data-overflow="0"' in dom  # nothing wider than the window


@needs_chromium
def test_sideways_scrolling_is_detected(batches, tmp_path):
    """The overflow check above can fail: a page made too wide is caught."""
    wide = tmp_path / "wide.html"
    wide.write_text(
        batches["4"].read_text("utf-8").replace("<style>", "<style>body{min-width:3000px}"), "utf-8"
    )
    dom, _ = _load(tmp_path, wide.as_uri(), 1000)
    assert 'data-overflow="1"' in dom


@needs_chromium
def test_flag_link_scrolls_to_the_filtered_rows(batches, tmp_path):
    dom, _ = _load(tmp_path, batches["2000"].as_uri() + "#flag=row_split_guess", 1000)
    rows = [a for t, a in Elements(dom).tags if t == "tr" and "data-doc" in a]
    shown = [r for r in rows if "hidden" not in r]
    assert 0 < len(shown) <= 50  # one page
    assert all("row_split_guess" in r["data-flags"].split() for r in shown)
    assert int(re.search(r'data-scroll-y="(\d+)"', dom).group(1)) > 0  # scrolled down to the queue
