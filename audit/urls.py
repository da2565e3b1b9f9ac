from __future__ import annotations

from django.urls import path

from audit import views

app_name = "review"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("members/<int:pk>/", views.member, name="member"),
    path("conversations/<int:pk>/", views.conversation, name="conversation"),
    path("history/", views.history, name="history"),
    path("exports/", views.exports, name="exports"),
]
