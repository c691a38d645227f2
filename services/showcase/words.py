"""The showcase's own words in English and Korean, every page's. A report's status and verdict
are shown in the report page's words (`services/reports/labels.py`); what the products stored
(intents, questions, answers) is shown as it was written."""

from __future__ import annotations

from services.platform.languages import Lang
from services.reports.labels import words as report_words

WORDS: dict[str, tuple[str, str]] = {  # key: (English, Korean)
    "showcase": ("Showcase", "쇼케이스"),
    "builder": ("Strategy builder", "전략 빌더"),
    "chatops": ("ChatOps", "챗옵스"),
    "quality": ("Quality", "품질"),
    "sign_out": ("Sign out", "로그아웃"),
    "title": ("InsightStack showcase", "InsightStack 쇼케이스"),
    "intro": ("Narrative reports, generated strategy drafts and ChatOps answers, all from the on-prem model, as stored.", "온프레미스 모델이 만든 내러티브 리포트, 전략 초안, 챗옵스 답변을 저장된 그대로 보여 줍니다."),
    "generated": ("Generated", "생성 시각"),
    "reports": ("Narrative reports", "내러티브 리포트"),
    "backtest": ("Backtest", "백테스트"),
    "headline": ("Headline", "헤드라인"),
    "sharpe": ("Sharpe", "샤프 지수"),
    "status": ("Status", "상태"),
    "fact_check": ("Fact check", "팩트 체크"),
    "prompt": ("Prompt", "프롬프트"),
    "no_reports": ("No reports yet.", "아직 리포트가 없습니다."),
    "drafts": ("draft(s)", "개의 초안"),
    "every_draft": ("every draft, its revisions and approvals", "모든 초안과 수정 이력, 승인 내역"),
    "questions": ("question(s)", "개의 질문"),
    "each_question": ("each question with its tool calls and answer", "질문마다 도구 호출과 답변"),
    "builder_title": ("Strategy builder drafts", "전략 빌더 초안"),
    "builder_intro": ("Every draft is a proposal: a person approves it; nothing is deployed from here.", "모든 초안은 제안입니다. 사람이 승인하며, 여기서 배포되는 것은 없습니다."),
    "demo": ("demo content", "데모 콘텐츠"),
    "demo_draft": ("made or approved by the demo walk-through, not a real event", "데모 시연이 만들거나 승인한 것으로, 실제 이벤트가 아닙니다"),
    "draft": ("draft", "초안"),
    "by": ("by", "작성자"),
    "template": ("template", "템플릿"),
    "model": ("model", "모델"),
    "revision": ("revision", "리비전"),
    "validation": ("Validation", "검증"),
    "problems": ("problem(s)", "개 문제"),
    "after_repairs": ("after {n} repair(s)", "{n}회 수정 후"),
    "rationale": ("Rationale", "근거"),
    "revisions": ("Revisions", "수정 이력"),
    "source": ("Source", "출처"),
    "who": ("By", "작성자"),
    "when": ("When", "시각"),
    "approval_trail": ("Approval trail", "승인 내역"),
    "audit_no": ("Audit #", "감사 번호"),
    "action": ("Action", "작업"),
    "details": ("Details", "세부 사항"),
    "no_drafts": ("No drafts yet.", "아직 초안이 없습니다."),
    "investigations": ("Alert investigations", "경보 조사"),
    "investigations_intro": ("Alerts Alertmanager sent to the webhook, and the read-only investigation each new one started (its question and tools are below with the others).", "Alertmanager가 웹훅으로 보낸 경보와, 새 경보마다 시작된 읽기 전용 조사입니다 (질문과 도구 호출은 아래 다른 질문과 함께 있습니다)."),
    "demo_alert": ("the demo walk-through made a feed stale on purpose, not a real event", "데모 시연이 일부러 피드를 지연시킨 것으로, 실제 이벤트가 아닙니다"),
    "received": ("received", "수신"),
    "from": ("from", "보낸 곳"),
    "posted": ("posted", "게시"),
    "not_yet": ("not yet", "아직 없음"),
    "resolved_at": ("resolved", "해결"),
    "no_alerts": ("No alerts received.", "받은 경보가 없습니다."),
    "chatops_questions": ("ChatOps questions", "챗옵스 질문"),
    "chatops_intro": ("What the operations agent was asked, which tools it ran and what they returned, the runbooks it used, and the audit entry of each question.", "운영 에이전트가 받은 질문, 실행한 도구와 그 결과, 사용한 런북, 질문마다의 감사 항목입니다."),
    "demo_question": ("asked by the demo walk-through about its scripted incident, not a real event", "데모 시연이 각본의 장애에 대해 물은 것으로, 실제 이벤트가 아닙니다"),
    "asked_by": ("asked by", "질문자"),
    "via": ("via", "채널"),
    "steps": ("step(s)", "단계"),
    "audit_entry": ("audit entry", "감사 항목"),
    "tool_calls": ("Tool calls", "도구 호출"),
    "tool": ("Tool", "도구"),
    "output": ("Output", "출력"),
    "none": ("none", "없음"),
    "answer": ("Answer", "답변"),
    "runbooks": ("Runbooks", "런북"),
    "cited": ("cited", "인용"),
    "escalated_to": ("to", "대상"),
    "no_questions": ("No questions yet.", "아직 질문이 없습니다."),
    "quality_intro": ("How well the products do their job: the latest recorded eval run of each model (held-out cases run through the real products and scored by code), and what users did with them.", "제품이 제 역할을 얼마나 잘하는지: 모델별 최신 평가 실행 결과(실제 제품으로 실행하고 코드로 채점한 보류 사례)와 사용자가 제품을 어떻게 썼는지입니다."),
    "eval_scores": ("Eval scores, latest run per model", "모델별 최신 평가 점수"),
    "no_eval": ("No eval run is recorded: the answers of the products have not been measured on this platform. An operator records one with", "기록된 평가 실행이 없습니다: 이 플랫폼에서 제품의 답변은 아직 측정되지 않았습니다. 운영자는 다음 명령으로 기록합니다:"),
    "pass_rates": ("Pass rate: share of case runs that passed. pass^k: share of cases that passed in all k repeats.", "통과율: 통과한 사례 실행의 비율. pass^k: k번 반복 모두 통과한 사례의 비율."),
    "bars_products": ("Eval pass rate per product and model", "제품과 모델별 평가 통과율"),
    "bars_suites": ("Eval pass rate per suite on", "스위트별 평가 통과율:"),
    "eval_run": ("eval run", "평가 실행"),
    "profile": ("profile", "프로필"),
    "commit": ("commit", "커밋"),
    "prompts": ("prompts", "프롬프트"),
    "suite": ("Suite", "스위트"),
    "product": ("Product", "제품"),
    "lang": ("Lang", "언어"),
    "cases": ("Cases", "사례 수"),
    "pass_rate": ("Pass rate", "통과율"),
    "pass_k": ("pass^k (k)", "pass^k (k)"),
    "latency": ("Latency p50 / p95 ms", "지연 시간 p50 / p95 ms"),
    "tokens": ("Tokens in / out", "토큰 입력 / 출력"),
    "usage": ("Usage metrics", "사용 지표"),
    "usage_from": ("The plan's metrics from", "계획의 지표:"),
    "usage_to": ("to", "부터"),
    "usage_how": ("as GET /metrics/summary and insightstack metrics compute them; hover a name for its definition.", "까지, GET /metrics/summary와 insightstack metrics가 계산하는 방식 그대로입니다. 이름에 마우스를 올리면 정의가 보입니다."),
    "rates": ("rates", "비율"),
}


# The states the builder's, ChatOps' and the investigations' records carry, as the Korean pages name them.
STATES_KO = {
    "pending_approval": "승인 대기", "invalid": "유효하지 않음", "answered": "답변함", "escalated": "에스컬레이션",
    "needs_confirmation": "확인 필요", "degraded": "모델 없이 답변", "approved": "승인됨", "rejected": "반려됨", "valid": "유효",
    "running": "진행 중", "failed": "실패", "firing": "발생 중", "resolved": "해결됨", "posted": "게시됨", "not_configured": "채널 없음",
    "ok": "정상", "error": "오류", "denied": "거부", "survey": "점검", "agent": "에이전트", "pending": "대기", "executed": "실행됨",
}


def words(lang: Lang) -> dict[str, str]:
    return {key: pair[lang == "ko"] for key, pair in WORDS.items()}


def named(value: str, lang: Lang) -> str:
    """A status or outcome as the page shows it: a report's status and verdict in the words of
    the report page, the builder's and ChatOps' in this page's."""
    return (STATES_KO.get(value) if lang == "ko" else None) or report_words(lang).get(value) or value.replace("_", " ")
