"""`manage.py load_demo`: the bilingual demo site (idempotent)."""

from django.core.management.base import BaseCommand
from rich.progress import Progress

from newsroom.demo import content
from newsroom.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Create the demo site: EN/RU home pages, sections, outlets, authors and articles."

    def handle(self, *args, **options):
        steps = len(content.ARTICLES) + 2
        with Progress(transient=True) as progress:
            task = progress.add_task("Loading demo content", total=steps)
            loader = DemoLoader(content, progress=lambda _msg: progress.advance(task))
            report = loader.run()
        if report.total:
            parts = ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: created {parts}."))
        else:
            self.stdout.write("Demo content already loaded: nothing to change.")
