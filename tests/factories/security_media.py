"""Images for tests that show or serve one: a small generated PNG in Wagtail's image model.

(Made by the security tests' helper; a candidate for a general tests/factories/media.py.)"""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file


def image(title="A picture", size=(64, 48), colour="teal", **fields):
    """A stored image of ``size`` pixels in one colour (PNG, in the default collection)."""
    file = get_test_image_file(
        filename=f"{title.lower().replace(' ', '-')}.png", colour=colour, size=size
    )
    return get_image_model().objects.create(title=title, file=file, **fields)
