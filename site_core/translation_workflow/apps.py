from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationWorkflowConfig(AppConfig):
    """Translators and reviewers per language: roles, scope, review, sync, progress, overview."""

    name = "site_core.translation_workflow"
    label = "translation_workflow"
    verbose_name = _("Translation workflow")

    def ready(self):
        # The translation sync and review-team receivers must listen in every process (commands,
        # workers), not only once the admin's hooks are loaded; their modules import models,
        # which cannot be imported before the app registry is ready.
        from site_core.translation_workflow import (  # noqa: F401
            auto_drafts,
            matches,
            review_fallback,
            sync,
            sync_failures,
        )
