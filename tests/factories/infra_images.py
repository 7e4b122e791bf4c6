"""Pictures for tests that render images (renditions, <picture> elements, Open Graph images):
a JPEG big enough for every rendition size the templates ask for.

(Added by the infrastructure tests' conversion; ``from tests.factories.infra_images import
ImageFactory`` until it moves into tests/factories/__init__.py.)
"""

import factory
import wagtail_factories


class ImageFactory(wagtail_factories.ImageFactory):
    """A 1600×1000 JPEG in the root collection."""

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.django.ImageField(width=1600, height=1000, color="teal", filename="picture.jpg")
