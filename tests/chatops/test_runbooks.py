"""Runbook import through real embeddings and embedded Qdrant: changed files only, bad files
reported whole, removal with --prune, and the index rebuilt from the database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from services.chatops.runbooks import COLLECTION, RunbookError, chunks, parse
from services.platform import audit
from services.app.products import Products
from tests.support.ops_world import ADMIN, RUNBOOKS
from tests.cli.test_cli import run as cli


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "runbooks"
    shutil.copytree(RUNBOOKS, target)
    return target


def test_reimport_embeds_only_changed_files(ops: Products, folder: Path) -> None:
    library, tools = ops.chatops.library, set(ops.chatops.executor.tools)
    first = library.import_dir(folder, ADMIN, tools)
    assert first.added == [] and len(first.unchanged) == 9  # the fixture imported the same content
    path = folder / "rb-report-cache.md"
    path.write_text(path.read_text() + "\n## Appendix\n\nRegenerate quarterly decks after a cache purge.\n")
    (folder / "rb-new.md").write_text("---\nid: rb-new\ntitle: Disk almost full on the API host\nservices: [api]\ntools: [service_health]\n---\n\n## Fix\n\nRotate logs in var/logs.\n")
    second = library.import_dir(folder, ADMIN, tools)
    assert (second.added, second.updated, len(second.unchanged)) == (["rb-new"], ["rb-report-cache"], 8)
    assert library.search("disk almost full on the api host")[0].id == "rb-new"
    assert library.search("regenerate quarterly decks after a cache purge")[0].id == "rb-report-cache"
    with ops.platform.db.session() as session:
        imports = [e.target for e in audit.entries(session, action_prefix="runbooks.import")]
    assert imports.count("rb-report-cache") == 2 and imports.count("rb-new") == 1


def test_bad_files_fail_whole_with_reasons_and_the_rest_imports(ops: Products, folder: Path) -> None:
    (folder / "no-front.md").write_text("# just text\n")
    (folder / "bad-tool.md").write_text("---\nid: rb-bad\ntitle: Bad tool\ntools: [rm_rf]\n---\n\nbody\n")
    result = ops.chatops.library.import_dir(folder, ADMIN, set(ops.chatops.executor.tools))
    assert set(result.failed) == {str(folder / "no-front.md"), str(folder / "bad-tool.md")}
    assert "no front matter" in result.failed[str(folder / "no-front.md")] and "rm_rf" in result.failed[str(folder / "bad-tool.md")]
    assert len(result.unchanged) == 9


def test_prune_removes_runbooks_whose_file_is_gone(ops: Products, folder: Path) -> None:
    (folder / "rb-vector-index.md").unlink()
    result = ops.chatops.library.import_dir(folder, ADMIN, set(ops.chatops.executor.tools), prune=True)
    assert result.removed == ["rb-vector-index"] and ops.chatops.library.count() == 8
    assert all(hit.id != "rb-vector-index" for hit in ops.chatops.library.search("qdrant storage folder already accessed lock", limit=5))


def test_index_is_rebuilt_from_the_database_when_the_collection_is_lost(ops: Products) -> None:
    platform = ops.platform
    platform.index.drop(COLLECTION)
    ops.chatops.library._forget()  # as a fresh process would start
    assert ops.chatops.library.search("the llm server is down")[0].id == "rb-llm-server-down"
    info = platform.index.info(COLLECTION)
    assert info is not None and info.points > 9


def test_parse_and_chunk(tmp_path: Path) -> None:
    runbook = parse(RUNBOOKS / "rb-pipeline-failure.md")
    assert runbook.meta.tools == ["pipeline_status", "database_health"] and len(runbook.content_hash) == 64
    sections = [heading for heading, _ in chunks(runbook.body)]
    assert sections[0] == "Symptoms" and {"Diagnose", "Fix", "Escalate"} <= set(sections)
    long = "## Long\n\n" + "\n\n".join("paragraph " * 40 for _ in range(10))
    assert all(len(text) <= 1300 for _, text in chunks(long)) and len(chunks(long)) > 1
    (tmp_path / "x.md").write_text("---\nid: X bad\ntitle: t\n---\nbody\n")
    with pytest.raises(RunbookError, match="invalid front matter"):
        parse(tmp_path / "x.md")


@pytest.mark.slow  # runs the CLI as processes
def test_cli_import_reports_counts_and_fails_on_a_bad_file(tmp_path: Path, folder: Path) -> None:
    first = cli(tmp_path, "runbooks", "import", str(folder))
    assert first.returncode == 0 and "added 9" in first.stdout, first.stdout + first.stderr
    again = cli(tmp_path, "runbooks", "import", str(folder))
    assert "unchanged 9" in again.stdout
    (folder / "broken.md").write_text("no front matter")
    broken = cli(tmp_path, "runbooks", "import", str(folder))
    assert broken.returncode == 1 and "broken.md" in broken.stdout
