from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from site_core import views
from site_core.languages import routing
from site_core.languages import views as language_views
from site_core.search import views as search
from site_core.security import sign_in
from site_core.seo import views as seo

# The folders of MEDIA_ROOT that anyone may read (Wagtail's images and their renditions); a web
# server in front of the site must serve these and nothing else of MEDIA_ROOT (README.md).
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")

handler400 = "site_core.views.bad_request"
handler404 = "site_core.views.page_not_found"
handler500 = "site_core.views.server_error"

urlpatterns = [
    # Wagtail's account page, its change-password form counted by the sign-in limits.
    path(
        "admin/account/",
        require_admin_access(sign_in.AccountView.as_view()),
        name="wagtailadmin_account",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("language/<str:language_code>/", language_views.choose_language, name="choose_language"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    # Images only (originals and renditions). Documents are served by Wagtail's view above,
    # which checks a private collection's sign-in; their files are never served at /media/.
    # Each folder is its own root: ``serve`` resolves "..", "%2e%2e" and "%2f" inside the root
    # it is given (and refuses to leave it), so /media/images/../documents/… cannot reach a
    # document, as it could when the root was MEDIA_ROOT itself.
    urlpatterns += [
        re_path(
            rf"^media/{folder}/(?P<path>.*)$",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT) / folder},
        )
        for folder in PUBLIC_MEDIA_FOLDERS
    ]

# Every public page lives under its language prefix: /en/, /nl/, /zh-hans/, ...
urlpatterns += i18n_patterns(
    path("search/", search.search_view, name="search"),
    # Wagtail's URLs, its page view routed through the cache (site_core.languages.routing) and its
    # form
    # for password-protected pages counted by the sign-in limits (site_core.security.sign_in).
    *[
        pattern
        for pattern in wagtail_urls.urlpatterns
        if pattern.name not in ("wagtail_serve", "wagtailcore_authenticate_with_password")
    ],
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        sign_in.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
