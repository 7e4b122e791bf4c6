"""Two-factor sign-in (TOTP codes from an authenticator app) with wagtail-2fa and django-otp.

wagtail-2fa 1.8.0 cannot be an installed app on Wagtail 8: its ``wagtail_hooks`` imports
``wagtail.users.widgets``, which Wagtail 8 removed. Its middleware
(``VerifyUserPermissionsMiddleware``, in settings.MIDDLEWARE), views and forms work as they are;
this module registers what its hooks did (admin URLs, the account-menu item, the "enable 2FA"
permission in group settings, the main menu while unverified, a button in the users' list),
with templates of our own in templates/wagtail_2fa/ and these fixes: a missing device is a 404
(not a 500); the code field is labelled and asks for a one-time code; the middleware guards the
admin only (elsewhere, someone who still owes a code is an anonymous reader, so public pages
stay readable and a password alone opens no private page); and a device added to an account is
told to its owner by e-mail and recorded in the admin's history (whoever first has the password
of an account without a device could otherwise enrol their own unseen).

Whether it is required: WAGTAIL_2FA_REQUIRED (TWO_FACTOR_REQUIRED in the environment). Then
administrators and the roles holding ``wagtailadmin.enable_2fa`` (editors and reviewers:
site_core.translation_workflow.roles.require_two_factor) must add a device and enter a code after
their password;
anyone else who added a device is asked for a code too.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.http import Http404
from django.urls import path, re_path, reverse
from django.utils import translation
from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter, log
from wagtail.users.models import UserProfile

from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import forms as two_factor_forms
from wagtail_2fa import utils as two_factor_utils
from wagtail_2fa import views as two_factor_views
from wagtail_2fa.middleware import VerifyUserPermissionsMiddleware

PERMISSION = "wagtailadmin.enable_2fa"
DEVICE_ADDED = "site_core.two_factor_device_added"


class AdminVerificationMiddleware(VerifyUserPermissionsMiddleware):
    """wagtail-2fa's middleware for the admin; elsewhere, who still owes a code is anonymous.

    wagtail-2fa sends someone who owes a code to the code (or device) form from every address,
    public pages included. Outside the admin they are, until they give it, an anonymous reader:
    public pages are readable, and a page or document kept for signed-in users asks for a
    sign-in, as it would of anybody who knows no more than a password.
    """

    def process_request(self, request):
        response = super().process_request(request)
        if response is None or request.path_info.startswith(reverse("wagtailadmin_home")):
            return response
        request.user = AnonymousUser()
        return None


def tell_owner_of_new_device(request, device):
    """E-mail the account's owner (in their admin language) and record it in the admin's history."""
    user = device.user
    log(instance=user, action=DEVICE_ADDED, user=request.user, data={"device": device.name})
    if not user.email:
        return
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        send_mail(
            _now("A two-factor device was added to your account"),
            _now(
                "The device “%(device)s” was added to your account “%(account)s” at %(site)s: "
                "it gives the codes for two-factor sign-in.\n\n"
                "If it wasn’t you, tell an administrator at once: someone else knows your "
                "password. They can remove the device (Settings → Users → Two-factor devices)."
            )
            % {
                "device": device.name,
                "account": user.get_username(),
                "site": settings.WAGTAILADMIN_BASE_URL,
            },
            None,
            [user.email],
        )


class DeviceAdded(LogFormatter):
    label = _("Add a two-factor device")

    def format_message(self, log_entry):
        return _("Two-factor device “%(device)s” added") % {
            "device": (log_entry.data or {}).get("device", "")
        }


@hooks.register("register_log_actions")
def two_factor_log_actions(actions):
    actions.register_action(DEVICE_ADDED)(DeviceAdded)


class CodeForm(two_factor_forms.TokenForm):
    """The code asked for after the password, checked against the user's device.

    wagtail-2fa's form leaves the device to django-otp, which since 1.6 refuses a code without
    a chosen device ("Please select a device."): nobody could finish signing in. Here the
    device is the user's only one, or the one they pick when they have several.
    """

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        field = self.fields["otp_token"]
        field.label = _("Code from your authenticator app")
        field.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "8"}
        )
        self.devices = list(devices_for_user(user, confirmed=True)) if user else []
        if len(self.devices) > 1:
            self.fields["otp_device"] = forms.ChoiceField(
                label=_("Device"), choices=[(d.persistent_id, d.name) for d in self.devices]
            )

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None and len(self.devices) == 1:
            # Locked for the check, as django-otp does (a code is accepted only once).
            device = Device.from_persistent_id(self.devices[0].persistent_id, for_verify=True)
        return device


class DeviceForm(two_factor_forms.DeviceForm):
    """Adding or renaming a device: wagtail-2fa's form, with our (translated) words."""

    def __init__(self, request, **kwargs):
        super().__init__(request, **kwargs)
        self.fields["name"].label = _("Name")
        self.fields["name"].help_text = _("For example: “My phone”.")
        self.fields["password"].label = _("Your password")
        self.fields["password"].help_text = _("To confirm that it is you.")
        if "otp_token" in self.fields:
            self.fields["otp_token"].label = _("Code from your authenticator app")
            self.fields["otp_token"].help_text = _("The code the app shows after scanning.")
            self.fields["otp_token"].widget.attrs.update(
                {"autocomplete": "one-time-code", "inputmode": "numeric"}
            )

    def clean_otp_token(self):
        try:
            return super().clean_otp_token()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("That code is not right. Enter the code the app shows now."), code="invalid"
            ) from None

    def clean_password(self):
        try:
            return super().clean_password()
        except forms.ValidationError:
            raise forms.ValidationError(_("That password is not right.")) from None


class DeviceCreateView(two_factor_views.DeviceCreateView):
    form_class = DeviceForm

    def form_valid(self, form):
        response = super().form_valid(form)
        tell_owner_of_new_device(self.request, form.instance)
        return response


class DeviceUpdateView(two_factor_views.DeviceUpdateView):
    form_class = DeviceForm


class VerifyView(two_factor_views.LoginView):
    form_class = CodeForm
    template_name = "wagtail_2fa/otp_form.html"


class DeviceDeleteView(two_factor_views.DeviceDeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not TOTPDevice.objects.filter(**self.kwargs).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class DeviceQRCodeView(two_factor_views.DeviceQRCodeView):
    def get(self, request):
        if two_factor_utils.get_unconfirmed_device(request.user) is None:
            raise Http404
        return super().get(request)


@hooks.register("register_admin_urls")
def two_factor_urls():
    # wagtail-2fa's addresses and names (its middleware lets the names through unverified).
    return [
        path("2fa/auth", VerifyView.as_view(), name="wagtail_2fa_auth"),
        re_path(
            r"^2fa/devices/(?P<user_id>\d+)$",
            two_factor_views.DeviceListView.as_view(),
            name="wagtail_2fa_device_list",
        ),
        path(
            "2fa/devices/new",
            DeviceCreateView.as_view(),
            name="wagtail_2fa_device_new",
        ),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/update$",
            DeviceUpdateView.as_view(),
            name="wagtail_2fa_device_update",
        ),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/remove$",
            DeviceDeleteView.as_view(),
            name="wagtail_2fa_device_remove",
        ),
        re_path(
            r"^2fa/devices/qr-code$", DeviceQRCodeView.as_view(), name="wagtail_2fa_device_qrcode"
        ),
    ]


def _devices_url(user):
    return reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk})


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": _devices_url(request.user),
        "label": _("Two-factor sign-in"),
        "help_text": _("Add or remove the app that gives you a code at each sign-in."),
    }


@hooks.register("construct_main_menu")
def only_two_factor_setup_until_verified(request, menu_items):
    """Someone who must still add a device sees nothing else in the menu."""
    user = request.user
    if (
        settings.WAGTAIL_2FA_REQUIRED
        and getattr(user, "enable_2fa", True)
        and not user.is_verified()
    ):
        menu_items[:] = [
            MenuItem(_("Two-factor sign-in"), _devices_url(user), icon_name="key", order=1)
        ]


@hooks.register("register_user_listing_buttons")
def two_factor_user_button(user, request_user):
    # wagtail-2fa lets only administrators open another user's devices (and remove a lost one).
    if request_user.is_superuser:
        yield ListingButton(_("Two-factor devices"), _devices_url(user), priority=100)


@hooks.register("register_permissions")
def two_factor_permission():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


def permission():
    """wagtail-2fa's "Enable 2FA" permission (its migration would create it; we create it here)."""
    app_label, codename = PERMISSION.split(".")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model="admin")
    found, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": "Enable 2FA"}
    )
    return found
