"""Send the alert digests now (what the morning Celery beat task does), with progress."""

from django.core.management.base import BaseCommand, CommandError

from portal.core.progress import Progress
from search.alerts.digest import digests_send


class Command(BaseCommand):
    help = "Send the due alert digests (saved searches and follows) now."

    def handle(self, *args, **options):
        progress = Progress(self.stdout, "Digests")
        report = digests_send(progress=progress.report)
        if report.skipped_running:
            raise CommandError("Another digest run is in progress; nothing done.")
        if report.users:
            progress.finish()
        self.stdout.write(
            f"{report.sent} sent, {report.failed} failed, "
            f"{report.users} user(s) due, period up to {report.period_end:%Y-%m-%d %H:%M}"
        )
        if report.failed:
            raise CommandError(f"{report.failed} digest(s) failed; run again to retry.")
