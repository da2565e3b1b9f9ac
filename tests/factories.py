"""factory_boy factories for the portal's models."""
from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from portal import models


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n:03d}")
    name = factory.Sequence(lambda n: f"テスト課{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.lg.jp")
    department = factory.SubFactory(DepartmentFactory)
    role = models.Role.STAFF
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-2026")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):  # type: ignore[no-untyped-def]
        if create:
            instance.save()


class ApprovedModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ApprovedModel

    display_name = "スタンドインLLM（テスト）"
    kind = models.ModelKind.STANDIN
    model_name = "standin-chat"
    knowledge_cutoff = dt.date(2025, 1, 1)
    all_departments = True


class PurposeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.BusinessPurpose
        django_get_or_create = ("label",)

    label = "文書の作成・校正"


class GuidelineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.GuidelineVersion

    label = "第5版"
    issued_on = dt.date(2025, 4, 1)
    summary = "要約"
    clauses = factory.LazyFunction(lambda: [{"number": "3(1)", "title": "t", "summary": "s"}])
    published_at = factory.LazyFunction(timezone.now)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Conversation

    user = factory.SubFactory(UserFactory)
    department = factory.LazyAttribute(lambda o: o.user.department)
    title = "テスト会話"
    purpose = factory.SubFactory(PurposeFactory)
    model = factory.SubFactory(ApprovedModelFactory)
