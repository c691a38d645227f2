"""Every word a report shows around its statements, in English and Korean: section titles, KPI
names, the page's and the Markdown's labels. The statements themselves are in `insights.py`,
the figures' units in `facts.format_value`."""

from __future__ import annotations

from services.reports.facts import LABELS
from services.reports import narrative

SECTION_TITLES_KO = {
    "headline": "헤드라인", "executive_summary": "요약", "performance_vs_benchmark": "벤치마크 대비 성과", "risk": "위험",
    "regime_analysis": "시장 국면 분석", "signal_insights": "신호 분석", "anomalies": "이상 징후", "recommendations": "권고 사항", "caveats": "유의 사항",
}
KPI_LABELS_KO = {
    "total_return": "누적 수익률", "cagr": "연평균 수익률(CAGR)", "annual_volatility": "연간 변동성", "sharpe": "샤프 지수",
    "sortino": "소르티노 비율", "calmar": "칼마 비율", "max_drawdown": "최대 낙폭", "max_drawdown_duration_days": "최대 낙폭 기간",
    "win_rate": "승률", "profit_factor": "손익비", "num_trades": "거래 횟수", "avg_trade_return": "평균 거래 수익률", "exposure": "노출도",
    "turnover": "회전율", "alpha": "알파", "beta": "베타", "benchmark_cagr": "벤치마크 CAGR", "benchmark_sharpe": "벤치마크 샤프 지수",
    "benchmark_max_drawdown": "벤치마크 최대 낙폭",
}
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "to": "to", "benchmark": "benchmark", "status": "status", "stale": "stale", "stale_note": "stale: the model is unavailable, this is the last stored report",
        "fact_check": "Fact check", "prompt": "prompt", "model": "model", "generated": "generated", "key_figures": "Key figures", "kpi": "KPI",
        "value": "Value", "equity": "Equity and drawdown", "regimes": "Market regimes", "by_regime": "Return by market regime", "claim": "claim",
        "marked": "Checked claims are marked:", "against": "against the stored figures,", "by_them": "by them, or",
        "verified": "verified", "contradicted": "contradicted", "unverifiable": "unverifiable", "supported": "supported",
        "needs_review": "needs review", "approved": "approved", "rejected": "rejected",
        "counts": "{s} supported · {c} contradicted · {u} unverifiable",
        "withheld": "Model prose left out: {fields}. The statements shown are stated by code from the stored figures.",
    },
    "ko": {
        "to": "~", "benchmark": "벤치마크", "status": "상태", "stale": "이전 리포트", "stale_note": "모델을 사용할 수 없어 마지막으로 저장된 리포트를 보여 줍니다",
        "fact_check": "팩트 체크", "prompt": "프롬프트", "model": "모델", "generated": "생성", "key_figures": "주요 지표", "kpi": "지표",
        "value": "값", "equity": "자산 곡선과 낙폭", "regimes": "시장 국면", "by_regime": "시장 국면별 수익률", "claim": "주장",
        "marked": "검사한 주장은 표시되어 있습니다:", "against": "저장된 수치로 확인됨,", "by_them": "저장된 수치와 다름,",
        "verified": "검증됨", "contradicted": "불일치", "unverifiable": "확인 불가", "supported": "검증됨",
        "needs_review": "검토 필요", "approved": "승인됨", "rejected": "반려됨",
        "counts": "검증됨 {s} · 불일치 {c} · 확인 불가 {u}",
        "withheld": "모델이 쓴 문장 제외: {fields}. 표시된 문장은 저장된 수치로 코드가 작성했습니다.",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["ko" if lang == "ko" else "en"]


def section_titles(lang: str) -> dict[str, str]:
    return SECTION_TITLES_KO if lang == "ko" else narrative.section_titles()


def kpi_labels(lang: str) -> dict[str, str]:
    return KPI_LABELS_KO if lang == "ko" else LABELS
