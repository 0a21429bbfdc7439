"""Page types and snippets of the articles app."""

from .pages import (
    ArticlePage,
    ArticlePageTag,
    ArticleSourceLink,
    HomePage,
    PinnedRelatedArticle,
    SectionPage,
)
from .snippets import Author

__all__ = [
    "ArticlePage",
    "ArticlePageTag",
    "ArticleSourceLink",
    "Author",
    "HomePage",
    "PinnedRelatedArticle",
    "SectionPage",
]
