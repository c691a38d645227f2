"""Runbook retrieval on question sets, with and without the Korean-English text view, side by side.

    python -m bench.runbook_retrieval [SET.yaml ...]

Each set is a YAML file with `questions: [{q, runbook}]`. The shipped runbooks are embedded
into an in-memory Qdrant twice (the landed index, and the index that reads Korean through the
glossary); each question's runbooks are ranked by their best section, as the ChatOps agent
searches them. Prints, per set and index: the right runbook first, in the top 3, and the
questions it missed (counts only for a held-out set, whose misses nobody tuning reads); then
what the Korean view costs: its load (once per process) and memory, and its time per question.
Defaults: the Korean development set, the Korean and English held-out sets and the
top 10 English questions.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

import yaml

from retrieval.index import SemanticIndex
from retrieval.korean import korean_view
from retrieval.store import IN_MEMORY, open_store
from services.chatops.runbooks import COLLECTION, Runbook, documents, parse
from services.chatops.top_questions import top_questions
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT, Settings

SETS = [REPO_ROOT / "tests" / "data" / name for name in ("runbooks_ko_dev.yaml", "runbooks_ko_heldout.yaml", "runbooks_en_heldout.yaml")]
ENGLISH = "top 10 English questions (data/chatops/top_questions.yaml)"


def questions(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    return [(item["q"], (item["runbook"],)) for item in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]


def ranked(index: SemanticIndex, question: str) -> list[str]:
    """Runbook ids by their best section's score (RunbookLibrary.search without the database)."""
    return list(dict.fromkeys(hit.payload["runbook_id"] for hit in index.search(COLLECTION, question, limit=12)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=SETS)
    args = parser.parse_args()
    platform = Platform(Settings())
    cost(platform, [question for path in args.sets for question, _ in questions(path)])  # first: nothing has loaded the analyser yet
    rows = []
    for path in sorted((REPO_ROOT / "data" / "runbooks").glob("*.md")):
        file = parse(path)
        rows.append(Runbook(id=file.meta.id, title=file.meta.title, tags=file.meta.tags, tools=file.meta.tools, services=file.meta.services, body=file.body))
    docs = [doc for row in rows for doc in documents(row)]
    store = open_store(None, Path(IN_MEMORY))
    indexes = {
        "landed (no text view)": SemanticIndex(store, platform.embedder),
        "Korean read through the glossary": SemanticIndex(store, platform.embedder, korean_view(platform.settings.glossary_file)),
    }
    named_sets = [(str(p.resolve().relative_to(REPO_ROOT)), questions(p)) for p in args.sets]
    named_sets.append((ENGLISH, [(q.question, q.runbooks) for q in top_questions()]))
    print("| set | index | first | top 3 |\n|---|---|---|---|")
    misses: list[str] = []
    for label, index in indexes.items():
        index.rebuild(COLLECTION, docs, version=label)
        for name, asked in named_sets:
            first = top3 = 0
            for question, expected in asked:
                order = ranked(index, question)
                first += order[0] in expected
                top3 += bool(set(order[:3]) & set(expected))
                if order[0] not in expected and "heldout" not in name:
                    misses.append(f"{label} | {name} | {question} | expected {expected[0]}, got {order[:3]}")
            print(f"| {name} | {label} | {first}/{len(asked)} | {top3}/{len(asked)} |")
    print("\nMissed first:")
    print("\n".join(misses))


def cost(platform: Platform, texts: list[str], rounds: int = 20) -> None:
    """Load time and resident memory of the analyser, and ms per text."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    view = korean_view(platform.settings.glossary_file)
    view("준비")
    load_s = time.perf_counter() - started
    times = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            view(text)
            times.append((time.perf_counter() - started) * 1000)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    print(f"Korean view: load {load_s:.1f} s once per process, peak memory +{grown:.0f} MB, "
          f"{statistics.median(times):.2f} ms p50 / {sorted(times)[int(len(times) * 0.95)]:.2f} ms p95 per text\n")


if __name__ == "__main__":
    main()
