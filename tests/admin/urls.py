"""The portal's URLs plus the appeal pages (until the lead includes them in portal.urls)."""

from __future__ import annotations

from django.urls import include, path

from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    *[
        p
        for p in portal_urlpatterns
        if "screening" not in str(getattr(p, "pattern", ""))
    ],
    path("screening/", include("screening.urls")),
]
