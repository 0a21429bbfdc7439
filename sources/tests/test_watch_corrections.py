"""Correction and update notes outlets append, recognised in each of the outlets' languages."""

from __future__ import annotations

import pytest

from sources.watch.corrections import new_correction_notes

OLD = "The harbour bridge reopened on Monday.\nThe final bill was twice the estimate."


@pytest.mark.parametrize(
    "note",
    [
        "Correction: the final bill was a third above the estimate.",
        "Update (4 March): the council has published the invoices.",
        "Updated on 4 March 2026: the mayor answered.",
        "Editor's note: this story has been updated with the council's reply.",
        "An earlier version of this article misstated the cost of the repairs.",
        "Исправление: в первоначальной версии статьи была неверно указана стоимость.",
        "Обновлено 4 марта 2026 года: мэрия опубликовала счета.",
        "Уточнение: мост открыт только для пешеходов.",
        "Korrektur: In einer früheren Version hieß es, die Kosten hätten sich verdoppelt.",
        "Aktualisiert am 4. März: Die Stadt hat die Rechnungen veröffentlicht.",
        "Rectificatif : une précédente version de cet article indiquait un coût erroné.",
        "Mise à jour le 4 mars : la mairie a publié les factures.",
        "Corrección: una versión anterior de este artículo indicaba un coste erróneo.",
        "Actualización: el ayuntamiento publicó las facturas.",
        "Rettifica: in una precedente versione il costo era errato.",
        "Aggiornamento: il comune ha pubblicato le fatture.",
        "Sprostowanie: w poprzedniej wersji artykułu podano błędny koszt.",
        "Aktualizacja: urząd miasta opublikował faktury.",
    ],
)
def test_a_new_note_is_found_and_quoted_whole(note):
    assert new_correction_notes(OLD, f"{OLD}\n{note}") == [note]


def test_a_note_appended_to_the_last_paragraph_is_quoted_from_its_label():
    new = OLD + " (Correction: it was a third above it.)"
    assert new_correction_notes(OLD, new) == ["Correction: it was a third above it.)"]


@pytest.mark.parametrize(
    "added",
    [
        "Update talks resume at the town hall on Friday.",  # a word, not a label
        "Note that the mayor did not attend.",
        "The council's correction of the budget is due in May.",  # not at a sentence start
        "Обновление моста обошлось дорого.",
    ],
)
def test_ordinary_new_sentences_are_not_notes(added):
    assert new_correction_notes(OLD, f"{OLD}\n{added}") == []


def test_a_note_the_article_already_had_is_not_new():
    with_note = f"{OLD}\nCorrection: the bridge is in Velmora, not Velmar."
    assert new_correction_notes(with_note, with_note + "\nA new last paragraph.") == []
