"""Weights integrity: every file a model is served from can be pinned by sha256.

On an air-gapped host weights arrive by copy (disk, scp, a bundle); a truncated or swapped file
would otherwise surface as gibberish or a crash deep inside vLLM. Pins come from models.yaml
(`weights_sha256` per file, or a `weights_manifest` JSON file) or, for the generated test
model, from the manifest it writes next to its files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MANIFEST = "MANIFEST.json"
CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """Streamed, so multi-gigabyte shards do not have to fit in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def manifest_pins(path: Path) -> dict[str, str]:
    """The ``files`` map (name -> sha256) of a manifest file."""
    files = json.loads(path.read_text(encoding="utf-8")).get("files")
    if not isinstance(files, dict):
        raise ValueError(f"{path} has no 'files' map of name -> sha256")
    return {str(name): str(digest) for name, digest in files.items()}


def mismatches(directory: Path, pins: dict[str, str]) -> list[str]:
    """One line per pinned file that is missing or differs (empty when all match)."""
    problems = []
    for name, expected in sorted(pins.items()):
        path = directory / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif (actual := sha256_file(path)) != expected.lower():
            problems.append(f"{name}: sha256 {actual[:12]}... differs from the pinned {expected[:12]}...")
    return problems


def write_manifest(directory: Path, identity: dict[str, object]) -> None:
    """Pin every file now in ``directory``, with what it was built from, in its manifest."""
    files = {path.name: sha256_file(path) for path in sorted(directory.iterdir()) if path.name != MANIFEST}
    (directory / MANIFEST).write_text(json.dumps({**identity, "files": files}, indent=2, sort_keys=True) + "\n")


def is_current(directory: Path, identity: dict[str, object]) -> bool:
    """True when ``directory`` holds an intact build of exactly ``identity`` (skip rebuilding it)."""
    manifest = directory / MANIFEST
    if not manifest.is_file():
        return False
    recorded = json.loads(manifest.read_text())
    return all(recorded.get(key) == value for key, value in identity.items()) and not mismatches(directory, manifest_pins(manifest))


@contextmanager
def staged_directory(out_dir: Path) -> Iterator[Path]:
    """A sibling temporary directory that replaces ``out_dir`` when the block succeeds, so
    readers (a vLLM starting in another process) never see half-written weights."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    staging.chmod(0o755)
    try:
        yield staging
        if out_dir.exists():
            shutil.rmtree(out_dir)
        os.replace(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def drop_library_versions(directory: Path) -> None:
    """save_pretrained records the transformers version; without it the files (and their pins)
    stay the same across library upgrades."""
    for name in ("config.json", "generation_config.json"):
        path = directory / name
        if path.is_file():
            data = json.loads(path.read_text())
            data.pop("transformers_version", None)
            path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
