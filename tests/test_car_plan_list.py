"""The car plan list (`visitdesk export-list REF --list car-plan`, and the window's Lists menu):
one row per passenger, in time order and motorcade order, as the transport company reads it."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.car_plan_visits import HOSTILE, make_car_visit
from visitdesk.app import Desk, RefusedError
from visitdesk.app.cars import CarData, CarRole
from visitdesk.app.lists import ListKind
from visitdesk.cli import main


def _planned(data_dir: Path) -> None:
    desk = Desk.open(data_dir=data_dir)
    v = make_car_visit(desk)
    talks, _lunch = desk.cars.make_movements(v.visit_id)
    record = desk.cars.load(talks)
    cars = (
        CarData(CarRole.PILOT, registration="POLICE-1"),
        CarData(CarRole.DELEGATION, registration="ICT-101", driver="Aslam", driver_phone="+92 300"),
    )
    record = desk.cars.update(talks, dataclasses.replace(record.data, cars=cars), record.version)
    desk.cars.update(talks, desk.cars.proposal(talks), record.version)
    desk.close()


def test_the_car_plan_lists_each_car_and_passenger_in_order(tmp_path: Path) -> None:
    _planned(tmp_path / "records")
    out = tmp_path / "plan.xlsx"
    code = main(
        ["--data-dir", str(tmp_path / "records"), "export-list", "cnipa-2027",
         "--list", "car-plan", "-o", str(out)]
    )  # fmt: skip
    assert code == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[0] == [
        "No.", "Movement", "Date", "Time", "From", "To", "Car", "Role", "Registration",
        "Driver", "Driver's phone", "Seat", "Passenger",
    ]  # fmt: skip
    talks = ["Talks at the Ministry", "09:30", "Serena Hotel", "Ministry of Commerce, Blue Area"]
    body = [[r[1], r[3], r[4], r[5], *r[6:]] for r in cells[1:]]
    assert body == [
        [*talks, "Pilot", "Pilot", "POLICE-1", None, None, None, None],
        [*talks, "Car 1", "Flag", "ICT-101", "Aslam", "+92 300", "Rear right", "王 小明"],
        [*talks, "Car 1", "Flag", "ICT-101", "Aslam", "+92 300", "Rear left", "جناب عمران خان"],
        [*talks, "Car 1", "Flag", "ICT-101", "Aslam", "+92 300", "Front", "Sara Qureshi"],
        [*talks, "Car 2", "Delegation", None, None, None, "Rear right", "李 娜"],
        # The lunch has no cars yet: its row says where and when all the same.
        ["Lunch 午餐", "12:30", "Ministry of Commerce, Blue Area", HOSTILE, *[None] * 7],
    ]
    assert cells[1][2].date() == date(2027, 5, 10)  # a real date, not text
    assert [r[0] for r in cells[1:]] == [1, 2, 3, 4, 5, 6]


def test_the_car_plan_as_csv_keeps_hostile_text_literal(tmp_path: Path) -> None:
    _planned(tmp_path / "records")
    desk = Desk.open(data_dir=tmp_path / "records")
    visit_id = desk.visits.id_of("cnipa-2027")
    desk.lists.export_to(visit_id, ListKind.CAR_PLAN, tmp_path / "plan.csv")
    rows = list(csv.reader((tmp_path / "plan.csv").open(encoding="utf-8-sig")))
    assert rows[-1][5] == HOSTILE
    assert rows[2][10] == "'+92 300"  # a phone is never read as a formula
    desk.close()


def test_a_visit_without_movements_is_told_what_to_do(tmp_path: Path) -> None:
    desk = Desk.open(data_dir=tmp_path / "records")
    v = make_car_visit(desk)
    with pytest.raises(RefusedError, match="no movements yet"):
        desk.lists.export(v.visit_id, ListKind.CAR_PLAN)
    desk.close()
