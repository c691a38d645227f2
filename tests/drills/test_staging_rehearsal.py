"""`make staging-rehearsal` as a test: the rehearsal script against this session's two replicas.

`make staging-rehearsal` has `serve` start and supervise its own two vLLM replicas; here the
session's server and the drills' second replica are those two, so the suite does not pay for
two more model servers (supervision itself is covered by the drills and the launcher tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from inference.launcher import VLLMServer
from services.platform.settings import REPO_ROOT

pytestmark = [pytest.mark.llm, pytest.mark.postgres]


def test_the_rehearsal_deploys_smokes_promotes_and_rolls_back(llm_url: str, second_replica: VLLMServer, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / ".ci" / "staging_rehearsal.py"), "--workdir", str(tmp_path), "--llm-urls", f"{llm_url},{second_replica.url}"],
        capture_output=True, text=True, timeout=1500,
    )
    served = tmp_path / "serve.log"  # absent when the rehearsal failed before starting the server
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:] + (served.read_text()[-4000:] if served.exists() else "")
    steps = {step["step"]: step for step in json.loads((tmp_path / "summary.json").read_text())["steps"]}
    assert steps["smoke: baseline"]["ok"] and steps["smoke: after rollback"]["ok"]
    failed = steps["smoke: after promotion"]
    assert failed["failed"] == ["reports"] and "prompt_catalogue_error" in failed["results"]["reports"]
    assert "1.0.0" in steps["smoke: after rollback"]["results"]["reports"]
