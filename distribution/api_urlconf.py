"""The API alone, as a URLconf without language prefixes (used by ArticlesAPIViewSet.dispatch)."""

from django.urls import path

from .api import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
