"""Gateway fixtures: the real app served by uvicorn on a free port, reached with the official
`openai` client exactly as another team would reach it, one API key per role.

The gateway's features (disconnect cancellation, SSE relay, Retry-After headers) live at the
HTTP layer, so the tests go through a real socket rather than an in-process test client.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import openai
import pytest
import yaml
from openai._legacy_response import LegacyAPIResponse
from openai.types.chat import ChatCompletion

from services.platform import auth
from services.app.app import create_app
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT
from tests.conftest import PlatformFactory
from tests.support.server import running

DEAD_URL = "http://127.0.0.1:9/v1"  # the discard port: connections are refused at once
CHAT_MODEL = "insightstack-tiny"
ALIAS = "random-test"
SEED = 7
TOXIC = "you are a fucking idiot"  # blocked by the toxicity check on the gateway's input and output
POLICY_VERSION = str(yaml.safe_load((REPO_ROOT / "data" / "guardrails" / "policy.yaml").read_text())["version"])
HTTP_TIMEOUT_S = 120.0  # the shared test machine can stall for many seconds (slow fsyncs, busy CPUs): be patient


@dataclass
class LiveGateway:
    """A running app: its platform, its URL and an API key per role (users named ``<role>-user``)."""

    platform: Platform
    url: str
    keys: dict[Role, str]
    http: httpx.Client  # for the plain (non-OpenAI) routes; one client, so polling does not rebuild TLS contexts
    clients: list[openai.OpenAI] = field(default_factory=list)

    def client(self, role: Role = Role.analyst, *, key: str | None = None, timeout: float = 60.0) -> openai.OpenAI:
        """The official client on /v1, without retries so each call is one request."""
        client = openai.OpenAI(base_url=f"{self.url}/v1", api_key=key or self.keys[role], max_retries=0, timeout=timeout)
        self.clients.append(client)
        return client

    def new_key(self, name: str, role: Role = Role.analyst) -> str:
        with self.platform.db.session() as session:
            return auth.create_user(session, name, role)[1]

    def get(self, path: str, role: Role | None = Role.admin, **params: Any) -> httpx.Response:
        """A plain GET (admin listings, /metrics), authenticated as ``role`` unless None."""
        headers = {"Authorization": f"Bearer {self.keys[role]}"} if role else {}
        return self.http.get(f"{self.url}{path}", params=params, headers=headers)

    def llm_calls(self, **filters: Any) -> list[dict[str, Any]]:
        return self._listing("/admin/llm-calls", filters)

    def decisions(self, **filters: Any) -> list[dict[str, Any]]:
        return self._listing("/admin/guardrail-decisions", filters)

    def call_of(self, request_id: str) -> dict[str, Any]:
        """The one LLM call recorded for a request."""
        calls = self.llm_calls(request_id=request_id)
        assert len(calls) == 1, calls
        return calls[0]

    def _listing(self, path: str, filters: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.get(path, **filters)
        assert response.status_code == 200, response.text
        return response.json()


GatewayFactory = Callable[..., LiveGateway]


@pytest.fixture
def serve() -> Iterator[Callable[[Platform], LiveGateway]]:
    """Serves ``create_app(platform.settings, platform)`` with uvicorn in a background thread."""
    servers = ExitStack()
    gateways: list[LiveGateway] = []
    http = httpx.Client(timeout=HTTP_TIMEOUT_S)

    def start(platform: Platform) -> LiveGateway:
        with platform.db.session() as session:
            keys = {role: auth.create_user(session, f"{role.value}-user", role)[1] for role in Role}
        base = servers.enter_context(running(create_app(platform.settings, platform)))
        gateways.append(LiveGateway(platform, base, keys, http))
        return gateways[-1]

    yield start
    for client in (client for gateway in gateways for client in gateway.clients):
        client.close()
    http.close()
    servers.close()


@pytest.fixture
def start_gateway(make_platform: PlatformFactory, serve: Callable[[Platform], LiveGateway]) -> GatewayFactory:
    """A gateway on a fresh platform; keyword arguments are settings (``gateway_rpm=2``, ...)."""
    return lambda **settings: serve(make_platform(**settings))


@pytest.fixture
def gateway(start_gateway: GatewayFactory, llm_url: str) -> LiveGateway:
    """A gateway in front of the session's vLLM server."""
    return start_gateway(llm_base_urls=[llm_url])


@pytest.fixture
def offline_gateway(start_gateway: GatewayFactory) -> LiveGateway:
    """A gateway whose only LLM replica is a closed port."""
    return start_gateway(llm_base_urls=[DEAD_URL])


def ask(client: openai.OpenAI, text: str, *, model: str = ALIAS, max_tokens: int = 16, **options: Any) -> LegacyAPIResponse[ChatCompletion]:
    """One short, seeded chat turn; the raw response, for its headers (``.parse()`` for the body)."""
    return client.chat.completions.with_raw_response.create(
        model=model, messages=[{"role": "user", "content": text}], max_tokens=max_tokens, seed=SEED, **options
    )


def minute_now() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


def metric(exposition: str, name: str, **labels: str) -> float:
    """The sum of the samples of ``name`` whose labels include ``labels`` (Prometheus text format)."""
    total = 0.0
    for match in re.finditer(rf"^{re.escape(name)}(?:\{{(.*?)\}})? (\S+)$", exposition, re.M):
        found = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', match.group(1) or ""))
        if all(found.get(key) == value for key, value in labels.items()):
            total += float(match.group(2))
    return total


class VLLM:
    """The session's vLLM server seen from outside, through its own Prometheus metrics (beside /v1)."""

    def __init__(self, llm_url: str) -> None:
        self.metrics_url = f"{llm_url.removesuffix('/v1')}/metrics"
        self.http = httpx.Client(timeout=HTTP_TIMEOUT_S)

    def metric(self, name: str, **labels: str) -> float:
        response = self.http.get(self.metrics_url)
        response.raise_for_status()
        return metric(response.text, name, **labels)

    def idle(self) -> bool:
        return self.metric("vllm:num_requests_running") == 0


@pytest.fixture(scope="session")
def vllm(llm_url: str) -> Iterator[VLLM]:
    probe = VLLM(llm_url)
    yield probe
    probe.http.close()
