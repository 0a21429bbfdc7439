"""Editorial integrity: is an interpretation its sources' text, verbatim or translated?

At the newsroom level (docs/architecture.md): it compares an ArticlePage with its linked
SourceArticles using the pure scorer in ``sources.originality``, stores the result per revision,
and refuses publishing above the threshold unless an editor with the permission records a reason.
"""
