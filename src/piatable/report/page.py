"""The report's HTML page: a review queue first, then flags, documents, charts, inputs, settings.

One self-contained file (inline CSS, JS and SVG).  Its Content-Security-Policy allows no network
access and only its own script (by hash).  Sized for a researcher's batch: the flag summary has
one row per flag, the documents table lists the ``quality.report_max_documents`` worst documents
(sortable), and the review queue holds at most ``quality.report_max_rows`` rows (and
``MAX_ROW_BYTES`` of HTML), least sure first, shown ``PAGE_ROWS`` at a time; the JSON twin lists
everything.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piatable.models import Record
from piatable.normalize.flags import describe_flag
from piatable.outputs import report_twin, write_atomic
from piatable.settings import Settings

from .data import SECTION_NAMES, file_name, needs_review, report_data, review_order
from .pieces import bar_chart, diff_html, esc, evidence_html, flag_link, flag_span

if TYPE_CHECKING:
    from piatable.models import DocumentResult

# The review queue's HTML stops growing at this size, whatever the row cap (the page must stay
# well under 10 MB for a 20,000-document batch).
MAX_ROW_BYTES = 6_000_000
PAGE_ROWS = 50
# Documents listed with their errors and notes, at most.
MAX_NOTE_DOCUMENTS = 200
EMPTY = '<span class="muted">—</span>'

CSS = """
*{box-sizing:border-box}
body{font-family:"IPAexGothic","Noto Sans CJK JP",sans-serif;margin:1em;color:#222;font-size:14px;
max-width:100%}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:1px solid #ccc}
nav a{margin-right:1em}
table{border-collapse:collapse;max-width:100%}th,td{border:1px solid #ccc;padding:3px 5px;vertical-align:top}
th{background:#f0f0f0;text-align:left}td.num{text-align:right;white-space:nowrap}
th[data-sort]{cursor:pointer}th[data-sort]::after{content:" ⇅";color:#999;font-size:11px}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;padding:.5em .9em}
.card b{display:block;font-size:1.5em}.charts{display:flex;gap:1.5em;flex-wrap:wrap}
.chart-title{font-weight:bold;font-size:13px}.chart-label,.chart-value{font-size:12px}
.bar{fill:#4a7ab5}.status-failure{color:#b00}.status-partial{color:#a60}
table.wide{width:100%;table-layout:fixed}
#queue td{overflow-wrap:anywhere}
#queue td.text{white-space:pre-wrap;word-break:break-all}
#queue td.small{white-space:pre-wrap;font-size:12px;word-break:break-all}
#queue .nowrap{white-space:nowrap;word-break:keep-all}
#queue .ba{display:block;border-top:1px dashed #ccc;margin-top:2px;padding-top:2px}
#queue .ba:first-child{border-top:0;margin-top:0;padding-top:0}
#queue .lbl{color:#777;font-size:11px;display:block}
#queue tr.review td:first-child{border-left:4px solid #d08a00}
td.truncated::after,span.truncated::after{content:" ✂";color:#b00;font-weight:bold}
.doubtful{background:#fff8e0}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
.flag{display:inline-block;background:#fff3cd;border:1px solid #e0c060;border-radius:3px;
padding:0 3px;margin:1px;font-size:11px;color:#222;text-decoration:none;white-space:nowrap}
ul.ev{margin:0;padding-left:1.1em;font-size:12px}ul.ev li{margin-bottom:2px}
.muted{color:#777}code{font-size:12px}.pager button{margin:0 .3em}
td.flags .flag{font-size:10px}
"""

SCRIPT = """(function () {
  var t0 = performance.now();
  var flagSel = document.getElementById('flag-filter');
  var docSel = document.getElementById('doc-filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr'));
  var shown = document.getElementById('shown');
  var pageInfo = document.getElementById('page-info');
  var PAGE = __PAGE_ROWS__, page = 0, matched = [];
  function show() {
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    if (page >= pages) { page = pages - 1; }
    for (var i = 0; i < rows.length; i++) { rows[i].hidden = true; }
    for (var j = page * PAGE; j < Math.min(matched.length, (page + 1) * PAGE); j++) {
      matched[j].hidden = false;
    }
    pageInfo.textContent = 'page ' + (page + 1) + ' of ' + pages;
  }
  function apply() {
    var f = flagSel.value || '*', d = docSel.value || '*';
    matched = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var fl = (r.getAttribute('data-flags') || '').split(' ').filter(Boolean);
      var ok = f === '*' || (f === 'review' ? r.classList.contains('review') :
               f === 'any' ? fl.length > 0 : f === 'none' ? fl.length === 0 : fl.indexOf(f) >= 0);
      if (d !== '*' && r.getAttribute('data-doc') !== d) { ok = false; }
      if (ok) { matched.push(r); }
    }
    shown.textContent = String(matched.length);
    page = 0;
    show();
  }
  function fromHash(scroll) {
    var m = /[#&]flag=([^&]*)/.exec(location.hash);
    if (!m) { return; }
    var v = decodeURIComponent(m[1]);
    var known = Array.prototype.some.call(flagSel.options, function (o) { return o.value === v; });
    if (!known) {
      var o = document.createElement('option'); o.value = v; o.textContent = v; flagSel.appendChild(o);
    }
    flagSel.value = v;
    apply();
    if (scroll) { document.getElementById('review').scrollIntoView(); }
  }
  flagSel.addEventListener('change', apply);
  docSel.addEventListener('change', apply);
  document.getElementById('prev').addEventListener('click', function () {
    if (page > 0) { page--; show(); }
  });
  document.getElementById('next').addEventListener('click', function () {
    if ((page + 1) * PAGE < matched.length) { page++; show(); }
  });
  window.addEventListener('hashchange', function () { fromHash(true); });
  var heads = document.querySelectorAll('th[data-sort]');
  for (var h = 0; h < heads.length; h++) {
    heads[h].addEventListener('click', function (ev) {
      var th = ev.currentTarget, table = th.closest('table'), body = table.tBodies[0];
      var col = Array.prototype.indexOf.call(th.parentNode.children, th);
      var desc = th.getAttribute('data-dir') !== 'desc';
      th.setAttribute('data-dir', desc ? 'desc' : 'asc');
      var trs = Array.prototype.slice.call(body.rows);
      trs.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-v') || a.cells[col].textContent;
        var y = b.cells[col].getAttribute('data-v') || b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : (x < y ? -1 : x > y ? 1 : 0);
        return desc ? -c : c;
      });
      for (var k = 0; k < trs.length; k++) { body.appendChild(trs[k]); }
    });
  }
  apply();
  fromHash(true);
  var root = document.documentElement;
  root.setAttribute('data-overflow', root.scrollWidth > root.clientWidth ? '1' : '0');
  root.setAttribute('data-load-ms', String(Math.round(performance.now())));
  root.setAttribute('data-script-ms', String(Math.round(performance.now() - t0)));
  root.setAttribute('data-scroll-y', String(Math.round(window.scrollY)));
  root.setAttribute('data-js', 'ready');
})();""".replace("__PAGE_ROWS__", str(PAGE_ROWS))


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


# ----------------------------------------------------------------------------- flags and documents


def _flags_table(data: dict[str, Any]) -> str:
    ov = data["overall"]
    names = sorted(ov["flags"], key=lambda n: (-ov["flags"][n], n))
    if not names:
        return "<p>No row carries a flag.</p>"
    out = [
        '<table id="flag-counts" class="wide"><colgroup><col style="width:14em"><col style="width:5em">'
        '<col style="width:6em"><col></colgroup><thead><tr><th data-sort>flag</th><th data-sort>rows</th>'
        "<th data-sort>documents</th><th>meaning</th></tr></thead><tbody>"
    ]
    for name in names:
        out.append(
            f'<tr><td data-v="{esc(name)}">{flag_link(name)}</td><td class="num">{ov["flags"][name]}</td>'
            f'<td class="num">{ov["flag_documents"].get(name, 0)}</td>'
            f'<td class="muted">{esc(describe_flag(name))}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _worst_documents(data: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    docs = list(data["documents"])
    docs.sort(
        key=lambda d: (
            d["status"] != "failure",
            -(d["rows_to_review"] / d["rows"] if d["rows"] else 1.0),
            d["min_confidence"] if d["min_confidence"] is not None else 0.0,
            d["index"],
        )
    )
    return docs[:limit]


def _documents_table(data: dict[str, Any], limit: int) -> str:
    docs = _worst_documents(data, limit)
    n = len(data["documents"])
    more = (
        f' <span class="muted">(the {len(docs)} worst of {n}; all are in the .data.json twin)</span>'
        if n > len(docs)
        else ""
    )
    out = [
        f"<p>Documents with the largest share of rows to review first; click a heading to sort.{more}</p>",
        '<table id="documents" class="wide"><colgroup><col style="width:3.5em"><col style="width:24%">'
        '<col style="width:6em"><col style="width:4.5em"><col style="width:4.5em"><col style="width:5em">'
        '<col style="width:5em"><col></colgroup><thead><tr><th data-sort>#</th><th data-sort>document</th>'
        "<th data-sort>status</th><th data-sort>rows</th><th data-sort>to review</th>"
        "<th data-sort>min conf.</th><th data-sort>mean conf.</th><th>flags</th></tr></thead><tbody>",
    ]
    for d in docs:
        cover = " · ".join(
            esc(d["cover"][k]) for k in ("assessment_name", "agency", "published") if d["cover"].get(k)
        )
        name = (
            f'<span title="{esc(d["source"])}">{esc(d["file"])}</span>'
            + (f'<br><span class="muted">{cover}</span>' if cover else "")
            + f'<br><span class="muted">{esc(d["kind"])}</span>'
        )
        mn = "" if d["min_confidence"] is None else f"{d['min_confidence']:.2f}"
        mean = "" if d["mean_confidence"] is None else f"{d['mean_confidence']:.2f}"
        flags = "".join(flag_span(f, c) for f, c in sorted(d["flags"].items(), key=lambda fc: -fc[1]))
        out.append(
            f'<tr><td class="num">{d["index"]}</td>'
            f'<td data-v="{esc(d["file"])}" style="overflow-wrap:anywhere">{name}</td>'
            f'<td class="status-{esc(d["status"])}">{esc(d["status"])}</td>'
            f'<td class="num">{d["rows"]}</td><td class="num">{d["rows_to_review"]}</td>'
            f'<td class="num" data-v="{mn or -1}">{mn}</td><td class="num" data-v="{mean or -1}">{mean}</td>'
            f'<td class="flags">{flags}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _inputs_list(data: dict[str, Any]) -> str:
    docs = [d for d in data["documents"] if d["errors"] or d["notes"] or d["status"] != "success"]
    if not docs:
        return "<p>None.</p>"
    docs.sort(key=lambda d: ({"failure": 0, "partial": 1}.get(d["status"], 2), d["index"]))
    out = ["<ul>"]
    for d in docs[:MAX_NOTE_DOCUMENTS]:
        msgs = [
            f'<li class="status-failure">{esc(e["stage"])}'
            f"{'' if e['page'] is None else ' p.' + esc(e['page'])}: {esc(e['message'])}</li>"
            for e in d["errors"]
        ] + [f"<li>{esc(n)}</li>" for n in d["notes"]]
        out.append(
            f'<li><span title="{esc(d["source"])}">{esc(d["file"])}</span> '
            f'<span class="status-{esc(d["status"])}">{esc(d["status"])}</span><ul>{"".join(msgs)}</ul></li>'
        )
    out.append("</ul>")
    if len(docs) > MAX_NOTE_DOCUMENTS:
        out.append(f'<p class="muted">{len(docs) - MAX_NOTE_DOCUMENTS} more in the .data.json twin.</p>')
    return "".join(out)


# ----------------------------------------------------------------------------- the review queue


def _cell(record: Record, field: str, text_html: str, cls: str) -> str:
    cut = f"truncated:{field}" in record.flags
    doubt = record.cell_confidence.get(field, 1.0) < 0.9
    classes = " ".join(c for c in (cls, "truncated" if cut else "", "doubtful" if doubt else "") if c)
    return f'<td class="{classes}">{text_html}</td>'


def _queue_row(k: int, source: str, r: Record, hidden: bool = False) -> str:
    before, after = diff_html(r.before, r.after)
    page = "" if r.page_start is None else f"p.{r.page_start}"
    if r.page_end is not None and r.page_end != r.page_start:
        page += f"–{r.page_end}"
    date = esc(r.change_date or r.change_date_raw)
    doubt = {f for f, c in r.cell_confidence.items() if c < 0.9}
    ba = []
    for field, label, body in (("before", "変更前", before), ("after", "変更後", after)):
        cls = (
            "ba"
            + (" truncated" if f"truncated:{field}" in r.flags else "")
            + (" doubtful" if field in doubt else "")
        )
        ba.append(f'<span class="{cls}"><span class="lbl">{label}</span>{body or EMPTY}</span>')
    review = ' class="review"' if needs_review(r) else ""
    # Rows past the first page start hidden: the browser lays out one page, not the batch.
    hide = " hidden" if hidden else ""
    return (
        f'<tr data-doc="{k}" data-flags="{esc(" ".join(r.flags))}"{review}{hide}>'
        f'<td class="num">{r.confidence:.2f}</td>'
        f'<td class="small"><span title="{esc(source)}">{esc(file_name(source))}</span>\n'
        f'<span class="nowrap">{page} row {r.row_index}</span></td>'
        f'<td class="small nowrap{" doubtful" if doubt & {"change_date", "timing"} else ""}">'
        f"{date}\n{esc(r.timing or '—')}</td>"
        + _cell(r, "item", esc(r.item), "small")
        + f'<td class="text">{"".join(ba)}</td>'
        + _cell(r, "explanation", esc(r.explanation), "small")
        + f"<td>{evidence_html(r)}</td></tr>"
    )


def _queue(results: Sequence[DocumentResult], data: dict[str, Any], max_rows: int) -> str:
    ordered = review_order(results)
    total = len(ordered)
    to_review = sum(1 for _, r in ordered if needs_review(r))
    body: list[str] = []
    size = 0
    docs_in: set[int] = set()
    for n, (k, r) in enumerate(ordered[:max_rows]):
        row = _queue_row(k, results[k].source, r, hidden=n >= PAGE_ROWS)
        size += len(row)
        if size > MAX_ROW_BYTES:
            break
        body.append(row)
        docs_in.add(k)
    omitted = total - len(body)
    names = sorted(data["overall"]["flags"])
    flag_opts = "".join(f'<option value="{esc(n)}">{esc(n)}</option>' for n in names)
    doc_opts = "".join(
        f'<option value="{d["index"]}">{d["index"]}: {esc(d["file"])}</option>'
        for d in data["documents"]
        if d["index"] in docs_in
    )
    note = (
        f' <span class="muted">({omitted} rows, the surest, left out of this page; '
        "all are in the .data.json twin)</span>"
        if omitted
        else ""
    )
    return (
        f"<p>{to_review} of {total} rows need a look (a doubt flag, or confidence below 0.5): they come "
        "first, least sure first; then the others, least sure first.  Marked cells are the least sure "
        "(cell confidence below 0.9); ✂ marks a cell clipped by the printed row.</p>"
        '<p><label>show <select id="flag-filter"><option value="*">all rows</option>'
        '<option value="review">rows to review</option><option value="any">any flag</option>'
        f'<option value="none">no flag</option>{flag_opts}</select></label> '
        f'<label>document <select id="doc-filter"><option value="*">all</option>{doc_opts}</select></label> '
        f'<span id="shown">{len(body)}</span> rows{note} '
        '<span class="pager"><button id="prev" type="button">◀</button><span id="page-info"></span>'
        '<button id="next" type="button">▶</button></span></p>'
        '<table id="queue" class="wide"><colgroup><col style="width:3.2em"><col style="width:8.5em">'
        '<col style="width:6.6em"><col style="width:15%"><col><col style="width:14%"><col style="width:22%">'
        "</colgroup><thead><tr><th>conf.</th><th>where</th><th>変更日<br>時期</th><th>項目</th>"
        "<th>変更前 → 変更後</th><th>説明</th><th>evidence: cell, flag, why</th></tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )


def _settings_table(changed: dict[str, dict[str, Any]]) -> str:
    if not changed:
        return "<p>All settings are the defaults (<code>src/piatable/settings.py</code>).</p>"
    out = [
        "<p>Settings that differ from the defaults:</p>"
        '<table id="settings"><thead><tr><th>setting</th><th>value</th></tr></thead><tbody>'
    ]
    for section, values in changed.items():
        for key, value in values.items():
            out.append(f"<tr><td><code>{esc(section)}.{esc(key)}</code></td><td>{esc(value)}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(results: Sequence[DocumentResult], data: dict[str, Any], settings: Settings) -> str:
    ov = data["overall"]
    q = settings.quality
    cards = [
        ("inputs", ov["documents"]),
        *((f"{status}", n) for status, n in ov["status"].items()),
        ("rows", ov["rows"]),
        ("rows to review", ov["rows_to_review"]),
        ("mean confidence", "–" if ov["mean_confidence"] is None else f"{ov['mean_confidence']:.3f}"),
    ]
    charts = "".join(
        [
            bar_chart("changes per year", ov["changes_per_year"]),
            bar_chart("提出時期 (事前/事後)", ov["timing"]),
            bar_chart("sections of the form changed", ov["sections"], SECTION_NAMES),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(_csp())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>piatable review report</title>
<style>{CSS}</style>
</head>
<body>
<h1>piatable review report</h1>
<p class="muted">piatable {esc(data["piatable_version"])} · generated {esc(data["generated"])}</p>
<div class="cards">{"".join(f'<div class="card"><b>{esc(v)}</b>{esc(k)}</div>' for k, v in cards)}</div>
<nav><a href="#review">review queue</a><a href="#flags">flags</a><a href="#docs">documents</a>
<a href="#charts">charts</a><a href="#inputs">inputs with notes</a><a href="#config">settings</a></nav>
<h2 id="review">Review queue</h2>
{_queue(results, data, q.report_max_rows)}
<h2 id="flags">Flags</h2>
{_flags_table(data)}
<h2 id="docs">Documents</h2>
{_documents_table(data, q.report_max_documents)}
<h2 id="charts">Charts</h2>
<div class="charts">{charts}</div>
<h2 id="inputs">Inputs with errors or notes</h2>
{_inputs_list(data)}
<h2 id="config">Settings</h2>
<p>piatable {esc(data["piatable_version"])}.</p>
{_settings_table(data["settings_changed"])}
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_report(
    results: Sequence[DocumentResult], path: Path | str, settings: Settings | None = None
) -> tuple[Path, Path]:
    """Write the HTML report to ``path`` and its JSON twin (``NAME.data.json``) beside it, each
    atomically; return both paths."""
    settings = settings or Settings()
    path = Path(path)
    json_path = report_twin(path)
    data = report_data(results, settings)
    page = render_html(results, data, settings)
    # Compact (one line): a batch of 20,000 documents lists every row.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"
    write_atomic(path, lambda tmp: tmp.write_text(page, "utf-8"))
    write_atomic(json_path, lambda tmp: tmp.write_text(text, "utf-8"))
    return path, json_path
