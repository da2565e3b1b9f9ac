"""Two departments (A with a sub-department A1, and B) and one user of every role."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from portal.models import Conversation, LLMRequest, Message, MessageRole, Role, User


@dataclass
class Org:
    dept_a: Any
    dept_a1: Any
    dept_b: Any
    staff_a: User
    staff_a1: User
    head_a: User
    staff_b: User
    head_b: User
    admin: User
    conv_a: Conversation
    conv_a1: Conversation
    conv_b: Conversation


def conversation_with_answer(user: User, title: str) -> Conversation:
    from tests.factories import ConversationFactory

    conv = ConversationFactory(user=user, title=title)
    prompt = Message.objects.create(conversation=conv, role=MessageRole.USER, content=f"{title}の質問")
    answer = Message.objects.create(conversation=conv, role=MessageRole.ASSISTANT, content=f"{title}の回答")
    LLMRequest.objects.create(
        conversation=conv, prompt=prompt, answer=answer, model=conv.model,
        idempotency_key=f"k-{conv.pk}", status="succeeded", prompt_tokens=12, completion_tokens=30,
    )
    return conv


@pytest.fixture
def org(defaults: None) -> Org:
    from tests.factories import DepartmentFactory, UserFactory

    dept_a = DepartmentFactory(code="A00", name="市民部")
    dept_a1 = DepartmentFactory(code="A10", name="市民課", parent=dept_a)
    dept_b = DepartmentFactory(code="B00", name="福祉部")
    staff_a = UserFactory(username="staff_a", department=dept_a)
    staff_a1 = UserFactory(username="staff_a1", department=dept_a1)
    head_a = UserFactory(username="head_a", department=dept_a, role=Role.SECTION_HEAD)
    staff_b = UserFactory(username="staff_b", department=dept_b)
    head_b = UserFactory(username="head_b", department=dept_b, role=Role.SECTION_HEAD)
    admin = UserFactory(username="admin_p", department=None, role=Role.POLICY_ADMIN, is_staff=True)
    return Org(
        dept_a, dept_a1, dept_b, staff_a, staff_a1, head_a, staff_b, head_b, admin,
        conversation_with_answer(staff_a, "A会話"),
        conversation_with_answer(staff_a1, "A1会話"),
        conversation_with_answer(staff_b, "B会話"),
    )
