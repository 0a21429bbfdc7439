"""Serializer fields for ArticlePage.api_fields: an article's authors and sources in the API.

WHY here and not in distribution (which serves the API): they are the article's own
representation, declared on the model next to the fields they describe, and Wagtail reads
``api_fields`` off the model class. Attaching them from distribution's ``ready()`` would leave
the model incomplete without distribution and hide the declaration from whoever reads the model.
Kept free of model imports, since the models import it.
"""

from __future__ import annotations

from rest_framework.fields import Field


class AuthorsField(Field):
    """Authors as {id, name}: the names readers see, in the article's language."""

    def to_representation(self, authors):
        return [{"id": author.pk, "name": author.name} for author in authors.all()]


class SourcesField(Field):
    """The originals an article is based on: URL, title and outlet, in the editors' order."""

    def to_representation(self, links):
        return [
            {
                "url": link.source_article.url,
                "title": link.source_article.title,
                "language": link.source_article.language,
                "outlet": link.source_article.outlet.name,
                "published_at": (
                    link.source_article.published_at.isoformat()
                    if link.source_article.published_at
                    else None
                ),
            }
            for link in links.select_related("source_article__outlet").order_by("sort_order", "pk")
        ]
