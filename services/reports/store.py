"""The backtest store: validated ingest with revisions, and lookups.

Ingest is all-or-nothing per document: a file with any problem is rejected whole, with every
problem listed by field path. Re-importing identical content is a no-op; changed content under
the same id becomes a new revision, and reports always name the revision they describe.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from services.platform import audit, strict_json
from services.platform.errors import NotFound, Unprocessable, clipped
from services.reports.models import BacktestRevision
from services.reports.schemas import BacktestIn, BacktestOut, BacktestSummary, IngestResult


PARSED_CACHE_SIZE = 256


class IngestError(Unprocessable):
    """A backtest document that cannot be accepted; ``problems`` lists each field path and reason."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s): " + "; ".join(problems))
        self.problems = problems


def parse_document(data: object, source: str) -> BacktestIn:
    try:
        return BacktestIn.model_validate(data)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc']) or '<document>'}: {e['msg']}" for e in exc.errors()]
        raise IngestError(source, problems) from None


def load_file(path: Path) -> BacktestIn:
    try:
        data = strict_json.loads(path.read_bytes())  # the API's rule: no NaN or Infinity, nesting bounded
    except (OSError, ValueError) as exc:
        raise IngestError(str(path), [f"<document>: not readable JSON ({exc})"]) from None
    return parse_document(data, str(path))


def content_hash(backtest: BacktestIn) -> str:
    canonical = json.dumps(backtest.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def ingest(session: Session, backtest: BacktestIn, *, actor: str, role: str) -> IngestResult:
    """Store a backtest; a new revision only when its content changed."""
    digest = content_hash(backtest)
    latest = _latest(session, backtest.id)
    if latest is not None and latest.content_hash == digest:
        return IngestResult(id=backtest.id, revision=latest.revision, created=False)
    revision = 1 if latest is None else latest.revision + 1
    session.add(
        BacktestRevision(
            backtest_id=backtest.id, revision=revision, content=backtest.model_dump(mode="json"), content_hash=digest, imported_by=actor
        )
    )
    audit.append(session, actor=actor, role=role, action="backtests.import", target=backtest.id, decision="allowed", details={"revision": revision, "content_hash": digest})
    return IngestResult(id=backtest.id, revision=revision, created=True)


def latest(session: Session, backtest_id: str) -> BacktestRevision:
    """The newest revision, or `NotFound` naming the id."""
    found = _latest(session, backtest_id)
    if found is None:
        raise NotFound(f"no backtest with id {clipped(backtest_id)!r}")
    return found


def backtest_at(session: Session, backtest_id: str, revision: int) -> BacktestIn:
    query = select(BacktestRevision).where(BacktestRevision.backtest_id == backtest_id, BacktestRevision.revision == revision)
    row = session.scalar(query.options(defer(BacktestRevision.content)))
    if row is None:
        raise NotFound(f"no revision {revision} of backtest {clipped(backtest_id)!r}")
    return backtest_of(row)


class _ParsedBacktests:
    """Validated content by content hash, least recently used out first.

    A revision never changes, so each is decoded and validated once per process: on a cached
    report read that work (JSON of the equity curve, the equity check) was most of the CPU. The
    lookups defer the content column, which is loaded only on a miss. The models are frozen:
    callers share them."""

    def __init__(self, size: int) -> None:
        self._size, self._items, self._lock = size, OrderedDict[str, BacktestIn](), threading.Lock()

    def get(self, row: BacktestRevision) -> BacktestIn:
        with self._lock:
            found = self._items.get(row.content_hash)
            if found is not None:
                self._items.move_to_end(row.content_hash)
                return found
        backtest = BacktestIn.model_validate(row.content)
        with self._lock:
            self._items[row.content_hash] = backtest
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        return backtest


backtest_of = _ParsedBacktests(PARSED_CACHE_SIZE).get


def as_out(row: BacktestRevision) -> BacktestOut:
    return BacktestOut(id=row.backtest_id, revision=row.revision, content_hash=row.content_hash, imported_at=row.imported_at, backtest=backtest_of(row))


def summaries(session: Session) -> list[BacktestSummary]:
    """The newest revision of every backtest."""
    newest = select(BacktestRevision.backtest_id, func.max(BacktestRevision.revision).label("revision")).group_by(BacktestRevision.backtest_id).subquery()
    rows = session.scalars(
        select(BacktestRevision)
        .options(defer(BacktestRevision.content))
        .join(newest, (BacktestRevision.backtest_id == newest.c.backtest_id) & (BacktestRevision.revision == newest.c.revision))
        .order_by(BacktestRevision.backtest_id)
    )
    return [_summary(row) for row in rows]


def _summary(row: BacktestRevision) -> BacktestSummary:
    backtest = backtest_of(row)
    return BacktestSummary(
        id=backtest.id,
        revision=row.revision,
        strategy=backtest.strategy.name,
        template=backtest.strategy.template,
        timeframe=backtest.timeframe,
        start=backtest.period.start,
        end=backtest.period.end,
        cagr=backtest.kpis.cagr,
        sharpe=backtest.kpis.sharpe,
        max_drawdown=backtest.kpis.max_drawdown,
        imported_at=row.imported_at,
    )


def _latest(session: Session, backtest_id: str) -> BacktestRevision | None:
    query = select(BacktestRevision).where(BacktestRevision.backtest_id == backtest_id).order_by(BacktestRevision.revision.desc()).limit(1)
    return session.scalar(query.options(defer(BacktestRevision.content)))
