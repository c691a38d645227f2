"""Runbooks: Markdown files with front matter, chunked by section and embedded into Qdrant.

The database keeps each runbook's text and content hash, so a re-import re-embeds only the
files that changed, and the Qdrant collection can be rebuilt from the database alone (after an
invalidation, or on a fresh vector store) without the source directory.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import structlog
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, select

from retrieval.index import Document, Progress, SemanticIndex
from services.chatops.models import Runbook
from services.platform import audit
from services.platform.audit import Caller
from services.platform.caches import CacheRegistry, IndexCache
from services.platform.db import Database
from services.platform.errors import Unprocessable
from services.platform.models import utcnow

log = structlog.get_logger(__name__)
COLLECTION = "runbooks"
MAX_CHUNK_CHARS = 1200
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,63}$")
    title: str = Field(min_length=3, max_length=200)
    services: list[str] = Field(default_factory=list, max_length=20)
    tags: list[str] = Field(default_factory=list, max_length=30)
    tools: list[str] = Field(default_factory=list, max_length=10, description="Diagnostic tools the runbook says to run first.")


@dataclass(frozen=True)
class RunbookFile:
    meta: FrontMatter
    body: str
    path: str
    content_hash: str


@dataclass(frozen=True)
class RunbookHit:
    id: str
    title: str
    score: float
    section: str
    text: str
    tools: list[str]
    services: list[str]


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


class RunbookError(Unprocessable):
    """A runbook file that cannot be imported; the message names the file and the problem."""


def parse(path: Path, known_tools: set[str] | None = None) -> RunbookFile:
    try:
        raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise RunbookError(f"{path}: not readable UTF-8 text ({exc})") from None
    match = FRONT_MATTER.match(raw)
    if not match:
        raise RunbookError(f"{path}: no front matter (a '---' block with id and title at the top)")
    try:
        meta = FrontMatter.model_validate(yaml.safe_load(match.group(1)))
    except (yaml.YAMLError, ValidationError) as exc:
        raise RunbookError(f"{path}: invalid front matter: {exc}") from None
    if known_tools is not None and (unknown := sorted(set(meta.tools) - known_tools)):
        raise RunbookError(f"{path}: unknown tool(s) {unknown}; tools: {', '.join(sorted(known_tools))}")
    if not match.group(2).strip():
        raise RunbookError(f"{path}: empty body")
    return RunbookFile(meta=meta, body=match.group(2).strip(), path=str(path), content_hash=hashlib.sha256(raw.encode()).hexdigest())


def chunks(body: str) -> list[tuple[str, str]]:
    """(section heading, text) pieces: one per `## ` section, long sections split by paragraph."""
    pieces: list[tuple[str, str]] = []
    for section in re.split(r"(?m)^(?=## )", body):
        if not section.strip():
            continue
        heading = section.splitlines()[0].lstrip("# ").strip() if section.startswith("## ") else "Overview"
        current = ""
        for paragraph in section.split("\n\n"):
            if current and len(current) + len(paragraph) > MAX_CHUNK_CHARS:
                pieces.append((heading, current.strip()))
                current = ""
            current += paragraph + "\n\n"
        if current.strip():
            pieces.append((heading, current.strip()))
    return pieces


def documents(row: Runbook) -> list[Document]:
    return [
        Document(
            id=f"{row.id}#{n}", text=f"{row.title}. {heading}. {text}", keywords=(*row.tags, row.id),
            payload={"runbook_id": row.id, "title": row.title, "section": heading, "text": text, "tools": row.tools, "services": row.services},
        )
        for n, (heading, text) in enumerate(chunks(row.body))
    ]


class RunbookLibrary:
    """Import, index and search runbooks (rows in the database, sections in the vector index)."""

    def __init__(self, db: Database, caches: CacheRegistry, index: Callable[[], SemanticIndex]) -> None:
        """``index`` is called on first use: opening the vector store takes its folder's lock."""
        self.db, self._index = db, index
        self._synced: str | None = None  # digest of the runbooks table the collection was last synced with
        self._lock = threading.Lock()
        caches.register(IndexCache(
            "runbook-index", "Embedded runbook sections (rebuilt from the runbooks table on next use).",
            index, (COLLECTION,), self._forget,
        ))

    def import_dir(
        self, directory: Path, caller: Caller, known_tools: set[str], *, prune: bool = False, progress: Progress | None = None
    ) -> ImportResult:
        """Import every ``*.md`` file; only new or changed files are re-embedded. A bad file is
        reported and skipped whole; the others still import."""
        if not directory.is_dir():
            raise RunbookError(f"{directory}: not a directory")
        result, parsed = ImportResult(), []
        for path in sorted(directory.glob("*.md")):
            try:
                parsed.append(parse(path, known_tools))
            except RunbookError as exc:
                result.failed[str(path)] = exc.message
        if len({f.meta.id for f in parsed}) != len(parsed):
            raise RunbookError(f"{directory}: two files declare the same runbook id")
        self.ensure_index()
        for done, file in enumerate(parsed, 1):
            self._import_one(file, caller, result)
            if progress:
                progress(done, len(parsed))
        if prune:
            self._prune({f.meta.id for f in parsed}, caller, result)
        with self._lock:
            self._synced = self._digest()  # this process's collection already holds what it imported
        log.info("runbooks.imported", added=len(result.added), updated=len(result.updated), unchanged=len(result.unchanged), failed=len(result.failed))
        return result

    def _import_one(self, file: RunbookFile, caller: Caller, result: ImportResult) -> None:
        with self.db.session() as session:
            row = session.get(Runbook, file.meta.id)
            if row is not None and row.content_hash == file.content_hash:
                result.unchanged.append(file.meta.id)
                return
            old_chunks = row.chunks if row else 0
            (result.updated if row else result.added).append(file.meta.id)
            row = row or Runbook(id=file.meta.id)
            row.title, row.services, row.tags, row.tools = file.meta.title, file.meta.services, file.meta.tags, file.meta.tools
            row.path, row.body, row.content_hash, row.imported_by, row.updated_at = file.path, file.body, file.content_hash, caller.name, utcnow()
            docs = documents(row)
            row.chunks = len(docs)
            session.add(row)
            # Vectors first: if embedding fails the transaction rolls back and the next import retries the file.
            self._index().delete(COLLECTION, [f"{row.id}#{n}" for n in range(len(docs), old_chunks)])
            self._index().upsert(COLLECTION, docs, version="incremental")
            audit.record(session, caller, "runbooks.import", row.id, {"content_hash": row.content_hash, "chunks": row.chunks, "path": row.path})

    def _prune(self, keep: set[str], caller: Caller, result: ImportResult) -> None:
        with self.db.session() as session:
            for row in session.scalars(select(Runbook).where(Runbook.id.not_in(keep))):
                self._index().delete(COLLECTION, [f"{row.id}#{n}" for n in range(row.chunks)])
                session.delete(row)
                audit.record(session, caller, "runbooks.remove", row.id)
                result.removed.append(row.id)

    def ensure_index(self) -> None:
        """Rebuild the collection from the database when the runbooks table changed behind this
        process's back (a CLI import while API workers each keep an in-memory copy), or, on first
        use, when the collection does not hold every stored section."""
        digest = self._digest()
        with self._lock:
            if digest == self._synced:
                return
            with self.db.session() as session:
                rows = list(session.scalars(select(Runbook)))
            expected = sum(row.chunks for row in rows)
            index = self._index()
            info = index.info(COLLECTION)
            first_look_complete = self._synced is None and info is not None and info.points == expected and index.current(info)
            if rows and not first_look_complete:
                log.info("runbooks.reindex", runbooks=len(rows), sections=expected)
                index.rebuild(COLLECTION, [doc for row in rows for doc in documents(row)], version="incremental")
            self._synced = digest

    def _digest(self) -> str:
        """What the runbooks table holds, in one short string (ids and content hashes)."""
        with self.db.session() as session:
            stored = session.execute(select(Runbook.id, Runbook.content_hash).order_by(Runbook.id)).all()
        return hashlib.sha256(repr([tuple(row) for row in stored]).encode()).hexdigest()

    def _forget(self) -> None:
        with self._lock:
            self._synced = None

    def search(self, query: str, limit: int = 3) -> list[RunbookHit]:
        """The best section of each of the top ``limit`` runbooks."""
        self.ensure_index()
        if self._index().info(COLLECTION) is None:
            return []
        best: dict[str, RunbookHit] = {}
        for hit in self._index().search(COLLECTION, query, limit=limit * 4):
            p = hit.payload
            if p["runbook_id"] not in best:
                best[p["runbook_id"]] = RunbookHit(
                    id=p["runbook_id"], title=p["title"], score=round(hit.score, 4), section=p["section"], text=p["text"], tools=p["tools"], services=p["services"]
                )
        return list(best.values())[:limit]

    def body(self, runbook_id: str) -> str:
        """The runbook's whole text (empty if it is not imported): the agent quotes its best lines."""
        with self.db.session() as session:
            row = session.get(Runbook, runbook_id)
            return row.body if row is not None else ""

    def count(self) -> int:
        with self.db.session() as session:
            return session.scalar(select(func.count()).select_from(Runbook)) or 0
