from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from portal import views

chat_patterns = (
    [
        path("", views.home, name="home"),
        path("guideline/", views.guideline, name="guideline"),
        path("<int:pk>/", views.conversation, name="conversation"),
        path("<int:pk>/send/", views.prompt_send, name="send"),
        path("<int:pk>/upload/", views.table_upload, name="upload"),
        path("uploads/<str:token>/progress/", views.upload_progress, name="upload_progress"),
        path("requests/<int:pk>/stream/", views.request_stream, name="stream"),
        path("requests/<int:pk>/status/", views.request_status, name="status"),
        path("requests/<int:pk>/resend/", views.request_resend, name="resend"),
        path("answers/<int:pk>/confirm/", views.answer_confirm, name="confirm"),
        path("answers/<int:pk>/export/", views.answer_export, name="export"),
    ],
    "chat",
)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="chat:home", permanent=False)),
    path("chat/", include(chat_patterns)),
    path("review/", include("audit.urls")),
    path("screening/", include("screening.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
