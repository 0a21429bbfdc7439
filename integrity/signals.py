"""Signal receivers: enqueue the check when an article revision is saved, nothing more."""

from __future__ import annotations

from django.db.models.signals import post_save
from wagtail.models import Revision

from articles.models import ArticlePage

from .tasks import check_originality_task


def on_revision_saved(sender, instance: Revision, created: bool, **kwargs) -> None:
    # A draft save, a submission for moderation and a publish all create a revision first. The
    # database queue stores the task in the same transaction, so it runs only if the save commits.
    if not created or kwargs.get("raw"):
        return
    model = instance.content_type.model_class()
    if model is not None and issubclass(model, ArticlePage):
        check_originality_task.enqueue(instance.pk)


def connect() -> None:
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="integrity.check_revision")
