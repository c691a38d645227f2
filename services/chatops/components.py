"""The components ChatOps knows (data/services.yaml): on-call owners, health probes, feed SLOs."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError


class Component(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    oncall: str
    health_url: HttpUrl | None = None
    llm: bool = Field(default=False, description="Probe the chat model's vLLM replicas (models.yaml endpoints).")
    timeout_s: float = Field(default=2.0, gt=0, le=30)
    feeds: dict[str, float] = Field(default_factory=dict, description="Freshness SLO in seconds per market-data feed.")


class Components(BaseModel):
    model_config = ConfigDict(extra="forbid")

    components: dict[str, Component] = Field(min_length=1)

    @property
    def names(self) -> list[str]:
        return sorted(self.components)

    @property
    def probed(self) -> list[str]:
        """Components with a health endpoint of their own or vLLM replicas."""
        return [name for name in self.names if self.components[name].health_url or self.components[name].llm]

    @property
    def market_data(self) -> tuple[str, Component] | None:
        """The component that publishes feed freshness (the one with SLOs)."""
        return next(((n, c) for n, c in sorted(self.components.items()) if c.feeds and c.health_url), None)

    def oncall(self, name: str) -> str:
        return self.components[name].oncall


class ComponentsError(ValueError):
    """The components file is missing or invalid; the message says where."""


def load_components(path: Path) -> Components:
    try:
        return Components.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise ComponentsError(f"{path}: cannot read components file: {exc}") from exc
    except (yaml.YAMLError, ValidationError) as exc:
        raise ComponentsError(f"{path}: invalid components file: {exc}") from exc
