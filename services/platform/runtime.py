"""The platform's long-lived parts, built once per process from the settings.

Routes, the CLI and tests all get the database, the registry, the prompt catalogue and the
generator from here, so there is one place that decides how they are wired.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import structlog
from pydantic import BaseModel

from guardrails.classifiers import TransformerClassifier
from guardrails.policy import load_policy
from guardrails.screen import Guardrails
from inference.endpoints import EndpointPool
from inference.launcher import published_replicas
from inference.prompts import PromptCatalogue
from inference.registry import ModelEntry, ModelRegistry, ModelRole, load_registry
from inference.structured import StructuredGenerator
from inference.tokens import prompt_counter
from retrieval.embeddings import Embedder
from retrieval.errors import VectorStoreUnavailableError
from retrieval.index import SemanticIndex
from retrieval.korean import EnglishView, korean_view
from retrieval.store import open_store, ping
from services.platform import sessions
from services.platform.caches import CacheRegistry
from services.platform.db import Database, DatabaseUnavailable
from services.platform.llm_calls import CallRecorder
from services.platform.metrics import Metrics
from services.platform.screening import Screener
from services.platform.served_prompts import ServedPrompts
from services.platform.settings import Settings, get_settings

if TYPE_CHECKING:
    from qdrant_client import QdrantClient

log = structlog.get_logger(__name__)


class Check(BaseModel):
    ok: bool
    latency_ms: float | None = None
    detail: str | None = None


class Readiness(BaseModel):
    ready: bool
    checks: dict[str, Check]

    @property
    def failing(self) -> list[str]:
        return [name for name, check in self.checks.items() if not check.ok]

    def states(self) -> dict[str, Any]:
        """The report without latencies and details: what anyone may see."""
        return self.model_dump(include={"ready": True, "checks": {"__all__": {"ok"}}})


@dataclass
class Platform:
    """Everything a request may need, created lazily so a CLI command pays only for what it uses."""

    settings: Settings

    @cached_property
    def db(self) -> Database:
        return Database(self.settings.resolved_database_url)

    @cached_property
    def registry(self) -> ModelRegistry:
        return load_registry(self.settings.models_file, self.settings.profile)

    @cached_property
    def prompts(self) -> PromptCatalogue:
        return PromptCatalogue(self.settings.prompts_dir)

    @cached_property
    def served_prompts(self) -> ServedPrompts:
        return ServedPrompts(self.db, self.prompts, self.settings.env)

    @cached_property
    def chat_model(self) -> ModelEntry:
        return self.registry.default(ModelRole.chat)

    @cached_property
    def llm_urls(self) -> list[str]:
        """Endpoints of the chat model: the environment's override, else the replicas a supervisor
        on this data dir runs (`serve --with-llm --llm-replicas N`, `llm serve`), else models.yaml."""
        return (
            self.settings.llm_base_urls
            or published_replicas(self.settings.log_dir, self.chat_model.name)
            or list(self.chat_model.endpoints)
        )

    @cached_property
    def pool(self) -> EndpointPool:
        return EndpointPool(self.llm_urls, timeout_s=self.settings.llm_timeout_s)

    @cached_property
    def pools(self) -> dict[str, EndpointPool]:
        """One replica pool per chat model, by model name (the gateway serves them all)."""
        return {
            entry.name: self.pool if entry == self.chat_model else EndpointPool(list(entry.endpoints), timeout_s=self.settings.llm_timeout_s)
            for entry in self.registry.of_role(ModelRole.chat)
        }

    @cached_property
    def metrics(self) -> Metrics:
        return Metrics()

    @cached_property
    def record_llm_call(self) -> CallRecorder:
        return CallRecorder(self.db, self.metrics)

    @cached_property
    def generator(self) -> StructuredGenerator:
        counter = prompt_counter(self.registry.weights_path(self.chat_model))
        return StructuredGenerator(self.chat_model, self.pool, recorder=self.record_llm_call, counter=counter)

    @cached_property
    def screener(self) -> Screener:
        """The guardrail policy with the classifiers models.yaml offers (loaded only when used)."""
        classifiers = {
            entry.name: TransformerClassifier(entry.name, self.registry.weights_path(entry), entry.positive_label or "")
            for entry in self.registry.of_role(ModelRole.classifier)
        }
        guardrails = Guardrails(load_policy(self.settings.guardrails_policy_file), classifiers)
        return Screener(guardrails, self.db, self.metrics)

    @cached_property
    def vector_store(self) -> QdrantClient:
        return open_store(self.settings.qdrant_url, self.settings.resolved_qdrant_path)

    @cached_property
    def embedder(self) -> Embedder:
        entry = self.registry.default(ModelRole.embedding)
        return Embedder(self.registry.weights_path(entry), entry.dimensions or 384)

    @cached_property
    def index(self) -> SemanticIndex:
        return SemanticIndex(self.vector_store, self.embedder, self.korean)

    @cached_property
    def korean(self) -> EnglishView:
        """Korean questions and documents read through the domain glossary (loaded now; the analyser on first Hangul)."""
        return korean_view(self.settings.glossary_file)

    @cached_property
    def session_secret(self) -> bytes:
        """Signs browser sessions; every worker on this data dir reads the same one."""
        return sessions.load_secret(self.settings.session_secret, self.settings.data_dir)

    @cached_property
    def caches(self) -> CacheRegistry:
        """Where products register their caches (filled as the products are created)."""
        return CacheRegistry(self.metrics.observe_cache)

    def readiness(self) -> Readiness:
        """Probe the database, every LLM replica and the vector store; never raises."""
        checks: dict[str, Check] = {}
        try:
            checks["database"] = Check(ok=True, latency_ms=round(self.db.ping(), 2))
        except DatabaseUnavailable as exc:
            checks["database"] = Check(ok=False, detail=str(exc))
        llm = self.pool.health()
        checks["llm"] = Check(
            ok=llm.up > 0, latency_ms=llm.latency_ms, detail=f"{llm.up}/{llm.total} replicas up" + "".join(f"; {error}" for error in llm.errors)
        )
        try:
            checks["vector_store"] = Check(ok=True, latency_ms=round(ping(self.vector_store), 2))
        except VectorStoreUnavailableError as exc:
            checks["vector_store"] = Check(ok=False, detail=str(exc))
        return Readiness(ready=all(check.ok for check in checks.values()), checks=checks)

    def close(self) -> None:
        built = [self.__dict__["pool"]] if "pool" in self.__dict__ else []
        for pool in [*built, *self.__dict__.get("pools", {}).values()]:
            pool.close()  # idempotent: the chat model's pool is in both
        if "vector_store" in self.__dict__:
            self.vector_store.close()
        if "db" in self.__dict__:
            self.db.engine.dispose()


def open_platform() -> Platform:
    """The platform of a CLI command, with its database migrated."""
    platform = Platform(get_settings())
    platform.db.upgrade()
    return platform
