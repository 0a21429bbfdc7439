"""StreamField blocks of an article body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .credits import format_credit

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class CreditedImageBlock(blocks.StructBlock):
    """A picture with a caption and a structured credit (who, which agency, via which outlet)."""

    image = ImageChooserBlock(label=_("image"))
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

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["credit"] = format_credit(value["photographer"], value["agency"], value["via"])
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
