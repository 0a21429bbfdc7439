"""Feeds under the language prefix: /<lang>/feed/rss/, /<lang>/feed/section/<slug>/atom/, …"""

from django.urls import path

from .feed_views import ArticleAtomFeed, ArticleRssFeed

app_name = "distribution_feeds"

rss = ArticleRssFeed()
atom = ArticleAtomFeed()

urlpatterns = [
    path("rss/", rss, name="rss"),
    path("atom/", atom, name="atom"),
    path("section/<slug:section_slug>/rss/", rss, name="section_rss"),
    path("section/<slug:section_slug>/atom/", atom, name="section_atom"),
    path("tag/<str:tag_slug>/rss/", rss, name="tag_rss"),
    path("tag/<str:tag_slug>/atom/", atom, name="tag_atom"),
]
