"""The transformer classifier option: a models.yaml `classifier` model named by the policy.

GPU hosts would point it at a real toxicity or injection model; here a tiny random-weight
sequence classifier is generated (with the test model's tokenizer) to prove the wiring: local
loading, the positive label's probability as the score, and the policy using it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guardrails.classifiers import TransformerClassifier
from guardrails.policy import Stage
from inference.registry import ModelRegistry, ModelRole
from inference.testmodel import build_test_model
from services.platform.settings import REPO_ROOT
from tests.conftest import PlatformFactory


@pytest.fixture(scope="module")
def classifier_dir(registry: ModelRegistry, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForSequenceClassification

    tokenizer = AutoTokenizer.from_pretrained(build_test_model(registry.weights_path(registry.default(ModelRole.chat))))
    tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128, num_hidden_layers=1, num_attention_heads=1,
        num_key_value_heads=1, num_labels=2, id2label={0: "safe", 1: "toxic"}, label2id={"safe": 0, "toxic": 1},
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(0)
    out = tmp_path_factory.mktemp("toxicity-classifier")
    LlamaForSequenceClassification(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def test_scores_are_the_positive_label_probability(classifier_dir: Path) -> None:
    classifier = TransformerClassifier("tiny-toxicity", classifier_dir, "TOXIC")
    scores = classifier.scores(["a calm sentence", "another, longer sentence about drawdowns"])
    assert len(scores) == 2 and all(0.0 <= s <= 1.0 for s in scores)
    assert classifier.scores(["a calm sentence"]) == pytest.approx(scores[:1], abs=1e-6)
    with pytest.raises(ValueError, match="label 'hateful' not in"):
        TransformerClassifier("tiny-toxicity", classifier_dir, "hateful").scores(["x"])


def test_the_policy_uses_a_models_yaml_classifier(classifier_dir: Path, make_platform: PlatformFactory, tmp_path: Path) -> None:
    models = yaml.safe_load((REPO_ROOT / "models.yaml").read_text())
    models["profiles"]["tiny"]["models"].append(
        {"name": "tiny-toxicity", "role": "classifier", "weights": str(classifier_dir), "positive_label": "toxic"}
    )
    policy = yaml.safe_load((REPO_ROOT / "data" / "guardrails" / "policy.yaml").read_text())
    policy["checks"]["toxicity"] = {"classifier": "tiny-toxicity", "threshold": 0.0}
    (tmp_path / "models.yaml").write_text(yaml.safe_dump(models))
    (tmp_path / "policy.yaml").write_text(yaml.safe_dump(policy))
    platform = make_platform(models_file=tmp_path / "models.yaml", guardrails_policy_file=tmp_path / "policy.yaml")
    guardrails = platform.screener.guardrails
    assert guardrails.classifier("toxicity").name == "tiny-toxicity"
    decision = next(d for d in guardrails.screen("gateway", Stage.input, "hello there").decisions if d.check == "toxicity")
    assert decision.action is not None and "tiny-toxicity" in decision.reason  # threshold 0: any score fires
