#!/usr/bin/env python3
"""Rebuilds assets/data/airports.csv and iata-cities.csv from the `airportsdata` package.

    python3 assets/data/build_airports.py            # downloads the pinned wheel with pip
    python3 assets/data/build_airports.py WHEEL.whl  # or reads a wheel already downloaded

Keeps only airports with an IATA code and a time zone the system's tz database knows (the
Rust side checks every zone again against chrono-tz in a unit test), and only the columns
Delegation Desk uses: IATA code, name, city, ISO 3166-1 alpha-2 country, IANA zone.
iata-cities.csv is the package's list of metropolitan-area codes (PAR, LON, NYC...), used to
resolve those codes and to tell Paris, France from Paris, Texas.
"""

import csv
import io
import pathlib
import subprocess
import sys
import tempfile
import zipfile
import zoneinfo

VERSION = "20260905"
HERE = pathlib.Path(__file__).resolve().parent


def wheel_path() -> pathlib.Path:
    if len(sys.argv) > 1:
        return pathlib.Path(sys.argv[1])
    target = pathlib.Path(tempfile.mkdtemp())
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"airportsdata=={VERSION}",
         "--no-deps", "-d", str(target)],
        check=True,
    )
    return next(target.glob("airportsdata-*.whl"))


def rows(wheel: zipfile.ZipFile, name: str):
    with wheel.open(f"airportsdata/{name}") as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))


def main() -> None:
    zones = zoneinfo.available_timezones()
    with zipfile.ZipFile(wheel_path()) as wheel:
        licence = next(n for n in wheel.namelist() if n.endswith("/LICENSE"))
        (HERE / "LICENSE-airportsdata.txt").write_bytes(wheel.read(licence))
        airports = sorted(
            (r for r in rows(wheel, "airports.csv") if r["iata"] and r["tz"] in zones),
            key=lambda r: r["iata"],
        )
        codes = {r["iata"] for r in airports}
        with open(HERE / "airports.csv", "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(["iata", "name", "city", "country", "tz"])
            for r in airports:
                w.writerow([r["iata"], r["name"], r["city"], r["country"], r["tz"]])
        cities = sorted(
            {(r["City Code"], r["City Name"], r["Country"], r["Airport Code"])
             for r in rows(wheel, "iata_macs.csv") if r["Airport Code"] in codes}
        )
        with open(HERE / "iata-cities.csv", "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(["code", "city", "country", "airport"])
            w.writerows(cities)
    print(f"{len(airports)} airports, {len(cities)} city-code airports")


if __name__ == "__main__":
    main()
