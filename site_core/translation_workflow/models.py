"""The review task of each language's workflow, and who is assigned which translation."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
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


class TranslationAssignment(models.Model):
    """Who translates an English page into one language, and by when (set by an editor from the
    translation overview). One assignee per page and language; the page is named by its
    translation key, so the assignment holds before the translation exists."""

    translation_key = models.UUIDField(_("translation key"), db_index=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, verbose_name=_("language")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translation_assignments",
        verbose_name=_("translator"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)

    class Meta:
        verbose_name = _("translation assignment")
        verbose_name_plural = _("translation assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="one_assignee_per_page_and_language"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} / {self.locale_id} → {self.assignee_id}"

    def is_overdue(self, today=None):
        return self.due_date is not None and self.due_date < (today or timezone.localdate())
