"""Korean text read through English, for an English embedding model and English documents.

all-MiniLM-L6-v2 turns "시장 데이터가 지금 지연되고 있나요?" into [UNK] and jamo pieces, and the
runbooks and the catalogue are English. So a Korean text is analysed into morphemes by a real
Korean analyser (kiwipiepy; particles and endings split from the words they follow), and a
versioned domain glossary (`data/glossary/ko-en.yaml`) gives the English words for its content
morphemes and compounds ("롤업", "무효화", "이동 평균"). Latin words, ids and numbers stay as
written. The English view is what is embedded and matched against keywords; the Korean text is
what is stored and shown. A text without Hangul is returned unchanged.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

import yaml

from retrieval.errors import RetrievalError

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

HANGUL = re.compile(r"[가-힣ㄱ-ㆎ]")
WORD = re.compile(r"[A-Za-z0-9][\w.-]*")
PLAIN_WORD = re.compile(r"[A-Za-z][a-z]+")  # an English word, not a name: no digits, hyphens or inner capitals
MAX_COMPOUND = 4  # morphemes in the longest glossary key ("단순 이동 평균")
MIN_COMPOUND_SYLLABLES = 3  # glossary words the analyser is told to keep whole
# A connective ending that joins two clauses side by side ("진입하고", "매수하며", "...지만")
# reads as a comma, so the verb that ends one clause ("진입") is not read with the number that
# starts the next. A condition ("돌파하면 진입") stays one clause with its action.
CLAUSE_ENDINGS = frozenset({"고", "며", "으며", "지만", "는데", "은데", "ᆫ데"})
# Particles (J*), endings (E*) and punctuation (S*) end a compound; latin and numbers are kept
# as written, from the text itself.
BREAKS = ("J", "E", "S")


class TextView(Protocol):
    """What an index embeds and matches for a text; `version` changes when its output may."""

    version: str

    def __call__(self, text: str) -> str: ...


@dataclass(frozen=True)
class Glossary:
    version: str
    terms: dict[str, str]  # Korean lemma or compound (no spaces) -> English words

    @classmethod
    def load(cls, path: Path) -> Glossary:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise RetrievalError(f"glossary {path}: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("terms"), dict) or not data.get("version"):
            raise RetrievalError(f"glossary {path}: needs a `version` and a `terms` mapping")
        return cls(str(data["version"]), {str(k).replace(" ", ""): str(v) for k, v in data["terms"].items()})


class Analyser:
    """kiwipiepy, loaded on first use (4-7 s and about 500 MB resident, measured; most processes never see Hangul)
    and shared by every analyser of the process with the same domain words. The glossary's
    compound nouns are added as user words, so the analyser keeps "최저가" and "과매도" whole
    instead of reading a particle (최저 + 가) or a conjunction (과 + 매도) into them."""

    _kiwis: dict[frozenset[str], Kiwi] = {}
    _lock = threading.Lock()

    def __init__(self, compounds: frozenset[str] = frozenset()) -> None:
        self.compounds = compounds

    def morphemes(self, text: str) -> list[tuple[str, str, int, int]]:
        """(form, tag, start, end) of each morpheme, in order."""
        with Analyser._lock:
            kiwi = Analyser._kiwis.get(self.compounds) or self._load()
            tokens = kiwi.tokenize(text)
        return [(t.form, t.tag, t.start, t.end) for t in tokens]

    def _load(self) -> Kiwi:
        try:
            from kiwipiepy import Kiwi  # noqa: PLC0415 (2 s of start-up, only where Korean is read)
        except ImportError as exc:
            raise RetrievalError(f"Korean text needs kiwipiepy: {exc}") from exc
        kiwi = Kiwi()
        nouns = [word for word in sorted(self.compounds) if not any(t.tag.startswith("V") for t in kiwi.tokenize(word))]  # a verb stem ("오래되") stays the analyser's
        for word in nouns:  # all added before the next analysis: each analysis after an addition rebuilds the model
            kiwi.add_user_word(word, "NNP")
        Analyser._kiwis[self.compounds] = kiwi
        return kiwi


class EnglishView:
    """A Korean text as the English words of its glossary terms, in the text's order, with a
    comma where a clause ends."""

    def __init__(self, glossary: Glossary, analyser: Analyser) -> None:
        self.glossary = glossary
        self.analyser = analyser
        self.version = f"ko-en {glossary.version}"

    def __call__(self, text: str) -> str:
        if not HANGUL.search(text):
            return text
        morphemes = self.analyser.morphemes(text)
        words: list[str] = []
        cursor = i = 0
        while i < len(morphemes):
            form, tag, start, end = morphemes[i]
            if not HANGUL.search(form):
                i += 1
                continue
            words.append(_latin(text[cursor:start]))
            size, english = self._longest(morphemes, i)
            words.append("," if tag == "EC" and form in CLAUSE_ENDINGS and words and words[-1] != "," else english)
            cursor = max(cursor, morphemes[i + size - 1][3])
            i += size
        words.append(_latin(text[cursor:]))
        return " ".join(w for w in words if w)

    def _longest(self, morphemes: list[tuple[str, str, int, int]], i: int) -> tuple[int, str]:
        """The longest glossary term that starts at morpheme i (1 morpheme, "" if none)."""
        for size in range(MAX_COMPOUND, 0, -1):
            span = morphemes[i : i + size]
            if len(span) < size or (size > 1 and any(tag.startswith(BREAKS) for _, tag, _, _ in span)):
                continue
            joined = "".join(form for form, _, _, _ in span)
            english = (size == 1 and self.glossary.terms.get(f"{joined}/{span[0][1]}")) or self.glossary.terms.get(joined)
            if english:
                return size, english
        return 1, ""


def _latin(gap: str) -> str:
    """What is not Hangul between two Korean words (ids, numbers, English words), as written."""
    return " ".join(HANGUL.sub(" ", gap).split())


def language_of(text: str) -> Literal["en", "ko"]:
    """Korean when Hangul carries at least as much of the text as English words do (a Hangul
    syllable holds about three letters' worth). Names are no language: ids, acronyms and
    CamelCase (`market-data-ingest`, `FAILED`, `KeyError`) are left out, so "market-data-ingest
    FAILED x3 왜?" is Korean and "Why did the kpi-rollup fail? 급해요" English."""
    hangul = len(HANGUL.findall(text))
    english = sum(len(word) for word in WORD.findall(text) if PLAIN_WORD.fullmatch(word))
    return "ko" if hangul and hangul * 3 >= english else "en"


def korean_view(glossary_path: Path) -> EnglishView:
    glossary = Glossary.load(glossary_path)
    compounds = frozenset(key for key in glossary.terms if len(key) >= MIN_COMPOUND_SYLLABLES and all(HANGUL.match(c) for c in key))
    return EnglishView(glossary, Analyser(compounds))
