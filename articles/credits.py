"""Photo credits rendered from their structured parts, in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sources.models import Outlet


def quote_name(name: str) -> str:
    """An outlet's name as the language writes it: plain in English, in «guillemets» in Russian."""
    return pgettext("outlet name in running text", "%(name)s") % {"name": name}


def format_credit(photographer: str = "", agency: str = "", via: str = "") -> str:
    """ "Photo: Jane Roe / Agency via Outlet", leaving out the parts that are unknown.

    Kept structured (not one free-text field) so an outlet's name is spelled one way everywhere
    and the "via" part can be prefilled from the source record. The "via" outlet is named the
    way running text names outlets (in Russian: «…» after "издания", never a calque of "via").
    """
    who = " / ".join(part for part in (photographer.strip(), agency.strip()) if part)
    via = via.strip()
    if who and via:
        return _("Photo: %(who)s via %(via)s") % {"who": who, "via": quote_name(via)}
    if who:
        return _("Photo: %(who)s") % {"who": who}
    if via:
        return _("Photo via %(via)s") % {"via": quote_name(via)}
    return ""


def outlet_name_in(name: str, locale_id: int | None) -> str:
    """`name` of an outlet as spelled in the locale `locale_id`, when it is an outlet's name.

    The "via" of a credit is text (it may name an agency's partner that is no outlet of ours),
    but when it is the name of one of our outlets in any language, the reader sees that
    outlet's translated name: an English page never credits "Ладожский вестник" when the outlet
    has an English name. Two queries at most, and only for a credit that has a "via".
    """
    name = name.strip()
    if not name or locale_id is None:
        return name
    key = (
        Outlet.objects.filter(name=name).order_by("pk").values_list("translation_key", flat=True)
    ).first()
    if key is None:
        return name
    localized = (
        Outlet.objects.filter(translation_key=key, locale_id=locale_id)
        .values_list("name", flat=True)
        .first()
    )
    return localized or name
