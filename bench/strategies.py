"""Strategy builder: retrieval latency and quality (dense vs hybrid) and end-to-end builder latency.

    python -m bench.strategies [--llm-url URL] [--builds 16]

Retrieval runs the intent set of tests/data/strategy_intents.yaml through real embeddings and
embedded Qdrant, dense-only and hybrid side by side. The builder part posts intents to the real
service (retrieval + constrained generation + validation + repair) and reports latency, the
validation failure rate after repair, and repairs needed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from bench.reports import llm
from retrieval.index import SemanticIndex
from services.app.products import strategy_service
from services.platform.audit import Caller
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT, Settings
from services.strategies.candidates import retrieve
from services.strategies.schemas import BuildRequest

INTENTS = yaml.safe_load((REPO_ROOT / "tests" / "data" / "strategy_intents.yaml").read_text())
CALLER = Caller(name="bench", role="analyst")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def retrieval_rows(index: SemanticIndex) -> list[str]:
    rows = []
    for hybrid in (False, True):
        latencies, top1, top3 = [], 0, 0
        for item in INTENTS:
            started = time.perf_counter()
            found = retrieve(index, item["intent"], hybrid=hybrid)
            latencies.append((time.perf_counter() - started) * 1000)
            ids = [c.id for c in found.templates]
            top1, top3 = top1 + (ids[0] == item["template"]), top3 + (item["template"] in ids)
        rows.append(
            f"| {'hybrid' if hybrid else 'dense only'} | {statistics.median(latencies):.1f} ms | {percentile(latencies, 0.95):.1f} ms | "
            f"{top1}/{len(INTENTS)} | {top3}/{len(INTENTS)} |"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm-url")
    parser.add_argument("--builds", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, llm(args.llm_url, Path(tmp)) as url:
        platform = Platform(Settings(data_dir=Path(tmp) / "data", llm_base_urls=[url], log_level="WARNING"))
        platform.db.upgrade()
        service = strategy_service(platform)
        started = time.perf_counter()
        service.ensure_index(force=True)
        index_s = time.perf_counter() - started
        retrieval = retrieval_rows(platform.index)
        builds = []
        for item in INTENTS[: args.builds]:
            started = time.perf_counter()
            draft = service.build(BuildRequest(intent=item["intent"]), CALLER)
            builds.append((time.perf_counter() - started, draft.status, draft.repairs))
        platform.close()
    print(f"catalogue index rebuild (40 documents, 2 collections): {index_s:.1f} s\n")
    print("| retrieval | p50 | p95 | expected template first | expected template in top 3 |\n|---|---|---|---|---|")
    print("\n".join(retrieval))
    seconds = [b[0] for b in builds]
    invalid = sum(status == "invalid" for _, status, _ in builds)
    print(f"\n| builder, {len(builds)} intents | value |\n|---|---|")
    print(f"| end-to-end p50 | {statistics.median(seconds):.2f} s |")
    print(f"| end-to-end p95 | {percentile(seconds, 0.95):.2f} s |")
    print(f"| still invalid after repair | {invalid}/{len(builds)} ({invalid / len(builds):.0%}) |")
    print(f"| drafts that needed a repair | {sum(r > 0 for _, _, r in builds)}/{len(builds)} |")


if __name__ == "__main__":
    main()
