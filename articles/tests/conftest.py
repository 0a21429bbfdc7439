import pytest

from articles.testing.factories import make_article, make_author, make_section
from core.testing.factories import make_image
from sources.testing.factories import make_outlet, make_source_article


@pytest.fixture
def bilingual_article(db):
    """An English article with its Russian translation, each with sources, authors and tags."""
    outlet = make_outlet(name="Harbour Gazette", rights_holder="Harbour Media Ltd")
    make_outlet(
        name="Харбор газетт",
        locale="ru",
        rights_holder="Harbour Media Ltd",
        translation_key=outlet.translation_key,
    )
    source = make_source_article(
        outlet, url="https://harbour-gazette.example.org/2025/port", title="Port reopens"
    )
    image = make_image()
    section_en = make_section("en", title="World", slug="world")
    section_ru = make_section("ru", title="Мир", slug="world", translation_of=section_en)
    author_en = make_author("Anna Volkova")
    author_ru = make_author(
        "Анна Волкова", language="ru", translation_key=author_en.translation_key
    )
    en = make_article(
        section_en,
        title="The port reopens",
        dek="Ships are back.",
        sources=[source],
        authors=[author_en],
        tags=["Transport"],
        lead_image=image,
        lead_image_caption="A ship in the harbour",
        lead_image_photographer="Lena Hartmann",
        lead_image_agency="Meridian Pictures",
        lead_image_via="Harbour Gazette",
        slug="port-reopens",
    )
    ru = make_article(
        section_ru,
        language="ru",
        title="Порт снова открыт",
        dek="Суда вернулись.",
        sources=[source],
        authors=[author_ru],
        tags=["Транспорт"],
        lead_image=image,
        lead_image_caption="Судно в гавани",
        lead_image_photographer="Lena Hartmann",
        lead_image_agency="Meridian Pictures",
        lead_image_via="Харбор газетт",
        slug="port-otkryt",
        translation_of=en,
    )
    related = {
        lang: [
            make_article(
                section,
                language=lang,
                tags=["Transport" if lang == "en" else "Транспорт"],
                lead_image=image,
                title=f"Related {lang} {i}",
            )
            for i in range(3)
        ]
        for lang, section in (("en", section_en), ("ru", section_ru))
    }
    return {"en": en, "ru": ru, "related": related, "source": source}
