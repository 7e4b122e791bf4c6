"""Security headers beyond Django's own: Permissions-Policy, and the admin's own CSP.

The public site's Content-Security-Policy (``SECURE_CSP``, sent by Django's
ContentSecurityPolicyMiddleware) allows no inline script at all and nothing from another host
but the video player a reader chooses to start. Wagtail's admin needs inline styles and scripts,
so ``/admin/`` answers carry ``SECURE_CSP_ADMIN`` instead: still same-origin only, no plugins,
no framing by other sites.
"""

from django.conf import settings
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


class SecurityHeadersMiddleware:
    """Below Django's CSP middleware: chooses the admin's policy, adds Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class NoFormBodiesFilter(SafeExceptionReporterFilter):
    """Error reports (e-mails to admins, the debug page in production) never carry what a
    person typed into a form: a reader's message or an editor's password stays out of them."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
