"""``safe_url``: a link's address as it may go into ``href``, for addresses editors and
translators type (URL blocks and fields, translation overrides)."""

from django import template

from wagtail.whitelist import check_url

register = template.Library()


def is_safe_link(value):
    """True when ``value`` may go into ``href``: no scheme that could run script (Wagtail's own
    check, as for rich text links: http, https, ftp, mailto, tel or none) and no control
    characters (browsers drop some, so ``java\tscript:`` would pass a plain prefix test)."""
    value = str(value)
    return check_url(value) is not None and not any(ord(char) < 32 for char in value)


@register.filter
def safe_url(value):
    """The address, or "" when it is not a safe link (``javascript:``, ``data:``...).

    Overrides are validated when a translator saves them
    (``site_core.translation_workflow.localize_guards``); this
    also covers values stored before that, or by any other way in.
    """
    if not value or not is_safe_link(value):
        return ""
    return str(value)
