"""`http_json` tools: GET a configured URL and select fields from its JSON (one row, or one row
per item of a list in it). Parameters travel as the query string, never in the path."""

from __future__ import annotations

from typing import Any

import httpx

from services.chatops.toolkit import ToolFailure
from services.chatops.toolsets.spec import HttpJsonTool


def get(spec: HttpJsonTool, url: str, arguments: dict[str, Any]) -> list[dict[str, Any]]:
    params = {key: value for key, value in arguments.items() if value is not None}
    try:
        response = httpx.get(url, params=params, timeout=spec.timeout_s)
        response.raise_for_status()
        body = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ToolFailure(f"{url}: {type(exc).__name__}: {exc}") from exc
    items = pick(body, spec.rows) if spec.rows else [body]
    if not isinstance(items, list):
        raise ToolFailure(f"{url}: {spec.rows!r} is not a list in the response")
    return [_select(item, spec.fields) for item in items]


def pick(document: Any, path: str) -> Any:
    """The value at a dotted path (``feeds.0.lag_s``); None where the path leads nowhere."""
    for part in path.split("."):
        if isinstance(document, dict):
            document = document.get(part)
        elif isinstance(document, list) and part.isdigit() and int(part) < len(document):
            document = document[int(part)]
        else:
            return None
    return document


def _select(item: Any, fields: dict[str, str]) -> dict[str, Any]:
    if not fields:
        return item if isinstance(item, dict) else {"value": item}
    return {name: pick(item, path) for name, path in fields.items()}
