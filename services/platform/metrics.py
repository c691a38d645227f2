"""Prometheus metrics of the API, served at ``GET /metrics``.

Each platform owns its own registry (tests build many platforms in one process). Labels are
bounded sets only: route templates, features, model names, outcomes, check names; never users or
request ids, which belong in the LLM-call records and the logs. `serve --workers N` sets
``PROMETHEUS_MULTIPROC_DIR`` before the workers start: each worker writes its counters to files
there and a scrape, whichever worker answers it, sums them all (with one registry per worker a
scrape saw one worker's counters, and the totals jumped and fell between scrapes).
"""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics, generate_latest, multiprocess

from guardrails.screen import Screening
from inference.structured import LLMCallRecord

disable_created_metrics()  # the *_created series double the exposition and no dashboard reads them
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
CHECK_BUCKETS = (0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5)
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Metrics:
    """The counters and histograms the platform updates, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.http_requests = Counter("insightstack_http_requests", "HTTP requests.", ["method", "route", "status"], registry=r)
        self.http_latency = Histogram(
            "insightstack_http_request_duration_seconds", "HTTP request latency.", ["method", "route"], buckets=LATENCY_BUCKETS, registry=r
        )
        self.llm_calls = Counter("insightstack_llm_calls", "LLM calls by outcome (ok, invalid_output, length, unavailable, error, blocked, cancelled).", ["feature", "model", "outcome"], registry=r)
        self.llm_tokens = Counter("insightstack_llm_tokens", "Tokens in and out of the LLM.", ["feature", "model", "direction"], registry=r)
        self.llm_latency = Histogram(
            "insightstack_llm_call_duration_seconds", "LLM call latency, all attempts.", ["feature", "model"], buckets=LATENCY_BUCKETS, registry=r
        )
        self.guardrail_decisions = Counter(
            "insightstack_guardrail_decisions", "Guardrail decisions by surface, stage, check and outcome (pass or the action).",
            ["surface", "stage", "check", "outcome"], registry=r,
        )
        self.guardrail_latency = Histogram(
            "insightstack_guardrail_check_duration_seconds", "Latency of one guardrail check.", ["check"], buckets=CHECK_BUCKETS, registry=r
        )
        self.rate_limited = Counter("insightstack_gateway_rejections", "Gateway requests refused by limits.", ["reason"], registry=r)
        self.cache_requests = Counter("insightstack_cache_requests", "Cache lookups by cache and result.", ["cache", "result"], registry=r)
        self.pipeline_runs = Counter(
            "insightstack_pipeline_runs", "Finished pipeline runs reported by the scheduler, by pipeline and status (the PipelineFailed alert).",
            ["pipeline", "status"], registry=r,
        )

    def observe_http(self, method: str, route: str, status: int, seconds: float) -> None:
        self.http_requests.labels(method, route, str(status)).inc()
        self.http_latency.labels(method, route).observe(seconds)

    def observe_llm_call(self, record: LLMCallRecord) -> None:
        self.llm_calls.labels(record.feature, record.model, record.outcome).inc()
        self.llm_tokens.labels(record.feature, record.model, "in").inc(record.input_tokens)
        self.llm_tokens.labels(record.feature, record.model, "out").inc(record.output_tokens)
        self.llm_latency.labels(record.feature, record.model).observe(record.latency_ms / 1000)

    def observe_screening(self, screening: Screening) -> None:
        for decision in screening.decisions:
            self.guardrail_decisions.labels(screening.surface, screening.stage.value, decision.check, decision.outcome).inc()
            self.guardrail_latency.labels(decision.check).observe(decision.latency_ms / 1000)

    def observe_cache(self, cache: str, hit: bool) -> None:
        self.cache_requests.labels(cache, "hit" if hit else "miss").inc()

    def exposition(self) -> bytes:
        """This registry's series, or with several workers every worker's, summed."""
        path = os.environ.get(MULTIPROCESS_DIR)
        if not path:
            return generate_latest(self.registry)
        every_worker = CollectorRegistry()
        multiprocess.MultiProcessCollector(every_worker, path)
        return generate_latest(every_worker)
