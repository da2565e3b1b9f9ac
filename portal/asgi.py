import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.local")
application = get_asgi_application()

from screening.detectors import warm_up  # noqa: E402 - after Django is set up

warm_up()  # load the screening dictionary before the first prompt, not during it
