"""The admin for events and films: where they live, dates, and validation."""

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage
from films.models import FilmIndexPage, FilmPage
from home.models import HomePage
from tests.factories import event_index, film_index

# An information stand, as the admin's form sends it: one afternoon in its own time zone.
INFORMATION_STAND = {
    "title": "Stand in Utrecht",
    "slug": "stand-in-utrecht",
    "summary": "Come and talk to us.",
    "kind": "information_stand",
    "status": "scheduled",
    "status_notice": "",
    "time_zone": "Europe/Amsterdam",
    "city": "Utrecht",
    "country": "Netherlands",
    "venue": "",
    "address": "",
    "organiser": "",
    "contact_email": "",
    "more_info_url": "",
    "image_alt": "",
    "occurrences": inline_formset(
        [
            {
                "start_date": "2027-01-09",
                "start_time": "13:00",
                "end_date": "2027-01-09",
                "end_time": "17:00",
            }
        ],
        min=1,
    ),
    "body": streamfield([]),
}


class EventAndFilmAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("superuser", "e@example.org", "pw")
        self.client.force_login(self.user)

    def test_allowed_parents_and_children(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(FilmIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(FilmIndexPage, {FilmPage})
        self.assertAllowedParentPageTypes(FilmPage, {FilmIndexPage})

    def test_can_create_an_information_stand_with_dates(self):
        parent = event_index()
        self.assertCanCreate(
            parent,
            EventPage,
            nested_form_data(INFORMATION_STAND),
        )
        stand = EventPage.objects.get(slug="stand-in-utrecht")
        (occurrence,) = stand.occurrences.all()
        assert occurrence.start.isoformat() == "2027-01-09T12:00:00+00:00"

    def test_rejects_an_event_that_ends_before_it_starts(self):
        parent = event_index()
        url = f"/admin/pages/add/events/eventpage/{parent.pk}/"
        response = self.client.post(
            url,
            nested_form_data(
                {
                    "title": "Backwards",
                    "slug": "backwards",
                    "summary": "x",
                    "kind": "talk",
                    "status": "scheduled",
                    "time_zone": "Europe/Amsterdam",
                    "city": "Utrecht",
                    "country": "Netherlands",
                    "occurrences": inline_formset(
                        [
                            {
                                "start_date": "2027-01-09",
                                "start_time": "17:00",
                                "end_date": "2027-01-09",
                                "end_time": "13:00",
                            }
                        ],
                        min=1,
                    ),
                    "body": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        assert not EventPage.objects.filter(slug="backwards").exists()

    def test_can_create_a_film(self):
        parent = film_index()
        self.assertCanCreate(
            parent,
            FilmPage,
            nested_form_data(
                {
                    "title": "A new documentary",
                    "slug": "a-new-documentary",
                    "original_title": "A new documentary",
                    "poster_alt": "",
                    "trailer_url": "",
                    "awards": streamfield(
                        [("award", {"award": "Best documentary", "festival": "", "year": 2020})]
                    ),
                    "where_to_watch": streamfield([]),
                }
            ),
        )
