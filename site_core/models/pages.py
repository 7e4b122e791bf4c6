"""The abstract page every page type builds on."""

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PagePermissionTester, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_core.caching.page_cache import known_parameters
from site_core.models.images import ImageAltMixin, ImageAltPageForm
from site_core.navigation import may_be_restricted


class BasePage(ImageAltMixin, Page):
    """Abstract base of all pages.

    Extension points:
    - ``social_image``: the picture shared on social networks (Open Graph); subclasses may
      override ``get_social_image()`` to fall back to a hero image.
    - ``get_meta_description()``: the promote tab's search description; subclasses may fall
      back to an intro or summary.
    - ``cache_query_parameters``: the query parameters the page (and its sub-routes) reads;
      the page cache keys on these and ignores any other (site_core.caching.page_cache).
    - ``image_alt_fields``: (image field, alternative text field) pairs; an empty text gets
      the image's description when the page is saved, and the admin form asks for one when
      neither has it (site_core.models.images).

    Deleting a page is for those who may publish in its tree (``PublishersDeletePages``).
    """

    base_form_class = ImageAltPageForm

    # ?untranslated=<id>: the switcher's notice (site_tags.untranslated_notice)
    cache_query_parameters = ("untranslated",)

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks. 1200 × 630 works best."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    override_translatable_fields = [SynchronizedField("social_image")]

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image

    def get_meta_description(self):
        return self.search_description

    def permissions_for_user(self, user):
        return PublishersDeletePages(user, self)

    def get_view_restrictions(self):
        """Wagtail's, without its two queries for the pages no restriction can reach."""
        if self.alias_of_id is None and not may_be_restricted(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class PublishersDeletePages(PagePermissionTester):
    """Wagtail's permissions, except that only those who may publish a page may delete it.

    Wagtail lets anyone who may change a page delete it while it (and everything under it) is
    not live: a translator could delete a draft translation, and with it the work of everyone
    on it. Every "Delete" (the page's header and listing menus, the translation editor, bulk
    actions) and the delete view itself ask ``can_delete``.
    """

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        return self.user.is_superuser or "publish" in self.permissions


class SectionIndexPage(BasePage):
    """Abstract base of the one-per-language section pages (news, events, films).

    Extension points: subclasses set ``subpage_types`` and may use ``paginate()`` for listings.
    """

    intro = models.TextField(verbose_name=_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description"),
        index.SearchField("intro"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro


def paginate(request, items, per_page, not_found_message):
    """One page of ``items``: junk page numbers give the first page, past the end is a 404.

    Only a page number spelt as the listing's own links spell it (``page=2``, not ``page=02``
    or ``page=x``) may be stored by the page cache.
    """
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = max(int(raw), 1)
    except ValueError:
        number = 1
    try:
        found = paginator.page(number)
    except EmptyPage:
        if number != 1:
            raise Http404(not_found_message) from None
        found = paginator.page(1)
    if raw == str(found.number):
        known_parameters(request, "page")
    return paginator, found
