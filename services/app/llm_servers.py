"""Starting the profile's vLLM server(s) from a command (`serve --with-llm`, `llm serve`, `demo`)."""

from __future__ import annotations

from rich.console import Console

from inference.launcher import Supervisor
from inference.prepared import prepare_weights
from services.platform.runtime import Platform

console = Console()


def start_llm(platform: Platform, model: str | None = None, replicas: int | None = None, port: int | None = None) -> Supervisor:
    entry = platform.registry.get(model) if model else platform.chat_model
    prepare_weights(platform.registry, entry)
    supervisor = Supervisor.for_model(platform.registry, entry, platform.settings.log_dir, replicas, first_port=port)
    console.print(f"starting vLLM for {entry.name} on {', '.join(supervisor.urls)} ...")
    supervisor.start()
    return supervisor
