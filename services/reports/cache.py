"""The report cache as the platform's cache registry sees it.

Reports are cached in the database under their cache key. Invalidating marks rows instead of
deleting them, so reviews keep their report; a marked report is regenerated on next request.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from services.platform.caches import CacheSnapshot
from services.platform.db import Database
from services.platform.models import utcnow
from services.reports.models import Report

CACHE_NAME = "reports"


class ReportCache:
    name = CACHE_NAME
    description = "Generated backtest reports, keyed by backtest revision, prompt version and hash, model and schema."

    def __init__(self, db: Database) -> None:
        self.db = db

    def snapshot(self) -> CacheSnapshot:
        live = Report.invalidated_at.is_(None)
        size = func.coalesce(func.sum(func.length(Report.text)), 0)
        with self.db.session() as session:
            entries, size_bytes, oldest = session.execute(select(func.count(), size, func.min(Report.generated_at)).where(live)).one()
            evictions = session.scalar(select(func.count()).where(Report.invalidated_at.is_not(None))) or 0
        return CacheSnapshot(entries=entries, size_bytes=int(size_bytes), oldest_entry_at=oldest, evictions=evictions)

    def invalidate(self, key: str | None = None) -> int:
        """Invalidate every cached report, or those of one backtest (``key`` = backtest id)."""
        query = update(Report).where(Report.invalidated_at.is_(None)).values(invalidated_at=utcnow())
        with self.db.session() as session:
            return session.execute(query if key is None else query.where(Report.backtest_id == key)).rowcount
