"""Media blocks: images and click-to-load videos."""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image with its text alternative and an optional caption.

    The alternative text is a translatable CharBlock: left empty, it gets the image's
    description from the Images library when the page is saved (``clean``), so translators see
    it as a segment (site_core.models.images). Only a picture marked decorative has none.
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the picture shows, for people who cannot see it. Leave empty to use the "
            "image's description from the Images library: it is filled in when you save, and "
            "translated with the page."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_(
            "Tick only if the picture adds nothing to the text: screen readers then skip it."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    @staticmethod
    def fill_alt_text(value):
        """An empty alternative text of a picture not marked decorative gets the image's
        description; a decorative picture's is emptied. False when neither has a text."""
        if value.get("decorative"):
            value["alt_text"] = ""
            return True
        if not (value.get("alt_text") or "").strip():
            image = value.get("image")
            value["alt_text"] = image.description.strip() if image else ""
        return bool(value["alt_text"])

    def clean(self, value):
        value = super().clean(value)
        if not self.fill_alt_text(value):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Describe the picture, give the image a description in the Images "
                            "library, or mark it as decorative."
                        )
                    )
                }
            )
        return value

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        if image is None:
            return None
        return self.normalize(
            {"image": image, "alt_text": image.description, "decorative": False, "caption": ""}
        )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        group = _("Media")
        description = _("A picture with a description for screen readers and a caption.")


VIDEO_HOSTS = {
    "www.youtube.com": "youtube",
    "youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "www.vimeo.com": "vimeo",
}


def video_embed_url(url: str) -> str:
    """Return the privacy-friendly player address for a YouTube or Vimeo link, else ''."""
    parsed = urlparse(url)
    host = VIDEO_HOSTS.get(parsed.netloc.lower())
    if host == "youtube":
        if parsed.netloc.lower() == "youtu.be":
            video_id = parsed.path.strip("/")
        else:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
            if not video_id and parsed.path.startswith("/embed/"):
                video_id = parsed.path.removeprefix("/embed/")
        if video_id.replace("-", "").replace("_", "").isalnum():
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host == "vimeo":
        video_id = parsed.path.strip("/").split("/")[0]
        if video_id.isascii() and video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return ""


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or Vimeo that loads only when the reader asks for it."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("A YouTube or Vimeo link. Nothing is loaded from there until a reader clicks."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    poster = ImageChooserBlock(label=_("Still image"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value["url"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Use a YouTube or Vimeo address for the video."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        group = _("Media")
        description = _("A video that readers start with one click; no tracking before that.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=example",
            "title": "Documentary trailer",
            "caption": "",
        }
