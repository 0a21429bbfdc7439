"""The semantic index: sentence embeddings of articles and source articles, searched by ANN.

Public entry points (typed, for the query path and for higher layers such as newsroom):
`search.semantic.service.search_pages`, `search.semantic.service.search_source_articles`,
`search.semantic.service.search_everything`. Storage is `search.semantic.store`, the in-memory
ANN index `search.semantic.ann`. See docs/search.md, "Semantic index".
"""
