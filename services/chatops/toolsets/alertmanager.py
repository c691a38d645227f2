"""`alertmanager` tools: the active alerts (read-only), and a silence (state-changing: the
executor runs it only for an operator who confirmed it).

Alert rows carry every label flattened (``alertname``, ``severity``, ``feed`` ...), the summary
annotation, the start time and the fingerprint."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from services.chatops.toolkit import ToolFailure
from services.chatops.toolsets.spec import AlertmanagerTool

CREATED_BY = "insightstack-chatops"


def run(spec: AlertmanagerTool, url: str, arguments: dict[str, Any]) -> list[dict[str, Any]]:
    if spec.action == "silence":
        return [_silence(url, arguments, spec.timeout_s)]
    params: dict[str, Any] = {"active": "true", "silenced": "false", "inhibited": "false"}
    if arguments.get("alertname"):
        params["filter"] = f'alertname="{arguments["alertname"]}"'
    alerts = _call("GET", f"{url}/api/v2/alerts", spec.timeout_s, params=params)
    return [_row(alert) for alert in sorted(alerts, key=lambda a: a["startsAt"])]


def _row(alert: dict[str, Any]) -> dict[str, Any]:
    annotations = alert.get("annotations", {})
    return {
        **alert["labels"], "summary": annotations.get("summary", annotations.get("description", "")),
        "starts_at": alert["startsAt"][:19] + "Z", "state": alert["status"]["state"], "fingerprint": alert["fingerprint"],
    }


def _silence(url: str, arguments: dict[str, Any], timeout_s: float) -> dict[str, Any]:
    now = datetime.now(UTC)
    body = {
        "matchers": [{"name": "alertname", "value": arguments["alertname"], "isRegex": False, "isEqual": True}],
        "startsAt": now.isoformat(), "endsAt": (now + timedelta(minutes=arguments["minutes"])).isoformat(),
        "createdBy": CREATED_BY, "comment": arguments.get("comment") or "silenced from InsightStack ChatOps",
    }
    created = _call("POST", f"{url}/api/v2/silences", timeout_s, json=body)
    return {"silence_id": created["silenceID"], "alertname": arguments["alertname"], "ends_at": body["endsAt"][:19] + "Z"}


def _call(method: str, endpoint: str, timeout_s: float, **request: Any) -> Any:
    try:
        response = httpx.request(method, endpoint, timeout=timeout_s, **request)
    except httpx.HTTPError as exc:
        raise ToolFailure(f"Alertmanager unreachable at {endpoint}: {type(exc).__name__}: {exc}") from exc
    if response.status_code >= 300:
        raise ToolFailure(f"Alertmanager answered HTTP {response.status_code}: {response.text[:300]}")
    return response.json()
