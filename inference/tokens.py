"""How many tokens a prompt takes: the model's own tokenizer when its files are here.

Counting UTF-8 bytes bounded the count for byte-level tokenizers but over-counted English about
3-4x (issue 18 item 28), so prompts that fit were refused and output budgets shrank. A model
served from elsewhere, whose tokenizer is not on this machine, keeps the byte bound.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from tokenizers import Tokenizer

PER_MESSAGE_TOKENS = 8  # role markers and separators the chat template adds around each message


class PromptCounter(Protocol):
    def count(self, messages: Sequence[dict[str, str]]) -> int: ...


class ByteBound:
    """At most one token per UTF-8 byte (byte-level BPE): safe for any model, loose for English."""

    def count(self, messages: Sequence[dict[str, str]]) -> int:
        return len(json.dumps(list(messages), ensure_ascii=False).encode())


class ModelTokenizer:
    """The exact token count of each message's text under the model's tokenizer.json."""

    def __init__(self, tokenizer_file: Path) -> None:
        self._tokenizer = Tokenizer.from_file(str(tokenizer_file))

    def count(self, messages: Sequence[dict[str, str]]) -> int:
        texts = [m.get("content") or "" for m in messages]
        return sum(len(e.ids) for e in self._tokenizer.encode_batch(texts, add_special_tokens=False)) + PER_MESSAGE_TOKENS * len(messages)


def prompt_counter(weights_dir: Path) -> PromptCounter:
    """The model's tokenizer if its weights directory holds one, else the byte bound."""
    tokenizer_file = weights_dir / "tokenizer.json"
    return ModelTokenizer(tokenizer_file) if tokenizer_file.is_file() else ByteBound()
