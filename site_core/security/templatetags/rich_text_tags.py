"""The ``clean_rich_text`` filter: the render-time guard of site_core.security.rich_text.

Used by ``templates/wagtailcore/shared/richtext.html``, which both the ``richtext`` filter and a
RichTextBlock's value render through.
"""

from django import template
from django.utils.safestring import mark_safe

from site_core.security.rich_text import clean_rendered_html

register = template.Library()


@register.filter
def clean_rich_text(html):
    """Expanded rich text with only the markup the site's rich-text features produce."""
    return mark_safe(clean_rendered_html(html))  # nosec B308 B703: nh3 has just sanitised it
