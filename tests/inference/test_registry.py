"""models.yaml validation: every mistake is an error naming the field."""

import json
from pathlib import Path

import pytest
import yaml

from inference.errors import RegistryError
from inference.registry import ModelRole, load_registry
from inference.testmodel import build_test_model
from inference.weights import sha256_file

REPO = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "models.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def registry_of(*models: dict) -> dict:
    return {"default_profile": "p", "profiles": {"p": {"models": list(models)}}}


def chat(**overrides: object) -> dict:
    return {"name": "m", "role": "chat", "weights": "w", "endpoints": ["http://127.0.0.1:8100/v1"], **overrides}


def test_shipped_registry_loads_every_profile() -> None:
    cpu = load_registry(REPO / "models.yaml")
    assert cpu.profile_name == "cpu"
    real = cpu.default(ModelRole.chat)
    assert cpu.get("default").name == "smollm2-135m-instruct" and real.convert_from and not real.generated
    assert "model.safetensors" in real.weights_sha256 and real.max_context <= 8192  # SmolLM2's positions
    tiny = load_registry(REPO / "models.yaml", "tiny")
    assert tiny.default(ModelRole.chat).generated and tiny.get("default").name == "insightstack-tiny"
    gpu = load_registry(REPO / "models.yaml", "gpu")
    assert gpu.default(ModelRole.chat).gpu_memory_utilization == 0.85
    embedding = cpu.default(ModelRole.embedding)
    assert (cpu.weights_path(embedding) / "config.json").exists()


def test_no_alias_presents_a_random_model_under_another_name() -> None:
    tiny = load_registry(REPO / "models.yaml", "tiny").default(ModelRole.chat)
    assert set(tiny.aliases) == {"default", "random-test"}


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (chat(role="painter"), "profiles.p.models.0.role"),
        (chat(dtype="float8"), "profiles.p.models.0.dtype"),
        (chat(max_context=10), "profiles.p.models.0.max_context"),
        (chat(gpu_memory_utilization=1.5), "profiles.p.models.0.gpu_memory_utilization"),
        (chat(endpoints=[]), "a chat model needs at least one endpoint"),
        (chat(endpoints=["127.0.0.1:8100"]), "must start with http"),
        (chat(colour="red"), "profiles.p.models.0.colour"),
        (chat(aliases=["m"]), "'m' is used twice"),
        (chat(convert_from="package:x/y.gguf"), "convert_from needs source_sha256"),
        (chat(convert_from="x.gguf", source_sha256="ab"), "is not a sha256 hex digest"),
    ],
)
def test_bad_values_name_the_field(tmp_path: Path, model: dict, expected: str) -> None:
    path = write(tmp_path, {"default_profile": "p", "profiles": {"p": {"models": [model]}}})
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert expected in str(caught.value)


def test_unknown_profile_and_model(tmp_path: Path) -> None:
    path = write(tmp_path, {"default_profile": "p", "profiles": {"p": {"models": [chat()]}}})
    with pytest.raises(RegistryError, match="profile 'q' not found"):
        load_registry(path, "q")
    with pytest.raises(RegistryError, match="unknown model 'x'.*known: \\['m'\\]"):
        load_registry(path).get("x")
    bad_default = write(tmp_path, {"default_profile": "nope", "profiles": {"p": {"models": [chat()]}}})
    with pytest.raises(RegistryError, match="default_profile 'nope'"):
        load_registry(bad_default)


def test_missing_weights_directory_names_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, {"default_profile": "p", "profiles": {"p": {"models": [chat(weights="absent")]}}})
    registry = load_registry(path)
    with pytest.raises(RegistryError, match=r"profiles\.p\.models\[0\]\.weights: directory .*absent does not exist"):
        registry.require_weights(registry.get("m"))
    (tmp_path / "absent").mkdir()
    assert registry.require_weights(registry.get("m")) == tmp_path / "absent"


def test_not_yaml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text("profiles: [unclosed")
    with pytest.raises(RegistryError, match="not valid YAML"):
        load_registry(path)
    with pytest.raises(RegistryError, match="not found"):
        load_registry(tmp_path / "nope.yaml")


def test_weights_are_refused_when_they_differ_from_their_pins(tmp_path: Path) -> None:
    weights = tmp_path / "w"
    weights.mkdir()
    (weights / "model.safetensors").write_bytes(b"weights")
    (weights / "config.json").write_text("{}")
    good = sha256_file(weights / "model.safetensors")
    (tmp_path / "pins.json").write_text(json.dumps({"files": {"config.json": sha256_file(weights / "config.json")}}))

    pinned = load_registry(write(tmp_path, registry_of(chat(weights_sha256={"model.safetensors": good}, weights_manifest="pins.json"))), "p")
    entry = pinned.default(ModelRole.chat)
    assert pinned.require_weights(entry) == weights.resolve()
    (weights / "config.json").write_text('{"tampered": true}')
    with pytest.raises(RegistryError, match=r"models\[0\]\.weights: .* config\.json: sha256 .* differs from the pinned"):
        pinned.require_weights(entry)
    (weights / "model.safetensors").unlink()
    with pytest.raises(RegistryError, match="model.safetensors: missing"):
        pinned.require_weights(entry)

    with pytest.raises(RegistryError, match="is not a sha256 hex digest"):
        load_registry(write(tmp_path, registry_of(chat(weights_sha256={"model.safetensors": "abc"}))), "p")
    missing = load_registry(write(tmp_path, registry_of(chat(weights_manifest="nope.json"))), "p")
    with pytest.raises(RegistryError, match=r"weights_manifest: cannot read"):
        missing.require_weights(missing.default(ModelRole.chat))


def test_the_generated_model_is_checked_against_its_own_manifest(tmp_path: Path) -> None:
    build_test_model(tmp_path / "w")
    registry = load_registry(write(tmp_path, registry_of(chat(generated=True))), "p")
    entry = registry.default(ModelRole.chat)
    assert registry.require_weights(entry) and registry.pins(entry)
    (tmp_path / "w" / "tokenizer.json").write_text("{}")
    with pytest.raises(RegistryError, match="tokenizer.json: sha256"):
        registry.require_weights(entry)
