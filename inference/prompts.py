"""The prompt catalogue: prompts as versioned files in Git, with a lock of their hashes.

Layout: ``<catalogue>/<prompt id>/<semver>.yaml``. A version, once locked, is immutable: its
content hash is in ``prompts.lock``, and ``verify`` fails when the text changes without a new
version. Every rendered prompt carries its id, version and hash, so every LLM call can be
traced to the exact words that produced it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from inference.errors import PromptError

LOCK_FILE = "prompts.lock"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_JINJA = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)


class PromptSpec(BaseModel):
    """One version of one prompt, as written in its YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
    version: str = Field(pattern=SEMVER.pattern)
    owner: str = Field(min_length=1)
    purpose: str = Field(min_length=1)
    output_type: str = Field(min_length=1, description="module:attribute of the output type, or of the function that builds it per request")
    input_variables: tuple[str, ...] = ()
    system: str = Field(min_length=1)
    template: str = Field(min_length=1)

    @model_validator(mode="after")
    def _variables_match_templates(self) -> PromptSpec:
        used: set[str] = set()
        for text in (self.system, self.template):
            used |= jinja2.meta.find_undeclared_variables(_JINJA.parse(text))
        declared = set(self.input_variables)
        if used != declared:
            raise ValueError(
                f"input_variables {sorted(declared)} do not match the variables the templates use {sorted(used)}"
            )
        return self

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    @property
    def semver(self) -> tuple[int, int, int]:
        major, minor, patch = (int(part) for part in self.version.split("."))
        return major, minor, patch

    def content_hash(self) -> str:
        """sha256 of everything that changes what the model is asked, in a canonical form."""
        canonical = json.dumps(self.model_dump(exclude={"owner", "purpose"}), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class RenderedPrompt:
    """Messages ready for the model, labelled with where they came from."""

    prompt_id: str
    version: str
    hash: str
    output_type: str
    messages: list[dict[str, str]]


class PromptCatalogue:
    """All prompt versions under one directory, loaded and validated at start."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._specs = _load_specs(root)

    def ids(self) -> list[str]:
        return sorted({spec.id for spec in self._specs.values()})

    def versions(self, prompt_id: str) -> list[PromptSpec]:
        found = sorted((s for s in self._specs.values() if s.id == prompt_id), key=lambda s: s.semver)
        if not found:
            raise PromptError(f"unknown prompt {prompt_id!r}; known: {self.ids()}")
        return found

    def get(self, prompt_id: str, version: str | None = None) -> PromptSpec:
        """A prompt version; the newest when ``version`` is None."""
        versions = self.versions(prompt_id)
        if version is None:
            return versions[-1]
        for spec in versions:
            if spec.version == version:
                return spec
        raise PromptError(f"prompt {prompt_id!r} has no version {version!r}; known: {[s.version for s in versions]}")

    def all(self) -> list[PromptSpec]:
        return sorted(self._specs.values(), key=lambda s: (s.id, s.semver))

    def render(self, prompt_id: str, variables: dict[str, Any], version: str | None = None) -> RenderedPrompt:
        """Fill a prompt's templates; missing or unexpected variables are a `PromptError`."""
        spec = self.get(prompt_id, version)
        given, declared = set(variables), set(spec.input_variables)
        if given != declared:
            raise PromptError(
                f"prompt {spec.key}: missing variables {sorted(declared - given)}, unexpected {sorted(given - declared)}"
            )
        messages = [
            {"role": "system", "content": _JINJA.from_string(spec.system).render(variables)},
            {"role": "user", "content": _JINJA.from_string(spec.template).render(variables)},
        ]
        return RenderedPrompt(spec.id, spec.version, spec.content_hash(), spec.output_type, messages)

    # --- governance: the lock of content hashes -------------------------------------------

    def read_lock(self) -> dict[str, str]:
        path = self.root / LOCK_FILE
        if not path.exists():
            return {}
        return dict(json.loads(path.read_text(encoding="utf-8")))

    def verify(self) -> list[str]:
        """Problems with the catalogue against its lock; empty when every version is locked and unchanged."""
        lock = self.read_lock()
        problems = []
        for spec in self.all():
            locked = lock.get(spec.key)
            if locked is None:
                problems.append(f"{spec.key}: not in {LOCK_FILE} (run `insightstack prompts lock`)")
            elif locked != spec.content_hash():
                problems.append(f"{spec.key}: text changed without a version bump (locked {locked[:12]}, now {spec.content_hash()[:12]})")
        for key in sorted(set(lock) - {spec.key for spec in self.all()}):
            problems.append(f"{key}: locked but its file is gone (a released version must stay in Git)")
        return problems

    def lock(self) -> list[str]:
        """Add new versions to the lock; refuses to re-hash a version that is already locked."""
        changed = [p for p in self.verify() if "not in" not in p]
        if changed:
            raise PromptError("cannot lock: " + "; ".join(changed))
        lock = self.read_lock()
        added = [spec.key for spec in self.all() if spec.key not in lock]
        lock.update({spec.key: spec.content_hash() for spec in self.all()})
        (self.root / LOCK_FILE).write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return added


def _load_specs(root: Path) -> dict[str, PromptSpec]:
    if not root.is_dir():
        raise PromptError(f"prompt catalogue {root} not found")
    specs: dict[str, PromptSpec] = {}
    for path in sorted(root.glob("*/*.yaml")):
        try:
            spec = PromptSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (yaml.YAMLError, ValidationError) as exc:
            raise PromptError(f"{path}: {exc}") from exc
        expected = root / spec.id / f"{spec.version}.yaml"
        if path != expected:
            raise PromptError(f"{path}: must be at {expected.relative_to(root)} (id and version in the file)")
        specs[spec.key] = spec
    return specs
