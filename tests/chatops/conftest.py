"""ChatOps fixtures: the MarketDataService stand-in as a peer process, a components file
pointing at it, and platforms (real vLLM, embeddings, Qdrant, database) with runbooks imported."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from services.app.products import Products, build_products
from tests.conftest import PlatformFactory
from tests.support.api import Api, api_for
from tests.support.marketdata import start, stop
from tests.support.ops_world import FEEDS, import_runbooks, write_components
from tests.support.receiver import Receiver


class MarketData:
    """The running stand-in: its URL, its admin knob, and a way to take it down."""

    def __init__(self, url: str, process: subprocess.Popen[str]) -> None:
        self.url, self.process = url, process

    def stop(self) -> None:
        stop(self.process)

    def set_feed(self, feed: str, **change: object) -> None:
        httpx.post(f"{self.url}/admin/feeds/{feed}", json=change, timeout=5).raise_for_status()


@pytest.fixture
def marketdata(tmp_path: Path) -> Iterator[MarketData]:
    process, port = start(tmp_path / "marketdata.jsonl", *(f"--feed={name}:{lag}" for name, lag in FEEDS.items()))
    try:
        yield MarketData(f"http://127.0.0.1:{port}", process)
    finally:
        stop(process)


@pytest.fixture
def ops(make_platform: PlatformFactory, llm_url: str, marketdata: MarketData, tmp_path: Path) -> Products:
    """All products on a fresh database, runbooks imported, market data served by the stand-in."""
    platform = make_platform(llm_base_urls=[llm_url], components_file=write_components(tmp_path / "services.yaml", marketdata.url))
    products = build_products(platform)
    import_runbooks(products.chatops)
    return products


@pytest.fixture
def ops_api(ops: Products) -> Iterator[Api]:
    yield from api_for(ops.platform)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A Slack/Mattermost incoming webhook that records what is posted to it."""
    server = Receiver()
    try:
        yield server
    finally:
        server.close()
