"""Security headers beyond Django's own: Permissions-Policy, Cross-Origin-Resource-Policy,
``Cache-Control: no-store`` on error answers, and the admin's own CSP.

The public site's Content-Security-Policy (``SECURE_CSP``, sent by Django's
ContentSecurityPolicyMiddleware) allows no inline script at all and nothing from another host
but the video player a reader chooses to start. Wagtail's admin needs inline styles and scripts,
so ``/admin/`` answers carry ``SECURE_CSP_ADMIN`` instead: still same-origin only, no plugins,
no framing by other sites. Previews show the public page under an ``/admin/`` address: they get
the public policy, framed only by the admin (issue 14: a translator's markup must meet the same
policy there as on the site).
"""

from django.conf import settings
from django.utils.csp import CSP
from django.views.debug import SafeExceptionReporterFilter

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)


def preview_policy():
    """The public ``SECURE_CSP``, except that the admin's preview panel (same origin) frames it."""
    return {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}


class SecurityHeadersMiddleware:
    """Below Django's CSP middleware: chooses the admin's policy, adds Permissions-Policy and
    Cross-Origin-Resource-Policy (static files from whitenoise, below, get them too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview (editor's panel, revision, wagtail-localize's translation
            # preview) through this stack again with the page's own path, and the admin answer
            # keeps the header set here: the public page's policy, framed only by the admin.
            response._csp_config = preview_policy()
        elif request.path_info.startswith("/admin/"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Nothing of this site (pages, static files, images) may be embedded by another site's
        # pages: no cross-site leaks through <img>/<script> from elsewhere.
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if response.status_code >= 400:
            # Error answers are never kept, by browsers or by a CDN: a 404 turns into a page at
            # the next publish (which promises to show at once), it is rendered in each reader's
            # own language (their cookie), and a 500/503 is a passing failure.
            response.headers.setdefault("Cache-Control", "no-store")
        return response


class NoFormBodiesFilter(SafeExceptionReporterFilter):
    """Error reports (e-mails to admins, the debug page in production) never carry what a
    person typed into a form: a reader's message or an editor's password stays out of them."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
