from __future__ import annotations

from typing import Any

from django.apps import AppConfig

from core.footer import register_footer_links
from core.fragment_cache import register_invalidating_model
from sources.signals import source_article_changed, source_event_recorded


def _based_on_by_a_page(source_article: Any, created: bool) -> bool:
    """Only source articles some page is based on show on a page (attribution); ingest saves
    hundreds of others, which must not flush every cached page. A new one has no page yet."""
    return not created and source_article.article_links.exists()


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        # What article pages render from other rows: their authors and their sources (the
        # outlet registers itself in sources). See core/fragment_cache.py.
        register_invalidating_model(self.get_model("Author"))
        source_article = self.apps.get_model("sources", "SourceArticle")
        register_invalidating_model(source_article, when=_based_on_by_a_page)
        # Pages based on a source whose text changed get the "source updated" flag.
        from .source_updates import (  # models are loaded only now
            on_source_article_changed,
            on_source_event_recorded,
            sources_to_watch,
        )

        source_article_changed.connect(
            on_source_article_changed, dispatch_uid="articles.flag_pages_based_on"
        )
        source_event_recorded.connect(
            on_source_event_recorded, dispatch_uid="articles.flag_withdrawn_sources"
        )
        # The sources of live pages are re-fetched after publication (sources/watch/).
        from sources.watch.schedule import register_watch_candidates

        register_watch_candidates(sources_to_watch)
        from . import purge

        purge.connect()
        from .trust_pages import footer_links

        register_footer_links(footer_links)
