"""Schemathesis against the real server's /openapi.json: no input gives a 5xx."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests import live


def test_schemathesis_finds_no_server_error(tmp_path: Path) -> None:
    server, base = live.serve(tmp_path, POSTBOX_EMBEDDED_WORKERS="false")
    command = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or "schemathesis"
    try:
        result = subprocess.run(
            [
                command, "run", f"{base}/openapi.json",
                "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                "response_schema_conformance",
                "--max-examples", "60", "--generation-deterministic", "--no-color",
            ],
            capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "test cases" in result.stdout.lower()
