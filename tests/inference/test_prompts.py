"""The prompt catalogue: load, render with provenance, and the lock that makes versions immutable."""

import shutil
from pathlib import Path

import pytest
import yaml

from inference.errors import PromptError
from inference.prompts import LOCK_FILE, PromptCatalogue

REPO = Path(__file__).resolve().parents[2]
PROMPT = {
    "id": "team.summary",
    "version": "1.0.0",
    "owner": "quant-research",
    "purpose": "test",
    "output_type": "pkg.mod:Type",
    "input_variables": ["name"],
    "system": "You are terse.",
    "template": "Summarise {{ name }}.",
}


def write(root: Path, **changes: object) -> Path:
    spec = {**PROMPT, **changes}
    path = root / spec["id"] / f"{spec['version']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec))
    return path


def test_shipped_catalogue_is_locked_and_verified() -> None:
    catalogue = PromptCatalogue(REPO / "services" / "prompts")
    assert catalogue.ids()
    assert catalogue.verify() == []


def test_render_carries_id_version_and_hash(tmp_path: Path) -> None:
    write(tmp_path)
    write(tmp_path, version="1.1.0", template="Summarise {{ name }} briefly.")
    catalogue = PromptCatalogue(tmp_path)
    rendered = catalogue.render("team.summary", {"name": "Q3"})
    assert (rendered.prompt_id, rendered.version) == ("team.summary", "1.1.0")
    assert rendered.messages[1]["content"] == "Summarise Q3 briefly."
    older = catalogue.render("team.summary", {"name": "Q3"}, version="1.0.0")
    assert older.hash != rendered.hash and len(older.hash) == 64
    with pytest.raises(PromptError, match=r"missing variables \['name'\], unexpected \['nme'\]"):
        catalogue.render("team.summary", {"nme": "Q3"})
    with pytest.raises(PromptError, match="no version '9.9.9'"):
        catalogue.get("team.summary", "9.9.9")


def test_invalid_prompt_files_are_refused(tmp_path: Path) -> None:
    write(tmp_path, input_variables=["other"])
    with pytest.raises(PromptError, match="do not match the variables"):
        PromptCatalogue(tmp_path)
    shutil.rmtree(tmp_path / "team.summary")
    path = write(tmp_path)
    path.rename(path.with_name("2.0.0.yaml"))
    with pytest.raises(PromptError, match="must be at team.summary/1.0.0.yaml"):
        PromptCatalogue(tmp_path)


def test_verify_catches_edits_without_a_version_bump(tmp_path: Path) -> None:
    write(tmp_path)
    assert "not in prompts.lock" in PromptCatalogue(tmp_path).verify()[0]
    assert PromptCatalogue(tmp_path).lock() == ["team.summary@1.0.0"]
    assert PromptCatalogue(tmp_path).verify() == []

    write(tmp_path, template="Summarise {{ name }} and add a joke.")
    edited = PromptCatalogue(tmp_path)
    assert "text changed without a version bump" in edited.verify()[0]
    with pytest.raises(PromptError, match="cannot lock"):
        edited.lock()

    write(tmp_path, template=PROMPT["template"], owner="someone-else")  # metadata is not content
    assert PromptCatalogue(tmp_path).verify() == []

    (tmp_path / "team.summary" / "1.0.0.yaml").unlink()
    write(tmp_path, version="1.0.1")
    problems = PromptCatalogue(tmp_path).verify()
    assert any("locked but its file is gone" in p for p in problems)
    assert (tmp_path / LOCK_FILE).exists()
