from django.apps import AppConfig

from core.fragment_cache import register_invalidating_model


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources and ingest"

    def ready(self) -> None:
        from core.scheduling import register_periodic_job, seconds_setting

        from .tasks import poll_feeds

        # An outlet's name and rights wording are shown wherever its articles are cited.
        register_invalidating_model(self.get_model("Outlet"))
        # How often to look for due feeds; each Feed's own interval decides whether it is due.
        register_periodic_job(
            "sources.poll_feeds",
            seconds_setting("NEWSDESK_INGEST_POLL_SECONDS"),
            poll_feeds,
            description="Ingest every feed that is due",
        )
