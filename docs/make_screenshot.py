"""Regenerate the report screenshots in docs/: headless Chromium, palette-reduced PNGs.

    .venv/bin/python docs/make_screenshot.py

- ``report-4docs-1000.png``, ``report-4docs-1400.png``: four inputs read from the samples (the
  seed, a pypdfium2 text with doubtful rows, a scan, a missing file) at 1000 and 1400 px;
- ``report-2000docs-1000.png``, ``report-2000docs-1400.png``: 2,000 documents synthesised from
  the seed (tests/report_fixtures.py), the review queue at the top.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from piatable.pipeline import extract_document  # noqa: E402
from piatable.report import write_report  # noqa: E402
from piatable.settings import Settings  # noqa: E402
from tests.report_fixtures import synthetic_batch  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
MAX_BYTES = 250_000
HEIGHT = 1300


def _relative(res):  # type: ignore[no-untyped-def]
    res.source = str(Path(res.source).relative_to(ROOT)) if Path(res.source).is_absolute() else res.source
    for r in res.records:
        r.source = res.source
    return res


def shoot(html: Path, out: Path, width: int, profile: Path) -> None:
    shot = profile.with_suffix(".png")
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            f"--window-size={width},{HEIGHT}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    img = Image.open(shot).convert("RGB")
    for colors in (32, 16, 8):
        img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
        if out.stat().st_size < MAX_BYTES:
            break
    print(f"{out}: {out.stat().st_size} bytes")


def main() -> int:
    samples = ROOT / "samples"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        seed = _relative(extract_document(samples / "seed" / "input.txt"))
        four = [
            seed,
            _relative(extract_document(samples / "extractors" / "excel-kiso_kokuho-pypdfium2" / "input.txt")),
            _relative(extract_document(samples / "scan" / "excel-200dpi-rot05" / "input.jpg")),
            extract_document("samples/no-such-file.txt"),
        ]
        write_report(four, t / "four.html", Settings())
        write_report(synthetic_batch(seed.records, 2000), t / "big.html", Settings())
        for name, html in (("4docs", t / "four.html"), ("2000docs", t / "big.html")):
            for width in (1000, 1400):
                shoot(html, ROOT / "docs" / f"report-{name}-{width}.png", width, t / f"p-{name}-{width}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
