"""Serializer fields for ArticlePage.api_fields (kept free of model imports: models import it)."""

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
