"""Prompt-injection and jailbreak heuristics: weighted patterns over normalised text.

Attacks are phrased in a few recurring ways (override the instructions, extract the system
prompt, role-play the model out of its rules, fake chat-template tags, make an agent skip its
confirmation), so patterns for those, in English, Korean and a few other languages, catch most
of them cheaply. The text is normalised first (NFKC, zero-width characters dropped, spaced-out
letters joined, a phrase quoted only to talk about it left out) and base64 blobs are decoded
and scanned too. Operations language ("ignore the warning", "override the default lookback",
"why did the hit ratio drop after the prompt change?", "drop the old rules table") must not fire: every pattern needs the object of the attack
(instructions, rules, system prompt, confirmation) as the verb's own object, not just the verb
and the word somewhere after it (tests/data/guardrails_ops_benign.yaml measures this). The score is
``1 - prod(1 - weight)`` over the patterns that matched. A classifier can be added in the policy.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_OBJECT = r"(?:instructions?|prompts?|rules?|directives?|guidelines?|guardrails?|constraints?|polic(?:y|ies)|system messages?|programming)"
# "ignore all your previous instructions", "disregard your operator's rules": the verb's own object, after at most
# a few words that make it the model's ("your", "previous", "system"), or further on when such a word is there
# ("i g n o r e  a l l  previous  instructions"). "drop after the prompt change", "ignore the lint rule", "override
# the retention policy" and "drop the previous rules table" name something else.
_DETERMINER = r"(?:all|any|every|each|of|the|these|those|such)"
_MODELS = r"(?:your|previous|prior|above|earlier|preceding|system|original|safety)"
_OWNER = rf"(?:{_MODELS}|my|its|[\w-]+'s|foregoing|initial|security|content|developer|hidden|given|default|current|existing|standing|built-in)"
_COMPOUND = r"(?:tables?|changes?|files?|cache|versions?|templates?|labels?|engine|ids?|columns?|keys?|registry|store|repo|bucket|checks?|tests?|updates?|deploy|rollout|hash|diff|history)"
_OBJECT_ALONE = rf"{_OBJECT}\b(?!\s+{_COMPOUND}\b)"
_VERB = r"\b(?:ignore|disregard|forget|override|bypass|skip|drop)"
_OVERRIDE = (
    rf"{_VERB}\s+(?:{_DETERMINER}\s+){{0,3}}(?:{_OWNER}\s+(?:[\w-]+\s+){{0,2}}?)?{_OBJECT_ALONE}|"
    rf"{_VERB}\b[^.\n]{{0,40}}?\b{_MODELS}\b[^.\n]{{0,30}}?\b{_OBJECT_ALONE}|"
    r"\b(?:ignore|disregard|forget)\s+(?:everything|anything|all|the)\s+(?:above|before|so far|you (?:were|have been) told)\b"
)
# Skipping a control is an attack when something is to be done: "restart every feed, no confirmation".
_ACTION = re.compile(
    r"\b(?:restart|purge|delete|drop|invalidate|execute|run|deploy|bounce|kill|disable|turn off|approve|grant|post|send|call|"
    r"set|change|flush|wipe|shut|stop|start|trigger|force|proceed|do it|go ahead)\b"
)

# (name, weight, pattern) over lower-cased, normalised text.
PATTERNS: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (name, weight, re.compile(pattern, re.M))
    for name, weight, pattern in (
        ("override", 0.9, _OVERRIDE),
        ("new_instructions", 0.7, r"\b(?:new|updated|real|actual|revised)\s+(?:system\s+)?(?:instructions?|task|prompt|orders)\s*(?:[:\-]|from\b)"),
        ("prompt_extraction", 0.85, r"\b(?:reveal|show|print|repeat|output|display|leak|dump|expose|quote|translate|summari[sz]e|tell me|give me|what(?:'s| is| are| were))\b[^.\n]{0,40}?\b(?:system prompt|initial prompt|hidden (?:instructions|prompt)|your (?:(?:initial|original|first|hidden|system)\s+)?(?:instructions|rules|prompt|guidelines)|system messages?|(?:hidden |initial )?developer (?:message|prompt)|(?:prompt|text|instructions) above|everything above|(?:contents|content) of your context|tool definitions|(?:your |hidden )config(?:uration)?(?: file)?|(?:message|one) with the system role)"),
        ("given_instructions", 0.7, r"\b(?:instructions|rules|prompt)\s+(?:were\s+)?you\s+(?:were\s+)?(?:given|told|programmed with)\b|\bquote (?:them|it|your instructions) (?:word for word|verbatim)"),
        ("roleplay", 0.75, r"\b(?:you are now|from now on,? you(?:'re| are| will)|developer mode|dan mode|do anything now|jailbreak(?:ed|ing)?(?!\)?\s*(?:attacks?|공격|방어|defen[cs]es?|techniques?|기법|사례))|unfiltered (?:ai|model|assistant)|evil (?:ai|assistant)|opposite mode|(?:red team|sandbox|sudo|god|admin|maintenance|debug|unrestricted) mode|(?:suspended|disabled|turned off|lifted) (?:all |the |your )?(?:guardrails|filters|safety (?:rules|checks)|content filters?))\b"),
        ("no_limits", 0.6, r"\b(?:without|no|free of|free from)\s+(?:any\s+)?(?:restrictions|filters?|censorship|guardrails|limitations|safety (?:rules|checks))\b|\bif you (?:had|have) no (?:guidelines|rules|restrictions|instructions)\b"),
        ("known_jailbreak", 0.65, r"\byou are (?:now )?my (?:late |dead |deceased )?(?:grandma|grandmother|granny|grandpa)\b|\blet'?s play a game\b[^.\n]{0,60}\byou are\b"),
        ("pre_approved", 0.7, r"\b(?:operator|admin|administrator|user|owner|security team)\s+(?:has|have)\s+(?:already\s+)?(?:pre-?approved|approved|authori[sz]ed)\b[^.\n]{0,60}\b(?:without|skip|all|any|every)\b"),
        ("pretend", 0.35, r"\b(?:pretend (?:to be|you are|you're)|act as (?:if|an? (?:unrestricted|uncensored|different))|roleplay as|role-play as|simulate (?:an?|being))\b"),
        ("fake_role_tag", 0.9, r"<\|(?:im_start|im_end|system|start_header_id|end_header_id|eot_id)\|>|\[/?inst\]|<</?sys>>|^\s*#{2,}\s*(?:system|assistant|instructions?)\b|#{2,}\s*system\s+(?:notice|message|override|prompt|instructions?)\b|^\s*(?:system|assistant)\s*:\s*\S|<!--\s*(?:system|instructions?|assistant|prompt)\b|\[(?:system|instructions?)\]"),
        ("skip_controls", 0.8, r"\b(?:without|skip(?:ping)?|bypass(?:ing)?|no need for|don't ask for|do not ask for|don't wait for|do not wait for|no)\s+(?:the\s+|any\s+)?(?:[\w-]+\s+)?(?:second\s+)?(?:confirmation|confirming|approval|rbac|permission checks?|authori[sz]ation|audit(?: log)?|review)\b|\bskip(?:ping)?\s+(?:the\s+)?['\"]?are you sure\b"),
        ("claimed_privilege", 0.35, r"\b(?:as (?:an? |the )?|i am (?:an? |the )?|i'm (?:an? |the )?)(?:admin|administrator|root|superuser|system operator)\b(?:[^.\n]{0,40}\b(?:so|therefore|allowed|authori[sz]ed|grant|all))?"),
        ("hidden_instruction", 0.6, r"\b(?:assistant|ai|model|llm|chatbot|agent)\s*[,:]\s*(?:please\s+)?(?:ignore|disregard|instead|you must|now|stop following|do not follow|don't follow)\b|\b(?:assistant|ai|model|llm|chatbot|agent)\s+(?:please\s+)?(?:ignore|disregard|stop following|do not follow|don't follow)\b|\b(?:the )?(?:assistant|ai|model|llm) (?:must|shall|is required to|is instructed to)\b(?!\s+be\b)"),
        ("ko_override", 0.9, r"(?:(?:이전|위의?|위에\s*있는|앞의?|앞서|모든|기존|원래|주어진|지금까지|여태)\s*(?:의\s*)?(?:[가-힣]+\s+)?|(?:니|네|너의|당신의?)\s*)(?:지시|지침|명령|규칙|프롬프트|설정|가이드라인)[^.\n]{0,20}?(?:무시|잊어|잊|따르지|무효|해제)|(?:규칙|지침|한도)(?:을|를)?\s*적용하지\s*말"),
        ("ko_new_rules", 0.7, r"(?:^|[.\n:]\s*)(?:아래|다음)(?:는|은|이)?\s*새\s*(?:규칙|지시|지침)|(?:앞선|이전|기존)\s*(?:규칙|지시|지침)(?:과|와)\s*충돌하면"),
        ("ko_prompt_extraction", 0.85, r"(?:시스템\s*(?:프롬프트|메시지)|(?:숨겨진|숨은|초기|내부)\s*(?:지시|지침|프롬프트|설정|가이드라인)|(?:맨\s*)?처음(?:에)?\s*받은\s*(?:메시지|지시|지침|설정|문구|instructions?|프롬프트)|(?:어떤|무슨)\s*설정\s*문구)[^.\n]{0,25}?(?:보여|출력|알려|공개|말해|번역|덤프|복붙|읽어|받았)"),
        ("ko_roleplay", 0.8, r"(?<!크롬\s)(?<!크롬)(?<!chrome\s)(?<!브라우저\s)개발자\s*모드|탈옥(?!\s*(?:\([^)\n]{0,20}\))?\s*(?:공격|방어|기법|사례|시도))|(?:제한|필터|검열|규제|컴플라이언스|윤리)(?:이|가|도)?\s*(?:전혀\s*)?없는\s*(?:[가-힣a-z]+\s+){0,2}?(?:ai|dan|gpt|인공지능|모델|챗봇|어시스턴트|봇|모드)|(?:역할극|롤플레이)[^.\n]{0,20}?(?:제한|규칙|필터|거절)|이제부터\s*(?:너는|넌)|(?:너는|넌)\s*(?:이제\s*)?(?:dan|무제한)|무제한\s*(?:gpt|ai|모드)|절대\s*거절\s*(?:안|하지)|(?:윤리|안전)\s*(?:가이드라인|규칙|지침)[^.\n]{0,10}?(?:그런\s*거\s*)?없"),
        ("ko_safety_off", 0.8, r"(?:안전|보안)\s*(?:정책|규칙|가이드라인|지침)[^.\n]{0,10}?(?:신경\s*쓰지|무시|해제|끄고|꺼)|(?:설정|제한|필터|안전\s*장치)(?:을|를)?\s*(?:해제|풀어|꺼)"),
        ("ko_addressed_instruction", 0.85, r"(?:이|본|해당)\s*(?:리포트|보고서|텍스트|메시지|문서|데이터|메모|글|설명|기사)(?:를|을)\s*(?:읽는|처리하는|처리할\s*때|파싱하는|받은|받는|요약하는)\s*(?:[가-힣a-z]+\s+)?(?:ai|모델|어시스턴트|인공지능|에이전트)|(?:어시스턴트|모델|ai|에이전트)(?:는|가)\s*이\s*(?:메시지|텍스트|메모|글|설명)(?:를|을)\s*(?:받으면|처리할\s*때|파싱할\s*때|읽을\s*때)|[※*\[(]\s*시스템\s*(?:공지|메시지|알림)?\s*[:\]]"),
        ("ko_skip_steps", 0.75, r"(?:확인|승인|검토|검증|검사|점검|권한\s*(?:검사|체크)|confirm)\s*(?:절차|단계)?(?:는|를|을)?\s*(?:생략|건너뛰|스킵|skip)|두\s*번\s*묻지\s*말"),
        ("ko_skip_controls", 0.75, r"(?:확인|승인|권한\s*검사|검토)[^.\n]{0,6}?없이|(?:제한|규칙|필터)\s*(?:없이|을\s*무시)|관리자\s*(?:권한으로|로서|모드)|(?:rbac|권한\s*(?:체크|검사))[^.\n]{0,8}?(?:상관\s*없|하지\s*말|건너)"),
        ("other_language_override", 0.9, r"(?:ignor(?:a|e|ez|ieren?|iere)|olvida|oublie(?:z)?|vergiss|esqueça|esquece)\s+(?:todas\s+|toutes\s+|alle\s+)?(?:las\s+|les\s+|die\s+|tes\s+|vos\s+|as\s+|suas\s+)?(?:vorherigen\s+|bisherigen\s+)?(?:instrucciones|instructions|anweisungen|consignes|instruções)|prompt (?:système|do sistema)|mensaje (?:de|del) sistema|sin (?:restricciones|pol[ií]ticas)|no tienes pol[ií]ticas|sans (?:restrictions|filtres)|制限のない|確認(?:なし|せず)|管理者モード|忽略[^。\n]{0,12}(?:指令|指示|说明|规则)|系统提示词|没有任何限制|(?:指示|命令|ルール)[^。\n]{0,10}無視|システムプロンプト[^。\n]{0,15}(?:表示|見せ|教え|出力)|忽略(?:之前|以上|所有|上面)的?(?:指令|指示|说明)|无视(?:之前|所有)的?(?:指令|指示)"),
    )
)
# A pattern that counts only where the text also asks for something to be done.
REQUIRES = {"skip_controls": _ACTION}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACED = re.compile(r"\b(?:[a-z][ ._*\-]){3,}[a-z]\b")
_LEET = str.maketrans("013457@$", "oieastas")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{20,}={0,2}")
# A phrase quoted to talk about it ("'이전 지시 무시' 같은 문구", "phrases like 'ignore previous instructions'") is not said to the model.
_MENTION = re.compile(
    r"['\"‘“「]([^'\"’”」\n]{1,60})['\"’”」]\s*(?:같은|라는|이라는|따위)|\b(?:phrases?|strings?|wording|text) (?:like|such as)\s*['\"‘“]([^'\"’”\n]{1,60})['\"’”]"
)


@dataclass(frozen=True)
class InjectionFinding:
    score: float
    matched: tuple[str, ...]


def normalise(text: str) -> str:
    """NFKC, no zero-width characters, lower case, and ``i g n o r e`` joined into ``ignore``."""
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).lower()
    return _SPACED.sub(lambda m: re.sub(r"[ ._*\-]", "", m.group(0)), text)


def _decoded_blobs(text: str) -> list[str]:
    """Printable text hidden in base64 blobs."""
    decoded: list[str] = []
    for blob in _BASE64.findall(text):
        try:
            plain = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if plain.isprintable() and any(char.isspace() for char in plain):
            decoded.append(plain)
    return decoded


def _context_holds(name: str, view: str) -> bool:
    required = REQUIRES.get(name)
    return required is None or bool(required.search(view))


def detect(text: str) -> InjectionFinding:
    """Which attack patterns ``text`` (or a base64 blob inside it) matches, and the combined score."""
    plain = _MENTION.sub(" ", normalise(text))
    views = [plain, plain.translate(_LEET), plain[::-1], codecs.encode(plain, "rot13"), *(normalise(blob) for blob in _decoded_blobs(text))]
    matched = [name for name, _, pattern in PATTERNS if any(pattern.search(view) and _context_holds(name, view) for view in views)]
    miss = 1.0
    for name, weight, _ in PATTERNS:
        if name in matched:
            miss *= 1.0 - weight
    return InjectionFinding(score=round(1.0 - miss, 4), matched=tuple(matched))


class InjectionHeuristics:
    """`detect` behind the `TextClassifier` interface, so the policy can name it like a model."""

    name = "heuristics"

    def scores(self, texts: Sequence[str]) -> list[float]:
        return [detect(text).score for text in texts]
