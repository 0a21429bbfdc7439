""" "Don't Miss" by content: similar articles first, same language, one per story, stored."""

import pytest

from articles.models import PinnedRelatedArticle
from articles.related import related_articles
from articles.related import stored_related_ids as provided_related_ids
from search.models import IndexEntry, RelatedArticles
from search.related import compute_and_store, compute_related, stored_related_ids

from .conftest import aware


@pytest.fixture
def articles(site):
    return {
        "wheat": site.article(
            "Урожай пшеницы на Кубани",
            "Фермеры Кубани собрали рекордный урожай пшеницы. Цены на зерно снизились.",
            published_at=aware(2024, 8, 1),
        ),
        "wheat2": site.article(
            "Экспорт зерна вырос",
            "Экспорт пшеницы и зерна из Кубани вырос после рекордного урожая.",
            published_at=aware(2024, 8, 10),
        ),
        "army": site.article(
            "Учения в Псковской области",
            "Десантники провели учения. Солдаты отработали высадку.",
            published_at=aware(2024, 8, 5),
        ),
        "wheat_en": site.article(
            "Kuban wheat harvest",
            "Farmers in Kuban harvested record wheat; пшеница.",
            language="en",
            section="World",
            published_at=aware(2024, 8, 2),
        ),
    }


@pytest.mark.django_db
def test_most_similar_article_in_the_same_language_comes_first(articles):
    related = compute_related(articles["wheat"].pk)
    assert related[0] == articles["wheat2"].pk
    assert articles["wheat_en"].pk not in related
    assert articles["wheat"].pk not in related


@pytest.mark.django_db
def test_publishing_stores_neighbours_and_refreshes_theirs(articles):
    # wheat2 was published after wheat: wheat's stored list was refreshed to include it.
    assert stored_related_ids(articles["wheat"])[0] == articles["wheat2"].pk
    assert stored_related_ids(articles["wheat2"])[0] == articles["wheat"].pk


@pytest.mark.django_db
def test_never_two_articles_of_the_same_story(site, articles):
    twin = site.article(
        "Урожай пшеницы: подробности",
        "Фермеры Кубани собрали рекордный урожай пшеницы, зерно дешевеет.",
        published_at=aware(2024, 8, 3),
    )
    IndexEntry.objects.filter(pk__in=[twin.pk, articles["wheat2"].pk]).update(story_id=7)
    related = compute_related(articles["wheat"].pk)
    assert len({twin.pk, articles["wheat2"].pk} & set(related)) == 1
    IndexEntry.objects.filter(pk=articles["wheat"].pk).update(story_id=7)
    related = compute_related(articles["wheat"].pk)
    assert not {twin.pk, articles["wheat2"].pk} & set(related)


@pytest.mark.django_db
def test_recency_breaks_ties_between_equally_similar_articles(site):
    base = site.article(
        "Выборы мэра", "Выборы мэра прошли спокойно.", published_at=aware(2024, 1, 1)
    )
    old = site.article(
        "Выборы мэра", "Выборы мэра прошли спокойно.", published_at=aware(2019, 1, 1)
    )
    near = site.article(
        "Выборы мэра", "Выборы мэра прошли спокойно.", published_at=aware(2024, 1, 2)
    )
    assert compute_related(base.pk)[:2] == [near.pk, old.pk]


@pytest.mark.django_db
def test_unindexed_page_has_no_neighbours(site):
    draft = site.article("Черновик", "Текст.", publish=False)
    assert compute_and_store(draft.pk) == []


@pytest.mark.django_db
def test_dont_miss_block_puts_pinned_first_then_stored(
    site, articles, django_assert_max_num_queries
):
    PinnedRelatedArticle.objects.create(
        page=articles["wheat"], related=articles["army"], sort_order=0
    )
    page = articles["wheat"]
    chosen = related_articles(page, limit=2)
    assert [a.pk for a in chosen] == [articles["army"].pk, articles["wheat2"].pk]
    assert RelatedArticles.objects.filter(pk=page.pk).exists()


def test_search_provides_the_stored_neighbours_to_articles(articles):
    """articles asks its registered providers; search registered itself in its ready()."""
    compute_and_store(articles["wheat"].pk)
    assert provided_related_ids(articles["wheat"]) == stored_related_ids(articles["wheat"])
    assert provided_related_ids(articles["wheat"])
