"""The dependency locks (data/locks/<set>.txt) that `make install` and the bundle install from
with `--require-hashes --no-deps`: complete for pyproject.toml's pins, and enforced by pip."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from services.platform.settings import REPO_ROOT

LOCKS = REPO_ROOT / "data" / "locks"
LOCKED = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+) --hash=sha256:[0-9a-f]{64}$")
# extra of pyproject.toml -> the lock sets that install it
SETS = {"": ["cpu-dev", "cpu", "none"], "cpu": ["cpu-dev", "cpu"], "dev": ["cpu-dev"]}
LEFT_OUT = {"torchvision", "torchaudio", "torchcodec"}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.split("[")[0]).lower()


def locked(name: str) -> dict[str, str]:
    lines = [line for line in (LOCKS / f"{name}.txt").read_text().splitlines() if not line.startswith("#")]
    matches = [LOCKED.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches, strict=True) if not m]
    return {normal(m["name"]): m["version"] for m in matches if m}


@pytest.mark.parametrize("extra", sorted(SETS))
def test_each_lock_pins_pyprojects_pins_at_their_versions(extra: str) -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pins = project["dependencies"] if not extra else project["optional-dependencies"][extra]
    wanted = {normal(name): version for name, version in (pin.split("==") for pin in pins)}
    for lock in SETS[extra]:
        versions = locked(lock)
        assert {name: versions.get(name) for name in wanted} == wanted, lock
        assert not LEFT_OUT & set(versions), f"{lock} holds CUDA-only builds that break torch+cpu"


@pytest.mark.slow  # runs pip
def test_a_wheel_whose_hash_differs_from_the_lock_is_refused(tmp_path: Path) -> None:
    line = next(line for line in (LOCKS / "none.txt").read_text().splitlines() if line.startswith("idna=="))
    tampered = tmp_path / "tampered.txt"
    tampered.write_text(re.sub(r"sha256:[0-9a-f]{64}", "sha256:" + "0" * 64, line) + "\n")
    pip = [sys.executable, "-m", "pip", "install", "--require-hashes", "--no-deps", "--target", str(tmp_path / "site")]

    refused = subprocess.run([*pip, "-r", str(tampered)], capture_output=True, text=True)
    assert refused.returncode != 0 and "DO NOT MATCH THE HASHES" in refused.stderr, refused.stderr[-2000:]
    assert not (tmp_path / "site" / "idna").exists()

    (tmp_path / "genuine.txt").write_text(line + "\n")
    subprocess.run([*pip, "-r", str(tmp_path / "genuine.txt")], capture_output=True, text=True, check=True)
    assert (tmp_path / "site" / "idna").is_dir()
