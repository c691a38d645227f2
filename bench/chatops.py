"""ChatOps: runbook retrieval quality (dense vs hybrid), tool latency, and end-to-end ask latency.

    python -m bench.chatops [--llm-url URL] [--rounds 3]

Runs on the real stack: real embeddings and embedded Qdrant for the runbooks, the
MarketDataService stand-in as a peer process, a SQLite database, and the real vLLM server for
the agent steps. The questions are the top operational questions of data/chatops/top_questions.yaml
(the same list tests/chatops/test_questions_llm.py asks).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.reports import llm
from bench.strategies import percentile
from services.chatops.runbooks import COLLECTION
from services.chatops.schemas import AskIn
from services.platform.audit import Caller
from services.platform.runtime import Platform
from services.platform.settings import Settings
from services.app.products import build_products
from tests.support.marketdata import start, stop
from tests.support.ops_world import FEEDS, QUESTIONS, import_runbooks, write_components

VIEWER = Caller(name="bench", role="viewer")
OPERATOR = Caller(name="bench-operator", role="operator")


def ms(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ms | {percentile(values, 0.95):.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm-url")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, llm(args.llm_url, Path(tmp)) as url:
        root = Path(tmp)
        process, port = start(root / "marketdata.jsonl", *(f"--feed={n}:{lag}" for n, lag in FEEDS.items()))
        try:
            settings = Settings(data_dir=root / "data", llm_base_urls=[url], log_level="WARNING", components_file=write_components(root / "services.yaml", f"http://127.0.0.1:{port}"))
            platform = Platform(settings)
            platform.db.upgrade()
            chatops = build_products(platform).chatops
            started = time.perf_counter()
            import_runbooks(chatops)
            print(f"runbook import (9 files, first run incl. model load): {time.perf_counter() - started:.1f} s\n")

            print("| retrieval | p50 | p95 | expected runbook first |\n|---|---|---|---|")
            for hybrid in (False, True):
                latencies, first = [], 0
                for top in QUESTIONS * args.rounds:
                    t = time.perf_counter()
                    hits = platform.index.search(COLLECTION, top.question, limit=12, hybrid=hybrid)
                    latencies.append((time.perf_counter() - t) * 1000)
                    first += hits[0].payload["runbook_id"] in top.runbooks
                print(f"| {'hybrid' if hybrid else 'dense only'} | {ms(latencies)} | {first // args.rounds}/{len(QUESTIONS)} |")

            print("\n| tool | p50 | p95 |\n|---|---|---|")
            for name in [n for n in chatops.executor.tools if n not in ("invalidate_cache", "search_runbooks")]:
                latencies = [chatops.executor.execute(OPERATOR, name, {}).latency_ms for _ in range(10 * args.rounds)]
                print(f"| {name} | {ms(latencies)} |")

            totals, steps, llm_ms = [], [], []
            for top in QUESTIONS * args.rounds:
                t = time.perf_counter()
                out = chatops.ask(AskIn(question=top.question), VIEWER)
                totals.append((time.perf_counter() - t) * 1000)
                steps.append(out.steps)
                llm_ms.append(totals[-1] - sum(c.latency_ms for c in out.tool_calls))
            print(f"\n| ask, {len(totals)} questions | value |\n|---|---|")
            print(f"| end-to-end p50 / p95 | {ms(totals).replace(' | ', ' / ')} |")
            print(f"| LLM + retrieval share (p50) | {statistics.median(llm_ms):.0f} ms |")
            print(f"| steps per answer (mean) | {statistics.mean(steps):.2f} |")
            platform.close()
        finally:
            stop(process)


if __name__ == "__main__":
    main()
