"""Preview of an outlet's extraction rule on its latest article, before the rule is saved.

The editor presses "Preview" in the rule's form: the form's current selectors (not the saved
ones) are run on the outlet's most recent source article, fetched again through the safe client,
and shown field by field beside what trafilatura alone reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sources.extraction import ExtractedArticle, ExtractionError, extract_article
from sources.extraction_rules import FIELDS, validate
from sources.fetching.client import Fetcher
from sources.fetching.errors import FetchError
from sources.ingest.runs import PAGE_ACCEPT
from sources.models import Outlet, SourceArticle


@dataclass(frozen=True)
class Preview:
    article: SourceArticle | None
    without_rule: ExtractedArticle | None = None
    with_rule: ExtractedArticle | None = None
    error: str = ""


def latest_article(outlet: Outlet) -> SourceArticle | None:
    return (
        SourceArticle.objects.filter(outlet__translation_key=outlet.translation_key)
        .order_by("-first_seen_at", "-pk")
        .first()
    )


def preview_rule(
    outlet: Outlet, selectors: dict[str, str], fetcher: Fetcher | None = None
) -> Preview:
    """Extract the outlet's latest article with and without the selectors."""
    article = latest_article(outlet)
    if article is None:
        return Preview(None, error=_("This outlet has no article yet to try the rule on."))
    errors = validate(selectors)
    if errors:
        return Preview(article, error="; ".join(f"{k}: {v}" for k, v in errors.items()))
    own = fetcher is None
    fetcher = fetcher or Fetcher(min_host_delay=0.0)
    try:
        result = fetcher.fetch(article.url, accept=PAGE_ACCEPT)
        plain = extract_article(result.body, url=result.url, http_charset=result.encoding)
        ruled = extract_article(
            result.body,
            url=result.url,
            http_charset=result.encoding,
            selectors={k: v for k, v in selectors.items() if v},
        )
    except (FetchError, ExtractionError) as exc:
        return Preview(article, error=f"{type(exc).__name__}: {exc}")
    finally:
        if own:
            fetcher.close()
    return Preview(article, plain, ruled)


def _rows(preview: Preview) -> list[dict]:
    if preview.with_rule is None or preview.without_rule is None:
        return []
    labels = {
        "title": _("Title"),
        "body": _("Body"),
        "published": _("Date"),
        "author": _("Author"),
        "image": _("Lead image"),
    }

    def value(page: ExtractedArticle, name: str) -> str:
        return {
            "title": page.title or "",
            "body": page.text[:1500],
            "published": page.published_at.isoformat() if page.published_at else "",
            "author": ", ".join(page.authors),
            "image": page.image_url or "",
        }[name]

    return [
        {
            "label": labels[name],
            "without": value(preview.without_rule, name),
            "with": value(preview.with_rule, name),
            "matched": name in preview.with_rule.rule_matched,
            "missed": name in preview.with_rule.rule_missed,
        }
        for name in FIELDS
    ]


@require_POST
def extraction_preview(request):
    """The rule form posts here (formaction) with its unsaved selectors."""
    if not request.user.has_perm("sources.change_outlet") and not request.user.has_perm(
        "sources.add_extractionrule"
    ):
        raise PermissionDenied
    outlet = Outlet.objects.filter(pk=request.POST.get("outlet") or 0).first()
    selectors = {name: request.POST.get(name, "").strip() for name in FIELDS}
    if outlet is None:
        preview = Preview(None, error=_("Choose the outlet first."))
    else:
        preview = preview_rule(outlet, selectors)
    return TemplateResponse(
        request,
        "newsroom/admin/extraction_preview.html",
        {
            "outlet": outlet,
            "preview": preview,
            "rows": _rows(preview),
            "selectors": selectors,
            "page_title": _("Extraction rule preview"),
        },
    )
