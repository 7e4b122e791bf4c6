"""LanguageReviewTask now belongs to site_core.translation_workflow (its migration 0001): site_core
forgets the model; its tables and rows stay, now owned by that app."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0004_two_factor_permission"),
        ("translation_workflow", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="LanguageReviewTask")],
            database_operations=[],
        ),
    ]
