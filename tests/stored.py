"""What the database holds, as text a test can search for a value."""
from __future__ import annotations

import json

from django.apps import apps
from django.db import models as djmodels


def all_stored_text() -> str:
    """Every character and JSON column of every table, as one string."""
    parts = []
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields
                  if isinstance(f, (djmodels.CharField, djmodels.TextField, djmodels.JSONField))]
        if fields:
            for row in model._default_manager.values_list(*fields):
                parts.append(json.dumps(row, ensure_ascii=False, default=str))
    return "\n".join(parts)
