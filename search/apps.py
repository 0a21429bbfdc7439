from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, as Django asks: these modules import models.
        from articles.related import register_related_provider

        from . import related, signals

        signals.connect()
        # "Don't Miss" on article pages prefers the content-similarity neighbours stored here.
        register_related_provider(related.stored_related_ids)
