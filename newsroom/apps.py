from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The top application layer: joins sources and articles (see docs/architecture.md)."""

    name = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, as Django asks: these modules import models.
        from core.scheduling import register_periodic_job, seconds_setting

        from . import signals
        from .tasks import send_watch_digests_task

        signals.connect()
        register_periodic_job(
            "newsroom.watch_digests",
            seconds_setting("NEWSDESK_WATCH_DIGEST_SECONDS"),
            send_watch_digests_task,
            description="E-mail watch-list owners the new matching source articles",
        )
