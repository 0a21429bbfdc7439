"""`register_invalidating_model`: how apps above core tell the fragment cache what pages show."""

import pytest
from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save

from core.fragment_cache import content_generation, register_invalidating_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def watched_groups():
    register_invalidating_model(Group, when=lambda group, created: group.name.startswith("shown"))
    yield
    uid = "newsdesk-fragment-cache-auth.group"
    post_save.disconnect(sender=Group, dispatch_uid=f"{uid}-s")
    post_delete.disconnect(sender=Group, dispatch_uid=f"{uid}-d")


def test_a_save_counts_only_when_the_test_says_so_and_a_delete_always(watched_groups):
    before = content_generation()
    hidden = Group.objects.create(name="hidden editors")
    assert content_generation() == before
    shown = Group.objects.create(name="shown on pages")
    after_shown = content_generation()
    assert after_shown != before
    hidden.delete()
    assert content_generation() != after_shown
    shown.delete()


def test_registering_twice_keeps_the_first_receiver(watched_groups):
    register_invalidating_model(Group, when=lambda group, created: True)
    before = content_generation()
    Group.objects.create(name="hidden reviewers")
    assert content_generation() == before
