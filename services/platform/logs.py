"""Structured logging: one JSON object per line, with the request id bound for the whole request."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import structlog

from guardrails.redaction import redact_text


def redact_event(_: object, __: str, event: dict[str, object]) -> dict[str, object]:
    """Secrets never reach a log line: every string value is redacted (keys, tokens, passwords, ...)."""
    return {key: redact_text(value) if isinstance(value, str) else value for key, value in event.items()}


def configure_logging(level: str = "INFO", json_lines: bool = True, file: Path | None = None) -> None:
    """Route structlog and the standard library through one renderer (JSON in production), to
    stderr (servers: the journal or the container runtime collects it) or to ``file`` (CLI
    commands, whose terminal shows their own output, not log lines)."""
    stamped: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    # Redaction comes last, after `extra=` fields and tracebacks have become strings: a key in an
    # exception message or a URL passed as `extra` is redacted like any other value.
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json_lines else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[*stamped, structlog.processors.format_exc_info, redact_event, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.StreamHandler(sys.stderr) if file is None else logging.FileHandler(file, encoding="utf-8")
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*stamped, structlog.stdlib.ExtraAdder(), structlog.processors.format_exc_info, redact_event],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "openai"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
