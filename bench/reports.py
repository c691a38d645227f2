"""Report latency (uncached vs cached) and batch throughput (concurrent vs one at a time), side by side.

    python -m bench.reports [--llm-url URL] [--reports 8] [--concurrency 4]

Without --llm-url it starts the vLLM server of models.yaml's default profile (the tiny test
model on CPU). Each mode runs on its own fresh database, so every uncached report is really
generated; the per-report seed comes from the cache key, so both modes generate the same tokens.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from inference.launcher import VLLMServer
from inference.registry import ModelRole, load_registry
from inference.testmodel import build_test_model
from services.app.products import report_service
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT, Settings
from services.reports import store
from services.platform.audit import Caller
from services.reports.service import ReportGenerationService

CALLER = Caller(name="bench", role="analyst")
SAMPLES = REPO_ROOT / "data" / "backtests"


@contextmanager
def llm(url: str | None, workdir: Path) -> Iterator[str]:
    if url:
        yield url
        return
    registry = load_registry(REPO_ROOT / "models.yaml")
    entry = registry.default(ModelRole.chat)
    server = VLLMServer(entry, build_test_model(registry.weights_path(entry)), 8790, workdir / "logs")
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


def fresh_service(url: str, workdir: Path, name: str, ids: list[str]) -> ReportGenerationService:
    platform = Platform(Settings(data_dir=workdir / name, llm_base_urls=[url], log_level="WARNING"))
    platform.db.upgrade()
    with platform.db.session() as session:
        for backtest_id in ids:
            store.ingest(session, store.load_file(SAMPLES / f"{backtest_id}.json"), actor="bench", role="analyst")
    return report_service(platform)


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm-url")
    parser.add_argument("--reports", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    ids = sorted(path.stem for path in SAMPLES.glob("*.json"))[: args.reports]
    with tempfile.TemporaryDirectory() as tmp, llm(args.llm_url, Path(tmp)) as url:
        workdir = Path(tmp)
        fresh_service(url, workdir, "warmup", ids[:1]).get_report(ids[0], CALLER)  # compile/warm the server once

        sequential = fresh_service(url, workdir, "sequential", ids)
        uncached = [timed(lambda i=i: sequential.get_report(i, CALLER)) for i in ids]
        cached = [timed(lambda i=i: sequential.get_report(i, CALLER)) for i in ids]

        concurrent = fresh_service(url, workdir, "concurrent", ids)
        with ThreadPoolExecutor(args.concurrency) as pool:
            batch_s = timed(lambda: list(pool.map(lambda i: concurrent.get_report(i, CALLER), ids)))

    one_at_a_time_s = sum(uncached)
    print(f"reports: {len(ids)}, concurrency: {args.concurrency}, LLM: {url}\n")
    print("| measure | value |\n|---|---|")
    print(f"| uncached report, median | {statistics.median(uncached) * 1000:.0f} ms |")
    print(f"| cached report, median | {statistics.median(cached) * 1000:.1f} ms |")
    print(f"| cached speed-up | {statistics.median(uncached) / statistics.median(cached):.0f}x |")
    print(f"| one at a time: {len(ids)} reports | {one_at_a_time_s:.1f} s ({len(ids) / one_at_a_time_s * 60:.1f} reports/min) |")
    print(f"| concurrent ({args.concurrency}): {len(ids)} reports | {batch_s:.1f} s ({len(ids) / batch_s * 60:.1f} reports/min) |")
    print(f"| batch throughput ratio | {one_at_a_time_s / batch_s:.2f}x |")


if __name__ == "__main__":
    main()
