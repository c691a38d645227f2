"""The relay's reading of a replica's stream (pure async logic over a real httpx response)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx

from services.gateway.upstream import lines_or_idle


async def slow_events() -> AsyncIterator[bytes]:
    await asyncio.sleep(0.35)  # a long prefill before the first token
    yield b"data: first\n\n"
    yield b"data: [DONE]\n\n"


def test_a_quiet_replica_yields_idle_ticks_then_its_lines() -> None:
    async def read() -> list[str | None]:
        response = httpx.Response(200, content=slow_events())
        return [line async for line in lines_or_idle(response, idle_s=0.1)]

    seen = asyncio.run(read())
    ticks = seen[: seen.index("data: first")]
    assert len(ticks) >= 2 and set(ticks) == {None}  # a keep-alive comment every idle_s while nothing arrives
    assert [line for line in seen if line] == ["data: first", "data: [DONE]"]
