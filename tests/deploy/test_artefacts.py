"""The deployment artefacts in data/deploy are valid offline, and every command they run exists.

Kubernetes manifests are checked against the API schemas with kubernetes-validate (strict: an
unknown field is an error), systemd units with `systemd-analyze verify`, and each `insightstack`
command line in units, container files and manifests is parsed by the real CLI, so a renamed
option breaks this test instead of a production start.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from typer.testing import CliRunner

from services.app.cli import app
from services.platform.settings import REPO_ROOT

DEPLOY = REPO_ROOT / "data" / "deploy"
MANIFESTS = sorted((DEPLOY / "kubernetes").glob("*.yaml"))
UNITS = sorted(p for p in (DEPLOY / "systemd").iterdir() if p.suffix in (".service", ".timer"))
KUBERNETES_VERSION = "1.30.0"


def documents() -> list[tuple[str, dict]]:
    return [(f"{path.name}#{i}", doc) for path in MANIFESTS if path.name != "kustomization.yaml"
            for i, doc in enumerate(yaml.safe_load_all(path.read_text())) if doc]


@pytest.mark.parametrize(("name", "document"), documents(), ids=[name for name, _ in documents()])
def test_manifests_match_the_kubernetes_schemas(name: str, document: dict) -> None:
    kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_secrets_are_referenced_never_inlined_and_probes_are_set() -> None:
    kinds = {doc["kind"] for _, doc in documents()}
    assert "Secret" not in kinds
    api = next(doc for _, doc in documents() if doc["kind"] == "Deployment" and doc["metadata"]["name"] == "api")
    container = api["spec"]["template"]["spec"]["containers"][0]
    assert (container["livenessProbe"]["httpGet"]["path"], container["readinessProbe"]["httpGet"]["path"]) == ("/healthz", "/readyz")
    database = next(e for e in container["env"] if e["name"] == "INSIGHTSTACK_DATABASE_URL")
    assert database["valueFrom"]["secretKeyRef"]["name"] == "insightstack-secrets"
    vllm = next(doc for _, doc in documents() if doc["kind"] == "StatefulSet")
    resources = vllm["spec"]["template"]["spec"]["containers"][0]["resources"]
    assert resources["requests"]["nvidia.com/gpu"] == "1"
    replicas = next(e["value"] for e in container["env"] if e["name"] == "INSIGHTSTACK_LLM_BASE_URLS").split(",")
    assert replicas == [f"http://vllm-{i}.vllm:8100/v1" for i in range(vllm["spec"]["replicas"])]


def test_the_kustomization_names_files_that_exist() -> None:
    kustomization = yaml.safe_load((DEPLOY / "kubernetes" / "kustomization.yaml").read_text())
    for resource in kustomization["resources"]:
        assert (DEPLOY / "kubernetes" / resource).is_file(), resource
    for generator in kustomization["configMapGenerator"]:
        for entry in generator["files"]:
            assert (DEPLOY / "kubernetes" / entry.split("=", 1)[1]).resolve().is_file(), entry


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_units_verify(tmp_path: Path) -> None:
    """Verified as installed: paths of this checkout stand in for /opt/insightstack and /etc/insightstack."""
    env_file = tmp_path / "insightstack.env"
    shutil.copy(DEPLOY / "systemd" / "insightstack.env.example", env_file)
    for unit in UNITS:
        text = unit.read_text().replace("/opt/insightstack/.venv/bin/insightstack", str(Path(sys.executable).with_name("insightstack")))
        text = text.replace("/etc/insightstack/insightstack.env", str(env_file)).replace("User=insightstack", "User=root").replace("Group=insightstack", "Group=root")
        name = unit.name.replace("@.service", "@8100.service")
        (tmp_path / name).write_text(text)
    units = sorted(str(p) for p in tmp_path.iterdir() if p.suffix in (".service", ".timer"))
    result = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60)
    problems = [line for line in result.stderr.splitlines() if str(tmp_path) in line or "insightstack" in line]
    assert result.returncode == 0 and not problems, result.stderr


def command_lines() -> list[tuple[str, list[str]]]:
    """Every `insightstack ...` command the artefacts run, as argv without the program name."""
    found: list[tuple[str, list[str]]] = []
    for unit in UNITS:
        for line in unit.read_text().splitlines():
            if line.startswith(("ExecStart=", "ExecStartPre=")):
                argv = shlex.split(line.split("=", 1)[1].replace("%i", "8100"))
                found.append((unit.name, argv[1:]))
    for containerfile in (DEPLOY / "container").iterdir():
        for line in containerfile.read_text().splitlines():
            if line.startswith("CMD "):
                argv = json.loads(line[4:])
                commands = [shlex.split(part) for part in argv[2].split("&&")] if argv[0] == "sh" else [argv]
                found += [(containerfile.name, command[1:]) for command in commands if command[0] == "insightstack"]
    for name, doc in documents():
        spec = doc.get("spec", {}).get("template", {}).get("spec", {})
        for container in spec.get("initContainers", []) + spec.get("containers", []):
            if container.get("args", [""])[0] == "insightstack":
                found.append((name, container["args"][1:]))
    return found


@pytest.mark.parametrize(("source", "argv"), command_lines(), ids=[f"{s}:{' '.join(a[:2])}" for s, a in command_lines()])
def test_every_command_line_parses_with_the_real_cli(source: str, argv: list[str]) -> None:
    result = CliRunner().invoke(app, [*argv, "--help"])
    assert result.exit_code == 0, f"{source}: insightstack {' '.join(argv)}\n{result.output}"
