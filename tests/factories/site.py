"""Factories for the kernel's snippets: the footer of a language."""

from wagtail.models import Locale

import factory
from factory.django import DjangoModelFactory

from site_core.models import Footer


class FooterFactory(DjangoModelFactory):
    """A live footer in the default language (pass ``locale`` for another)."""

    contact_email = factory.Sequence(lambda n: f"contact-{n}@example.org")
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = Footer
