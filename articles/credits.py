"""Photo credits rendered from their structured parts, in the reader's language."""

from django.utils.translation import gettext as _


def format_credit(photographer: str = "", agency: str = "", via: str = "") -> str:
    """ "Photo: Jane Roe / Agency via Outlet", leaving out the parts that are unknown.

    Kept structured (not one free-text field) so an outlet's name is spelled one way everywhere
    and the "via" part can be prefilled from the source record.
    """
    who = " / ".join(part for part in (photographer.strip(), agency.strip()) if part)
    via = via.strip()
    if who and via:
        return _("Photo: %(who)s via %(via)s") % {"who": who, "via": via}
    if who:
        return _("Photo: %(who)s") % {"who": who}
    if via:
        return _("Photo via %(via)s") % {"via": via}
    return ""
