"""`cache_status` and the state-changing `invalidate_cache`, over the platform's cache registry."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, create_model

from services.chatops.toolkit import ToolFailure, ToolOutput
from services.chatops.tools.args import Args, one_of
from services.platform.caches import CacheRegistry


def status_args(names: list[str]) -> type[BaseModel]:
    return create_model("CacheStatusArgs", __base__=Args, cache=(one_of(names) | None, Field(default=None, description="One cache; default: all.")))


def invalidate_args(names: list[str]) -> type[BaseModel]:
    return create_model(
        "InvalidateCacheArgs", __base__=Args, cache=(one_of(names), ...),
        key=(str | None, Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9._-]+$", description="For reports: one backtest id; default: everything.")),
    )


def cache_status(caches: CacheRegistry, args: Any) -> ToolOutput:
    stats = caches.stats(args.cache)
    summary = "; ".join(
        f"{s.name}: {s.entries} entries, hit ratio {'n/a' if s.hit_ratio is None else f'{s.hit_ratio:.0%}'} ({s.hits} hits, {s.misses} misses), "
        f"{s.evictions} evictions, oldest {s.oldest_entry_at.isoformat(timespec='seconds') if s.oldest_entry_at else 'none'}"
        for s in stats
    )
    return ToolOutput(summary=summary, data=[s.model_dump(mode="json") for s in stats])


def invalidate_cache(caches: CacheRegistry, args: Any) -> ToolOutput:
    try:
        dropped = caches.invalidate(args.cache, args.key)
    except ValueError as exc:
        raise ToolFailure(str(exc)) from exc
    scope = f"entries of {args.key}" if args.key else "entries"
    return ToolOutput(summary=f"invalidated {dropped} {scope} in cache {args.cache}", data={"cache": args.cache, "key": args.key, "invalidated": dropped})
