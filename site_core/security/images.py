"""Images: an upload is accepted only if it can be read to the end, and an image that is damaged
anyway (stored before this check, or spoilt on disk) shows as missing instead of breaking pages.

Wagtail's upload check reads only an image's header: a GIF header followed by garbage, a GIF
cut in the middle or a GIF/HTML polyglot got past it and then raised from Pillow (a 500) when
Wagtail read its size or made its first rendition. An image that decodes but also carries a web
page or a script (in a comment, a metadata chunk, after its end) is refused too: its original is
served as uploaded at /media/original_images/.
"""

import functools
import logging
import re
import struct
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import AbstractImage, SourceImageIOError

from PIL import Image as PILImage
from PIL import ImageSequence

logger = logging.getLogger(__name__)

# What Pillow (through Willow) raises for a file it cannot decode: UnidentifiedImageError and
# "image file is truncated" are OSErrors, a bad header can be a SyntaxError or a struct.error.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    struct.error,
    PILImage.DecompressionBombError,
)


GIF_TRAILER = b";"  # the byte that ends every GIF stream (GIF89a, section 27)

# What makes a file a web page, a script or a drawing as well as a picture (a polyglot), in any
# case, anywhere in the file. No picture needs it. Compressed pixel data is close to random
# bytes, so the short tag names count only when written as a tag ("<svg>", or "<svg", a space
# or "/", printable text, ">"): "<svg>" in random bytes has a chance of 8 in 2^40 at each byte,
# about 1 in 13,000 for a 10 MB photo (the longer markers far less); the owner of such a photo
# is asked to save it again, which changes its bytes. Matched in lower case (a literal first
# byte keeps the search fast: about 60 ms for 10 MB).
_TAG_END = rb"(?:>|[\s/][\x20-\x7e\s]{0,200}?>)"
MARKUP_IN_IMAGE = re.compile(rb"<(?:script|iframe|!doctype|\?php\s|(?:html|svg)" + _TAG_END + rb")")
SCRIPT_ADDRESS = b"javascript:"


def carries_markup(file):
    """True if the file holds web page, script or PHP markup (MARKUP_IN_IMAGE) anywhere."""
    file.seek(0)
    content = file.read().lower()  # ASCII letters only: other bytes stay as they are
    return MARKUP_IN_IMAGE.search(content) is not None or SCRIPT_ADDRESS in content


def decode_every_frame(willow_image, file):
    """Decode every pixel of every frame, as making a rendition would (raises DECODE_ERRORS).

    Pillow stops quietly at a GIF frame cut short, and ignores what follows a GIF's end (where
    a GIF/HTML polyglot keeps its page): a GIF must end with its trailer, right at the end.
    """
    pillow = willow_image.get_pillow_image()
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        for frame in ImageSequence.Iterator(pillow):
            frame.load()
    if willow_image.format_name == "gif":
        file.seek(-1, 2)
        if file.read(1) != GIF_TRAILER:
            raise EOFError("The GIF does not end with its trailer.")


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, but the whole image must decode: a damaged file is a form error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["damaged_image"] = _(
            "This image file is damaged or incomplete and cannot be shown. Open it in an image "
            "editor, save it again and upload the new file."
        )
        self.error_messages["markup_in_image"] = _(
            "This image file also contains web page or script code, which a picture never "
            "needs, so it cannot be accepted. Open it in an image editor, save it as a new file "
            "and upload that."
        )

    def to_python(self, data):
        try:
            f = super().to_python(data)
            if f is not None:
                decode_every_frame(f.image, data)
                if carries_markup(data):
                    raise ValidationError(
                        self.error_messages["markup_in_image"], code="markup_in_image"
                    )
        except ValidationError:
            raise
        except DECODE_ERRORS as error:
            raise ValidationError(self.error_messages["damaged_image"], code="damaged_image") from (
                error
            )
        finally:
            if hasattr(data, "seek"):
                data.seek(0)
        return f


IMAGE_DESCRIPTION_HELP = _(
    "What the picture shows, for people who cannot see it. Every page that uses the picture "
    "starts from this text (a page may give its own), and it is translated with each page."
)


class ImageForm(BaseImageForm):
    """The admin's image form (upload, edit, the multiple uploader, the chooser's upload):
    WAGTAILIMAGES_IMAGE_FORM_BASE."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, ReadableImageField):
            # Wagtail builds this field itself (formfield_for_dbfield): swap in the strict one,
            # keeping its label, widget (with the attributes set above) and whether it is needed.
            self.fields["file"] = ReadableImageField(
                label=field.label, required=field.required, widget=field.widget
            )
        if "description" in self.fields:
            self.fields["description"].help_text = IMAGE_DESCRIPTION_HELP


def guard_renditions():
    """A rendition of an image that cannot be decoded raises SourceImageIOError, which Wagtail's
    image tags (and ``get_rendition_or_not_found``) show as a missing image, not a 500."""
    original = AbstractImage.generate_rendition_file
    if getattr(original, "guarded", False):
        return

    @functools.wraps(original)
    def generate_rendition_file(self, filter, *, source=None):
        try:
            return original(self, filter, source=source)
        except SourceImageIOError:
            raise
        except DECODE_ERRORS as error:
            logger.warning("Image %s (%s) cannot be decoded: %s", self.pk, self.file.name, error)
            raise SourceImageIOError(str(error)) from error

    generate_rendition_file.guarded = True
    AbstractImage.generate_rendition_file = generate_rendition_file
