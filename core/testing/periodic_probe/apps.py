from django.apps import AppConfig


class PeriodicProbeConfig(AppConfig):
    name = "core.testing.periodic_probe"
    label = "periodic_probe"

    def ready(self) -> None:
        from datetime import timedelta

        from core.scheduling import register_periodic_job

        from .tasks import block_until_released

        register_periodic_job("probe.block", timedelta(seconds=1), block_until_released)
