from django.apps import AppConfig


class IntegrityConfig(AppConfig):
    """Originality guard: page checks, stored results, publish refusal (docs/architecture.md)."""

    name = "integrity"
    verbose_name = "Editorial integrity"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from articles.models import ArticlePage

        from . import panels, signals

        signals.connect()
        panels.install(ArticlePage)
