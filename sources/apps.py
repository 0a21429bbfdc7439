from django.apps import AppConfig

from core.fragment_cache import register_invalidating_model


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources and ingest"

    def ready(self) -> None:
        # An outlet's name and rights wording are shown wherever its articles are cited.
        register_invalidating_model(self.get_model("Outlet"))
