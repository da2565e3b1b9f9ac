"""Turn an admin change page back into the POST data that saves it unchanged."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if hasattr(value, "pk"):
        return value.pk
    return value


def form_post_data(
    form: forms.BaseForm, prefix_data: dict[str, Any] | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = dict(prefix_data or {})
    for _name, bound in form._bound_items():  # type: ignore[attr-defined]
        field = bound.field
        if field.disabled:
            continue
        value = bound.value()
        widget = field.widget
        while hasattr(widget, "widget") and not isinstance(widget, forms.MultiWidget):
            widget = widget.widget  # RelatedFieldWidgetWrapper
        if isinstance(widget, forms.MultiWidget):
            parts = (
                value if isinstance(value, list | tuple) else widget.decompress(value)
            )
            for i, part in enumerate(parts):
                data[f"{bound.html_name}_{i}"] = _plain(part)
            continue
        if isinstance(field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [_plain(v) for v in value]
            continue
        data[bound.html_name] = _plain(value)
    return data


def change_page_post_data(response: Any) -> dict[str, Any]:
    """The data of the main form and every inline formset on an admin change page."""
    data = form_post_data(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for _name, bound in management._bound_items():
            data[bound.html_name] = bound.value()
        for form in formset.forms:
            data.update(form_post_data(form))
    return data
