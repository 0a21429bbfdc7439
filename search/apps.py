from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, as Django asks: these modules import models.
        from articles.related import register_related_provider
        from core.scheduling import register_periodic_job, seconds_setting

        from . import related, signals
        from .tasks import refresh_related_task, semantic_maintenance_task

        signals.connect()
        # "Don't Miss" on article pages prefers the content-similarity neighbours stored here.
        register_related_provider(related.stored_related_ids)
        register_periodic_job(
            "search.refresh_related",
            seconds_setting("NEWSDESK_RELATED_REFRESH_SECONDS"),
            refresh_related_task,
            description="Recompute stored Don't Miss lists that are missing or out of date",
        )
        register_periodic_job(
            "search.semantic_maintenance",
            seconds_setting("NEWSDESK_SEMANTIC_MAINTENANCE_SECONDS"),
            semantic_maintenance_task,
            description="Semantic vectors for source articles a lost task missed; save ANN index",
        )
