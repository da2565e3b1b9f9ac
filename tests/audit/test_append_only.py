"""The database refuses UPDATE and DELETE on audit rows: ORM, raw SQL and admin."""
from __future__ import annotations

from http import HTTPStatus

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from audit.services import audit_event_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _triggers(db):
    """Transactional tests elsewhere lift the triggers for their flush: put them back."""
    from audit.triggers import install

    install(connection)


@pytest.fixture
def event():
    return audit_event_record(kind=EventKind.LOGIN_SUCCEEDED, actor_username="x", payload={"a": 1})


WRITES = {
    "orm_save": lambda e: (setattr(e, "actor_username", "y"), e.save()),
    "orm_delete": lambda e: e.delete(),
    "queryset_update": lambda e: AuditEvent.objects.filter(pk=e.pk).update(payload={"a": 2}),
    "queryset_delete": lambda e: AuditEvent.objects.all().delete(),
    "raw_update": lambda e: connection.cursor().execute(
        "UPDATE audit_auditevent SET hash = 'x' WHERE id = %s", [e.pk]
    ),
    "raw_delete": lambda e: connection.cursor().execute("DELETE FROM audit_auditevent"),
}


@pytest.mark.parametrize("write", WRITES, ids=list(WRITES))
def test_database_refuses(event, write):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        WRITES[write](event)
    assert AuditEvent.objects.filter(pk=event.pk).values_list("actor_username", "hash").get() == (
        "x", event.hash,
    )


def test_truncate_refused_on_postgresql(event):
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # SQLite has no TRUNCATE; DELETE is covered
        return
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.cursor().execute("TRUNCATE audit_auditevent")


def test_admin_cannot_change_or_delete(admin_client, event):
    client = admin_client
    change = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert client.get(change).status_code == HTTPStatus.OK  # read-only view
    response = client.post(change, {"actor_username": "y"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    bulk = client.post(
        reverse("admin:audit_auditevent_changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert bulk.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == HTTPStatus.FORBIDDEN
    assert AuditEvent.objects.filter(pk=event.pk, actor_username="x").exists()
