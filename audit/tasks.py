"""Scheduled audit work (Celery beat): thin tasks that call one function."""
from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def audit_checkpoint_write() -> int:
    """Write the chain head to the checkpoint file (hourly)."""
    from audit.checkpoints import checkpoint_write

    return checkpoint_write().seq


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def retention_run() -> int:
    """Clear expired conversation text (daily); the run is an audit event."""
    from audit.services import retention_run as run

    return run().messages_cleared
