"""The review task of each language's workflow."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class RequestChangesForm(TaskStateCommentForm):
    """Asking a translator for changes must say which (the comment is required)."""

    comment = forms.CharField(
        label=_("What needs to change"), required=True, widget=forms.Textarea({"rows": 3})
    )


class LanguageReviewTask(AbstractGroupApprovalTask):
    """Approval by one language's reviewers; "Request changes" needs a comment."""

    def get_form_for_action(self, action):
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    class Meta:
        # Created by site_core's migration 0003, before this app existed: the tables keep
        # their names (migrations 0001 here and site_core 0005 move the model, not the data).
        db_table = "site_core_languagereviewtask"
        verbose_name = _("language review task")
        verbose_name_plural = _("language review tasks")
