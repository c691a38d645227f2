"""Wire types of pipeline run reports: what the scheduler sends and what readers get back."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.platform.timestamps import UtcDateTime

RunStatus = Literal["running", "succeeded", "failed"]
TaskStatus = Literal["queued", "running", "succeeded", "failed", "skipped", "upstream_failed"]
NAME = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"


class TaskIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=NAME)
    status: TaskStatus
    started_at: UtcDateTime | None = None
    finished_at: UtcDateTime | None = None
    error: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="after")
    def _ordered(self) -> TaskIn:
        if self.started_at and self.finished_at and self.finished_at < self.started_at:
            raise ValueError(f"task {self.name}: finished_at is before started_at")
        return self


class RunIn(BaseModel):
    """One run, reported when it starts and again (same ``run_id``) when it ends."""

    model_config = ConfigDict(extra="forbid")

    pipeline: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$", examples=["market-data-ingest"])
    run_id: str = Field(pattern=NAME)
    status: RunStatus
    started_at: UtcDateTime
    finished_at: UtcDateTime | None = None
    tasks: list[TaskIn] = Field(default_factory=list, max_length=500)

    @model_validator(mode="after")
    def _consistent(self) -> RunIn:
        if self.status != "running" and self.finished_at is None:
            raise ValueError(f"a {self.status} run needs finished_at")
        if self.finished_at and self.finished_at < self.started_at:
            raise ValueError("finished_at is before started_at")
        if len({task.name for task in self.tasks}) != len(self.tasks):
            raise ValueError("task names must be unique within a run")
        return self


class TaskOut(BaseModel):
    name: str
    status: TaskStatus
    duration_s: float | None
    error: str | None


class RunOut(BaseModel):
    pipeline: str
    run_id: str
    status: RunStatus
    started_at: datetime
    finished_at: datetime | None
    duration_s: float | None
    tasks: list[TaskOut]
    failed_tasks: list[str]
    reported_by: str
    received_at: datetime
