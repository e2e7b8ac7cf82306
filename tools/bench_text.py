"""Benchmark of the flattened-text path: throughput after start-up and peak memory, by size.

For each size (default 1, 10 and 50 MB) a text is built from the samples and read by
``piatable.extract`` in a fresh process, which prints the CPU seconds and wall seconds of the
extraction (timed inside the process after imports and the tokenizer's start-up, so start-up
is excluded) and the peak RSS.  MB/s is given per CPU second (what the code costs; the machine
may be shared) and per wall second.

Texts:
- ``seed`` (default): the seed's rows repeated, as a long amendment history would be.  Lines
  repeat, so per-line caches (the tokenizer's, the heading lexicon's) are warm after the first
  copy: this measures the reconstruction itself.
- ``samples``: every flattened-text sample with a table (samples/seed, samples/gen,
  samples/office and samples/extractors, layout texts left out) concatenated, repeated to the
  size; its first megabyte has few repeated lines (the caches cold).
- ``layout``: every ``pdftotext -layout`` sample text (the grid path) concatenated and repeated.

    python tools/bench_text.py [--sizes-mb 1,10,50] [--text seed|samples|layout]
    python tools/bench_text.py --assessments [--repeat 3]

``--assessments``: each text of ``samples/assessments55`` (``pdftotext -raw`` and plain
``pdftotext`` of whole Writer assessments, 44–77 pages: cover, contents, the form's body, the
table at the end; ``tools/make_assessments55.py``) read in one process after a warming read of
each, the least CPU seconds of ``--repeat`` reads per text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    import piatable
    from piatable.normalize.tokenizer import default_tokenizer
    default_tokenizer().surfaces("起動")
    c0, w0 = time.process_time(), time.perf_counter()
    records = piatable.extract(sys.argv[1])
    c1, w1 = time.process_time(), time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"cpu_s": c1 - c0, "wall_s": w1 - w0, "rows": len(records),
                      "peak_rss_mb": peak_kb / 1024}))
    """
)


def _sample_texts(layout: bool = False) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from piatable.extract.text import is_layout_text
    from piatable.extract.text_decoding import decode_bytes

    out = []
    for sub in ("seed", "gen", "office", "extractors"):
        for p in sorted((ROOT / "samples" / sub).rglob("input.txt")):
            text = decode_bytes(p.read_bytes(), str(p)).replace("\r\n", "\n")
            if is_layout_text(text) == layout:
                out.append(text)
    return out


def build_text(size_kb: int, kind: str = "seed") -> str:
    """About ``size_kb`` KB of flattened text (UTF-8)."""
    if kind == "seed":
        unit = [(ROOT / "samples" / "seed" / "input.txt").read_text("utf-8")]
    else:
        unit = _sample_texts(layout=kind == "layout")
    parts: list[str] = []
    size = 0
    while size < size_kb * 1024:
        for t in unit:
            parts.append(t + "\n\f")
            size += len(t.encode("utf-8")) + 2
            if size >= size_kb * 1024:
                break
    return "".join(parts)


def run(size_kb: int, kind: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(build_text(size_kb, kind), encoding="utf-8")
        size_mb = path.stat().st_size / 1024 / 1024
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
        )
    r = json.loads(out.stdout)
    r["size_mb"] = size_mb
    return r


ASSESSMENTS = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import piatable
    paths, repeat = [Path(p) for p in sys.argv[2:]], int(sys.argv[1])
    for p in paths:
        piatable.extract_document(p)
    for p in paths:
        best = float("inf")
        for _ in range(repeat):
            c0 = time.process_time()
            rows = len(piatable.extract_document(p).records)
            best = min(best, time.process_time() - c0)
        print(json.dumps({"text": p.parent.name, "kb": p.stat().st_size / 1024, "cpu_s": best, "rows": rows}))
    """
)


def assessments(repeat: int) -> None:
    """Print the warm CPU seconds of each text of ``samples/assessments55``."""
    paths = sorted((ROOT / "samples" / "assessments55").glob("*/input.txt"))
    out = subprocess.run(
        [sys.executable, "-c", ASSESSMENTS, str(repeat), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"{'text':<28} {'KB':>6} {'rows':>5} {'CPU s':>7} {'MB/s CPU':>9}")
    for line in out.stdout.splitlines():
        r = json.loads(line)
        mbs = r["kb"] / 1024 / r["cpu_s"]
        print(f"{r['text']:<28} {r['kb']:>6.0f} {r['rows']:>5} {r['cpu_s']:>7.3f} {mbs:>9.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes-mb", default="1,10,50", help="comma-separated sizes in MB")
    ap.add_argument("--text", choices=("seed", "samples", "layout"), default="seed")
    ap.add_argument("--assessments", action="store_true", help="instead: each samples/assessments55 text")
    ap.add_argument("--repeat", type=int, default=3, help="with --assessments: reads per text (least kept)")
    ns = ap.parse_args(argv)
    if ns.assessments:
        assessments(ns.repeat)
        return 0
    print(f"flattened text ({ns.text})")
    print(
        f"{'size MB':>8} {'rows':>7} {'CPU s':>7} {'MB/s CPU':>9} {'wall s':>7} {'MB/s wall':>10}"
        f" {'peak RSS MB':>12}"
    )
    for mb in (float(x) for x in ns.sizes_mb.split(",")):
        r = run(int(mb * 1024), ns.text)
        print(
            f"{r['size_mb']:>8.1f} {r['rows']:>7} {r['cpu_s']:>7.2f} {r['size_mb'] / r['cpu_s']:>9.2f}"
            f" {r['wall_s']:>7.2f} {r['size_mb'] / r['wall_s']:>10.2f} {r['peak_rss_mb']:>12.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
