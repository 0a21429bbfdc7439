"""Page types and snippets of the articles app."""

from .notices import ArticleNotice, ArticleWithdrawal, NoticeKind
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
    "ArticleNotice",
    "ArticleWithdrawal",
    "NoticeKind",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleSourceLink",
    "Author",
    "HomePage",
    "PinnedRelatedArticle",
    "SectionPage",
]
