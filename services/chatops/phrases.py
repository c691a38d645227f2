"""What the agent says in code, in English and Korean: one table, so both say the same facts.

An answer is in the language of the question (`retrieval.korean.language_of`). The findings are
stated in both languages at once: the English text is what code ranks and searches with (the
embedding model and the runbooks are English), the Korean text is what a Korean question is
answered with. Korean lines name things as written (pipelines, tasks, errors, feeds) and avoid
particles after a name, whose form depends on the name's last sound.
"""

from __future__ import annotations

from services.platform.languages import Lang

PHRASES: dict[str, tuple[str, str]] = {
    # findings
    "run_failed": ("Pipeline {name} run {run_id} failed at {when}: {where}{others}.", "파이프라인 {name} 실행 {run_id}: {when} 실패 - {where}{others}."),
    "task_failed": ("task {task} failed with: {error}", "태스크 {task} 오류: {error}"),
    "no_failed_task": ("no failed task reported", "실패한 태스크 보고 없음"),
    "other_tasks": (" (other tasks {statuses})", " (다른 태스크: {statuses})"),
    "no_error_text": ("no error text", "오류 내용 없음"),
    "run_running": ("Pipeline {name} run {run_id} is still running since {since}{at}.", "파이프라인 {name} 실행 {run_id}: {since}부터 실행 중{at}."),
    "run_at_task": (", at task {task}", ", 현재 태스크 {task}"),
    "run_succeeded": ("Pipeline {name} run {run_id} succeeded at {when}.", "파이프라인 {name} 실행 {run_id}: {when} 성공."),
    "no_runs": ("No pipeline has reported runs: {summary}.", "보고된 파이프라인 실행이 없습니다: {summary}."),
    "tool_failed": ("{tool} could not answer: {summary}.", "{tool} 도구가 응답하지 못했습니다 (오류 내용: {summary})."),
    "feed_halted": ("Feed {name} is halted: its last tick was {lag} s ago.", "피드 {name} 중단: 마지막 틱 {lag}초 전."),
    "feed_breach": (
        "Feed {name} is in SLO breach: its last tick was {lag} s ago against a freshness SLO of {slo} s.",
        "피드 {name} 신선도 SLO 위반: 마지막 틱 {lag}초 전 (SLO {slo}초).",
    ),
    "feeds_ok": ("Feeds within their freshness SLO: {names}.", "신선도 SLO 이내 피드: {names}."),
    "service_up": ("{name} is up{latency}.", "{name} 정상 동작 중{latency}."),
    "service_down": ("{name} is {status} since {since} (on-call: {oncall}){error}.", "{name} {status} 상태: {since}부터 (온콜: {oncall}){error}."),
    "last_error": ("; last error: {error}", "; 마지막 오류: {error}"),
    "cache": (
        "Cache {name} ({description}): {entries} entries, hit ratio {ratio} ({hits} hits, {misses} misses){evictions}, oldest entry {oldest}.",
        "캐시 {name}: 항목 {entries}개, 적중률 {ratio} (적중 {hits}, 미스 {misses}){evictions}, 가장 오래된 항목 {oldest}.",
    ),
    "evictions": (", {count} evictions", ", 축출 {count}회"),
    "none": ("none", "없음"),
    "database": ("Database {dialect} {version}: SELECT 1 latency {ms} ms{pool}.", "데이터베이스 {dialect} {version}: SELECT 1 지연 {ms} ms{pool}."),
    "pool": (
        "; connection pool {checked_out} of {size} checked out (overflow {overflow})",
        "; 커넥션 풀 {size}개 중 {checked_out}개 사용 중 (오버플로 {overflow})",
    ),
    "long_session": ("Database session {pid} of {user} has been {state} for {seconds} s: {query}.", "데이터베이스 세션 {pid} ({user}): {seconds}초째 {state}: {query}."),
    "alert": ("Alert [{severity}] {subject}: {message}.", "{subject}에 심각도 {severity} 알림이 있습니다 (내용: {message})."),
    "anomalous_backtests": ("Backtests with anomaly alerts: {listed}.", "이상 알림이 있는 백테스트: {listed}."),
    "oncall": ("The on-call for {name} is {team}.", "{name} 온콜: {team}."),
    # the answer around them
    "also_wrong": ("Also wrong right now: {problems}", "현재 다른 문제: {problems}"),
    "runbook": ("Runbook {id} ({title}): {steps}", "런북 {id} ({title}): {steps}"),
    "degraded": (
        "The language model is unavailable, so this answer is the findings alone. {answer}",
        "언어 모델을 사용할 수 없어 이 답변은 진단 결과만으로 작성했습니다. {answer}",
    ),
    # actions
    "no_tool_for_change": (
        "No tool I have can make that change (the changes I can prepare are invalidating a cache and silencing an alert); the runbook says how.",
        "그 변경을 할 수 있는 도구가 없습니다 (준비할 수 있는 변경은 캐시 무효화와 경보 무음 처리뿐입니다). 방법은 런북에 있습니다.",
    ),
    "no_alert_to_silence": (
        "I did not prepare a silence: no firing alert is named in the question (firing: {firing}).",
        "무음 처리를 준비하지 않았습니다: 질문에 발생 중인 경보 이름이 없습니다 (발생 중: {firing}).",
    ),
    "silence_needs_operator": (
        "Silencing {alertname} changes state: it needs the operator role, so ask an operator.",
        "{alertname} 경보 무음 처리는 상태를 바꾸는 작업이라 operator 권한이 필요합니다. 운영자에게 요청하세요.",
    ),
    "silence_prepared": (
        "I prepared {tool} for {alertname} for {minutes} minutes; it changes state, so an operator must confirm it.",
        "{alertname} 경보를 {minutes}분 동안 무음 처리하는 {tool} 작업을 준비했습니다. 상태를 바꾸는 작업이므로 운영자가 확인해야 합니다.",
    ),
    "needs_operator": (
        "Invalidating the {cache} cache changes state: it needs the operator role, so ask an operator.",
        "{cache} 캐시 무효화는 상태를 바꾸는 작업이라 operator 권한이 필요합니다. 운영자에게 요청하세요.",
    ),
    "cache_kept_llm_down": (
        "I did not prepare invalidating the reports cache: {down} is down, and the cached reports are what is served until it is back.",
        "reports 캐시 무효화는 준비하지 않았습니다: {down} 다운 상태이며, 복구될 때까지는 캐시된 리포트가 제공됩니다.",
    ),
    "could_not_prepare": ("I could not prepare invalidating the {cache} cache: {summary}", "{cache} 캐시 무효화를 준비하지 못했습니다: {summary}"),
    "could_not_silence": ("I could not prepare the silence of {alertname}: {summary}", "{alertname} 경보 무음 처리를 준비하지 못했습니다: {summary}"),
    "prepared": (
        "I prepared {tool} for {scope} of the {cache} cache; it changes state, so an operator must confirm it.",
        "{cache} 캐시의 {scope}에 대해 {tool} 작업을 준비했습니다. 상태를 바꾸는 작업이므로 운영자가 확인해야 합니다.",
    ),
    "scope_key": ("the entries of {key}", "{key} 항목"),
    "scope_all": ("every entry", "모든 항목"),
    "escalated": ("I escalated this to the {service} on-call ({severity}).", "{service} 온콜에게 에스컬레이션했습니다 ({severity})."),
}


def say(lang: Lang, key: str, /, **values: object) -> str:
    english, korean = PHRASES[key]
    return (korean if lang == "ko" else english).format(**values)


def both(key: str, /, **values: object) -> tuple[str, str]:
    """(English, Korean) of one phrase; a value that is itself a pair is taken in each language."""
    pick = [{k: (v[i] if isinstance(v, tuple) else v) for k, v in values.items()} for i in (0, 1)]
    return PHRASES[key][0].format(**pick[0]), PHRASES[key][1].format(**pick[1])
