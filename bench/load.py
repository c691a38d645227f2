"""Load: mixed traffic from N concurrent clients against `insightstack serve --workers 2`, loopback only.

    python -m bench.load [--clients 50] [--duration 60] [--database postgres|sqlite] [--llm-url URL]
                         [--llm-cpus 1 --api-cpus 0] [--without-llm] [--json FILE]

A throwaway deployment, built the way an operator builds one: a temp data dir, PostgreSQL from
the machine's binaries (or SQLite), `insightstack db upgrade`, a viewer and an analyst
(`insightstack users create`), the sample backtests and runbooks imported through the CLI, the
vLLM server of the `cpu` profile (unless --llm-url), and the API as a separate
`insightstack serve --workers N` process. The reports that will be read are generated once
(warm-up), so the load reads cache hits.

Then N clients (asyncio + httpx, one keep-alive connection each, like N browsers or scripts)
each loop: pick a route by weight, send it, wait a think time (uniform in --think, like locust's
`wait_time = between(a, b)`; `--think 0:0` saturates), until --duration or --requests runs out.
Mix (weights): cached report reads 60, their revalidation with If-None-Match (304) 10, the
backtest list 8, the HTML page 5, /healthz 5, /v1/models 5, gateway chat with max_tokens 8
5, ChatOps ask 1, strategy builder 1. A request fails on a status other than 2xx/304, a
connection error, or --timeout (60 s). Reported per route: requests, errors, error rate,
p50/p95/p99 latency and throughput; then the CPU the API workers, PostgreSQL, vLLM and the load
generator used, and how long runnable tasks waited for a CPU (the machine may be shared).
Exit 1 when a cached report read (JSON, its 304 revalidation, or the HTML page) failed or its
p95 is 50 ms or more (--p95-limit-ms), so the benchmark doubles as a check. In production vLLM
has a GPU host of its own; on one CPU machine it competes with the API for the same cores (the
CPU build keeps a core busy while it has work), so --llm-cpus and --api-cpus pin the two sides
to disjoint CPUs, and --without-llm leaves out the three model routes altogether. --json FILE
also writes everything as JSON, with any error the API logged while loaded.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from inference.launcher import VLLMServer
from inference.registry import ModelRole, load_registry
from inference.testmodel import build_test_model
from services.platform.settings import REPO_ROOT
from services.platform.ports import free_port
from services.demo import postgres

CLI = Path(sys.executable).with_name("insightstack")
HOST = "127.0.0.1"  # loopback only: nothing here listens on or sends to another interface
CHAT_BODY = {"model": "default", "messages": [{"role": "user", "content": "One line on momentum for the risk desk."}], "max_tokens": 8}
QUESTION = {"question": "Why did the kpi-rollup fail last night?"}
INTENT = {"intent": "buy SPY when RSI is oversold, exit when it recovers"}


@dataclass(frozen=True)
class Route:
    name: str
    weight: int
    method: str
    path: str  # "{id}" is filled with one of the warmed backtests
    key: str  # "viewer", "analyst" or "" (no key)
    body: dict[str, Any] | None = None
    revalidate: bool = False  # send If-None-Match with the report's ETag (expects 304)
    gated: bool = False  # a cached report read: must be error-free with p95 under the limit
    llm: bool = False  # needs the model (left out by --without-llm)


ROUTES = [
    Route("GET /backtests/{id}/report", 60, "GET", "/backtests/{id}/report", "viewer", gated=True),
    Route("GET /backtests/{id}/report (If-None-Match, 304)", 10, "GET", "/backtests/{id}/report", "viewer", revalidate=True, gated=True),
    Route("GET /backtests", 8, "GET", "/backtests", "viewer"),
    Route("GET /backtests/{id}/report.html", 5, "GET", "/backtests/{id}/report.html", "viewer", gated=True),
    Route("GET /healthz", 5, "GET", "/healthz", ""),
    Route("GET /v1/models", 5, "GET", "/v1/models", "analyst"),
    Route("POST /v1/chat/completions (max_tokens 8)", 5, "POST", "/v1/chat/completions", "analyst", CHAT_BODY, llm=True),
    Route("POST /chatops/ask", 1, "POST", "/chatops/ask", "viewer", QUESTION, llm=True),
    Route("POST /strategies/generative-builder", 1, "POST", "/strategies/generative-builder", "analyst", INTENT, llm=True),
]


@dataclass
class Samples:
    latencies_ms: list[float] = field(default_factory=list)  # every request, failed ones included
    errors: Counter[str] = field(default_factory=Counter)  # "503", "ReadTimeout", ...


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- the deployment ----------------------------------------------------------------------------


@contextmanager
def database(kind: str, workdir: Path) -> Iterator[tuple[str, Path | None]]:
    """The database URL, and the PostgreSQL server's postmaster.pid (to count its CPU)."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'data' / 'insightstack.db'}", None
        return
    if not postgres.available():
        raise SystemExit(f"PostgreSQL binaries not found in {postgres.PG_BIN}: use --database sqlite")
    with postgres.local_postgres() as server:
        yield server.url, server.root / "data" / "postmaster.pid"


@contextmanager
def llm(url: str | None, profile: str, workdir: Path) -> Iterator[tuple[str, int | None]]:
    """The vLLM URL, and the pid of the server when it is ours (to count its CPU)."""
    if url:
        yield url, None
        return
    registry = load_registry(REPO_ROOT / "models.yaml", profile)
    entry = registry.default(ModelRole.chat)
    server = VLLMServer(entry, build_test_model(registry.weights_path(entry)), free_port(), workdir / "vllm-logs")
    print(f"starting vLLM ({entry.name}) on {server.url} ...", flush=True)
    server.start()
    try:
        yield server.url, server.pid
    finally:
        server.stop()


@contextmanager
def pinned(cpus: set[int] | None) -> Iterator[None]:
    """Processes started inside inherit these CPUs (Linux affinity); no-op without a set."""
    if not cpus:
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cpus)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def cli(env: dict[str, str], *args: str) -> str:
    result = subprocess.run([str(CLI), *args], env=env, capture_output=True, text=True, cwd=REPO_ROOT)
    if result.returncode != 0:
        raise SystemExit(f"insightstack {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare(env: dict[str, str]) -> dict[str, str]:
    """Migrations, users, backtests and runbooks, all through the CLI; returns the keys by role."""
    print("insightstack db upgrade, users create, backtests import, runbooks import ...", flush=True)
    cli(env, "db", "upgrade")
    keys = {role: cli(env, "users", "create", f"load-{role}", "--role", role).strip().splitlines()[-1] for role in ("viewer", "analyst")}
    cli(env, "backtests", "import", str(REPO_ROOT / "data" / "backtests"))
    cli(env, "runbooks", "import", str(REPO_ROOT / "data" / "runbooks"))
    return keys


@contextmanager
def api(env: dict[str, str], workers: int, workdir: Path) -> Iterator[tuple[str, int]]:
    """`insightstack serve --workers N` in its own process group; its URL and pid once every worker is up."""
    port, log_file = free_port(), workdir / "api.log"
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [str(CLI), "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
            env=env, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    base = f"http://{HOST}:{port}"
    print(f"starting the API: {workers} workers on {base} (log: {log_file}) ...", flush=True)
    try:
        wait_ready(process, base, log_file, workers)
        yield base, process.pid
    finally:
        stop_group(process)


def wait_ready(process: subprocess.Popen[bytes], base: str, log_file: Path, workers: int, timeout_s: float = 600.0) -> None:
    """/readyz answers 200 and every worker has logged `api.started` (one alone would take all traffic)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if process.poll() is not None:
            raise SystemExit(f"the API exited with {process.returncode}:\n{tail(log_file)}")
        try:
            ready = httpx.get(f"{base}/readyz", timeout=5, trust_env=False).status_code == 200
        except httpx.HTTPError:
            ready = False
        if ready and log_file.read_text(errors="replace").count("api.started") >= workers:
            print(f"API ready after {time.monotonic() - started:.0f} s", flush=True)
            return
        time.sleep(1)
    raise SystemExit(f"the API was not ready within {timeout_s:.0f} s:\n{tail(log_file)}")


def stop_group(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def cpu_seconds(root: int | None, descendants: bool = True) -> tuple[float, float]:
    """CPU seconds (user + system) of a process and its descendants so far, and the seconds their
    live threads have spent runnable but waiting for a CPU (a lower bound: threads that ended are
    not counted). Linux /proc; zeros elsewhere."""
    if root is None:
        return 0.0, 0.0
    stats = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            stats[int(stat.parent.name)] = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError, ValueError):
            continue  # exited meanwhile
    tree, frontier = {root}, {root}
    while descendants and frontier:
        frontier = {pid for pid, fields in stats.items() if int(fields[1]) in frontier} - tree
        tree |= frontier
    ticks = os.sysconf("SC_CLK_TCK")
    on_cpu = sum((int(stats[pid][11]) + int(stats[pid][12])) / ticks for pid in tree if pid in stats)
    waiting = 0
    for pid in tree:
        for schedstat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            try:
                waiting += int(schedstat.read_text().split()[1])
            except (OSError, ValueError, IndexError):
                continue
    return on_cpu, waiting / 1e9


def cpu_pressure_us() -> int | None:
    """Microseconds in which some runnable task waited for a CPU (Linux PSI), or None."""
    try:
        return int(Path("/proc/pressure/cpu").read_text().split("total=")[1].split()[0])
    except (OSError, IndexError, ValueError):
        return None


def postmaster(pid_file: Path | None) -> int | None:
    try:
        return int(pid_file.read_text().split()[0]) if pid_file else None
    except (OSError, ValueError, IndexError):
        return None


def logged_errors(log_file: Path) -> list[str]:
    """The API's JSON log lines at level error (a 5xx is never silent: this says why)."""
    found = []
    for line in log_file.read_text(errors="replace").splitlines() if log_file.exists() else []:
        try:
            if json.loads(line).get("level") == "error":
                found.append(line)
        except (json.JSONDecodeError, AttributeError):
            continue
    return found


def tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


# --- warm-up and load --------------------------------------------------------------------------


def warm_up(base: str, keys: dict[str, str], reports: int, with_llm: bool) -> tuple[list[str], dict[str, str]]:
    """Generate the reports that will be read (one at a time); returns their ids and ETags."""
    viewer = {"Authorization": f"Bearer {keys['viewer']}"}
    analyst = {"Authorization": f"Bearer {keys['analyst']}"}
    with httpx.Client(base_url=base, timeout=900, trust_env=False) as client:
        ids = sorted(item["id"] for item in get_ok(client, "/backtests", viewer).json())[:reports]
        etags = {}
        for backtest_id in ids:
            started = time.perf_counter()
            etags[backtest_id] = get_ok(client, f"/backtests/{backtest_id}/report", viewer).headers["ETag"]
            print(f"  report {backtest_id}: generated in {time.perf_counter() - started:.1f} s", flush=True)
        for _ in range(4):  # both workers, every route once or twice: lazy loads happen before the clock runs
            get_ok(client, f"/backtests/{ids[0]}/report.html", viewer)
            get_ok(client, "/v1/models", analyst)
            if with_llm:
                client.post("/v1/chat/completions", json=CHAT_BODY, headers=analyst).raise_for_status()
        if with_llm:
            client.post("/chatops/ask", json=QUESTION, headers=viewer).raise_for_status()
            client.post("/strategies/generative-builder", json=INTENT, headers=analyst).raise_for_status()
    return ids, etags


def get_ok(client: httpx.Client, path: str, headers: dict[str, str]) -> httpx.Response:
    response = client.get(path, headers=headers)
    response.raise_for_status()
    return response


@dataclass(frozen=True)
class Plan:
    base: str
    keys: dict[str, str]
    ids: list[str]
    etags: dict[str, str]
    clients: int
    duration_s: float
    requests: int  # 0: no cap
    think_s: tuple[float, float]
    timeout_s: float
    with_llm: bool


async def load(plan: Plan) -> tuple[dict[str, Samples], float]:
    routes = [route for route in ROUTES if plan.with_llm or not route.llm]
    samples = {route.name: Samples() for route in ROUTES}
    weights = [route.weight for route in routes]
    sent = 0
    deadline = time.monotonic() + plan.duration_s

    async def user(number: int) -> None:
        nonlocal sent
        rng = random.Random(number)
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=plan.base, timeout=plan.timeout_s, limits=limits, trust_env=False) as client:
            await asyncio.sleep(rng.uniform(0, max(plan.think_s[1], 0.05)))  # spread the first requests
            while time.monotonic() < deadline and (not plan.requests or sent < plan.requests):
                sent += 1
                route = rng.choices(routes, weights)[0]
                backtest_id = rng.choice(plan.ids)
                headers = {"Authorization": f"Bearer {plan.keys[route.key]}"} if route.key else {}
                if route.revalidate:
                    headers["If-None-Match"] = plan.etags[backtest_id]
                record = samples[route.name]
                started = time.perf_counter()
                try:
                    response = await client.request(route.method, route.path.format(id=backtest_id), json=route.body, headers=headers)
                    if not (200 <= response.status_code < 300 or response.status_code == 304):
                        record.errors[str(response.status_code)] += 1
                except httpx.HTTPError as exc:
                    record.errors[type(exc).__name__] += 1
                record.latencies_ms.append((time.perf_counter() - started) * 1000)
                await asyncio.sleep(rng.uniform(*plan.think_s))

    started = time.monotonic()
    await asyncio.gather(*(user(number) for number in range(plan.clients)))
    return samples, time.monotonic() - started


# --- report ------------------------------------------------------------------------------------


def summarise(samples: dict[str, Samples], elapsed_s: float, with_llm: bool) -> list[dict[str, Any]]:
    rows = []
    everything = Samples()
    for route in ROUTES:
        record = samples[route.name]
        if route.llm and not with_llm:
            continue
        everything.latencies_ms += record.latencies_ms
        everything.errors.update(record.errors)
        rows.append(row(route.name, record, elapsed_s, route.gated))
    rows.append(row("all", everything, elapsed_s, False))
    return rows


def row(name: str, record: Samples, elapsed_s: float, gated: bool) -> dict[str, Any]:
    n, errors = len(record.latencies_ms), sum(record.errors.values())
    lat = record.latencies_ms or [float("nan")]
    return {
        "route": name, "requests": n, "errors": errors, "error_rate": errors / n if n else 0.0,
        "p50_ms": percentile(lat, 0.50), "p95_ms": percentile(lat, 0.95), "p99_ms": percentile(lat, 0.99),
        "rps": n / elapsed_s, "error_kinds": dict(record.errors), "gated": gated,
    }


def print_table(rows: list[dict[str, Any]]) -> None:
    print("| route | requests | errors | error rate | p50 ms | p95 ms | p99 ms | req/s |\n|---|---|---|---|---|---|---|---|")
    for r in rows:
        kinds = f" ({', '.join(f'{k}: {v}' for k, v in r['error_kinds'].items())})" if r["error_kinds"] else ""
        print(
            f"| {r['route']} | {r['requests']} | {r['errors']}{kinds} | {100 * r['error_rate']:.2f}% | "
            f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['rps']:.1f} |"
        )


def check(rows: list[dict[str, Any]], limit_ms: float) -> list[str]:
    """What fails the cached-read target: errors, or p95 at or over the limit."""
    failures = []
    for r in rows:
        if not r["gated"]:
            continue
        if r["requests"] == 0:
            failures.append(f"{r['route']}: no requests were made")
        if r["errors"]:
            failures.append(f"{r['route']}: {r['errors']} errors")
        if r["p95_ms"] >= limit_ms:
            failures.append(f"{r['route']}: p95 {r['p95_ms']:.1f} ms >= {limit_ms:.0f} ms")
    return failures


def cpu_set(value: str) -> set[int]:
    try:
        return {int(cpu) for cpu in value.split(",")}
    except ValueError:
        raise argparse.ArgumentTypeError("expected CPU numbers separated by commas, e.g. 0 or 0,1") from None


def think(value: str) -> tuple[float, float]:
    low, _, high = value.partition(":")
    bounds = (float(low), float(high or low))
    if not 0 <= bounds[0] <= bounds[1]:
        raise argparse.ArgumentTypeError("expected LOW:HIGH seconds with 0 <= LOW <= HIGH")
    return bounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (the warm-up is not counted)")
    parser.add_argument("--requests", type=int, default=0, help="stop after this many requests in all (0: only --duration bounds the run)")
    parser.add_argument("--think", type=think, default=(0.5, 1.5), help="LOW:HIGH seconds each client waits between its requests (0:0 saturates)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--llm-url", help="a running vLLM server; default: start the `tiny` profile's server")
    parser.add_argument("--without-llm", action="store_true", help="leave out the three routes that call the model (isolates the API on a CPU-only host)")
    parser.add_argument("--reports", type=int, default=4, help="backtests whose reports are warmed and read")
    parser.add_argument("--timeout", type=float, default=60.0, help="per request, seconds; a timeout counts as an error")
    parser.add_argument("--p95-limit-ms", type=float, default=50.0)
    parser.add_argument("--llm-cpus", type=cpu_set, help="pin the vLLM server the benchmark starts to these CPUs (with --api-cpus: two hosts on one machine)")
    parser.add_argument("--api-cpus", type=cpu_set, help="pin the API workers, PostgreSQL and the load generator to these CPUs")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args()
    profile = os.environ.get("INSIGHTSTACK_PROFILE", "tiny")

    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="insightstack-load-")))
        (workdir / "data").mkdir()
        with pinned(args.llm_cpus):
            url, vllm_pid = stack.enter_context(llm(args.llm_url, profile, workdir))
        stack.enter_context(pinned(args.api_cpus))
        database_url, pg_pid_file = stack.enter_context(database(args.database, workdir))
        env = os.environ | {
            "INSIGHTSTACK_PROFILE": profile,
            "INSIGHTSTACK_DATA_DIR": str(workdir / "data"),
            "INSIGHTSTACK_DATABASE_URL": database_url,
            "INSIGHTSTACK_LLM_BASE_URLS": url,
            "INSIGHTSTACK_GATEWAY_RPM": "1000000",  # one analyst key carries all the chat traffic: measure latency, not the limiter
            "INSIGHTSTACK_LOG_JSON": "true",
        }
        keys = prepare(env)
        base, api_pid = stack.enter_context(api(env, args.workers, workdir))
        print(f"warm-up: generating {args.reports} reports ...", flush=True)
        ids, etags = warm_up(base, keys, args.reports, not args.without_llm)
        plan = Plan(base, keys, ids, etags, args.clients, args.duration, args.requests, args.think, args.timeout, not args.without_llm)
        load_before = os.getloadavg()
        print(f"load: {args.clients} clients, {args.duration:.0f} s, think {args.think[0]}-{args.think[1]} s, "
              f"{args.workers} workers, {args.database}, {os.cpu_count()} CPUs (load average {load_before[0]:.1f}) ...", flush=True)
        processes = {"API": api_pid, "PostgreSQL": postmaster(pg_pid_file), "vLLM": vllm_pid, "load generator": os.getpid()}

        def measure() -> dict[str, tuple[float, float]]:  # the load generator's children (API, vLLM) are counted apart
            return {name: cpu_seconds(pid, descendants=name != "load generator") for name, pid in processes.items()}

        gc.collect()  # this process holds ~260,000 objects after its imports: a full collection (~150 ms)
        gc.freeze()  # mid-run would add to every latency in flight, as it did in the API workers
        before, pressure_before = measure(), cpu_pressure_us()
        samples, wall_s = asyncio.run(load(plan))
        after, pressure_after = measure(), cpu_pressure_us()
        pressure = (pressure_after - pressure_before) / 1e6 / wall_s if pressure_before is not None and pressure_after is not None else None
        cpu = {name: {"on_cpu_s": after[name][0] - before[name][0], "runnable_waiting_s": after[name][1] - before[name][1]} for name in processes}
        load_after = os.getloadavg()
        server_errors = logged_errors(workdir / "api.log")

    window_s = min(wall_s, args.duration)  # after the deadline no request starts: the calls in flight only finish
    rows = summarise(samples, window_s, not args.without_llm)
    print(f"\n{rows[-1]['requests']} requests in {window_s:.1f} s (the last finished at {wall_s:.1f} s); "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after\n")
    print_table(rows)
    n = max(rows[-1]["requests"], 1)
    print("\nCPU while loaded, cores used on average: " + ", ".join(f"{name} {c['on_cpu_s'] / wall_s:.2f}" for name, c in cpu.items() if c["on_cpu_s"]))
    print(f"API per request: {1000 * cpu['API']['on_cpu_s'] / n:.1f} ms on a CPU, {1000 * cpu['API']['runnable_waiting_s'] / n:.1f} ms "
          "runnable but waiting for one (at least; summed over threads)")
    if pressure is not None:
        print(f"CPU pressure: some task was waiting for a CPU {100 * pressure:.0f}% of the time (machine-wide)")
    if server_errors:
        print(f"\nthe API logged {len(server_errors)} error(s) while loaded; the first:\n" + "\n".join(server_errors[:5]))
    failures = check(rows, args.p95_limit_ms)
    verdict = "FAIL: " + "; ".join(failures) if failures else f"PASS: cached report reads error-free with p95 under {args.p95_limit_ms:.0f} ms"
    print(f"\n{verdict}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "config": {**{k: v for k, v in vars(args).items() if k != "json"}, "think": list(args.think), "profile": profile},
            "machine": {"cpus": os.cpu_count(), "load_average_before": load_before, "load_average_after": load_after},
            "cpu_seconds_while_loaded": cpu, "cpu_pressure_share": pressure,
            "window_s": window_s, "wall_s": wall_s, "routes": rows, "server_errors": server_errors, "passed": not failures, "failures": failures,
        }, indent=2, default=str) + "\n")
        print(f"results written to {args.json}")
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
