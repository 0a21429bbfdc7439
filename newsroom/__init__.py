"""The newsroom: where ingested sources become articles.

The layer above sources, articles, search, distribution and translation (docs/architecture.md):
the inbox and "Write interpretation", the source admin views and reports, "source updated since
publication" review, the archive importer and the demo loader. Everything that needs both a
source and an article lives here, so the apps below never import upwards.
"""
