"""Pictures in Wagtail's image library: small real files made by Pillow, in the root collection
(wagtail_factories' own ImageFactory would make a new root collection)."""

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

import factory
import wagtail_factories


class ImageFactory(wagtail_factories.ImageFactory):
    """A 100×100 JPEG in the root collection."""

    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=100, height=100, format="JPEG")


def image(title="A picture", size=(64, 48), colour="teal", **fields):
    """A stored PNG of ``size`` pixels in one colour."""
    file = get_test_image_file(
        filename=f"{title.lower().replace(' ', '-')}.png", colour=colour, size=size
    )
    return ImageFactory(title=title, file=file, **fields)


class LargeImageFactory(ImageFactory):
    """A 1600×1000 JPEG: big enough for every rendition size the templates ask for (pictures,
    ``<picture>`` sources, Open Graph images)."""

    file = factory.django.ImageField(width=1600, height=1000, color="teal", filename="picture.jpg")
