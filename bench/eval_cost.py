"""What an eval run costs, per suite and model, side by side: wall time, tokens, and their
ratios to the first run given (`insightstack eval run ... --json` documents).

    python -m bench.eval_cost var/eval/cpu.json var/eval/tiny.json

Wall time is the suite's own (first platform built to last case scored, vLLM start-up excluded);
tokens are every model call the cases made.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def rows(documents: list[dict[str, Any]]) -> list[str]:
    base = {suite["file"].rsplit("/", 1)[-1]: suite for suite in documents[0]["suites"]}
    out = [
        "| suite | model | cases | wall s | s per case | tokens in / out | out tokens per case | wall vs first | tokens vs first |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for document in documents:
        for suite in document["suites"]:
            name, cases = suite["file"].rsplit("/", 1)[-1], suite["cases"] or 1
            wall, tokens = suite.get("wall_s", 0.0), suite["tokens"]["in"] + suite["tokens"]["out"]
            first = base.get(name)
            first_tokens = first["tokens"]["in"] + first["tokens"]["out"] if first else 0
            wall_ratio = f"{wall / first['wall_s']:.2f}x" if first and first.get("wall_s") else "-"
            token_ratio = f"{tokens / first_tokens:.2f}x" if first_tokens else "-"
            out.append(
                f"| {name} | {document['model']} | {suite['cases']} | {wall:.0f} | {wall / cases:.1f} | "
                f"{suite['tokens']['in']} / {suite['tokens']['out']} | {suite['tokens']['out'] / cases:.0f} | {wall_ratio} | {token_ratio} |"
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="+", type=Path)
    args = parser.parse_args()
    print("\n".join(rows([json.loads(path.read_text(encoding="utf-8")) for path in args.documents])))


if __name__ == "__main__":
    main()
