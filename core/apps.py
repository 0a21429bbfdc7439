from django.apps import AppConfig

from .fragment_cache import connect_invalidation


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django_tasks.signals import task_started

        from . import login_throttle  # noqa: F401 - connects its signal receivers
        from .notifications import set_email_sender
        from .scheduling import register_periodic_job, seconds_setting
        from .task_health import on_task_started
        from .tasks import prune_task_results, publish_scheduled_task, send_notification_emails

        connect_invalidation()
        set_email_sender(lambda ids: send_notification_emails.enqueue(ids))
        task_started.connect(on_task_started, dispatch_uid="core.task_heartbeat")
        register_periodic_job(
            "wagtail.publish_scheduled",
            seconds_setting("NEWSDESK_PUBLISH_SCHEDULED_SECONDS"),
            publish_scheduled_task,
            description="Publish pages whose go_live_at passed; unpublish those past expire_at",
        )
        register_periodic_job(
            "core.prune_task_results",
            seconds_setting("NEWSDESK_TASK_PRUNE_SECONDS"),
            prune_task_results,
            description="Delete old finished task results and heartbeats of gone processes",
        )

        from .purge import connect as connect_purge

        connect_purge()

        from .http_cache import declare_private_view, declare_public_view

        declare_public_view("root_icon")

        # `/` redirects by Accept-Language: a shared cache would hand one reader's language to
        # the next (it carries Vary: Accept-Language for browsers).
        declare_private_view("language_redirect")
