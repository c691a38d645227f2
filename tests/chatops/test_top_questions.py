"""docs/chatops-questions.md shows the top questions as data/chatops/top_questions.yaml has them."""

from __future__ import annotations

from services.chatops.top_questions import TopQuestion, top_questions
from services.platform.settings import REPO_ROOT


def table(questions: list[TopQuestion]) -> str:
    rows = [
        f"| {n} | {top.question} | {' or '.join(top.runbooks)} | `{top.tool}` | {top.fact} |"
        for n, top in enumerate(questions, start=1)
    ]
    return "\n".join(["| # | question | runbook cited first | tool that answers it | fact checked |", "|---|---|---|---|---|", *rows])


def test_the_doc_shows_the_list_the_tests_and_the_demo_ask() -> None:
    questions = top_questions()
    assert len(questions) == 10 and len({top.id for top in questions}) == 10
    assert table(questions) in (REPO_ROOT / "docs" / "chatops-questions.md").read_text()


def test_every_cited_runbook_is_shipped() -> None:
    shipped = {path.read_text().split("id:", 1)[1].split()[0] for path in (REPO_ROOT / "data" / "runbooks").glob("*.md")}
    assert {runbook for top in top_questions() for runbook in top.runbooks} <= shipped
