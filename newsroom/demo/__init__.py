"""The demo site that `make demo` serves: its text as data files, and the loader.

Here, in the top layer, because loading the demo needs every app below: sources (outlets and
source records), articles (pages, through ``articles.creation``) and translation (pairing each
Russian page with its English original for wagtail-localize).
"""
