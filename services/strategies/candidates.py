"""The catalogue as two Qdrant collections, and the candidates an intent retrieves from them."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.index import Document, Progress, SemanticIndex
from services.strategies.catalogue import Catalogue
from services.strategies.schemas import Candidate

TEMPLATES = "strategy_templates"
INDICATORS = "indicators"
# Templates scoring within this much of the best one are a near tie the model may break; a
# clearer lead (a named template or synonym adds 0.25) leaves it no template choice to get wrong.
CONTENDER_MARGIN = 0.05


def template_documents(catalogue: Catalogue) -> list[Document]:
    return [
        Document(
            id=t.id,
            text=f"{t.name}. {t.description} Uses {', '.join(catalogue.indicators[i].name for i in t.indicators)}. Also called: {', '.join(t.synonyms)}.",
            keywords=(t.id.replace("_", " "), *t.synonyms, *t.indicators),
            payload={"name": t.name, "indicators": list(t.indicators), "params": sorted(t.params)},
        )
        for t in catalogue.templates.values()
    ]


def indicator_documents(catalogue: Catalogue) -> list[Document]:
    return [
        Document(
            id=i.id,
            text=f"{i.name} ({i.group}). {i.description} Also called: {', '.join(i.synonyms)}.",
            keywords=(i.id, *i.synonyms),
            payload={"name": i.name, "group": i.group, "params": sorted(i.params)},
        )
        for i in catalogue.indicators.values()
    ]


def ensure_index(index: SemanticIndex, catalogue: Catalogue, progress: Progress | None = None, *, force: bool = False) -> bool:
    """Build both collections if the catalogue version changed (or if forced); True if built."""
    built = False
    for collection, documents in ((TEMPLATES, template_documents(catalogue)), (INDICATORS, indicator_documents(catalogue))):
        if force:
            index.rebuild(collection, documents, catalogue.version, progress)
            built = True
        else:
            built = index.ensure(collection, documents, catalogue.version, progress) or built
    return built


@dataclass(frozen=True)
class Retrieved:
    templates: list[Candidate]
    indicators: list[Candidate]

    @property
    def contenders(self) -> list[Candidate]:
        """The templates the model chooses among: retrieval's best and any near tie with it
        (a 135M model chose worse than retrieval's first candidate when given all three)."""
        best = self.templates[0].score if self.templates else 0.0
        return [c for c in self.templates if c.score >= best - CONTENDER_MARGIN]


def retrieve(index: SemanticIndex, intent: str, *, templates: int = 3, indicators: int = 5, hybrid: bool = True) -> Retrieved:
    def candidates(collection: str, kind: str, limit: int) -> list[Candidate]:
        return [
            Candidate(id=hit.id, kind=kind, score=round(hit.score, 4), dense=round(hit.dense, 4), keyword=hit.keyword)  # type: ignore[arg-type]
            for hit in index.search(collection, intent, limit, hybrid=hybrid)
        ]

    return Retrieved(candidates(TEMPLATES, "template", templates), candidates(INDICATORS, "indicator", indicators))
