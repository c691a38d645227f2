"""One guardrail pipeline for every surface: the gateway, reports, the builder and ChatOps.

``Guardrails(policy).screen(surface, stage, text)`` runs the checks the policy names for that
surface and stage and returns a `Screening`: the text to go on with (secrets redacted where the
policy says so) and one `Decision` per check, fired or not, with its score and latency. It only
decides; callers act on ``blocked``/``flags`` and record the decisions with their request id.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from guardrails.classifiers import ProfanityCheck, TextClassifier, worst_sentence
from guardrails.injection import InjectionHeuristics, detect
from guardrails.policy import Action, CheckName, Policy, PolicyError, Stage
from guardrails.redaction import redact
from guardrails.toxicity import lexicon_score

DEFAULT_CLASSIFIERS: dict[CheckName, str] = {"toxicity": "profanity-check", "injection": "heuristics"}


@dataclass(frozen=True)
class Decision:
    """One check's verdict; ``action`` is None when the check did not fire."""

    check: CheckName
    stage: Stage
    action: Action | None
    score: float
    threshold: float
    reason: str
    latency_ms: float

    @property
    def outcome(self) -> str:
        """``pass`` or the action taken: the label of metrics and records."""
        return self.action.value if self.action else "pass"


@dataclass(frozen=True)
class Screening:
    surface: str
    stage: Stage
    text: str
    policy_version: str
    decisions: list[Decision] = field(default_factory=list)

    @property
    def blocked(self) -> Decision | None:
        return next((d for d in self.decisions if d.action is Action.block), None)

    @property
    def flags(self) -> list[str]:
        """Checks that fired with `flag` (shown to callers and reviewers)."""
        return [d.check for d in self.decisions if d.action is Action.flag]


_Finding = tuple[float, str, str]  # score, reason, text after the check


class Guardrails:
    """The policy plus the classifiers it names; thread-safe, built once per process."""

    def __init__(self, policy: Policy, classifiers: Mapping[str, TextClassifier] | None = None) -> None:
        self.policy = policy
        self.classifiers: dict[str, TextClassifier] = {"profanity-check": ProfanityCheck(), "heuristics": InjectionHeuristics()}
        self.classifiers.update(classifiers or {})
        for check, config in policy.checks.items():
            if config.classifier is not None and config.classifier not in self.classifiers:
                raise PolicyError(f"checks.{check}.classifier: unknown classifier {config.classifier!r}; known: {sorted(self.classifiers)}")
        self._checks: dict[CheckName, Callable[[str], _Finding]] = {
            "toxicity": self._toxicity,
            "injection": self._injection,
            "secrets": self._secrets,
        }

    def screen(self, surface: str, stage: Stage, text: str) -> Screening:
        """Run the surface's checks for ``stage``, secrets first so the others see redacted text."""
        rules = self.policy.rules(surface, stage)
        decisions: list[Decision] = []
        for check in sorted(rules, key=lambda name: name != "secrets"):
            rule = rules[check]
            threshold = self.policy.threshold(check, rule)
            started = time.perf_counter()
            score, reason, after = self._checks[check](text)
            fired = score >= threshold and score > 0.0
            if fired and rule.action is Action.redact:
                text = after
            decisions.append(
                Decision(check, stage, rule.action if fired else None, round(score, 4), threshold, reason if fired else "",
                         round((time.perf_counter() - started) * 1000, 3))
            )
        return Screening(surface, stage, text, self.policy.version, decisions)

    def warm_up(self) -> None:
        """Load the classifiers the policy uses, so the first request does not pay for it."""
        for check in ("toxicity", "injection"):
            if check in self.policy.checks:
                self.classifier(check).scores(["warm up"])

    def classifier(self, check: CheckName) -> TextClassifier:
        return self.classifiers[self.policy.checks[check].classifier or DEFAULT_CLASSIFIERS[check]]

    def toxicity(self, text: str) -> tuple[float, str]:
        """The higher of the classifier's worst sentence and the abuse patterns, with what decided it."""
        if not text.strip():
            return 0.0, ""
        model = self.classifier("toxicity")
        score, reason = worst_sentence(model, text), model.name
        lexicon, matched = lexicon_score(text)
        if lexicon > score:
            score, reason = lexicon, "patterns " + ", ".join(matched)
        return score, f"toxic language ({reason}, score {score:.2f})"

    def injection(self, text: str) -> tuple[float, str]:
        """The heuristics' score, or a configured classifier's worst sentence when higher."""
        finding = detect(text)
        score, reason = finding.score, "matched " + ", ".join(finding.matched)
        model = self.classifier("injection")
        if not isinstance(model, InjectionHeuristics) and text.strip():
            model_score = worst_sentence(model, text)
            if model_score > score:
                score, reason = model_score, f"{model.name} score {model_score:.2f}"
        return score, f"prompt injection ({reason})"

    def _toxicity(self, text: str) -> _Finding:
        return (*self.toxicity(text), text)

    def _injection(self, text: str) -> _Finding:
        return (*self.injection(text), text)

    def _secrets(self, text: str) -> _Finding:
        redacted, kinds = redact(text)
        return (1.0 if kinds else 0.0), "secrets: " + ", ".join(kinds), redacted
