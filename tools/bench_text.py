"""Benchmark of the flattened-text path: throughput after start-up and peak memory.

Builds a text of about 1 MB from the samples (the seed's rows repeated, as a long amendment
history would be), runs the extraction in a fresh process, and prints KB/s (timed inside the
process after imports, so start-up is excluded), the start-up time and the peak RSS.

    python tools/bench_text.py [--size-kb 1024]
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
    t0 = time.perf_counter()
    import piatable
    from piatable.normalize.tokenizer import default_tokenizer
    default_tokenizer().surfaces("起動")
    t1 = time.perf_counter()
    records = piatable.extract(sys.argv[1])
    t2 = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"startup_s": t1 - t0, "extract_s": t2 - t1, "rows": len(records),
                      "peak_rss_mb": peak_kb / 1024}))
    """
)


def build_text(size_kb: int) -> str:
    seed = (ROOT / "samples" / "seed" / "input.txt").read_text("utf-8")
    reps = max(1, size_kb * 1024 // len(seed.encode("utf-8")))
    return seed * reps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-kb", type=int, default=1024)
    ns = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(build_text(ns.size_kb), encoding="utf-8")
        size_kb = path.stat().st_size / 1024
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
        )
    r = json.loads(out.stdout)
    print("flattened text (seed rows repeated)")
    print(f"{'size':>10} {'rows':>6} {'start-up s':>11} {'extract s':>10} {'KB/s':>8} {'peak RSS MB':>12}")
    print(
        f"{size_kb:>8.0f}KB {r['rows']:>6} {r['startup_s']:>11.2f} {r['extract_s']:>10.2f}"
        f" {size_kb / r['extract_s']:>8.0f} {r['peak_rss_mb']:>12.0f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
