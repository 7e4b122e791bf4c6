"""Security settings shared by every environment (read into ``base``): sign-in limits,
two-factor sign-in, cookies, response headers and the Content-Security-Policy
(``site_core.security``)."""

from datetime import timedelta

from django.utils.csp import CSP

from site_core.settings import environment as env

# Sign-in attempts are limited per address (site_core.security.addresses): behind N reverse
# proxies, the address is the one the nearest proxy saw in X-Forwarded-For.
PROXY_COUNT = env.PROXY_COUNT
PROXY_COUNT_GIVEN = env.PROXY_COUNT_GIVEN  # said on purpose, 0 too (check --deploy asks)

# Sign-in limits (django-axes, site_core/security/sign_in.py). Axes refuses a locked-out attempt
# before any other backend checks the password; counters live in the database, not the page
# cache.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "site_core.security.sign_in.SignInAttempts"
# Counted over 15 minutes since the last failure: one account from one address, one address
# (IPv6: one /64). Never one account from anywhere: that would let anybody lock an editor out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
SIGN_IN_FAILURE_LIMITS = [5, 30]  # for each of AXES_LOCKOUT_PARAMETERS, in order
AXES_FAILURE_LIMIT = SIGN_IN_FAILURE_LIMITS[0]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True  # that account from that address only (SignInAttempts)
AXES_USERNAME_CALLABLE = "site_core.security.sign_in.account_key"
AXES_CLIENT_IP_CALLABLE = (
    "site_core.security.addresses.client_pseudonym"  # a keyed hash, never the address
)
AXES_LOCKOUT_CALLABLE = "site_core.security.sign_in.lockout_response"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # no table of successful sign-ins: only failures are kept
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken", "otp_token"]
# Device cookies (OWASP): a browser that signed in to an account is counted on its own for that
# account, never blocked by its address's limits, and blocked after this many failures.
SIGN_IN_DEVICE_COOKIE = "sign_in_device"
SIGN_IN_DEVICE_COOKIE_AGE = 180 * 24 * 60 * 60  # seconds; renewed at each sign-in
SIGN_IN_DEVICE_FAILURE_LIMIT = 5

# Two-factor sign-in (wagtail-2fa, TOTP apps): required, where on, for the roles holding its
# "enable 2FA" permission (editors, reviewers: site_core.translation_workflow.roles) and
# administrators; anyone who added a device is asked for a code too. Off in development and
# tests unless TWO_FACTOR_REQUIRED=true; on in production unless TWO_FACTOR_REQUIRED=false.
WAGTAIL_2FA_REQUIRED = env.TWO_FACTOR_REQUIRED is True
OTP_TOTP_ISSUER = "Falun Gong Awareness"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
DEFAULT_EXCEPTION_REPORTER_FILTER = "site_core.security.headers.NoFormBodiesFilter"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy (Django's own middleware). The public site runs no inline script
# (JSON-LD blocks are data, not script) and loads nothing from another host, except the video
# player a reader starts with "Play" (site_core/static/js/site.js).
VIDEO_PLAYER_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "frame-src": VIDEO_PLAYER_HOSTS,
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin (and wagtail-localize's editor) use inline styles and scripts: same origin
# only, framed only by itself (previews). Chosen by
# site_core.security.headers.SecurityHeadersMiddleware.
SECURE_CSP_ADMIN = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, "blob:"],
    "frame-src": [CSP.SELF, *VIDEO_PLAYER_HOSTS],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
