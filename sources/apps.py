from django.apps import AppConfig

from core.fragment_cache import register_invalidating_model


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources and ingest"

    def ready(self) -> None:
        from core.scheduling import register_periodic_job, seconds_setting

        from .signals import source_article_changed
        from .tasks import poll_feeds, watch_sources
        from .watch.events import on_source_article_changed

        # An outlet's name and rights wording are shown wherever its articles are cited.
        register_invalidating_model(self.get_model("Outlet"))
        # How often to look for due feeds; each Feed's own interval decides whether it is due.
        register_periodic_job(
            "sources.poll_feeds",
            seconds_setting("NEWSDESK_INGEST_POLL_SECONDS"),
            poll_feeds,
            description="Ingest every feed that is due",
        )
        # How often to look for watched sources that are due; each has its own schedule.
        register_periodic_job(
            "sources.watch_sources",
            seconds_setting("NEWSDESK_SOURCE_WATCH_POLL_SECONDS"),
            watch_sources,
            description="Re-fetch the sources of published articles that are due a check",
        )
        # A changed text becomes one event (changed, or corrected with the outlet's note).
        source_article_changed.connect(
            on_source_article_changed, dispatch_uid="sources.watch.record_change"
        )
