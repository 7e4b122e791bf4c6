"""A posted form that lacks the fields it needs is the sender's mistake (a 400), not a 500."""

import logging
import traceback

from django.utils.datastructures import MultiValueDictKeyError

from site_core.views import bad_request

logger = logging.getLogger(__name__)


def is_incomplete_form(exception):
    """Whether ``exception`` says a posted form lacked fields, rather than that our code failed.

    Wagtail's admin views read some fields straight from ``request.POST`` (a page copy's new
    parent, a StreamField's block count) and its link chooser cleans a missing URL as ``None``:
    a form posted without them (a stale page, a script, a fuzzer) raised an error deep inside.
    """
    if isinstance(exception, MultiValueDictKeyError):
        return True
    if isinstance(exception, (AttributeError, TypeError)):
        frames = traceback.extract_tb(exception.__traceback__)
        return any(
            frame.name == "_clean_bound_field" and frame.filename.endswith("forms/fields.py")
            for frame in frames
        )
    return False


class IncompleteFormMiddleware:
    """A form that arrives without the fields it needs gets a 400 saying what to do, not a 500.

    Nothing has been saved at that point: the error comes from reading or cleaning the form.
    The error is still logged (a warning), so a real bug would not go unseen.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not is_incomplete_form(exception):
            return None
        logger.warning("Incomplete form posted to %s", request.path, exc_info=exception)
        return bad_request(request, exception)
