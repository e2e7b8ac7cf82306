"""CPU time of a warm worker on real-size assessments, beside ``pdftotext``, and where it goes.

    python tools/bench_warm_cpu.py [--repeat 20]

The 40- and 80-page assessments of ``tools/bench_bulk.py`` (``tools/make_pdfs.make_long``: cover,
contents, filler pages, a 12-page table at the end) are read again and again in this process
after a first, warming read; each file's CPU time (``time.process_time``) is the least of
``--repeat`` reads.  ``pdftotext`` extracts the whole text of the same files as often, and its
CPU time (user + system of the child, ``getrusage``) is the least per file too.  CPU time, unlike
the wall-clock pages/s of ``bench_bulk.py``, hardly moves when other jobs share the machine.

The stages of one read are timed the same way: the text scan of the pages from the end, the
page-object walk (rulings, visibility), the rest of reading the table pages' characters, the
grid and the records.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pdftotext_cpu(path: Path, out: Path, repeat: int) -> float:
    """The least CPU seconds ``pdftotext`` takes over the whole file."""
    best = float("inf")
    for _ in range(repeat):
        before = _children_cpu()
        subprocess.run(["pdftotext", str(path), str(out)], check=True)
        best = min(best, _children_cpu() - before)
    return best


def stage_timers() -> Counter[str]:
    """Wrap the pipeline's stages so that each adds its CPU seconds to the returned counter."""
    import piatable.extract.pdf as pdf
    import piatable.pipeline as pipeline

    spent: Counter[str] = Counter()

    def wrap(module, name: str, label: str) -> None:  # type: ignore[no-untyped-def]
        inner = getattr(module, name)

        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            t = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - t

        setattr(module, name, timed)

    wrap(pdf, "scan_pages_from_end", "scan")
    wrap(pdf, "walk_page", "walk")
    wrap(pdf, "pdfium_page_to_words", "characters (with walk)")
    wrap(pipeline, "read_pdf", "read_pdf (all)")
    wrap(pipeline, "pages_to_rows", "grid")
    wrap(pipeline, "rows_to_records", "records")
    return spent


def compiled_loops() -> str:
    """Which of the optional compiled loops this install has (``setup.py``)."""
    import piatable.extract.pdf as pdf
    import piatable.extract.pdf_objects as objects
    import piatable.normalize.grid.lines as lines

    built = {
        "characters": pdf._compiled_plain_chars,
        "walk": objects._compiled_plain_texts,
        "lines": lines._compiled_plain_lines,
    }
    return ", ".join(f"{k} {'yes' if v is not None else 'no'}" for k, v in built.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="reads per file (the least CPU time is kept)")
    ns = ap.parse_args(argv)
    from make_pdfs import make_long

    from piatable.pipeline import extract_document

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for pages in (40, 80):
            p = Path(tmp) / f"assessment-{pages}p.pdf"
            make_long(p, pages)
            files.append((p, pages))
        spent = stage_timers()
        for p, _ in files:
            extract_document(p)  # warm: imports, the dictionary, the lexicon
        best: dict[Path, float] = {}
        stages: dict[Path, Counter[str]] = {}
        for _ in range(ns.repeat):
            for p, _ in files:
                spent.clear()
                t = time.process_time()
                extract_document(p)
                cpu = time.process_time() - t
                if cpu < best.get(p, float("inf")):
                    best[p], stages[p] = cpu, Counter(spent)
        head = ("file", "piatable CPU", "pdftotext CPU", "piatable p/CPU-s", "pdftotext p/CPU-s")
        print(f"{head[0]:<22}{head[1]:>14}{head[2]:>15}{head[3]:>18}{head[4]:>19}")
        total_pt = total_pl = 0.0
        for p, pages in files:
            tt = pdftotext_cpu(p, Path(tmp) / "out.txt", ns.repeat)
            total_pt += best[p]
            total_pl += tt
            print(
                f"{p.name:<22}{best[p] * 1000:>11.0f} ms{tt * 1000:>12.0f} ms"
                f"{pages / best[p]:>18.0f}{pages / tt:>19.0f}"
            )
        pages = sum(n for _, n in files)
        print(
            f"{'both':<22}{total_pt * 1000:>11.0f} ms{total_pl * 1000:>12.0f} ms"
            f"{pages / total_pt:>18.0f}{pages / total_pl:>19.0f}"
            f"   (piatable / pdftotext: {total_pl / total_pt:.2f})"
        )
        print(f"compiled loops (setup.py; else their Python twins ran): {compiled_loops()}")
        print("\nstages of the fastest read (ms):")
        for p, _ in files:
            print(f"  {p.name}: " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in stages[p].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
