"""Create or repair the editors', translators' and reviewers' groups and review workflows."""

from django.core.management.base import BaseCommand

from site_core.translation_workflow.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the Editors group, a Translators and a Reviewers group per translated language "
        "(page permissions on that language's tree only) and a '<language> review' workflow on "
        "each language's home page. Safe to run again: it repairs what drifted and adds new "
        "languages."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        report = setup_roles(progress=self.stdout.write if verbose else None)
        if report.missing and verbose:
            self.stdout.write(
                self.style.WARNING(
                    "Not set up (no home page in these languages yet): " + ", ".join(report.missing)
                )
            )
        if verbose:
            self.stdout.write(self.style.SUCCESS("Roles ready."))
