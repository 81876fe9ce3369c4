"""What an import found and did: every error located by file, row and column."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

OUTCOMES = ("created", "updated", "unchanged")


@dataclass(frozen=True)
class RowError:
    """One problem: where (file, row or line, column), the value read, and why."""

    file: str
    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, ligne {self.row}" if self.file else f"ligne {self.row}"
        return f"{where}, colonne « {self.column} » ({self.value!r}) : {self.reason}"

    def as_dict(self) -> dict:
        return asdict(self)


class RowProblems(Exception):
    """Raised by an importer for a row it cannot take, with every problem found."""

    def __init__(self, problems: list[tuple[str, str, str]]):
        super().__init__(problems)
        self.problems = problems  # (column, value, reason)


@dataclass
class ImportReport:
    """The counts per kind of record, the errors, and a few log lines."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    rows_total: int = 0
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, kind: str, outcome: str) -> None:
        numbers = self.counts.setdefault(kind, dict.fromkeys(OUTCOMES, 0))
        numbers[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(numbers.get(outcome, 0) for numbers in self.counts.values())

    def summary(self) -> str:
        return ", ".join(
            f"{kind} : {n['created']} créé(s), {n['updated']} modifié(s), "
            f"{n['unchanged']} inchangé(s)"
            for kind, n in self.counts.items()
        )
