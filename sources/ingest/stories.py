"""The last step of a run: sign new or changed articles and put each one in a Story."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..clustering import (
    Candidate,
    NewStory,
    assign_stories,
)
from ..models import SourceArticle, Story
from ..sanitize import html_to_text
from ..signals import source_articles_signed
from ..signatures import (
    SIGNATURE_VERSION,
    DocumentForClustering,
    DocumentSignature,
    SignatureError,
    compute_signatures,
)

CLUSTER_WINDOW = timedelta(days=7)
CLUSTER_BATCH = 64


def _clustering_document(article: SourceArticle):
    text = article.text or html_to_text(article.summary)
    return DocumentForClustering(
        title=article.title, text=text, language=article.language or article.outlet.language
    )


def cluster_pending(*, window: timedelta = CLUSTER_WINDOW, now: datetime | None = None) -> int:
    """Sign every article lacking a signature and put every article without a Story in one.

    Candidates are the articles first seen within ``window`` (news clusters are short-lived,
    and it keeps the comparison cheap). Returns the number of articles given a Story.
    """
    now = now or timezone.now()
    assigned_total = 0
    while True:
        pending = list(
            SourceArticle.objects.filter(
                Q(story__isnull=True)
                | Q(signature__isnull=True)
                | ~Q(signature_version=SIGNATURE_VERSION)
            )
            .select_related("outlet")
            .order_by("first_seen_at", "pk")[:CLUSTER_BATCH]
        )
        if not pending:
            return assigned_total
        signatures = compute_signatures([_clustering_document(a) for a in pending])
        candidates = []
        pending_ids = {a.pk for a in pending}
        recent = SourceArticle.objects.filter(
            story__isnull=False,
            signature__isnull=False,
            signature_version=SIGNATURE_VERSION,
            first_seen_at__gte=now - window,
        ).exclude(pk__in=pending_ids)
        for pk, story_id, raw in recent.values_list("pk", "story_id", "signature"):
            try:
                candidates.append(
                    Candidate(
                        story_id=story_id, signature=DocumentSignature.from_bytes(raw), key=pk
                    )
                )
            except SignatureError:
                continue
        unclustered = [i for i, a in enumerate(pending) if a.story_id is None]
        stories = assign_stories([signatures[i] for i in unclustered], candidates)
        story_for = dict(zip(unclustered, stories, strict=True))
        with transaction.atomic():
            # An overlapping run may have clustered some of these since we read them: lock the
            # rows and leave its assignments alone, or the Stories it made would stay empty.
            story_now = dict(
                SourceArticle.objects.select_for_update()
                .filter(pk__in=pending_ids)
                .values_list("pk", "story_id")
            )
            created: dict[NewStory, Story] = {}
            touched: set[int] = set()
            for index, article in enumerate(pending):
                if article.pk not in story_now:
                    continue  # deleted since we read it
                article.signature = signatures[index].to_bytes()
                article.signature_version = SIGNATURE_VERSION
                fields = ["signature", "signature_version"]
                if index in story_for and story_now[article.pk] is None:
                    target = story_for[index]
                    if isinstance(target, NewStory):
                        if target not in created:
                            created[target] = Story.objects.create(
                                title=article.title, created_at=now, updated_at=now
                            )
                        article.story = created[target]
                    else:
                        article.story_id = target
                    touched.add(article.story_id)
                    fields.append("story")
                    assigned_total += 1
                article.save(update_fields=fields)
            Story.objects.filter(pk__in=touched).update(updated_at=now)
        signed = sorted(a.pk for a in pending if a.pk in story_now)
        transaction.on_commit(
            lambda ids=signed: source_articles_signed.send(sender=SourceArticle, article_ids=ids)
        )
