"""The data-quality report: one self-contained HTML file and its JSON twin.

``write_report(results, path, settings)`` writes ``path`` (HTML: inline CSS, JS and SVG, no
reference to anything outside the file) and ``report.json`` beside it (``path`` with the suffix
``.json``).  Both hold the counts of every flag per document and overall, the changes per year,
事前/事後 and the sections of the form (Ⅰ…Ⅵ) that changed, failed inputs and notes, the effective
settings and the piatable version.  The HTML adds a table of the rows, filterable by flag and by
document, with a character-level diff of before and after.

Every piece of document text goes through ``html.escape``; the page's Content-Security-Policy
allows only its own script (by hash), so even markup that slipped through would stay inert.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piatable.models import Record
from piatable.normalize.diff import text_diff
from piatable.normalize.flags import describe_flag

from ._version import __version__
from .settings import Settings

if TYPE_CHECKING:
    from piatable.models import DocumentResult

SECTIONS = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ")
SECTION_NAMES = {
    "Ⅰ": "Ⅰ 基本情報",
    "Ⅱ": "Ⅱ ファイルの概要",
    "Ⅲ": "Ⅲ リスク対策",
    "Ⅳ": "Ⅳ その他のリスク対策",
    "Ⅴ": "Ⅴ 開示請求、問合せ",
    "Ⅵ": "Ⅵ 評価実施手続",
}
OTHER_SECTION = "other"
NO_TIMING = "unknown"
NO_YEAR = "unknown"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def section_of(record: Record) -> str:
    """The top-level section (Ⅰ…Ⅵ) of the form the row's item path starts in, or ``other``."""
    for heading in record.item_path[:1]:
        head = heading.strip()[:1]
        if head in SECTIONS:
            return head
    return OTHER_SECTION


def year_of(record: Record) -> str:
    return record.change_date[:4] if record.change_date else NO_YEAR


# ----------------------------------------------------------------------------- the data


def _counts(records: Iterable[Record]) -> dict[str, Any]:
    records = list(records)
    flags: Counter[str] = Counter(f for r in records for f in r.flags)
    years: Counter[str] = Counter(year_of(r) for r in records)
    timing: Counter[str] = Counter(r.timing or NO_TIMING for r in records)
    sections: Counter[str] = Counter(section_of(r) for r in records)
    confs = [r.confidence for r in records]
    return {
        "rows": len(records),
        "rows_flagged": sum(1 for r in records if r.flags),
        "flags": dict(sorted(flags.items())),
        "mean_confidence": round(sum(confs) / len(confs), 3) if confs else None,
        "changes_per_year": dict(sorted(years.items())),
        "timing": {k: timing[k] for k in ("事前", "事後", NO_TIMING) if timing[k]},
        "sections": {k: sections[k] for k in (*SECTIONS, OTHER_SECTION) if sections[k]},
    }


def report_data(results: Sequence[DocumentResult], settings: Settings) -> dict[str, Any]:
    """What the report shows, as plain data (the JSON twin)."""
    documents = []
    for k, res in enumerate(results):
        doc = {
            "index": k,
            "source": res.source,
            "status": res.status,
            "kind": res.kind,
            "pages": res.pages,
            "errors": [{"stage": s, "page": p, "message": m} for s, p, m in res.errors],
            "notes": list(res.notes),
            # Facts of the assessment's cover page (評価書名, 評価実施機関名 …) when it was read.
            "cover": dict(res.documents),
        }
        doc.update(_counts(res.records))
        documents.append(doc)
    overall = _counts(r for res in results for r in res.records)
    overall["documents"] = len(results)
    overall["status"] = dict(sorted(Counter(res.status for res in results).items()))
    rows = [
        {
            "document": k,
            "source": r.source,
            "row_index": r.row_index,
            "page_start": r.page_start,
            "page_end": r.page_end,
            "change_date": r.change_date,
            "timing": r.timing,
            "section": section_of(r),
            "flags": list(r.flags),
            "confidence": r.confidence,
        }
        for k, res in enumerate(results)
        for r in res.records
    ]
    return {
        "piatable_version": __version__,
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "settings": settings.to_dict(),
        "overall": overall,
        "documents": documents,
        "failed": [
            {"source": d["source"], "errors": d["errors"]} for d in documents if d["status"] == "failure"
        ],
        "rows": rows,
    }


# ----------------------------------------------------------------------------- pieces of HTML


def diff_html(before: str, after: str) -> tuple[str, str]:
    """Before and after as HTML with the segments that differ marked ``<del>``/``<ins>``
    (the records' own diff, ``normalize.diff.text_diff``); all text escaped."""
    left: list[str] = []
    right: list[str] = []
    for op, text in text_diff(before, after):
        t = _esc(text)
        if op == "kept":
            left.append(t)
            right.append(t)
        elif op == "deleted":
            left.append(f"<del>{t}</del>")
        else:
            right.append(f"<ins>{t}</ins>")
    return "".join(left), "".join(right)


def bar_chart(title: str, data: dict[str, int], labels: dict[str, str] | None = None) -> str:
    """A horizontal bar chart as inline SVG (no external references), labels escaped."""
    labels = labels or {}
    row_h, label_w, bar_w, pad = 22, 150, 200, 8
    n = max(len(data), 1)
    height = 28 + n * row_h + pad
    width = label_w + bar_w + 60
    top = max(data.values(), default=0) or 1
    parts = [
        f'<svg class="chart" role="img" aria-label="{_esc(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f'<text class="chart-title" x="0" y="16">{_esc(title)}</text>',
    ]
    if not data:
        parts.append(f'<text class="chart-label" x="0" y="{28 + 15}">no rows</text>')
    for i, (key, value) in enumerate(data.items()):
        y = 28 + i * row_h
        w = round(bar_w * value / top, 1)
        label = labels.get(key, key)
        parts.append(
            f'<text class="chart-label" x="{label_w - 6}" y="{y + 15}" text-anchor="end">'
            f"{_esc(label)}</text>"
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}">'
            f"<title>{_esc(label)}: {value}</title></rect>"
            f'<text class="chart-value" x="{label_w + w + 5}" y="{y + 15}">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


CSS = """
body{font-family:"IPAexGothic","Noto Sans CJK JP",sans-serif;margin:1.5em;color:#222;font-size:14px}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:1px solid #ccc}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f0f0f0;text-align:left}td.num{text-align:right}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;padding:.6em 1em}
.card b{display:block;font-size:1.6em}.charts{display:flex;gap:2em;flex-wrap:wrap}
.chart-title{font-weight:bold;font-size:13px}.chart-label,.chart-value{font-size:12px}
.bar{fill:#4a7ab5}.status-failure{color:#b00}.status-partial{color:#a60}
#rows td.text{white-space:pre-wrap;max-width:28em;word-break:break-all}
#rows td.item{white-space:pre-wrap;max-width:16em;font-size:12px}
td.truncated::after{content:" ✂";color:#b00;font-weight:bold}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
.flag{display:inline-block;background:#fff3cd;border:1px solid #e0c060;border-radius:3px;
padding:0 3px;margin:1px;font-size:11px}.muted{color:#777}code{font-size:12px}
"""

SCRIPT = """(function () {
  var flagSel = document.getElementById('flag-filter');
  var docSel = document.getElementById('doc-filter');
  var rows = document.querySelectorAll('#rows tbody tr');
  var shown = document.getElementById('shown');
  function apply() {
    var f = flagSel.value || '*', d = docSel.value || '*', n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var fl = (r.getAttribute('data-flags') || '').split(' ').filter(Boolean);
      var ok = f === '*' || (f === 'any' ? fl.length > 0 :
               f === 'none' ? fl.length === 0 : fl.indexOf(f) >= 0);
      if (d !== '*' && r.getAttribute('data-doc') !== d) { ok = false; }
      r.hidden = !ok;
      if (ok) { n++; }
    }
    shown.textContent = String(n);
  }
  flagSel.addEventListener('change', apply);
  docSel.addEventListener('change', apply);
  var m = /[#&]flag=([^&]*)/.exec(location.hash);
  if (m) { flagSel.value = decodeURIComponent(m[1]); }
  apply();
  document.documentElement.setAttribute('data-js', 'ready');
})();"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def _flag_spans(flags: Iterable[str]) -> str:
    return "".join(f'<span class="flag" title="{_esc(describe_flag(f))}">{_esc(f)}</span>' for f in flags)


def _flags_table(data: dict[str, Any]) -> str:
    docs = data["documents"]
    names = sorted(data["overall"]["flags"])
    if not names:
        return "<p>No row carries a flag.</p>"
    head = "".join(f"<th>{_esc(d['source'])}</th>" for d in docs)
    out = [f'<table id="flag-counts"><thead><tr><th>flag</th><th>all</th>{head}</tr></thead><tbody>']
    for name in names:
        cells = "".join(f'<td class="num">{d["flags"].get(name, 0)}</td>' for d in docs)
        out.append(
            f'<tr><td><span class="flag" title="{_esc(describe_flag(name))}">{_esc(name)}</span></td>'
            f'<td class="num">{data["overall"]["flags"][name]}</td>{cells}</tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _documents_table(data: dict[str, Any]) -> str:
    out = [
        '<table id="documents"><thead><tr><th>#</th><th>input</th><th>status</th><th>kind</th>'
        "<th>pages</th><th>rows</th><th>flagged rows</th><th>mean confidence</th>"
        "<th>errors and notes</th></tr></thead><tbody>"
    ]
    for d in data["documents"]:
        msgs = [
            f'<li class="status-failure">{_esc(e["stage"])}'
            f"{'' if e['page'] is None else ' p.' + _esc(e['page'])}: {_esc(e['message'])}</li>"
            for e in d["errors"]
        ] + [f"<li>{_esc(n)}</li>" for n in d["notes"]]
        conf = "" if d["mean_confidence"] is None else f"{d['mean_confidence']:.3f}"
        cover = " · ".join(
            _esc(d["cover"][k]) for k in ("assessment_name", "agency", "published") if d["cover"].get(k)
        )
        source = _esc(d["source"]) + (f'<br><span class="muted">{cover}</span>' if cover else "")
        out.append(
            f'<tr><td class="num">{d["index"]}</td><td>{source}</td>'
            f'<td class="status-{_esc(d["status"])}">{_esc(d["status"])}</td><td>{_esc(d["kind"])}</td>'
            f'<td class="num">{d["pages"]}</td><td class="num">{d["rows"]}</td>'
            f'<td class="num">{d["rows_flagged"]}</td><td class="num">{conf}</td>'
            f"<td><ul>{''.join(msgs)}</ul></td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _cls(field: str, base: str, cut: set[str]) -> str:
    """The CSS class of a cell: ``truncated`` too when the row has ``truncated:<field>``."""
    return f"{base} truncated" if field in cut else base


def _rows_table(results: Sequence[DocumentResult], data: dict[str, Any], max_rows: int) -> str:
    indexed = [(k, r) for k, res in enumerate(results) for r in res.records]
    if len(indexed) > max_rows:
        # Flagged rows first, so that the cap hides only rows without findings.
        keep = sorted(indexed, key=lambda kr: not kr[1].flags)[:max_rows]
        keep_ids = {id(r) for _, r in keep}
        indexed = [kr for kr in indexed if id(kr[1]) in keep_ids]
    omitted = len(data["rows"]) - len(indexed)
    names = sorted(data["overall"]["flags"])
    flag_opts = "".join(f'<option value="{_esc(n)}">{_esc(n)}</option>' for n in names)
    doc_opts = "".join(
        f'<option value="{d["index"]}">{d["index"]}: {_esc(d["source"])}</option>' for d in data["documents"]
    )
    out = [
        '<p><label>flag <select id="flag-filter"><option value="*">all rows</option>'
        '<option value="any">any flag</option><option value="none">no flag</option>'
        f"{flag_opts}</select></label> "
        f'<label>document <select id="doc-filter"><option value="*">all</option>{doc_opts}'
        f'</select></label> <span id="shown">{len(indexed)}</span> rows shown'
        + (f' <span class="muted">({omitted} rows without flags left out)</span>' if omitted else "")
        + "</p>",
        '<table id="rows"><thead><tr><th>doc</th><th>row</th><th>page</th><th>変更日</th>'
        "<th>項目</th><th>変更前</th><th>変更後</th><th>時期</th><th>説明</th><th>flags</th>"
        "<th>conf.</th>"
        "</tr></thead><tbody>",
    ]
    for k, r in indexed:
        before, after = diff_html(r.before, r.after)
        page = "" if r.page_start is None else str(r.page_start)
        if r.page_end is not None and r.page_end != r.page_start:
            page += f"–{r.page_end}"
        date = _esc(r.change_date or r.change_date_raw)
        cut = {f[len("truncated:") :] for f in r.flags if f.startswith("truncated:")}

        out.append(
            f'<tr data-doc="{k}" data-flags="{_esc(" ".join(r.flags))}">'
            f'<td class="num">{k}</td><td class="num">{r.row_index}</td><td>{page}</td>'
            f'<td>{date}</td><td class="{_cls("item", "item", cut)}">{_esc(r.item)}</td>'
            f'<td class="{_cls("before", "text", cut)}">{before}</td>'
            f'<td class="{_cls("after", "text", cut)}">{after}</td>'
            f"<td>{_esc(r.timing or '')}</td>"
            f'<td class="{_cls("explanation", "item", cut)}">{_esc(r.explanation)}</td>'
            f"<td>{_flag_spans(r.flags)}</td>"
            f'<td class="num">{r.confidence:.3f}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _settings_table(settings: dict[str, Any]) -> str:
    out = ['<table id="settings"><thead><tr><th>setting</th><th>value</th></tr></thead><tbody>']
    for section, values in settings.items():
        for key, value in values.items():
            out.append(f"<tr><td><code>{_esc(section)}.{_esc(key)}</code></td><td>{_esc(value)}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(results: Sequence[DocumentResult], data: dict[str, Any], max_rows: int) -> str:
    ov = data["overall"]
    cards = [
        ("inputs", ov["documents"]),
        *((f"{status}", n) for status, n in ov["status"].items()),
        ("rows", ov["rows"]),
        ("flagged rows", ov["rows_flagged"]),
        ("mean confidence", "–" if ov["mean_confidence"] is None else f"{ov['mean_confidence']:.3f}"),
    ]
    charts = "".join(
        [
            bar_chart("changes per year", ov["changes_per_year"]),
            bar_chart("提出時期 (事前/事後)", ov["timing"]),
            bar_chart("sections of the form changed", ov["sections"], SECTION_NAMES),
        ]
    )
    failed = data["failed"]
    failed_html = (
        "<ul>"
        + "".join(
            f"<li>{_esc(f['source'])}: {'; '.join(_esc(e['message']) for e in f['errors'])}</li>"
            for f in failed
        )
        + "</ul>"
        if failed
        else "<p>None.</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_esc(_csp())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>piatable data-quality report</title>
<style>{CSS}</style>
</head>
<body>
<h1>piatable data-quality report</h1>
<p class="muted">piatable {_esc(data["piatable_version"])} · generated {_esc(data["generated"])}</p>
<div class="cards">{"".join(f'<div class="card"><b>{_esc(v)}</b>{_esc(k)}</div>' for k, v in cards)}</div>
<h2>Charts</h2>
<div class="charts">{charts}</div>
<h2>Flags</h2>
{_flags_table(data)}
<h2>Inputs</h2>
{_documents_table(data)}
<h2>Failed inputs</h2>
{failed_html}
<h2>Rows</h2>
{_rows_table(results, data, max_rows)}
<h2>Settings</h2>
<p>piatable {_esc(data["piatable_version"])}, with these effective settings:</p>
{_settings_table(data["settings"])}
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_report(
    results: Sequence[DocumentResult], path: Path | str, settings: Settings | None = None
) -> tuple[Path, Path]:
    """Write the HTML report to ``path`` and its JSON twin beside it; return both paths."""
    settings = settings or Settings()
    path = Path(path)
    json_path = path.with_suffix(".json")
    if json_path == path:
        json_path = path.with_name(path.name + ".json")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = report_data(results, settings)
    path.write_text(render_html(results, data, settings.quality.report_max_rows), "utf-8")
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    return path, json_path
