"""Text classifiers behind the toxicity and injection checks: one interface, offline models only.

- `ProfanityCheck`: alt-profanity-check, a linear SVM whose model ships inside the wheel; it
  runs anywhere in about a millisecond, so it is the default.
- `TransformerClassifier`: any Hugging Face sequence-classification model in a local directory
  (a models.yaml entry with role `classifier`), for GPU hosts that can afford a better one.

Long texts are scored sentence by sentence and the worst sentence counts: one insult in a long
polite request must not be averaged away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+")


class TextClassifier(Protocol):
    """Scores texts in [0, 1]: the probability of the class the check looks for."""

    name: str

    def scores(self, texts: Sequence[str]) -> list[float]: ...


def worst_sentence(classifier: TextClassifier, text: str) -> float:
    """The highest score over the text and each of its sentences."""
    parts = [text, *(part for part in SENTENCE.split(text) if part.strip() and part != text)]
    return max(classifier.scores(parts), default=0.0)


class ProfanityCheck:
    """alt-profanity-check (scikit-learn, model inside the package); loaded on first use."""

    name = "profanity-check"

    @cached_property
    def _predict(self) -> Any:
        from profanity_check import predict_prob

        return predict_prob

    def scores(self, texts: Sequence[str]) -> list[float]:
        return [float(score) for score in self._predict(list(texts))] if texts else []


class TransformerClassifier:
    """A local sequence-classification model; the score is the softmax of ``positive_label``."""

    def __init__(self, name: str, path: Path, positive_label: str, *, max_length: int = 512) -> None:
        self.name = name
        self.path = path
        self.positive_label = positive_label
        self.max_length = max_length

    @cached_property
    def _model(self) -> tuple[Any, Any, int]:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(self.path)
        model = AutoModelForSequenceClassification.from_pretrained(self.path)
        model.to("cuda" if torch.cuda.is_available() else "cpu").eval()
        labels = {str(label).lower(): int(index) for index, label in model.config.id2label.items()}
        if self.positive_label.lower() not in labels:
            raise ValueError(f"classifier {self.name}: label {self.positive_label!r} not in {sorted(labels)}")
        return tokenizer, model, labels[self.positive_label.lower()]

    def scores(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        import torch

        tokenizer, model, index = self._model
        batch = tokenizer(list(texts), padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
        with torch.inference_mode():
            logits = model(**batch.to(model.device)).logits
        return [float(p) for p in torch.softmax(logits.float(), dim=-1)[:, index].cpu()]
