"""Gateway overhead: the same requests sent to vLLM directly and through the gateway, side by side.

    python -m bench.gateway [--llm-url URL] [--requests 40]

Both paths use the official `openai` client with the same body and seed, alternating request
by request so that load and warm-up hit both alike. The gateway path includes everything a
client pays for: API-key check, rate-limit and quota rows in SQLite, input and output
guardrails, the LLM-call record and metrics. Reported: latency p50/p95 of both, their ratio and
difference, for plain chat, streaming (time to the first content and to the end) and a
JSON-schema request.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openai
import uvicorn

from bench.reports import llm
from bench.strategies import percentile
from services.platform import auth
from services.app.app import create_app
from services.platform.logs import configure_logging
from services.platform.runtime import Platform
from services.platform.settings import Settings
from services.platform.ports import free_port

PROMPT = "Summarise the momentum strategy's last quarter for the risk committee."
SCHEMA = {
    "name": "summary",
    "schema": {
        "type": "object",
        "properties": {"verdict": {"enum": ["keep", "review", "stop"]}, "reason": {"type": "string", "maxLength": 60}},
        "required": ["verdict", "reason"],
        "additionalProperties": False,
    },
}


def chat(client: openai.OpenAI, model: str, seed: int) -> None:
    client.chat.completions.create(model=model, messages=[{"role": "user", "content": PROMPT}], max_tokens=32, seed=seed)


def json_schema(client: openai.OpenAI, model: str, seed: int) -> None:
    client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": PROMPT}], seed=seed, max_tokens=64,
        response_format={"type": "json_schema", "json_schema": SCHEMA},  # type: ignore[typeddict-item]
    )


def stream(client: openai.OpenAI, model: str, seed: int) -> float:
    """Streams the answer; returns the seconds to the first non-empty content."""
    started, first = time.perf_counter(), None
    for chunk in client.chat.completions.create(model=model, messages=[{"role": "user", "content": PROMPT}], max_tokens=32, seed=seed, stream=True):
        if first is None and chunk.choices and chunk.choices[0].delta.content:
            first = time.perf_counter() - started
    return first if first is not None else time.perf_counter() - started


def side_by_side(name: str, call: Callable[[openai.OpenAI, str, int], Any], clients: dict[str, tuple[openai.OpenAI, str]], n: int) -> None:
    samples: dict[str, list[float]] = {path: [] for path in clients}
    firsts: dict[str, list[float]] = {path: [] for path in clients}
    for seed in range(n):
        for path, (client, model) in clients.items():
            started = time.perf_counter()
            first = call(client, model, seed)
            samples[path].append((time.perf_counter() - started) * 1000)
            if isinstance(first, float):
                firsts[path].append(first * 1000)
    row(name, samples)
    if all(firsts.values()):
        row(f"{name}, first content", firsts)


def row(name: str, samples: dict[str, list[float]]) -> None:
    direct, gateway = samples["direct"], samples["gateway"]
    p50d, p50g = statistics.median(direct), statistics.median(gateway)
    p95d, p95g = percentile(direct, 0.95), percentile(gateway, 0.95)
    print(f"| {name} | {p50d:.1f} / {p95d:.1f} | {p50g:.1f} / {p95g:.1f} | {p50g / p50d:.2f} / {p95g / p95d:.2f} | +{p50g - p50d:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm-url")
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    configure_logging("WARNING")
    with tempfile.TemporaryDirectory() as tmp, llm(args.llm_url, Path(tmp)) as url:
        platform = Platform(Settings(data_dir=Path(tmp) / "data", llm_base_urls=[url], log_level="WARNING", gateway_rpm=100_000))
        platform.db.upgrade()
        with platform.db.session() as session:
            key = auth.create_user(session, "bench", "analyst")[1]
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(platform.settings, platform), port=port, log_level="warning", log_config=None))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            clients = {
                "direct": (openai.OpenAI(base_url=url, api_key="EMPTY", max_retries=0), platform.chat_model.api_name),
                "gateway": (openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=key, max_retries=0), "default"),
            }
            for path, (client, model) in clients.items():  # warm both paths (the guardrail classifier loads on first use)
                chat(client, model, 0)
            print(f"{args.requests} requests per row, alternating; ms p50 / p95\n")
            print("| request | vLLM direct | through the gateway | ratio | added p50 |\n|---|---|---|---|---|")
            side_by_side("chat, 32 tokens", chat, clients, args.requests)
            side_by_side("stream, 32 tokens", stream, clients, args.requests)
            side_by_side("json_schema, guidance", json_schema, clients, args.requests)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            platform.close()


if __name__ == "__main__":
    main()
