from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from site_core.languages.models import ListingFallback


class ListingFallbackViewSet(ModelViewSet):
    """Per language: English items shown in its listings while they are not translated.

    Editors and administrators only (the model's add/change/delete permissions, which
    ``setup_roles`` gives the Editors group); translators and reviewers have none.
    """

    model = ListingFallback
    icon = "globe"
    add_to_settings_menu = True
    form_fields = ["locale", "mode", "fill_to"]
    list_display = ["__str__", "mode", "fill_to"]


@hooks.register("register_admin_viewset")
def register_listing_fallback():
    return ListingFallbackViewSet("listing_fallback")
