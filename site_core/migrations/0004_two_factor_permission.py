"""wagtail-2fa's "Enable 2FA" permission, which its own migration would create.

wagtail-2fa cannot be an installed app on Wagtail 8 (site_core/security/two_factor.py), so its migration
never runs. Without this one, a new database lacks the permission: setup_roles made it, but a
restored backup (loaddata into a freshly migrated database) refers to it before then.
"""

from django.db import migrations


def create_permission(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    Permission.objects.get_or_create(
        content_type=content_type, codename="enable_2fa", defaults={"name": "Enable 2FA"}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("site_core", "0003_language_review_task"),
    ]

    operations = [migrations.RunPython(create_permission, migrations.RunPython.noop)]
