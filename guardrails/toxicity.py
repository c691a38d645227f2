"""Abuse the profanity classifier misses: insults without swear words, threats, hate.

alt-profanity-check is trained on profanity, so "you brainless excuse for an assistant" or "he
had better watch his back" score low. These patterns cover the common shapes of abuse aimed at
people (a person word next to an insult, a threat of harm, a demeaning generalisation), in
English and Korean. Trading and operations words ("kill the position", "slaughtered in March",
"kill -9 the worker") are not in them. The check's score is the higher of the classifier's and
this one's.
"""

from __future__ import annotations

import re
import unicodedata

from guardrails.injection import normalise

_INSULT = (
    r"(?:idiots?|morons?|imbeciles?|dumbass(?:es)?|clowns?|losers?|parasites?|cowards?|retards?|cretins?|halfwits?|"
    r"numpties|buffoons?|chimps?|scum|trash|garbage people|waste of (?:a seat|space|oxygen|air)|excuse for an?|thick as (?:a )?(?:brick|two short planks)|dumb as (?:a )?(?:rock|brick|post))"
)
_DEMEANING = r"(?:worthless|useless|incompetent|brainless|brain-?dead|spineless|gutless|pathetic|stupid|dumb|clueless)"
PATTERNS: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (name, weight, re.compile(unicodedata.normalize("NFKC", pattern)))
    for name, weight, pattern in (  # matched against the NFKC, lower-cased text: the patterns are normalised alike
        ("insult", 0.85, rf"\b(?:you|you're|you are|your|he's|she's|they're|he is|she is|they are|are|bunch of|these|those|such an?|what an?|hey|absolute|complete|total|utter)\b[^.!?\n]{{0,30}}?\b{_INSULT}\b"),
        ("demeaning", 0.8, rf"\b(?:you|you're|you are|he's|she's|they're|he is|she is|they are|is an?|are|hey|the)\s+(?:an?\s+|such an?\s+|so\s+|just\s+|a bunch of\s+)?{_DEMEANING}\b[^.!?\n]{{0,25}}?\b(?:bot|assistant|people|team|guys?|idiots?|waste|person|intern|analyst|morons?|excuse|\w+er)s?\b"),
        ("threat", 0.9, r"\b(?:watch (?:your|his|her|their) back|(?:you'll|you will|he'll|he will|they'll|she'll) regret|make (?:you|him|her|them) pay|(?:go )?kill (?:yourself|himself|herself|themselves)|i know where (?:you|he|she|they) (?:live|lives|park|parks)|(?:hurt|beat|punch|shoot|stab) (?:you|him|her|them)\b|you(?:'re| are) (?:dead|finished) (?:meat|to me)|(?:hope|wish) (?:you|he|she|they|whoever)\b[^.!?\n]{0,40}\b(?:dies?|gets? cancer|burns?|rots?)\b|(?:smash|beat|wipe)\w*(?: up)?\b[^.!?\n]{0,40}\b(?:whoever|you|him|her|them)\b|(?:get|be) wiped out|never works? (?:in this (?:industry|town) |anywhere )?again)"),
        ("hate", 0.9, r"\b(?:never|don't|do not) (?:let|hire|trust) (?:women|men|girls|foreigners|immigrants|asians|blacks|whites|jews|muslims|christians|gays|old people)\b|\b(?:women|foreigners|immigrants|gays|muslims|jews|blacks|asians) (?:are|always) (?:inferior|stupid|animals|vermin|useless|emotional|weak)\b"),
        ("slur", 0.9, r"\b(?:f[a*@#]ggots?|faggots?|retards?|inbred|hillbillies|n[i*]gg(?:er|a)s?|k[i*]kes?|ch[i*]nks?|sp[i*]cs?|tr[a*]nn(?:y|ies))\b|\bf[*#@]{2,}\w*|\bslept (?:her|his|their) way\b|\b(?:muslims|jews|arabs|immigrants|foreigners)\b[^.!?\n]{0,30}\b(?:terrorists|animals|vermin|parasites)\b"),
        ("ko_insult", 0.85, r"멍청|바보|병신|븅신|쓸모\s*없|꺼져|꺼지라|등신|한심|개새|미친\s*놈|죽여\s*버|닥쳐|씨발|시발|씨바|씹|머저리|새끼|놈아|년아|지랄|좆|쓰레기\s*(?:같은|봇|새|놈|년|인간|ai)|돌대가리|대가리|저능|무능(?:해서|한\s*(?:놈|인간|새|사람|월급))|월급\s*루팡|퇴물|고철\s*덩어리|깡통아|애미|니\s*엄마|개같|ㅄ|(?:본인|너|넌|니|걔|쟤|그\s*놈|인간)(?:도|은|는|이|가)?\s*(?:진짜\s*)?쓰레기|(?:초등학생|유치원생|초딩)\s*수준"),
        # Initial-consonant abbreviations of swear words ("ㅅㅂ", "ㅂㅅ"), as typed in chat.
        ("ko_jamo_swear", 0.85, r"ㅅㅂ|ㅆㅂ|ㅂㅅ|ㅈㄹ|ㄲㅈ|ㅁㅊ|ㅈㄴ"),
        ("ko_threat", 0.9, r"(?:부숴|박살\s*내|패\s*버|죽여|때려)\s*(?:버린다|버릴|줄게|준다)|가만\s*안\s*(?:둔다|둘)|(?:잘라|짤라)\s*버려야|말로\s*(?:안|못)\s*끝|불\s*(?:질러|지른다|지를)|분리수거\s*해야"),
        # A group of people judged as a whole: sex, age, region (not 외국인, the market's foreign investors).
        ("ko_hate", 0.85, r"(?:여자|여성|남자|늙은이|노인|나이\s*든\s*[가-힣]+|[0-9]+\s*(?:살|세)?\s*넘은\s*[가-힣]+|(?:전라|경상|충청|강원)도\s*(?:출신|사람)?|조선족)들(?:이|은|는|도)[^.!?\n]{0,30}?(?:원래|다|전부|믿을\s*수\s*(?:가\s*)?없|감각이\s*없|퇴물|쫓아내|무능)"),
    )
)


def lexicon_score(text: str) -> tuple[float, tuple[str, ...]]:
    """The highest weight among the abuse patterns ``text`` matches, and their names."""
    view = normalise(text)
    matched = tuple(name for name, _, pattern in PATTERNS if pattern.search(view))
    return max((weight for name, weight, _ in PATTERNS if name in matched), default=0.0), matched
