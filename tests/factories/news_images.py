"""Images (added by the news tests; for the lead to fold into the factories): a small real JPEG
in the root collection, for pages that show or share a picture."""

from wagtail.models import Collection

import factory
import wagtail_factories


class ImageFactory(wagtail_factories.ImageFactory):
    """A 100×100 JPEG (made by Pillow) in the root collection."""

    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=100, height=100, format="JPEG")
