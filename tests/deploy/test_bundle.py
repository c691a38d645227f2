"""The air-gapped install bundle: `bundle verify` names every missing, altered or unexpected file,
and a real `--extra none` bundle installs into a fresh venv with no package index and runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.operations.bundle import (
    MANIFEST, BundleError, Manifest, Problem, build_bundle, hash_files, verify_bundle, write_manifest,
)
from services.app.bundle_cli import bundle_app

runner = CliRunner()
FILES = {
    "wheels/alpha-1.0-py3-none-any.whl": b"alpha wheel",
    "wheels/beta-2.0-py3-none-any.whl": b"beta wheel",
    "prompts/x.brief/1.0.0.yaml": b"id: x.brief\n",
    "models.yaml": b"default_profile: cpu\n",
}


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A small hand-made bundle with a true manifest."""
    root = tmp_path / "bundle"
    for rel, content in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)
    write_manifest(root, Manifest(
        created_at=datetime.now(timezone.utc), app_version="1.0", git_commit=None, extra="none", python="3.11.7",
        platform="linux-x86_64", pip="23.2.1", pip_command=["pip", "wheel"], packages={"alpha": "1.0", "beta": "2.0"},
        files=hash_files(root),
    ))
    return root


def test_an_intact_bundle_verifies(bundle: Path) -> None:
    assert verify_bundle(bundle) == []
    result = runner.invoke(bundle_app, ["verify", str(bundle)])
    assert (result.exit_code, result.output) == (0, f"bundle OK: {len(FILES)} files\n")


def test_each_missing_altered_or_unexpected_file_is_named_on_its_own_line(bundle: Path) -> None:
    (bundle / "prompts/x.brief/1.0.0.yaml").write_bytes(b"id: x.evils\n")  # same size, other content
    (bundle / "wheels/beta-2.0-py3-none-any.whl").write_bytes(b"beta")  # truncated
    (bundle / "models.yaml").unlink()
    (bundle / "wheels/gamma-3.0-py3-none-any.whl").write_bytes(b"slipped in")

    problems = verify_bundle(bundle)

    assert [(p.path, p.kind) for p in problems] == [
        ("models.yaml", "missing"),
        ("prompts/x.brief/1.0.0.yaml", "altered"),
        ("wheels/beta-2.0-py3-none-any.whl", "altered"),
        ("wheels/gamma-3.0-py3-none-any.whl", "unexpected"),
    ]
    assert "sha256" in problems[1].detail and "4 bytes" in problems[2].detail
    result = runner.invoke(bundle_app, ["verify", str(bundle)])
    assert (result.exit_code, result.output.splitlines()) == (1, [str(p) for p in problems])


def test_a_folder_without_a_bundle_manifest_is_not_a_bundle(tmp_path: Path) -> None:
    assert verify_bundle(tmp_path) == [Problem(MANIFEST, "missing", f"{tmp_path} is not a bundle")]
    (tmp_path / MANIFEST).write_text(json.dumps({"files": {"model.safetensors": "ab" * 32}}))  # a weights manifest
    [problem] = verify_bundle(tmp_path)
    assert (problem.path, problem.kind) == (MANIFEST, "invalid")


def test_build_refuses_a_folder_that_is_not_a_previous_bundle(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text(json.dumps({"files": {}}))
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    with pytest.raises(BundleError, match="not a previous bundle"):
        build_bundle(tmp_path, "none")
    assert (tmp_path / "model.safetensors").read_bytes() == b"weights"


def run(*command: str | Path, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{command} exited {result.returncode}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


API_START = """
import services.app.app as app
from fastapi.testclient import TestClient
with TestClient(app.create_app()) as client:
    print("module=" + app.__file__)
    print("healthz=" + str(client.get("/healthz").status_code))
"""


@pytest.mark.slow  # runs the CLI as processes
def test_a_bundle_installs_and_runs_with_no_package_index(tmp_path: Path) -> None:
    """The whole air-gapped path: build, verify, a fresh venv, `pip install --no-index
    --require-hashes` from the bundle's lock, run (an API-host bundle: the `none` lock)."""
    bundle = tmp_path / "bundle"

    built = runner.invoke(bundle_app, ["build", "--out", str(bundle), "--extra", "none"])
    assert built.exit_code == 0, built.output[-3000:]
    verified = runner.invoke(bundle_app, ["verify", str(bundle)])
    assert (verified.exit_code, verified.output.startswith("bundle OK: ")) == (0, True), verified.output

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path, env=dict(os.environ))
    # No index, no find-links, no pip configuration file, nothing on PYTHONPATH: only the bundle.
    offline = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "INSIGHTSTACK_")) and k != "PYTHONPATH"}
    offline |= {"PIP_CONFIG_FILE": os.devnull, "INSIGHTSTACK_DATA_DIR": str(tmp_path / "data"), "INSIGHTSTACK_LOG_JSON": "false"}
    # --no-compile: byte-compiling torch & co. is most of an install's time (3-4 minutes on 2 cores)
    # and has nothing to do with the index; docs/operations/install.md keeps pip's default.
    pip = [venv / "bin/python", "-m", "pip", "install", "--no-compile", "--no-index", "--no-deps"]
    run(*pip, "--find-links", bundle / "wheels", "--require-hashes", "-r", bundle / "requirements.lock", cwd=tmp_path, env=offline)
    (wheel,) = (bundle / "wheels").glob("insightstack-*.whl")
    run(*pip, wheel, cwd=tmp_path, env=offline)
    assert not [name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("services/demo/")]  # demo content stays in the source tree

    assert "Usage: insightstack" in run(venv / "bin/insightstack", "--help", cwd=tmp_path, env=offline)
    refused = subprocess.run([venv / "bin/insightstack", "demo"], cwd=tmp_path, env=offline, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "the demo runs from the source tree" in refused.stdout, refused.stdout + refused.stderr
    assert "database at revision" in run(venv / "bin/insightstack", "db", "upgrade", cwd=tmp_path, env=offline)
    configured = offline | {  # as docs/operations/install.md configures a host: the bundle's files, prompts from the wheel
        "INSIGHTSTACK_MODELS_FILE": str(bundle / "models.yaml"), "INSIGHTSTACK_GUARDRAILS_POLICY_FILE": str(bundle / "policy.yaml"),
        "INSIGHTSTACK_COMPONENTS_FILE": str(bundle / "services.yaml"), "INSIGHTSTACK_CATALOGUE_DIR": str(bundle / "catalogue"),
        "INSIGHTSTACK_GLOSSARY_FILE": str(bundle / "glossary.yaml"),
    }
    started = run(venv / "bin/python", "-c", API_START, cwd=tmp_path, env=configured)
    printed = dict(line.split("=", 1) for line in started.splitlines() if line.startswith(("module=", "healthz=")))  # logs share stdout
    assert Path(printed["module"]).is_relative_to(venv) and printed["healthz"] == "200"
