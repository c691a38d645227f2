"""Weights integrity: every file a model is served from can be pinned by sha256.

On an air-gapped host weights arrive by copy (disk, scp, a bundle); a truncated or swapped file
would otherwise surface as gibberish or a crash deep inside vLLM. Pins come from models.yaml
(`weights_sha256` per file, or a `weights_manifest` JSON file) or, for the generated test
model, from the manifest it writes next to its files.
"""

from __future__ import annotations

import hashlib
import json
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
