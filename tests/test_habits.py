"""The checks `.ci/run` runs before the tests (configured in pyproject.toml) pass; skipped
where the tools are not installed (`pip install -e ".[lint]"`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists() and not shutil.which(name):
        pytest.skip(f"{name} not installed (pip install -e '.[lint]')")
    return str(path if path.exists() else shutil.which(name))


@pytest.mark.parametrize("argv", [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]], ids=" ".join)
def test_lint_format_and_types_pass(argv):
    done = subprocess.run([tool(argv[0]), *argv[1:]], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
