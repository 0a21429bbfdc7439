"""StreamField blocks of an article body."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from .alt_text import MISSING_ALT_MESSAGE, alt_text, lacks_alt_text
from .credits import format_credit, outlet_name_in

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class CreditedImageBlock(blocks.StructBlock):
    """A picture with a caption and a structured credit (who, which agency, via which outlet)."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=400,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Leave empty to use the "
            "image's own description."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("decorative"),
        required=False,
        help_text=_("The picture adds nothing a reader would miss; screen readers skip it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=400)
    photographer = blocks.CharBlock(label=_("photographer"), required=False, max_length=200)
    agency = blocks.CharBlock(label=_("agency"), required=False, max_length=200)
    via = blocks.CharBlock(
        label=_("via outlet"),
        required=False,
        max_length=200,
        help_text=_("The outlet the picture was obtained through."),
    )

    class Meta:
        icon = "image"
        template = "articles/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        # Deferred while a draft is saved (Wagtail defers required fields then); enforced when
        # the page is published, scheduled or submitted.
        if not self.is_deferred_validation and lacks_alt_text(
            value.get("image"), value.get("alt_text") or "", bool(value.get("decorative"))
        ):
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(MISSING_ALT_MESSAGE)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        via = value["via"]
        if via and page is not None:
            via = outlet_name_in(via, getattr(page, "locale_id", None))
        context["credit"] = format_credit(value["photographer"], value["agency"], via)
        context["alt"] = alt_text(
            value["image"], value.get("alt_text") or "", bool(value.get("decorative"))
        )
        return context


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=300)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("paragraph"), features=PARAGRAPH_FEATURES)
    subheading = blocks.CharBlock(
        label=_("subheading"), max_length=200, template="articles/blocks/subheading.html"
    )
    image = CreditedImageBlock()
    quote = QuoteBlock()
