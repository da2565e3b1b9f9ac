"""Thin Celery tasks: ids in, one service call, retries owned here."""
from __future__ import annotations

from celery import Task, shared_task
from django.conf import settings
from django.db import DatabaseError, InterfaceError

from portal.llm import LLMError

MAX_RETRY_WAIT_SECONDS = 120.0


def _backoff(attempt: int) -> float:
    return float(min(60, 2 ** attempt))


@shared_task(bind=True, acks_late=True, max_retries=None)
def llm_request_run(self: Task, request_id: int) -> str:
    """Run one LLM request; retry transient failures a bounded number of times."""
    from portal.models import LLMRequest
    from portal.services import llm_request_attempt_failed, llm_request_execute

    try:
        return llm_request_execute(request_id=request_id)
    except LLMError as error:
        attempts = LLMRequest.objects.filter(pk=request_id).values_list("attempts", flat=True).first() or 0
        final = not error.retryable or attempts >= settings.LLM_MAX_ATTEMPTS
        llm_request_attempt_failed(request_id=request_id, error=error, final=final)
        if final:
            return "failed"
        countdown = error.retry_after if error.retry_after is not None else _backoff(attempts)
        # A waiting retry is held unacknowledged by a worker: keep the wait well inside the
        # broker's visibility timeout so the task is never handed out twice.
        countdown = min(countdown, MAX_RETRY_WAIT_SECONDS)
        raise self.retry(countdown=countdown, exc=error) from error
    except (DatabaseError, InterfaceError) as error:
        # The database went away mid-task: nothing was shown without its audit rows;
        # try again later (the service re-checks state on the next delivery).
        raise self.retry(countdown=_backoff(self.request.retries + 1), exc=error, max_retries=20) from error


@shared_task(acks_late=True)
def llm_request_outbox_sweep() -> int:
    """Queue requests that were stored while the broker was away."""
    from portal.services import llm_request_outbox_sweep as sweep

    return sweep()


