"""Regenerate ``docs/report.png``: the seed's report (flagged rows) in headless Chromium, palette-reduced.

.venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from piatable.pipeline import extract_document
from piatable.report import write_report
from piatable.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
MAX_BYTES = 300_000


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        res = extract_document(ROOT / "samples" / "seed" / "input.txt")
        res.source = "samples/seed/input.txt"
        for r in res.records:
            r.source = res.source
        html, _ = write_report([res], t / "report.html", Settings())
        shot = t / "shot.png"
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
                f"--user-data-dir={t / 'profile'}",
                f"--screenshot={shot}",
                "--window-size=1280,1500",
                html.as_uri() + "#flag=any",  # the flagged rows
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        img = Image.open(shot).convert("RGB")
        out = ROOT / "docs" / "report.png"
        for colors in (64, 32, 16):
            img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
            if out.stat().st_size < MAX_BYTES:
                break
    print(f"{out}: {out.stat().st_size} bytes")
    return 0 if out.stat().st_size < MAX_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
