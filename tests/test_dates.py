"""Dates read the same on every PC, whatever language the PC is set to."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from visitdesk.domain.dates import (
    date_range,
    long_date,
    month_day_year,
    short_date,
    short_datetime,
    short_day,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "visitdesk"


def test_the_forms_an_office_writes() -> None:
    assert month_day_year(date(2017, 3, 22)) == "March 22, 2017"
    assert long_date(date(2017, 3, 21)) == "Tuesday 21 March 2017"
    assert short_date(date(2017, 6, 30)) == "30 Jun 2017"
    assert short_day(date(2017, 3, 1)) == "Wed 01 Mar"
    assert short_datetime(datetime(2017, 3, 21, 9, 5)) == "21 Mar 2017 09:05"
    assert date_range(date(2017, 3, 21), date(2017, 3, 22)) == "21–22 March 2017"
    assert date_range(date(2017, 12, 30), date(2018, 1, 2)) == "30 December 2017 – 2 January 2018"


def test_no_code_asks_strftime_for_a_name_that_follows_the_pc_locale() -> None:
    """`%B`, `%b`, `%A`, `%a` give `mars` on a French PC once Qt has set the locale."""
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        if path.name != "dates.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"%[BbAa]\b", line)
    ]
    assert offenders == []
