"""Seconds the fact checker takes on the longest texts the API accepts (20,000 characters).

    python -m bench.factcheck_speed              # seconds per input with the sentence limits
    python -m bench.factcheck_speed --unbounded --chars 5000  # and beside them without: docs/benchmarks.md

Each figure is read against its whole sentence, so a sentence's cost grows with its length times
its figures; `guardrails.factcheck` leaves sentences past MAX_SENTENCE_CHARS characters or
MAX_SENTENCE_FIGURES figures to a reviewer. The inputs are what a fuzzer or a careless paste
sends: one endless "sentence" of digits or of prose, sentences just under the length limit (past
the figure limit, and with as many figures as it allows), and ordinary prose.
"""

from __future__ import annotations

import argparse
import time

from guardrails import factcheck
from services.reports import store
from services.reports.facts import fact_sheet
from services.platform.settings import REPO_ROOT

LIMIT = 20_000  # FactCheckRequest.text and ReviewIn.edited_text
PROSE = "The strategy compounded at 8.2% a year with a Sharpe of 0.62 and a 19.8% drawdown, ahead of SPY. "


def inputs(chars: int) -> dict[str, str]:
    under = factcheck.MAX_SENTENCE_CHARS - 2
    digits = ("1 " * (under // 2)).strip() + ". "
    most = "The book returned " + ", ".join(["8.2% a year"] * factcheck.MAX_SENTENCE_FIGURES)  # as many figures as a sentence may hold
    most = (most + " and more" * ((under - len(most)) // 9) + ". ")[:under] + ". "
    return {
        "zeros (one sentence)": "0" * chars,
        "'1 1 1 ...' (one sentence)": ("1 " * (chars // 2)).strip(),
        "prose without full stops (one sentence)": (PROSE.replace(". ", ", ") * (chars // len(PROSE) + 1))[:chars],
        f"'1 1 1 ...' in {under}-character sentences (past the figure limit)": (digits * (chars // len(digits) + 1))[:chars],
        f"{factcheck.MAX_SENTENCE_FIGURES} figures in each {under}-character sentence (the worst read)": (most * (chars // len(most) + 1))[:chars],
        "prose, 100-character sentences": (PROSE * (chars // len(PROSE) + 1))[:chars],
    }


def timed(text: str, facts: factcheck.FactSheet, *, bounded: bool) -> tuple[float, factcheck.FactCheckResult]:
    """Seconds and result of one check, with the module's sentence limits or with them lifted."""
    limits = (factcheck.MAX_SENTENCE_CHARS, factcheck.MAX_SENTENCE_FIGURES)
    if not bounded:
        factcheck.MAX_SENTENCE_CHARS = factcheck.MAX_SENTENCE_FIGURES = 10**9
    try:
        started = time.perf_counter()
        result = factcheck.check(text, facts)
        return time.perf_counter() - started, result
    finally:
        factcheck.MAX_SENTENCE_CHARS, factcheck.MAX_SENTENCE_FIGURES = limits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unbounded", action="store_true", help="Also time each input with the limits lifted (minutes at 20,000 characters).")
    parser.add_argument("--chars", type=int, default=LIMIT, help="Length of each input (default: the most the API accepts).")
    args = parser.parse_args()
    facts = fact_sheet(store.load_file(sorted((REPO_ROOT / "data" / "backtests").glob("*.json"))[0]))
    print(f"limits: {factcheck.MAX_SENTENCE_CHARS} characters, {factcheck.MAX_SENTENCE_FIGURES} figures per sentence\n")
    print(f"| input ({args.chars:,} characters) | seconds | verdict | findings |" + (" seconds without the limits | ratio |" if args.unbounded else ""))
    print("|---|---|---|---|" + ("---|---|" if args.unbounded else ""))
    for name, text in inputs(args.chars).items():
        seconds, result = timed(text, facts, bounded=True)
        row = f"| {name} | {seconds:.2f} | {result.verdict} | {len(result.findings)} |"
        if args.unbounded:
            unbounded, _ = timed(text, facts, bounded=False)
            row += f" {unbounded:.2f} | {unbounded / max(seconds, 0.01):.0f}x |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
