from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The top application layer: joins sources and articles (see docs/architecture.md)."""

    name = "newsroom"
    verbose_name = "Newsroom"
