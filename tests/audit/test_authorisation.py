"""Every review URL × role × department: no cross-department read, denials logged."""
from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from audit.models import AuditEvent, EventKind

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, NOT_FOUND = HTTPStatus.OK, HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND

# (url name, object the URL points at) -> expected status for each role.
# Objects: "a" = department A's staff member / conversation, "b" = department B's,
# "a1" = A's sub-department, "dept_b" = the dashboard filtered to department B.
MATRIX = [
    ("dashboard", None, {"staff_a": FORBIDDEN, "head_a": OK, "head_b": OK, "admin": OK}),
    ("dashboard", "dept_b", {"staff_a": FORBIDDEN, "head_a": NOT_FOUND, "head_b": OK, "admin": OK}),
    ("dashboard", "dept_a", {"staff_a": FORBIDDEN, "head_a": OK, "head_b": NOT_FOUND, "admin": OK}),
    ("member", "a", {"staff_a": FORBIDDEN, "head_a": OK, "head_b": NOT_FOUND, "admin": OK}),
    ("member", "a1", {"staff_a": FORBIDDEN, "head_a": OK, "head_b": NOT_FOUND, "admin": OK}),
    ("member", "b", {"staff_a": FORBIDDEN, "head_a": NOT_FOUND, "head_b": OK, "admin": OK}),
    ("member", "missing", {"staff_a": FORBIDDEN, "head_a": NOT_FOUND, "head_b": NOT_FOUND, "admin": NOT_FOUND}),
    ("conversation", "a", {"staff_a": FORBIDDEN, "head_a": OK, "head_b": NOT_FOUND, "admin": OK}),
    ("conversation", "a1", {"staff_a": FORBIDDEN, "head_a": OK, "head_b": NOT_FOUND, "admin": OK}),
    ("conversation", "b", {"staff_a": FORBIDDEN, "head_a": NOT_FOUND, "head_b": OK, "admin": OK}),
    ("history", None, {"staff_a": OK, "head_a": OK, "head_b": OK, "admin": OK}),
    ("exports", None, {"staff_a": FORBIDDEN, "head_a": FORBIDDEN, "head_b": FORBIDDEN, "admin": OK}),
]
POSTABLE = {"conversation", "exports"}
CASES = [
    (name, obj, role, status, method)
    for name, obj, expected in MATRIX
    for role, status in expected.items()
    for method in (("get", "post") if name in POSTABLE else ("get",))
]


def _url(org, name: str, obj: str | None) -> str:
    if name == "dashboard":
        base = reverse("review:dashboard")
        if obj:
            return f"{base}?department={getattr(org, obj).pk}"
        return base
    if name == "member":
        pk = {"a": org.staff_a.pk, "a1": org.staff_a1.pk, "b": org.staff_b.pk, "missing": 999999}[obj]
        return reverse("review:member", args=[pk])
    if name == "conversation":
        pk = {"a": org.conv_a.pk, "a1": org.conv_a1.pk, "b": org.conv_b.pk}[obj]
        return reverse("review:conversation", args=[pk])
    return reverse(f"review:{name}")


@pytest.mark.parametrize(("name", "obj", "role", "status", "method"), CASES)
def test_matrix(client, org, name, obj, role, status, method):
    user = getattr(org, role)
    client.force_login(user)
    url = _url(org, name, obj)
    before = AuditEvent.objects.count()
    if method == "post":
        data = {"reason": "業務外利用の警告を確認するため"} if name == "conversation" else {}
        response = client.post(url, data)
    else:
        response = client.get(url)
    assert response.status_code == status
    denials = list(
        AuditEvent.objects.filter(seq__gt=before, kind=EventKind.ACCESS_DENIED)
        .values_list("actor_id", "payload__path", "payload__reason")
    )
    if status == OK:
        assert denials == []
        if name == "conversation" and method == "get":
            assert "の質問" not in response.content.decode()  # no content before a reason
    else:
        reason = "role" if status == FORBIDDEN else "scope"
        assert denials == [(user.pk, url.split("?")[0], reason)]
        # Nothing of the other department leaks into the refusal page.
        body = response.content.decode()
        assert "B会話" not in body and "A会話" not in body


def test_head_dashboard_lists_only_own_tree(client, org):
    client.force_login(org.head_a)
    body = client.get(reverse("review:dashboard")).content.decode()
    assert "staff_a" in body and "staff_a1" in body
    assert "staff_b" not in body and "福祉部" not in body


def test_subdepartments_hidden_when_tree_says_so(client, org):
    org.dept_a.heads_review_subdepartments = False
    org.dept_a.save()
    client.force_login(org.head_a)
    assert client.get(reverse("review:member", args=[org.staff_a1.pk])).status_code == NOT_FOUND
    assert client.get(reverse("review:member", args=[org.staff_a.pk])).status_code == OK


def test_admin_sees_every_department(client, org):
    client.force_login(org.admin)
    body = client.get(reverse("review:dashboard")).content.decode()
    assert "staff_a" in body and "staff_b" in body


def test_anonymous_is_sent_to_login(client, org):
    response = client.get(reverse("review:dashboard"))
    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response["Location"]
