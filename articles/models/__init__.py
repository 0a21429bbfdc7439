"""Page types and snippets of the articles app."""

from .info import InfoPage, InfoPurpose
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
from .tags import TagTranslation

__all__ = [
    "ArticleNotice",
    "ArticleWithdrawal",
    "NoticeKind",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleSourceLink",
    "Author",
    "HomePage",
    "InfoPage",
    "InfoPurpose",
    "PinnedRelatedArticle",
    "SectionPage",
    "TagTranslation",
]
