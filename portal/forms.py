"""Forms of the chat pages: parse input only."""
from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import ApprovedModel, BusinessPurpose, Classification


class ConversationForm(forms.Form):
    title = forms.CharField(label=_("件名"), max_length=200)
    purpose = forms.ModelChoiceField(
        label=_("業務目的"), queryset=BusinessPurpose.objects.filter(active=True)
    )
    purpose_detail = forms.CharField(
        label=_("業務目的（具体的に）"), max_length=500, required=False
    )
    model = forms.ModelChoiceField(label=_("モデル"), queryset=ApprovedModel.objects.none())

    def __init__(self, *args: object, models_qs: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["model"].queryset = models_qs  # type: ignore[attr-defined]


class PromptForm(forms.Form):
    text = forms.CharField(
        label=_("質問・指示"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        strip=False,
        error_messages={"required": _("プロンプトが空です。内容を入力してください。")},
    )
    classification = forms.ChoiceField(
        label=_("入力する情報の重要性分類"),
        choices=[("", _("選択してください"))] + list(Classification.choices),
        error_messages={"required": _("重要性分類を選んでください（ガイドライン3(1)）。")},
    )
    acknowledge_warning = forms.BooleanField(required=False)
    send_masked = forms.BooleanField(required=False)
    client_token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    @staticmethod
    def new_token() -> str:
        return uuid.uuid4().hex


class ConfirmForm(forms.Form):
    fact_checked = forms.BooleanField(required=False)
    responsibility = forms.BooleanField(required=False)


class GuidelineAckForm(forms.Form):
    agree = forms.BooleanField(
        label=_("上記を読み、理解しました"),
        error_messages={"required": _("確認のチェックを入れてください。")},
    )


ENCODING_CHOICES = [
    ("", _("自動判定")),
    ("utf-8", "UTF-8"),
    ("utf-8-sig", _("UTF-8（BOM付き）")),
    ("cp932", _("Shift_JIS（CP932・Excelの既定）")),
    ("euc-jp", "EUC-JP"),
    ("utf-16", _("UTF-16（Excelの「Unicode テキスト」）")),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSVファイル"),
        allow_empty_file=True,  # the reader rejects it with its own explanation
        error_messages={"required": _("ファイルを選んでください。")},
    )
    encoding = forms.ChoiceField(label=_("文字コード"), choices=ENCODING_CHOICES, required=False)
    drop_columns = forms.MultipleChoiceField(required=False, choices=())
    upload_token = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Column names come from the user's own file; any name they send back is accepted
        # and matched against the re-uploaded table.
        dropped = self.data.getlist("drop_columns") if hasattr(self.data, "getlist") else []
        self.fields["drop_columns"].choices = [(c, c) for c in dropped]  # type: ignore[attr-defined]
