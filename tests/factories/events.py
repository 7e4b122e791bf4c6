"""Factories for events: the index of a language, events and their dates."""

from datetime import timedelta

from django.utils import timezone

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from events.models import EventIndexPage, EventOccurrence, EventPage
from tests.factories.site import section


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Events {n}")
    slug = factory.Sequence(lambda n: f"events-{n}")
    intro = "Where to meet."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = factory.Sequence(lambda n: f"About event {n}.")
    kind = "talk"
    time_zone = "Europe/Amsterdam"
    city = "Utrecht"
    country = "Netherlands"

    class Meta:
        model = EventPage


class EventOccurrenceFactory(DjangoModelFactory):
    """A two-hour date a week from now (build it, then give it to an event's ``occurrences``)."""

    start_date = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=7)).date())
    start_time = factory.LazyFunction(lambda: timezone.now().time().replace(microsecond=0))
    end_date = factory.LazyAttribute(lambda o: o.start_date + timedelta(days=1))
    end_time = factory.LazyAttribute(lambda o: o.start_time)
    all_day = False

    class Meta:
        model = EventOccurrence


def publish_event(index, occurrences=None, **kwargs):
    """Create and publish an event under ``index`` with these dates (one a week ahead)."""
    event = EventPageFactory.build(**kwargs)
    event.occurrences = occurrences or [EventOccurrenceFactory.build()]
    index.add_child(instance=event)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def event_index(code=None):
    """The events section of language ``code`` (tests.factories.site.section)."""
    return section(EventIndexPageFactory, code, title="Events", slug="events")
