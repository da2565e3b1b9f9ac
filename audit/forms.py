from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ReviewReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("閲覧の理由"),
        min_length=4,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("例：業務外利用の警告の確認のため。閲覧の記録は本人の履歴画面に表示されます。"),
    )


FORMAT_CHOICES = [("csv", "CSV"), ("xlsx", "Excel（XLSX）")]
ENCODING_CHOICES = [("utf-8", _("UTF-8（BOM付き）")), ("cp932", _("Shift_JIS（CP932・Excel向け）"))]


class AuditExportForm(forms.Form):
    date_from = forms.DateField(label=_("開始日"), widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("終了日"), widget=forms.DateInput(attrs={"type": "date"}))
    file_format = forms.ChoiceField(label=_("形式"), choices=FORMAT_CHOICES)
    encoding = forms.ChoiceField(label=_("文字コード（CSV）"), choices=ENCODING_CHOICES)


class UsageExportForm(forms.Form):
    month = forms.RegexField(
        label=_("年月"), regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    file_format = forms.ChoiceField(label=_("形式"), choices=FORMAT_CHOICES)
    encoding = forms.ChoiceField(label=_("文字コード（CSV）"), choices=ENCODING_CHOICES)
