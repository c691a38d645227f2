"""Process-wide settings, read once from the environment (prefix ``INSIGHTSTACK_``).

Everything that differs between a laptop, CI and an air-gapped production host is here and
nowhere else, so a deployment is described by its environment file alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from services.platform.languages import Lang

REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Typed view of the ``INSIGHTSTACK_*`` environment."""

    model_config = SettingsConfigDict(env_prefix="INSIGHTSTACK_", extra="ignore")

    env: Literal["dev", "staging", "production"] = "dev"
    data_dir: Path = Path("var")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default is a SQLite file in the data dir."
    )
    models_file: Path = REPO_ROOT / "models.yaml"
    profile: str | None = Field(default=None, description="models.yaml profile; default: its default_profile.")
    llm_base_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated OpenAI-compatible base URLs of an already running vLLM; "
        "overrides the endpoints in models.yaml.",
    )
    llm_timeout_s: float = 120.0
    generation_lease_s: float = Field(
        default=600.0, gt=0, description="How long one worker may hold a report generation before others take it over; also how long they wait."
    )
    qdrant_url: str | None = None
    qdrant_path: Path | None = None
    prompts_dir: Path = REPO_ROOT / "services" / "prompts"
    catalogue_dir: Path = Field(default=REPO_ROOT / "data" / "catalogue", description="The strategy builder's indicator/template/instrument catalogue.")
    glossary_file: Path = Field(default=REPO_ROOT / "data" / "glossary" / "ko-en.yaml", description="Versioned Korean-English domain glossary: Korean text is retrieved through it.")
    components_file: Path = Field(default=REPO_ROOT / "data" / "services.yaml", description="Components ChatOps probes and escalates to.")
    toolsets_dir: Path = Field(default=REPO_ROOT / "data" / "toolsets", description="ChatOps toolsets declared as data (*.yaml): Prometheus, Alertmanager, SQL, HTTP and the built-ins.")
    toolset_environ: dict[str, str] = Field(
        default_factory=dict, description="Values toolset files read before the process environment (the eval harness runs platforms with their own Prometheus in one process).",
    )
    toolsets_recheck_s: float = Field(default=60.0, gt=0, description="How often the toolsets' prerequisites are checked again (a system that came back is offered again).")
    alerts_channel_url: str | None = Field(default=None, description="Slack or Mattermost incoming-webhook URL where alert investigations are posted; unset: not posted.")
    alerts_lang: Lang = Field(default="en", description="Language of alert investigations (an alert has none): the question written from the alert, the answer and the post.")
    slack_signing_secret: str | None = Field(default=None, description="Slack app signing secret; unset: /slack routes answer 503.")
    chat_reply_url: str | None = Field(default=None, description="Incoming-webhook URL for answers to Slack/Mattermost events (mentions).")
    mattermost_token: str | None = Field(default=None, description="Token of Mattermost slash commands/outgoing webhooks (Slack-compatible).")
    guardrails_policy_file: Path = Field(default=REPO_ROOT / "data" / "guardrails" / "policy.yaml", description="Versioned guardrail policy.")
    gateway_rpm: int = Field(default=120, ge=1, description="Gateway requests per minute per user, unless the user has its own limit.")
    gateway_daily_tokens: int = Field(default=2_000_000, ge=1, description="Gateway tokens (in + out) per UTC day per user, unless set per user.")
    git_commit: str | None = Field(default=None, description="Commit deployed (set at image build); default: the checkout's HEAD.")
    session_secret: str | None = Field(default=None, description="Signs browser session cookies; default: a secret generated once in the data dir.")
    audit_checkpoint_key: str | None = Field(default=None, description="Signs audit checkpoints; keep it away from the database (default: a key generated once in the data dir).")
    audit_checkpoint_file: Path | None = Field(default=None, description="Where `audit checkpoint` appends (default: <data dir>/audit-checkpoints.jsonl; put it on another volume).")
    max_request_bytes: int = Field(
        default=2 * 1024 * 1024, ge=1024,
        description="Largest request body read (413 beyond), before any key check. The largest valid one, a backtest with a full "
        "20,000-point equity curve and 200 anomalies, is about 1 MB; the samples are under 50 kB.",
    )
    trusted_user_header: str | None = Field(
        default=None, description="Header a single-sign-on reverse proxy sets to the signed-in user's name (off by default; the proxy must strip it from clients)."
    )
    eval_promotion_floor: float = Field(
        default=0.5, ge=0.0, le=1.0,
        description="Pass rate every eval suite of a prompt's product must reach in a recorded eval run before that prompt version may be promoted to production.",
    )
    log_level: str = "INFO"
    log_json: bool = True
    log_to_stderr: bool = Field(default=False, description="CLI commands log to <data dir>/logs/cli.log unless set; `serve` always logs to stderr.")

    @field_validator("llm_base_urls", mode="before")
    @classmethod
    def _split_urls(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip().rstrip("/") for part in value.split(",") if part.strip()]
        return value

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'insightstack.db').resolve()}"

    @property
    def resolved_qdrant_path(self) -> Path:
        return self.qdrant_path or self.data_dir / "qdrant"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


@lru_cache
def get_settings() -> Settings:
    """The settings of this process (cached; tests clear the cache after changing the env)."""
    return Settings()
