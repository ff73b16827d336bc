"""What is wrong with an exchange file, and where."""

from __future__ import annotations

from dataclasses import dataclass

from visitdesk.services.errors import ServiceError

# Enough to fix a file in one go without burying the first problem.
MAX_REPORTED = 25


@dataclass(frozen=True, slots=True)
class Problem:
    path: str  # `visits[0].engagements[2].guest_attendees[1]`, or "" for the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ExchangeFileError(ServiceError):
    """The file cannot be imported; nothing was written."""

    def __init__(self, file_name: str, problems: list[Problem]) -> None:
        self.file_name = file_name
        self.problems = problems
        super().__init__(self._render())

    def _render(self) -> str:
        shown = self.problems[:MAX_REPORTED]
        noun = "problem" if len(self.problems) == 1 else "problems"
        lines = [
            f"{self.file_name}: not imported, nothing was changed ({len(self.problems)} {noun}):"
        ]
        lines += [f"  {problem}" for problem in shown]
        if len(self.problems) > len(shown):
            lines.append(f"  … and {len(self.problems) - len(shown)} more")
        return "\n".join(lines)


class ReleaseNumberTakenError(ExchangeFileError):
    """Only press release numbers already used in their year stand in the way: importing
    again with renumbering (`renumber_releases=True`) gives them the next free numbers."""
