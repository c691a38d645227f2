"""The air-gapped install bundle: everything a host without a package index needs.

The bundle is built on a connected host and carried across: a wheelhouse of the project and
every dependency of the extra's lock (data/locks/<extra>.txt, each file checked against its
sha256 when downloaded and again by `pip install --require-hashes` on the host),
and as plain files what operators review and copy to /etc/insightstack (models.yaml, the
guardrail policy, the components file, the prompt catalogue), the migrations and the deployment
artefacts. MANIFEST.json records every file's sha256, so `verify_bundle` catches a copy damaged
or altered on the way.
"""

from __future__ import annotations

import platform
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from inference.weights import sha256_file
from services.platform.db import MIGRATIONS
from services.platform.settings import REPO_ROOT, get_settings

Extra = Literal["cpu", "gpu", "none"]
Progress = Callable[[str], None]
MANIFEST = "MANIFEST.json"
WHEELS = "wheels"
LOCK_FILE = "requirements.lock"
LOCKS = REPO_ROOT / "data" / "locks"
PIP_TAIL_LINES = 15
# Top-level folders of a checkout that are not the project: tools, run-time data and the output
# of earlier builds (setuptools reuses build/, so a deleted module would ship again).
NOT_SOURCE = {".git", ".venv", "var", "build", "dist"}
CACHES = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".pytest_cache")


class BundleError(Exception):
    """The bundle cannot be built or read; the message says why."""


class FileEntry(BaseModel):
    sha256: str
    size: int


class Manifest(BaseModel):
    """MANIFEST.json: where the bundle came from, how pip built it, and every file's digest."""

    format: Literal[1] = 1
    created_at: datetime
    app_version: str
    git_commit: str | None
    extra: Extra
    python: str
    platform: str
    pip: str
    pip_command: list[str]
    packages: dict[str, str]
    files: dict[str, FileEntry]


@dataclass(frozen=True)
class Problem:
    """One file that differs from the manifest (or the manifest itself, when unusable)."""

    path: str
    kind: Literal["missing", "altered", "unexpected", "invalid"]
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.kind}" + (f" ({self.detail})" if self.detail else "")


def _silent(line: str) -> None:
    """Progress sink for callers that do not show progress."""


def build_bundle(out: Path, extra: Extra, progress: Progress = _silent) -> Manifest:
    """Build the bundle in OUT: a new or empty folder, or a previous bundle (replaced).

    pip's output and each step go to PROGRESS line by line. On failure OUT is left empty, so
    the next attempt is not refused as a foreign folder.
    """
    _prepare(out)
    try:
        pip_command = _build_wheels(out, extra, progress)
        _copy_plain_files(out, progress)
        progress("hashing the bundle's files")
        manifest = _describe(out, extra, pip_command)
        write_manifest(out, manifest)
    except BaseException:
        _empty(out)
        raise
    return manifest


def verify_bundle(directory: Path) -> list[Problem]:
    """Each manifest file present with its size and sha256, and no other file; empty if intact."""
    try:
        manifest = read_manifest(directory)
    except FileNotFoundError:
        return [Problem(MANIFEST, "missing", f"{directory} is not a bundle")]
    except BundleError as exc:
        return [Problem(MANIFEST, "invalid", str(exc))]
    problems = [p for rel, entry in sorted(manifest.files.items()) if (p := _check(directory, rel, entry))]
    problems += [Problem(rel, "unexpected", "not in the manifest")
                 for rel in sorted(set(_relative_files(directory)) - set(manifest.files))]
    return problems


def read_manifest(directory: Path) -> Manifest:
    """The bundle's manifest; FileNotFoundError if there is none, BundleError if it is not one."""
    path = directory / MANIFEST
    data = path.read_bytes()
    try:
        return Manifest.model_validate_json(data)
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'file'}: {e['msg']}" for e in exc.errors()[:3])
        raise BundleError(f"{path} is not a bundle manifest: {reasons}") from None


def write_manifest(directory: Path, manifest: Manifest) -> None:
    (directory / MANIFEST).write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")


def hash_files(directory: Path) -> dict[str, FileEntry]:
    """sha256 and size of every file under DIRECTORY but the manifest, by POSIX relative path."""
    return {rel: FileEntry(sha256=sha256_file(directory / rel), size=(directory / rel).stat().st_size)
            for rel in sorted(_relative_files(directory))}


def _relative_files(directory: Path) -> Iterator[str]:
    for path in directory.rglob("*"):
        rel = path.relative_to(directory).as_posix()
        if path.is_file() and rel != MANIFEST:
            yield rel


def _check(directory: Path, rel: str, entry: FileEntry) -> Problem | None:
    path = directory / rel
    if not path.is_file():
        return Problem(rel, "missing")
    if (size := path.stat().st_size) != entry.size:
        return Problem(rel, "altered", f"{size} bytes, the manifest says {entry.size}")
    if (digest := sha256_file(path)) != entry.sha256:
        return Problem(rel, "altered", f"sha256 {digest[:12]}... differs from the manifest's {entry.sha256[:12]}...")
    return None


def _prepare(out: Path) -> None:
    """Refuse a folder holding anything but a previous bundle, which is emptied to be rebuilt."""
    if out.exists() and not out.is_dir():
        raise BundleError(f"{out} is a file; --out must be a folder")
    if out.is_dir() and any(out.iterdir()):
        if not _is_bundle(out):
            raise BundleError(f"{out} is not empty and is not a previous bundle (no valid {MANIFEST}); "
                              "choose a new or empty folder")
        _empty(out)
    out.mkdir(parents=True, exist_ok=True)


def _is_bundle(directory: Path) -> bool:
    """A valid bundle manifest, not merely a MANIFEST.json (weights folders have one too)."""
    try:
        read_manifest(directory)
    except (FileNotFoundError, BundleError):
        return False
    return True


def _empty(directory: Path) -> None:
    for child in directory.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _build_wheels(out: Path, extra: Extra, progress: Progress) -> list[str]:
    """The extra's locked distributions, each checked against its sha256, and a wheel of a clean
    copy of the checkout; the lock travels as LOCK_FILE for `pip install --require-hashes`.
    Returns the exact download command."""
    lock = LOCKS / f"{extra}.txt"
    if not lock.is_file():
        raise BundleError(f"no lock for --extra {extra} ({lock}): write it with .ci/lock_dependencies.py {extra} on a host that can resolve it")
    wheels = out / WHEELS
    command = [sys.executable, "-m", "pip", "download", "--progress-bar", "off", "--require-hashes", "--no-deps",
               "--dest", str(wheels), "--requirement", str(lock)]
    progress(f"$ {shlex.join(command)}")
    _stream(command, progress)
    with tempfile.TemporaryDirectory(prefix="insightstack-bundle-") as tmp:
        source = _copy_source(Path(tmp) / "insightstack")
        build = [sys.executable, "-m", "pip", "wheel", "--progress-bar", "off", "--no-deps", "--wheel-dir", str(wheels), str(source)]
        progress(f"$ {shlex.join(build)}")
        _stream(build, progress)
    shutil.copy2(lock, out / LOCK_FILE)
    return command


def _copy_source(dest: Path) -> Path:
    if not (REPO_ROOT / "pyproject.toml").is_file():
        raise BundleError(f"no pyproject.toml in {REPO_ROOT}: bundles are built from a source checkout")

    def ignore(folder: str, names: list[str]) -> set[str]:
        top_level = NOT_SOURCE if Path(folder) == REPO_ROOT else set()
        return (top_level & set(names)) | CACHES(folder, names)

    return Path(shutil.copytree(REPO_ROOT, dest, ignore=ignore))


def _stream(command: list[str], progress: Progress) -> None:
    """Run COMMAND with its output passed to PROGRESS as it comes; fail with its last lines."""
    tail: deque[str] = deque(maxlen=PIP_TAIL_LINES)
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            tail.append(line.rstrip())
            progress(tail[-1])
    if process.returncode:
        raise BundleError(f"{shlex.join(command[2:4])} failed (exit status {process.returncode}); its last lines:\n" + "\n".join(tail))


def _plain_files() -> dict[str, Path]:
    """Bundle name -> source: the configuration this host's settings use (the checkout's by
    default; the wheel carries none of it), the migrations and the deployment artefacts."""
    settings = get_settings()
    return {
        "models.yaml": settings.models_file,
        "policy.yaml": settings.guardrails_policy_file,
        "services.yaml": settings.components_file,
        "prompts": settings.prompts_dir,
        "catalogue": settings.catalogue_dir,
        "glossary.yaml": settings.glossary_file,
        "toolsets": settings.toolsets_dir,
        "migrations": MIGRATIONS,
        "deploy": REPO_ROOT / "data" / "deploy",
    }


def _copy_plain_files(out: Path, progress: Progress) -> None:
    for name, source in _plain_files().items():
        progress(f"copying {source} -> {name}")
        _copy(source, out / name)


def _copy(source: Path, dest: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, dest, ignore=CACHES)
    elif source.is_file():
        shutil.copy2(source, dest)
    else:
        raise BundleError(f"{source} does not exist (check the INSIGHTSTACK_* settings of this host)")


def _describe(out: Path, extra: Extra, pip_command: list[str]) -> Manifest:
    packages = _wheel_versions(out / WHEELS)
    return Manifest(
        created_at=datetime.now(timezone.utc),
        app_version=packages["insightstack"],
        git_commit=_git_commit(),
        extra=extra,
        python=platform.python_version(),
        platform=sysconfig.get_platform(),
        pip=version("pip"),
        pip_command=pip_command,
        packages=packages,
        files=hash_files(out),
    )


def _wheel_versions(wheels: Path) -> dict[str, str]:
    """Distribution name -> version of every wheel, from the file names (PEP 427: name-version-...)."""
    names = (wheel.name.split("-") for wheel in sorted(wheels.glob("*.whl")))
    return {parts[0]: parts[1] for parts in names}


def _git_commit() -> str | None:
    """The checkout's commit, when it is a git clone and git is installed."""
    try:
        result = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "HEAD"],
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip()
