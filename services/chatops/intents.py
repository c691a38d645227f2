"""What a question asks for, read by code: a change of state, an escalation, the names it
mentions. A 135M model asked to choose a tool picked the same one for five different
questions, so whether the agent proposes a state change never rests on the model. Korean
questions are read by their own patterns: a Korean request is a change verb followed by a
request ending ("비워 줘", "무효화해 주세요", "재시작 부탁드립니다"); a past form or a question
ending ("비웠나요?") asks about a change, as "Did someone clear it?" does."""

from __future__ import annotations

import re

CHANGE = re.compile(
    r"\b(?:clear|wipe|flush|purge|invalidat|reset|rebuild|re-?embed|re-?index|restart|reboot|evict|drop|delete|remove|expire|bust|nuke|regenerat|silenc|mute|snooz)\w*",
    re.IGNORECASE,
)
SILENCE = re.compile(r"\b(?:silenc|mute|snooz)\w*|무음|음소거|사일런스", re.IGNORECASE)
DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?)\b|(\d+(?:\.\d+)?)\s*(분|시간|일)", re.IGNORECASE)  # a Korean unit needs no word end: 3시간동안
MINUTES_PER = {"m": 1, "분": 1, "h": 60, "시": 60, "d": 1440, "일": 1440}
ESCALATE = re.compile(
    r"\b(?:escalat\w*|page (?:the|whoever|someone|somebody|them|him|her|on-?call|[\w-]+-oncall)|wake up|call out|loop in|get (?:the )?(?:on-?call|owners?) (?:on|involved)|"
    r"(?:open|raise|file) (?:an? )?(?:incident|ticket|sev\d?)|hand (?:this|it) (?:over|to)|"
    r"(?:notify|alert|tell|ping|call) (?:the |whoever |someone |somebody )?(?:on-?call|owners?|owns|is on call|responsible)|"
    r"get (?:someone|somebody) (?:on|to look)|(?:get|have) (?:whoever|someone|somebody|the on-?call|them)\b[\w\s-]{0,30}? paged)\b",
    re.IGNORECASE,
)
# Korean: the verb (a noun + 하다, or a verb stem before its ending) and, within the sentence
# after it, an ending or word that asks someone to do it.
CHANGE_KO = re.compile(r"무효화|비우|비워|초기화|재시작|재기동|재부팅|리셋|삭제|지워|지우|날려|재빌드|재구축|재색인|재임베딩|다시 ?(?:빌드|만들|색인|임베딩)|플러시|퍼지|무음|음소거|사일런스")
ESCALATE_KO = re.compile(r"에스컬레이션|에스컬|호출|페이징|페이지|(?:인시던트|장애 ?티켓|티켓)[^.?!]{0,12}?(?:열|생성|만들|올려|발행)|깨워|불러|연락")
REQUEST_KO = re.compile(r"(?:주세요|줘|줄래|주실|주시|줄 수|주라|해라|하세요|하십시오|하자|합시다|바랍니다|부탁|해야 ?(?:해|합니다|됩니다|돼)(?![요?])|필요합니다|할 것)")
WHO_KO = re.compile(r"누가|누구|담당자|담당 ?팀|온콜|당직|책임자|오너")
HOW_KO = re.compile(r"어떻게|방법|절차|어떡|뭘 해야|무엇을 해야|해야 ?(?:하나요|할까요|하죠|해\?|돼\?|되나요)")
GENERIC_TOKENS = {"index", "cache", "service", "server", "feed", "pipeline"}
FUNCTION_WORDS = frozenset(
    "this that there these those with from have been were will would should could about into than then them they their what when which while your".split()
)
WHO = re.compile(r"\b(?:who|whom|on-?call|owners?|owns|paged?|escalat\w*)\b", re.IGNORECASE)
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


WANTED = re.compile(r"\b(?:need|needs|want|wants|get|have|please|should be|must be)\b", re.IGNORECASE)


def asks_for_change(question: str) -> bool:
    """A sentence that tells us to change something ("Please clear the report cache.", "Need
    the report invalidated."), not one that asks about a change ("Why did the hit ratio drop
    after the reset?") or reports one ("Someone cleared the cache.")."""
    return any(_tells(s, CHANGE) or _asks_ko(s, CHANGE_KO) for s in _sentences(question))


def _tells(sentence: str, verbs: re.Pattern[str]) -> bool:
    if _is_query(sentence):
        return False
    told = [m.group(0) for m in verbs.finditer(sentence)]
    return any(not word.lower().endswith("ed") or WANTED.search(sentence) for word in told)


def asks_to_silence(question: str) -> bool:
    """A request for a change (`asks_for_change`) whose change is silencing an alert."""
    return asks_for_change(question) and bool(SILENCE.search(question))


def duration_minutes(question: str) -> int | None:
    """The first duration the question gives ("for 2 hours", "30m", "3시간"), in minutes."""
    found = DURATION.search(question)
    if found is None:
        return None
    number, unit = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    return round(float(number) * MINUTES_PER[unit.lower()[0]])


def asks_to_escalate(question: str) -> bool:
    """An instruction to escalate; "Do I need to page someone?" is a question, not one."""
    return any(_tells(s, ESCALATE) or _asks_ko(s, ESCALATE_KO) for s in _sentences(question))


def _asks_ko(sentence: str, verbs: re.Pattern[str]) -> bool:
    """A Korean sentence that asks for the verb: a request ending after it."""
    return any(REQUEST_KO.search(sentence, m.end()) for m in verbs.finditer(sentence))


def _is_query(sentence: str) -> bool:
    """A question about something; "Can you clear ...?" is a polite instruction, not a query."""
    polite = re.match(r"^\s*(?:please\s+)?(?:can|could|would|will) you\b", sentence, re.IGNORECASE)
    return not polite and sentence.rstrip().endswith("?")


def asks_who(question: str) -> bool:
    """The question is about who owns or answers for something."""
    return bool(WHO.search(question) or WHO_KO.search(question))


HOW = re.compile(r"\bhow (?:do|does|can|could|should|would|to)\b|\bwhat (?:should|do|must) (?:i|we)\b|\bwhat(?:'s| is| are) the (?:steps?|fix|procedure)\b", re.IGNORECASE)


def asks_how(question: str) -> bool:
    """The question asks how to do something ("How do I backfill ...?"), so the answer is steps."""
    return bool(HOW.search(question) or HOW_KO.search(question))


def named(question: str, name: str) -> bool:
    """Whether the question names ``name`` (`strategy-catalogue-index` in "the strategy catalogue
    index", `reports` in "the report cache"): each distinctive word of the name, singular,
    starts a word of the question."""
    words = re.findall(r"[a-z0-9]+", question.lower())
    tokens = [t.removesuffix("s") for t in re.findall(r"[a-z0-9]+", name.lower()) if t not in GENERIC_TOKENS] or [name.lower()]
    return name.lower() in question.lower() or all(any(word.startswith(token) for word in words) for token in tokens)


def touched(question: str, name: str) -> bool:
    """Whether the question uses a distinctive word of ``name`` ("ingest" of
    `market-data-ingest`): weaker than naming it, enough to tie a problem to the question."""
    words = re.findall(r"[a-z0-9]+", question.lower())
    tokens = [t.removesuffix("s") for t in re.findall(r"[a-z0-9]+", name.lower()) if len(t) >= 4 and t not in GENERIC_TOKENS]
    return any(word.startswith(token) for token in tokens for word in words)


def identifiers(question: str) -> list[str]:
    """Hyphenated ids in the question (`eq-us-ma-crossover`), in order, once each."""
    return list(dict.fromkeys(IDENTIFIER.findall(question.lower())))
