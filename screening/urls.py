from __future__ import annotations

from django.urls import path

from screening import views

app_name = "screening"

urlpatterns = [
    path("appeals/", views.appeal_list, name="appeals"),
    path("appeals/new/<int:decision_id>/", views.appeal_new, name="appeal_new"),
]
