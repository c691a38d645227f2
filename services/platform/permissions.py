"""Roles, permissions, and THE map between them: every route and every ChatOps tool asks here."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    viewer = "viewer"
    analyst = "analyst"
    reviewer = "reviewer"
    operator = "operator"
    admin = "admin"


class Permission(StrEnum):
    reports_read = "reports.read"
    reports_generate = "reports.generate"
    backtests_write = "backtests.write"
    reviews_decide = "reviews.decide"
    factcheck_run = "factcheck.run"
    strategies_build = "strategies.build"
    strategies_approve = "strategies.approve"
    chatops_ask = "chatops.ask"
    chatops_operate = "chatops.operate"
    pipelines_report = "pipelines.report"
    alerts_receive = "alerts.receive"  # Alertmanager's webhook: starts read-only investigations
    pipelines_read = "pipelines.read"
    gateway_use = "gateway.use"
    llm_generate = "llm.generate"
    metrics_read = "metrics.read"
    admin_read = "admin.read"
    users_manage = "users.manage"
    prompts_promote = "prompts.promote"  # dev and staging labels, production requests and approvals
    releases_rollback = "releases.rollback"


_VIEWER = {Permission.reports_read, Permission.chatops_ask, Permission.pipelines_read}
_ANALYST = _VIEWER | {
    Permission.reports_generate,
    Permission.backtests_write,
    Permission.factcheck_run,
    Permission.strategies_build,
    Permission.gateway_use,
    Permission.llm_generate,
    Permission.metrics_read,
}
_GRANTS: dict[Role, set[Permission]] = {
    Role.viewer: _VIEWER,
    Role.analyst: _ANALYST,
    Role.reviewer: _ANALYST | {Permission.reviews_decide, Permission.strategies_approve},
    Role.operator: _VIEWER | {Permission.chatops_operate, Permission.pipelines_report, Permission.alerts_receive, Permission.gateway_use, Permission.metrics_read},
    Role.admin: set(Permission),
}

PERMISSIONS: dict[Permission, frozenset[Role]] = {
    permission: frozenset(role for role, granted in _GRANTS.items() if permission in granted) for permission in Permission
}


def allowed(role: Role, permission: Permission) -> bool:
    return role in PERMISSIONS[permission]
