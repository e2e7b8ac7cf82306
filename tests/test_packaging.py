"""The package declares what it imports: every third-party import of the package's modules is a
runtime dependency in pyproject.toml, and every runtime dependency is imported."""

from __future__ import annotations

import ast
import sys
import tomllib

from tests.test_import_direction import MODULES, ROOT

# Import name → distribution name, where they differ.
DISTRIBUTION = {"cv2": "opencv-python-headless", "PIL": "pillow", "sudachipy": "sudachipy"}
# Distributions used without an import of their own name (the SudachiPy dictionary is loaded by name).
IMPLIED = {"sudachidict_small"}


def _third_party_imports() -> set[str]:
    names: set[str] = set()
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "piatable"}


def _declared() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    deps = config["project"]["dependencies"]
    return {d.split(">")[0].split("=")[0].split("<")[0].split("[")[0].strip().lower() for d in deps}


# Imported only on a path that needs an extra (``--scheduler``: ``piatable[dask]``).
EXTRAS = {"distributed": "dask", "tesserocr": "ocr-api"}


def test_every_import_is_declared_and_every_dependency_used():
    imported = {DISTRIBUTION.get(n, n).lower() for n in _third_party_imports()}
    declared = _declared()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    for name, extra in EXTRAS.items():
        assert any(name in d for d in config["project"]["optional-dependencies"][extra]), name
    imported -= set(EXTRAS)
    assert imported - declared == set(), "imported but not declared"
    assert declared - imported - IMPLIED == set(), "declared but never imported"
