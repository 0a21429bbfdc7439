"""Page types and snippets of the articles app."""

# isort: off
# Order matters: the article module's serving code reaches articles.corrections and
# articles.trust_pages, which import InfoPage and the notices from this package.
from .info import InfoPage, InfoPurpose
from .notices import ArticleNotice, ArticleWithdrawal, NoticeKind
from .article import ArticlePage, ArticlePageTag, ArticleSourceLink, PinnedRelatedArticle
from .pages import HomePage, SectionPage

# isort: on
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
