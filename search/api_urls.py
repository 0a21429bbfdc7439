"""The unprefixed JSON search endpoint; included from newsdesk/urls.py as `api/search`."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/search", views.api_search, name="api_search"),
]
