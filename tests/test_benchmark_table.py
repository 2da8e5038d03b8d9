"""The benchmark table prints each row in its own unit (counts and percents are not times)."""

from __future__ import annotations

from benchmarks.common import Row, table


def test_each_row_prints_its_own_unit() -> None:
    rows = [
        Row("Room page: errors", [0.0], 0.0, unit="errors"),
        Row("Room page: app memory growth", [2.5], 10.0, unit="%"),
        Row("Run page: key", [1.5, 2.5], 2.0),
    ]
    lines = table(rows).splitlines()
    assert "≤ 0 errors" in lines[1] and "0 errors" in lines[1] and "ms" not in lines[1]
    assert "≤ 10 %" in lines[2] and "2.5 %" in lines[2] and "ms" not in lines[2]
    assert "≤ 2 ms" in lines[3] and "2.00ms" in lines[3]
    assert [row.as_json()["unit"] for row in rows] == ["errors", "%", "ms"]
