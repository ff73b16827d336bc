"""What an import did, told as the officer would want to read it."""

from __future__ import annotations

from dataclasses import dataclass, field


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


@dataclass
class ImportReport:
    file_name: str
    created_visits: list[str] = field(default_factory=list)
    updated_visits: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def say(self, line: str) -> None:
        self.lines.append(line)

    def __str__(self) -> str:
        return "\n".join([f"{self.file_name}:", *(f"  {line}" for line in self.lines)])
