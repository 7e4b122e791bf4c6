"""The admin's views of the site's snippets (footers, news categories).

Wagtail's snippet chooser has a "create" address even for snippets it offers no creation form
for; a POST there failed with a 500. Here it answers 405: that chooser only chooses.
"""

from django.http import HttpResponseNotAllowed

from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet


class ChooserCreateView(SnippetCreateView):
    def post(self, request):
        if self.get_creation_form_class() is None:
            return HttpResponseNotAllowed(["GET"])
        return super().post(request)


class ChooserViewSet(SnippetChooserViewSet):
    create_view_class = ChooserCreateView


class SiteSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
