from django.apps import AppConfig

from .fragment_cache import connect_invalidation


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        connect_invalidation()
