import json
import pytest
from django.apps import apps
from django.db import models as djmodels
pytestmark = pytest.mark.django_db

def test_leak(acknowledged_client, staff, llm):
    from portal.models import ApprovedModel
    from portal.services import prompt_submit
    from tests.factories import ConversationFactory
    conv = ConversationFactory(user=staff, model=ApprovedModel.objects.first())
    out = prompt_submit(user=staff, conversation=conv, text="山田太郎さん（090-1234-5678）に送る案内文を作ってください。", classification="IV", idempotency_key="x")
    print(out.status)
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, (djmodels.CharField, djmodels.TextField, djmodels.JSONField))]
        for row in model._default_manager.values_list(*fields) if fields else []:
            t = json.dumps(row, ensure_ascii=False, default=str)
            if "090-1234" in t or "山田" in t: print(model, t[:800])
