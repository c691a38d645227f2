"""The generated test model: deterministic, cached, verifiable, with a working tokenizer and template."""

from pathlib import Path

import pytest
from transformers import AutoTokenizer

from inference.testmodel import MANIFEST, TestModelSpec, build_test_model, verify_manifest


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_test_model(tmp_path_factory.mktemp("a") / "model")


def test_same_inputs_give_byte_identical_files(model_dir: Path, tmp_path: Path) -> None:
    again = build_test_model(tmp_path / "model")
    names = sorted(p.name for p in model_dir.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    assert {"config.json", "model.safetensors", "tokenizer.json", MANIFEST} <= set(names)
    for name in names:
        assert (model_dir / name).read_bytes() == (again / name).read_bytes(), name
    other_seed = build_test_model(tmp_path / "seed1", TestModelSpec(seed=1))
    assert (other_seed / "model.safetensors").read_bytes() != (model_dir / "model.safetensors").read_bytes()


def test_rerun_is_a_no_op_and_damage_is_rebuilt(tmp_path: Path) -> None:
    model = build_test_model(tmp_path / "m")
    mtimes = {p.name: p.stat().st_mtime_ns for p in model.iterdir()}
    build_test_model(tmp_path / "m")
    assert mtimes == {p.name: p.stat().st_mtime_ns for p in model.iterdir()}

    (model / "config.json").write_text("{}")
    assert [problem.split(":")[0] for problem in verify_manifest(model)] == ["config.json"]
    (model / "tokenizer.json").unlink()
    assert "tokenizer.json: missing" in verify_manifest(model)
    build_test_model(tmp_path / "m")
    assert verify_manifest(model) == []


def test_tokenizer_round_trips_any_text_and_renders_chats(model_dir: Path) -> None:
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    for text in ["Sharpe 0.62, drawdown -19.8%", "ümlaut 日本語 😀", "ctrl\x00\x01\x1f\ttab"]:
        assert tokenizer.decode(tokenizer.encode(text, add_special_tokens=False)) == text
    rendered = tokenizer.apply_chat_template(
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
        tokenize=False,
        add_generation_prompt=True,
    )
    assert rendered == "<|begin_of_text|><|system|>\nBe brief.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\n"
