"""Sitemap and robots.txt, outside the language prefixes."""

from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.models import Page

from site_core.navigation import bcp47


def sitemap(request):
    """Every live public page in every language, each with its hreflang alternates.

    Wagtail's own sitemap lists one language and no alternates; aliases (pages that only
    mirror another language) are left out because they are not translations.
    """
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path", "locale__language_code")
    )
    by_key = defaultdict(list)
    for page in pages:
        url = page.get_full_url(request)
        if url:
            by_key[page.translation_key].append(
                {"url": url, "hreflang": bcp47(page.locale.language_code), "page": page}
            )
    entries = []
    for group in by_key.values():
        default = next(
            (item for item in group if item["page"].locale.language_code == settings.LANGUAGE_CODE),
            None,
        )
        for item in group:
            entries.append(
                {
                    "url": item["url"],
                    "lastmod": item["page"].last_published_at,
                    "alternates": group if len(group) > 1 else [],
                    "x_default": default["url"] if default and len(group) > 1 else None,
                }
            )
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /language/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
