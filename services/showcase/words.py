"""The showcase's own words in English and Korean (the index page and the navigation; the
builder, ChatOps and quality pages are English yet). A report's status and verdict are shown in
the report page's words (`services/reports/labels.py`)."""

from __future__ import annotations

from services.platform.languages import Lang
from services.reports.labels import words as report_words

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "showcase": "Showcase", "builder": "Strategy builder", "chatops": "ChatOps", "quality": "Quality", "sign_out": "Sign out",
        "title": "InsightStack showcase",
        "intro": "Narrative reports, generated strategy drafts and ChatOps answers, all from the on-prem model, as stored.",
        "generated": "Generated", "reports": "Narrative reports", "backtest": "Backtest", "headline": "Headline", "sharpe": "Sharpe",
        "status": "Status", "fact_check": "Fact check", "prompt": "Prompt", "no_reports": "No reports yet.",
        "drafts": "draft(s)", "every_draft": "every draft, its revisions and approvals",
        "questions": "question(s)", "each_question": "each question with its tool calls and answer",
    },
    "ko": {
        "showcase": "쇼케이스", "builder": "전략 빌더", "chatops": "챗옵스", "quality": "품질", "sign_out": "로그아웃",
        "title": "InsightStack 쇼케이스",
        "intro": "온프레미스 모델이 만든 내러티브 리포트, 전략 초안, 챗옵스 답변을 저장된 그대로 보여 줍니다.",
        "generated": "생성 시각", "reports": "내러티브 리포트", "backtest": "백테스트", "headline": "헤드라인", "sharpe": "샤프 지수",
        "status": "상태", "fact_check": "팩트 체크", "prompt": "프롬프트", "no_reports": "아직 리포트가 없습니다.",
        "drafts": "개의 초안", "every_draft": "모든 초안과 수정 이력, 승인 내역",
        "questions": "개의 질문", "each_question": "질문마다 도구 호출과 답변",
        "pending_approval": "승인 대기", "invalid": "유효하지 않음", "answered": "답변함",
        "escalated": "에스컬레이션", "needs_confirmation": "확인 필요", "degraded": "모델 없이 답변",
    },
}


def words(lang: Lang) -> dict[str, str]:
    return WORDS[lang]


def named(value: str, lang: Lang) -> str:
    """A status or outcome as the page shows it: a report's status and verdict in the words of
    the report page, the builder's and ChatOps' in this page's."""
    return WORDS[lang].get(value) or report_words(lang).get(value) or value.replace("_", " ")
