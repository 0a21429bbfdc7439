from django.apps import AppConfig


class TranslationConfig(AppConfig):
    name = "translation"
    verbose_name = "Translation"
