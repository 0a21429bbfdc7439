"""Serving pages with remembered Site/home/section lookups (core/routing.py, core/views.serve).

Each test checks that what is remembered is really reused (fewer queries, or a change made
behind the signals' back not visible yet) and that the edits editors make through Wagtail reach
the very next reader.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from articles.models import SectionPage
from articles.testing.factories import make_article, make_section
from core.pages import any_view_restrictions
from core.prepared import PreparedQuery

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


def test_a_warm_article_request_makes_two_queries(client):
    page = make_article(title="Ferry strike ends")
    assert client.get(page.url).status_code == 200
    status, queries = queries_for(client, page.url)
    # The article row itself and the "any view restriction at all?" check; Site, locale, home
    # and section come from the snapshot.
    assert (status, queries) == (200, 2)


def test_saving_a_site_makes_the_next_request_look_it_up_again(client):
    page = make_article()
    client.get(page.url)
    assert queries_for(client, page.url)[1] == 2

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()
    status, queries = queries_for(client, page.url)
    assert status == 200 and queries > 2


def test_a_view_restriction_applies_to_the_very_next_request(client):
    page = make_article(title="Members only soon")
    assert client.get(page.url).status_code == 200
    assert not any_view_restrictions()

    # Created behind the signals' back on purpose: the check must not rely on invalidation.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN)]
    )
    response = client.get(page.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_a_group_restriction_still_lets_members_in(client, django_user_model):
    page = make_article(title="Editors' notes")
    editors = Group.objects.create(name="Desk editors")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(editors)
    assert client.get(page.url).status_code == 302

    member = django_user_model.objects.create_user("member", password="x")  # noqa: S106
    member.groups.add(editors)
    client.force_login(member)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Editors&#x27; notes" in response.content.decode()


def test_unpublished_article_is_gone_on_the_next_request(client):
    page = make_article()
    assert client.get(page.url).status_code == 200
    # Even behind the signals' back: the article row is read on every request.
    type(page).objects.filter(pk=page.pk).update(live=False)
    assert client.get(page.url).status_code == 404


def test_renamed_section_shows_on_its_articles(client):
    section = make_section("en", title="World")
    page = make_article(section, title="Harbour news")
    assert ">World</a>" in client.get(page.url).content.decode()

    section = SectionPage.objects.get(pk=section.pk)
    section.title = "Globe"
    section.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert ">Globe</a>" in html and ">World</a>" not in html


def test_moved_article_is_served_at_its_new_address(client):
    world = make_section("en", title="World", slug="world")
    economy = make_section("en", title="Economy", slug="economy")
    page = make_article(world, title="Port tariffs", slug="port-tariffs")
    old_url = page.url
    assert client.get(old_url).status_code == 200

    page.move(economy, pos="last-child")
    page = type(page).objects.get(pk=page.pk)
    assert page.url == "/en/economy/port-tariffs/"
    # Wagtail's automatic redirect from the old address, not the remembered old location.
    old = client.get(old_url)
    assert (old.status_code, old["Location"]) == (301, "/en/economy/port-tariffs/")
    response = client.get(page.url)
    assert response.status_code == 200 and ">Economy</a>" in response.content.decode()


def test_home_page_served_per_language(client):
    make_article(title="English story")
    make_article(language="ru", title="Русская история")
    assert "English story" in client.get("/en/").content.decode()
    assert "Русская история" in client.get("/ru/").content.decode()
    # The snapshot holds one home per language: the English one is not served for /ru/.
    assert "English story" not in client.get("/ru/").content.decode()


def test_wagtail_utility_urls_are_not_taken_for_pages(client):
    make_article()
    response = client.get("/en/_util/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_prepared_query_passes_values_as_parameters():
    make_section("en", title="50% off_sale")
    make_section("en", title="50xx offXsale")
    make_section("en", title="Robert'); DROP TABLE wagtailcore_page;--")
    by_title = PreparedQuery(lambda title: Page.objects.filter(title=title), "title")
    by_prefix = PreparedQuery(lambda prefix: Page.objects.filter(title__startswith=prefix), "p")

    assert by_title.first(title="Robert'); DROP TABLE wagtailcore_page;--") is not None
    assert by_title.first(title="no such title") is None
    # % and _ in a LIKE value match themselves only, as they do through the ORM.
    assert by_prefix.first(p="50% off_").title == "50% off_sale"
    assert by_prefix.first(p="50% of_") is None
    assert Page.objects.filter(title__startswith="50% of_").first() is None
    with pytest.raises(TypeError):
        by_title.first(name="x")
