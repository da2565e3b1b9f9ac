"""`{% appeal_notices %}`: tell staff the outcome of their recent appeals."""

from __future__ import annotations

from typing import Any

from django import template

from screening.appeals import appeal_notices as appeal_notices_for

register = template.Library()


@register.inclusion_tag("screening/_appeal_notices.html", takes_context=True)
def appeal_notices(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"notices": []}
    return {"notices": list(appeal_notices_for(user=user)[:5])}
