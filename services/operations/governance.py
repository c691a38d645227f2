"""Governance records as Markdown: the prompt catalogue, the approval log, the audit chain check.

`write_report` reads the prompt catalogue (files and lock), the prompt labels and the
hash-chained audit log, and writes three pages an auditor can read without database access:

- ``README.md``: what was generated when, and the result of `audit.verify` over the whole chain;
- ``prompts.md``: every prompt version (owner, content hash, lock status), what each environment
  serves, and each prompt's change history (``prompts.promote`` and ``releases.rollback``);
- ``approvals.md``: report reviews, strategy approvals and rejections, prompt promotions and
  release rollbacks (who, when, decision, rating), including attempts the RBAC check denied.

The output is a pure function of the records and ``generated_at``: rows are in audit-chain or
catalogue order, and no other clock is read, so a committed copy can be compared with a fresh
one (docs/governance/ and tests/platform/test_governance.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inference.prompts import PromptCatalogue, PromptSpec
from services.platform import audit, prompt_labels
from services.platform.models import AuditEntry, AuditHead, PromptLabel

ENVIRONMENTS = ("dev", "staging", "production")
PROMOTE, ROLLBACK = "prompts.promote", "releases.rollback"
REVIEW, REVIEW_PERMISSION = "reports.review", "reviews.decide"  # the second is what `deps.require` audits on a denial
STRATEGY_DECISIONS = ("strategies.approve", "strategies.reject")
ACTIONS = (PROMOTE, ROLLBACK, REVIEW, REVIEW_PERMISSION, *STRATEGY_DECISIONS)
HASH_CHARS = 12
BACKTEST_IN_PATH = re.compile(r"/backtests/([^/]+)/")
DRAFT_IN_PATH = re.compile(r"/drafts/([^/]+)/")


@dataclass(frozen=True)
class Records:
    """Everything the pages show, read once."""

    specs: list[PromptSpec]
    lock: dict[str, str]
    lock_problems: list[str]
    labels: list[PromptLabel]
    entries: list[AuditEntry]  # the governance actions, in chain order
    chain: audit.AuditVerification
    head_hash: str | None


def write_report(session: Session, catalogue: PromptCatalogue, out_dir: Path, generated_at: datetime, *, note: str | None = None) -> list[Path]:
    """Write README.md, prompts.md and approvals.md into ``out_dir``; returns their paths.

    ``generated_at`` is the only time printed that is not a record's own; ``note`` is a
    paragraph placed under the README's title (for example how the copy is regenerated).
    """
    return write_records(collect(session, catalogue), out_dir, generated_at, note=note)


def write_records(records: Records, out_dir: Path, generated_at: datetime, *, note: str | None = None) -> list[Path]:
    """`write_report` for records already collected (the CLI also needs the chain check's result)."""
    pages = {
        "README.md": render_index(records, generated_at, note),
        "prompts.md": render_prompts(records),
        "approvals.md": render_approvals(records),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def collect(session: Session, catalogue: PromptCatalogue) -> Records:
    entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action.in_(ACTIONS)).order_by(AuditEntry.id)))
    chain = audit.verify(session)
    head = session.get(AuditHead, 1)
    return Records(
        specs=catalogue.all(), lock=catalogue.read_lock(), lock_problems=catalogue.verify(), labels=prompt_labels.all_labels(session),
        entries=entries, chain=chain, head_hash=head.last_hash if head is not None and head.last_id else None,
    )


# --- pages -----------------------------------------------------------------------------------


def render_index(records: Records, generated_at: datetime, note: str | None) -> str:
    reviews, strategies, promotions, rollbacks = _split(records.entries)
    lines = ["# Governance records", "", f"Generated at {when(generated_at)} UTC by `insightstack governance report`."]
    if note:
        lines += ["", note.strip()]
    lines += [
        "",
        *table(("page", "contents"), [
            ("[prompts.md](prompts.md)", f"the prompt catalogue: {len(records.specs)} version(s) of {len({s.id for s in records.specs})} prompt(s), "
             f"{len(records.labels)} environment label(s), change history"),
            ("[approvals.md](approvals.md)", f"{len(reviews)} report review(s), {len(strategies)} strategy decision(s), "
             f"{len(promotions)} prompt promotion(s), {len(rollbacks)} release rollback(s)"),
        ]),
        "",
        "## Audit chain check",
        "",
        *chain_lines(records),
        "",
        "The same check runs as `insightstack audit verify` (exit 1 when the chain is broken).",
        "",
    ]
    return "\n".join(lines)


def chain_lines(records: Records) -> list[str]:
    chain = records.chain
    if chain.ok:
        head = f", head hash `{records.head_hash}`" if records.head_hash else ""
        return [f"**Intact**: {chain.checked} audit entries checked, each chained to the one before{head}."]
    return [
        f"**Broken at entry {chain.first_bad_id}**: {chain.reason}.",
        f"The {chain.checked} entries before it chain correctly. Entries from {chain.first_bad_id} on, and every row of these pages",
        "taken from them, cannot be trusted until the cause is found (compare with a backup, docs/operations/backup.md).",
    ]


def render_prompts(records: Records) -> str:
    served = {(label.env, label.prompt_id): label for label in records.labels}
    newest = {spec.id: spec.version for spec in records.specs}  # all() is in (id, semver) order: the last one wins
    rows = []
    for spec in records.specs:
        cells = [f"`{spec.id}`", spec.version, cell(spec.owner), f"`{spec.content_hash()[:HASH_CHARS]}`", _lock_status(spec, records.lock)]
        for env in ENVIRONMENTS:
            label = served.get((env, spec.id))
            if label is not None:
                cells.append("**served** (label)" if label.version == spec.version else "")
            else:
                cells.append("served (newest file, no label)" if newest[spec.id] == spec.version else "")
        rows.append(cells)
    lines = [
        "# Prompt catalogue", "", _chain_banner(records), "",
        "Versions are files in `services/prompts/<id>/<version>.yaml`; the content hash covers everything the model is",
        "asked (not owner or purpose) and is locked in `prompts.lock`. An environment serves the version labelled for it",
        "(`insightstack prompts promote`), or its newest file when it has no label (docs/operations/prompts.md).",
        "", "## Versions", "",
        *table(("prompt", "version", "owner", "content hash", "lock", *ENVIRONMENTS), rows),
    ]
    if records.lock_problems:
        lines += ["", "Lock problems (`insightstack prompts verify`):", "", *(f"- {cell(problem)}" for problem in records.lock_problems)]
    known = {(spec.id, spec.version) for spec in records.specs}
    lines += ["", "## Environment labels", ""]
    if records.labels:
        lines += table(("env", "prompt", "version", "promoted by", "at (UTC)", "reason"), [
            (label.env, f"`{label.prompt_id}`", label.version + ("" if (label.prompt_id, label.version) in known else " (file missing)"),
             cell(label.promoted_by), when(label.promoted_at), cell(label.reason))
            for label in sorted(records.labels, key=lambda label: (ENVIRONMENTS.index(label.env) if label.env in ENVIRONMENTS else len(ENVIRONMENTS), label.env, label.prompt_id))
        ])
    else:
        lines.append("No labels: every environment serves the newest file of every prompt.")
    lines += ["", "## Change history", ""]
    history = _history(records.entries)
    for prompt_id in sorted({spec.id for spec in records.specs} | set(history)):
        specs = [spec for spec in records.specs if spec.id == prompt_id]
        lines += [f"### `{prompt_id}`", ""]
        if specs:
            lines += [f"Owner {cell(specs[-1].owner)}. {cell(specs[-1].purpose)}", ""]
        else:
            lines += ["Not in the catalogue any more (its files were removed).", ""]
        rows = history.get(prompt_id, [])
        lines += table(("entry", "when (UTC)", "who", "action", "env", "version", "previous", "reason"), rows) if rows else ["No promotions or rollbacks recorded."]
        lines.append("")
    return "\n".join(lines)


def render_approvals(records: Records) -> str:
    reviews, strategies, promotions, rollbacks = _split(records.entries)
    lines = [
        "# Approval log", "", _chain_banner(records), "",
        "From the hash-chained audit log, in chain order. `denied` rows are attempts the role check refused.",
        "", "## Report reviews", "",
    ]
    lines += _or_none(table(("entry", "when (UTC)", "who", "role", "backtest", "revision", "decision", "rating", "edited", "comment"), [
        (str(e.id), when(e.ts), cell(e.actor), cell(e.role), f"`{cell(_target(e, BACKTEST_IN_PATH))}`", _get(e, "revision"), _decision(e),
         _get(e, "rating"), _yes_no(e.details.get("edited")), _get(e, "comment"))
        for e in reviews
    ]), "No report reviews recorded.")
    lines += ["", "## Strategy approvals", ""]
    lines += _or_none(table(("entry", "when (UTC)", "who", "role", "draft", "revision", "decision", "comment"), [
        (str(e.id), when(e.ts), cell(e.actor), cell(e.role), f"`{cell(_target(e, DRAFT_IN_PATH))}`", _get(e, "revision"), _decision(e), _get(e, "comment"))
        for e in strategies
    ]), "No strategy approvals or rejections recorded.")
    lines += ["", "## Prompt promotions", ""]
    lines += _or_none(table(("entry", "when (UTC)", "who", "prompt", "env", "version", "previous", "content hash", "reason"), [
        (str(e.id), when(e.ts), cell(e.actor), f"`{cell(e.target.rpartition('@')[0])}`", cell(e.target.rpartition("@")[2]), _get(e, "version"),
         _get(e, "previous"), f"`{str(e.details.get('hash') or '-')[:HASH_CHARS]}`", _get(e, "reason"))
        for e in promotions
    ]), "No prompt promotions recorded.")
    lines += ["", "## Release rollbacks", ""]
    lines += _or_none(table(("entry", "when (UTC)", "who", "to release", "env", "prompt labels set", "aliases set", "schema"), [
        (str(e.id), when(e.ts), cell(e.actor), cell(e.target), _get(e, "env"), cell(_labels_text(e.details.get("prompt_labels") or {})),
         cell(", ".join(f"{alias} -> {model}" for alias, model in sorted((e.details.get("aliases") or {}).items())) or "-"),
         cell(f"downgraded to {e.details['migrate_to']}" if e.details.get("migrate_to") else "unchanged"))
        for e in rollbacks
    ]), "No release rollbacks recorded.")
    lines.append("")
    return "\n".join(lines)


# --- helpers ---------------------------------------------------------------------------------


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table; cells must already be escaped (`cell`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def cell(value: Any) -> str:
    """Text safe inside a table cell: pipes escaped, line breaks flattened."""
    text = "-" if value is None or value == "" else str(value)
    return " ".join(text.replace("|", "\\|").split())


def when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _split(entries: list[AuditEntry]) -> tuple[list[AuditEntry], list[AuditEntry], list[AuditEntry], list[AuditEntry]]:
    return (
        [e for e in entries if e.action == REVIEW or (e.action == REVIEW_PERMISSION and e.decision == "denied")],
        [e for e in entries if e.action in STRATEGY_DECISIONS],
        [e for e in entries if e.action == PROMOTE],
        [e for e in entries if e.action == ROLLBACK],
    )


def _history(entries: list[AuditEntry]) -> dict[str, list[tuple[str, ...]]]:
    """Per prompt id, its promotions and the rollbacks that changed its label."""
    history: dict[str, list[tuple[str, ...]]] = {}
    for e in entries:
        if e.action == PROMOTE:
            prompt_id, _, env = e.target.rpartition("@")
            row = (str(e.id), when(e.ts), cell(e.actor), "promote", cell(env), _get(e, "version"), _get(e, "previous"), _get(e, "reason"))
            history.setdefault(prompt_id, []).append(row)
        elif e.action == ROLLBACK:
            for prompt_id, version in sorted((e.details.get("prompt_labels") or {}).items()):
                shown = cell(version) if version else "newest file (label removed)"
                row = (str(e.id), when(e.ts), cell(e.actor), "release rollback", _get(e, "env"), shown, "-", f"rollback to release {cell(e.target)}")
                history.setdefault(prompt_id, []).append(row)
    return history


def _lock_status(spec: PromptSpec, lock: dict[str, str]) -> str:
    locked = lock.get(spec.key)
    if locked is None:
        return "not locked"
    return "locked" if locked == spec.content_hash() else "**changed since locked**"


def _chain_banner(records: Records) -> str:
    chain = records.chain
    if chain.ok:
        return f"Audit chain check: intact ({chain.checked} entries); see [README.md](README.md)."
    return f"**Audit chain check: broken at entry {chain.first_bad_id}** ({cell(chain.reason)}); see [README.md](README.md)."


def _decision(entry: AuditEntry) -> str:
    if entry.decision == "denied":
        return f"denied (role lacks `{entry.action}`)"
    if entry.action in STRATEGY_DECISIONS:
        return entry.action.removeprefix("strategies.")
    return _get(entry, "decision")


def _target(entry: AuditEntry, in_path: re.Pattern[str]) -> str:
    """The backtest or draft id; a denied attempt's target is the request line, so it is taken from the path."""
    found = in_path.search(entry.target) if entry.decision == "denied" else None
    return found.group(1) if found else entry.target


def _get(entry: AuditEntry, key: str) -> str:
    return cell((entry.details or {}).get(key))


def _yes_no(value: Any) -> str:
    return "-" if value is None else ("yes" if value else "no")


def _labels_text(labels: dict[str, str | None]) -> str:
    return ", ".join(f"{prompt_id}: {version or 'newest file (label removed)'}" for prompt_id, version in sorted(labels.items())) or "none changed"


def _or_none(lines: list[str], empty: str) -> list[str]:
    return lines if len(lines) > 2 else [empty]
