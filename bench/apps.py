from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmarks and their commands (`make bench`, `make bench-matching`): installed
    by the development and test settings only, never in production."""

    name = "bench"
    verbose_name = "Benchmarks"
