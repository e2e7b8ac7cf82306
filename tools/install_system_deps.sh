#!/usr/bin/env bash
# Install the Debian packages piatable and its tests need, only those that are missing:
# tesseract with Japanese and orientation data (OCR), IPAex fonts (test PDFs), poppler-utils (pdftotext, for the
# extractor-output samples), Chromium (the report's browser test), a C compiler and Python's headers (the
# optional compiled lines of PDF characters, setup.py; without them the Python code runs).
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if ! { command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx jpn; }; then
  need+=(tesseract-ocr-jpn)
fi
# Orientation and script detection (pages scanned sideways or upside down; extract/ocr/orient.py).
if ! { command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx osd; }; then
  need+=(tesseract-ocr-osd)
fi
[ -f /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] || need+=(fonts-ipaexfont)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
PY="${PYTHON:-python3}"
if command -v "$PY" >/dev/null 2>&1 && ! "$PY" -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'; then
  need+=(python3-dev)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing system packages: ${need[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
