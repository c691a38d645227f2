"""`prometheus_query` tools: an instant or range PromQL query against the Prometheus HTTP API.

Each series becomes one row: its labels, and its value (instant) or min, max and last (range).
Parameters are typed and pattern-checked before they are written into the query, so the model
cannot add PromQL of its own."""

from __future__ import annotations

import time
from typing import Any

import httpx

from services.chatops.toolkit import ToolFailure
from services.chatops.toolsets.spec import PrometheusTool
from services.chatops.toolsets.templates import fill


def query(spec: PrometheusTool, url: str, arguments: dict[str, Any]) -> list[dict[str, Any]]:
    promql = fill(spec.query, arguments)
    if spec.range_minutes is None:
        data = _get(f"{url}/api/v1/query", {"query": promql}, spec.timeout_s)
        return [_instant(item) for item in data["result"]] if data["resultType"] == "vector" else [{"value": _number(data["result"][1])}]
    end = time.time()
    params = {"query": promql, "start": end - spec.range_minutes * 60, "end": end, "step": spec.step_s}
    return [_range(item) for item in _get(f"{url}/api/v1/query_range", params, spec.timeout_s)["result"]]


def _get(endpoint: str, params: dict[str, Any], timeout_s: float) -> dict[str, Any]:
    try:
        response = httpx.get(endpoint, params=params, timeout=timeout_s)
        body = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ToolFailure(f"Prometheus unreachable at {endpoint}: {type(exc).__name__}: {exc}") from exc
    if body.get("status") != "success":
        raise ToolFailure(f"Prometheus refused the query: {body.get('errorType')}: {body.get('error')}")
    return body["data"]


def _instant(item: dict[str, Any]) -> dict[str, Any]:
    return {**item["metric"], "value": _number(item["value"][1])}


def _range(item: dict[str, Any]) -> dict[str, Any]:
    values = [_number(v) for _, v in item["values"]]
    return {**item["metric"], "min": min(values), "max": max(values), "last": values[-1], "samples": len(values)}


def _number(text: str) -> float:
    return round(float(text), 3)
