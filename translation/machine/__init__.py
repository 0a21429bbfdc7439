"""Machine translation backends for wagtail-localize (LibreTranslate, DeepL)."""
