"""LanguageReviewTask moves here from site_core (its migration 0003): the model's state only.

The tables keep their names (``Meta.db_table``) and rows; the content type that Wagtail's task
rows point at is renamed, so existing workflows keep their review task.
"""

import django.db.models.deletion
from django.db import migrations, models


def rename_content_type(apps, schema_editor, old="site_core", new="translation_workflow"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model="languagereviewtask").update(app_label=new)


def restore_content_type(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="translation_workflow", new="site_core")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("site_core", "0004_two_factor_permission"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LanguageReviewTask",
                    fields=[
                        (
                            "task_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.task",
                            ),
                        ),
                        (
                            "groups",
                            models.ManyToManyField(
                                help_text="Pages/snippets at this step in a workflow will be "
                                "moderated or approved by these groups of users",
                                to="auth.group",
                                verbose_name="groups",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "language review task",
                        "verbose_name_plural": "language review tasks",
                        "db_table": "site_core_languagereviewtask",
                    },
                    bases=("wagtailcore.task",),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
