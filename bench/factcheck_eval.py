"""Recall and false-alarm rate of the fact checker on the labelled sets (tests/support/factcheck_sets.py says how each is scored).

    python -m bench.factcheck_eval                  # every set: the tables docs/factcheck.md quotes
    python -m bench.factcheck_eval --tuning-only    # while tuning: leaves out the sets kept for the end
    python -m bench.factcheck_eval --misses         # also print the wrong verdicts (tuning sets only)
"""

from __future__ import annotations

import argparse

from tests.support.factcheck_sets import HEADER, UNTUNED_SETS, scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tuning-only", action="store_true", help=f"Leave out {', '.join(UNTUNED_SETS)}.")
    parser.add_argument("--misses", action="store_true", help="Print the wrong verdicts of the tuning sets.")
    args = parser.parse_args()
    results = scores(tuning_only=args.tuning_only)
    print(HEADER)
    for result in results:
        print(result.row)
    if args.misses:
        for result in results:
            if not result.untuned:
                print(f"\n{result.name}:", *result.misses(), sep="\n")


if __name__ == "__main__":
    main()
