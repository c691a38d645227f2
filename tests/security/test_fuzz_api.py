"""Property-based fuzzing of the whole OpenAPI spec, in process, as an admin, on the real vLLM server.

Schemathesis generates valid and invalid requests for every operation the app documents
(boundary values, wrong types, missing and bad credentials, undeclared methods, random bodies).
Two properties must hold for all of them: no response is a server error (every dependency is
up, so even a 503 is a bug here), and every 4xx body is the one error shape the app factory
promises (`{"error": {code, message, type, param, request_id, ...}}`), which /v1 clients read
as OpenAI's. Successful bodies must match their documented schemas too.

The spec documents no error response except FastAPI's default 422 `HTTPValidationError`, which
the app never sends, so `documented_error_shape` asserts the real shape, and schemathesis's
schema conformance is applied to successes only (its status-code conformance cannot be used).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from pydantic import BaseModel, ConfigDict, ValidationError
from schemathesis.checks import not_a_server_error, response_schema_conformance
from starlette.types import ASGIApp, Receive, Scope, Send

from services.platform import auth
from services.app.app import create_app
from services.platform.errors import error_type
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import Settings
from tests.reports.conftest import SAMPLES, import_samples

pytestmark = pytest.mark.llm

EXAMPLES = 15  # random requests per operation, on top of schemathesis's deterministic coverage cases
LLM_EXAMPLES = 2  # for LLM_PATHS: seconds per generation on CPU (with 3 the two fuzz items took 159 s and 142 s of a 20.0-min make test)
LLM_PATHS = "^/({})$".format("|".join([  # operations that generate with the LLM
    r"v1/(chat/)?completions", r"chatops/ask", r"strategies/generative-builder", r"strategies/drafts/\{draft_id\}/revise",
    r"backtests/\{backtest_id\}/report(\.md|\.html)?",
]))
REQUEST_TIMEOUT_S = 120  # a generation with retries and repairs on a busy 2-core machine


class ErrorDetail(BaseModel):
    """The inside of every error body (`error_response` in services/platform/errors.py)."""

    model_config = ConfigDict(extra="allow")  # e.g. `details` on validation errors

    code: str
    message: str
    type: str
    param: str | None
    request_id: str


class ErrorBody(BaseModel):
    """A whole 4xx body: the `error` object and nothing else."""

    model_config = ConfigDict(extra="forbid")

    error: ErrorDetail


def documented_error_shape(ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case) -> None:
    """A 4xx body is an `ErrorBody` whose type matches its status and whose request id is the echoed one."""
    if not 400 <= response.status_code < 500 or case.method.upper() == "HEAD":
        return
    try:
        body = ErrorBody.model_validate_json(response.content)
    except ValidationError as exc:
        raise AssertionError(f"{response.status_code} body is not the documented error shape: {exc}") from None
    assert body.error.code and body.error.message, "empty error code or message"
    assert body.error.type == error_type(response.status_code), f"type {body.error.type!r} for status {response.status_code}"
    assert [body.error.request_id] == response.headers.get("x-request-id"), "request_id is not the X-Request-ID header"


def documented_success_schema(ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case) -> bool | None:
    """Schemathesis's schema conformance, for the responses whose schema the spec gets right."""
    return response_schema_conformance(ctx, response, case) if response.status_code < 400 else None


class AppUnderTest:
    """The ASGI app the schema calls: it forwards everything, lifespan included, to the app the
    `app` fixture installs. `schemathesis.pytest.from_fixture` would take a fixture's app
    directly, but schemathesis 4.32.5 breaks under pytest 9 there (it writes the removed
    `Function._nodeid`), so the schema is loaded at import and calls are routed here."""

    def __init__(self) -> None:
        self.target: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert self.target is not None, "no app installed: use the `app` fixture"
        await self.target(scope, receive, send)


@dataclass(frozen=True)
class AppFacts:
    """What the fuzzer is told about the app before any test runs."""

    spec: dict[str, Any]
    models: list[str]
    tools: list[str]


def app_facts() -> AppFacts:
    """The OpenAPI document and the valid model and tool names, from a throwaway platform (they
    depend on neither the data dir nor the LLM)."""
    with tempfile.TemporaryDirectory() as data_dir:
        platform = Platform(Settings(data_dir=Path(data_dir), profile="tiny", log_json=False))
        try:
            app = create_app(platform.settings, platform)
            models = [name for entry in platform.registry.profile.models for name in (entry.name, entry.served_name, *entry.aliases) if name]
            return AppFacts(app.openapi(), models, [tool.name for tool in app.state.chatops.tools(Role.admin)])
        finally:
            platform.close()


def fuzz_config(facts: AppFacts) -> schemathesis.Config:
    """Bounded examples, and real ids and names mixed into half the generated values, so requests
    get past "not found" into the handlers (a random string almost never names a backtest)."""
    values = {
        "backtest_ids": [json.loads(path.read_text())["id"] for path in sorted(SAMPLES.glob("*.json"))],
        "models": facts.models,
        "tools": facts.tools,
    }
    bindings = {"path.backtest_id": "backtest_ids", "body.backtest_id": "backtest_ids", "body.model": "models", "path.name": "tools"}
    return schemathesis.Config.from_dict({
        "suppress-health-check": ["all"],  # slow LLM calls and strict schemas are expected here
        "request-timeout": REQUEST_TIMEOUT_S,
        "generation": {"max-examples": EXAMPLES, "database": "none"},
        "operations": [{"include-path-regex": LLM_PATHS, "generation": {"max-examples": LLM_EXAMPLES}}],
        "dictionaries": {name: {"values": entries} for name, entries in values.items()},
        "parameters": {key: {"dictionary": name, "probability": 0.5} for key, name in bindings.items()},
    })


FACTS = app_facts()
APP = AppUnderTest()
schema = schemathesis.openapi.from_dict(FACTS.spec, config=fuzz_config(FACTS))
schema.app = APP


@pytest.fixture(scope="module")
def fuzz_platform(tmp_path_factory: pytest.TempPathFactory, llm_url: str) -> Iterator[Platform]:
    """One platform for the whole run (state accumulates, as in production) with the sample
    backtests, no rate limit in the way, and chat secrets set so /slack answers 401, not 503."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("fuzz"),
        profile="tiny",
        log_json=False,
        llm_base_urls=[llm_url],
        gateway_rpm=1_000_000,
        slack_signing_secret="fuzz-signing-secret",
        mattermost_token="fuzz-mattermost-token",
    )
    platform = Platform(settings)
    platform.db.upgrade()
    import_samples(platform)
    yield platform
    platform.close()


@pytest.fixture(scope="module")
def admin_key(fuzz_platform: Platform) -> str:
    with fuzz_platform.db.session() as session:
        return auth.create_user(session, "fuzz-admin", Role.admin)[1]


@pytest.fixture(autouse=True)
def app(fuzz_platform: Platform) -> Iterator[None]:
    """A fresh app behind `APP` for each operation: schemathesis ends the app's lifespan after
    each test item (closing, e.g., the gateway's HTTP client), and an ASGI app is not restarted."""
    APP.target = create_app(fuzz_platform.settings, fuzz_platform)
    yield
    APP.target = None


@schema.parametrize()
def test_no_server_errors_and_documented_responses(case: schemathesis.Case, admin_key: str) -> None:
    checks = [not_a_server_error, documented_success_schema, documented_error_shape]
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_key}"}, checks=checks)
