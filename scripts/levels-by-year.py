#!/usr/bin/env python3
"""Scenarios/data/levels_by_year.csv from Scenarios/data/levels.csv: the national series of the
long file, one column per metric (10k persons), so that a scenario can name them as data series.
A pivot only: every value is copied as written; its status and source stay in levels.csv, and the
row's `status` is the least certain status of its values.

    python3 scripts/levels-by-year.py > Scenarios/data/levels_by_year.csv
"""
import csv, sys, os

here = os.path.join(os.path.dirname(__file__), "..", "Scenarios", "data")
metrics = [  # (column, metric prefix in levels.csv)
    ("postgrad_grads_10k", "postgrad_grads"),
    ("bachelor_grads_10k", "bachelor_grads"),
    ("junior_college_grads_10k", "junior_college_grads"),
    ("vocational_bachelor_grads_10k", "vocational_bachelor_grads"),
    ("bzk_grads_10k", "bzk_grads"),
    ("postgrad_enrolment_10k", "postgrad_enrolment"),
    ("bachelor_enrolment_10k", "bachelor_enrolment"),
    ("junior_college_enrolment_10k", "junior_college_enrolment"),
    ("bzk_enrolment_10k", "bzk_enrolment"),
    ("senior_high_grads_10k", "senior_high_grads"),
]
order = ["verified", "derived", "secondary", "unverified"]
values, status = {}, {}
with open(os.path.join(here, "levels.csv"), newline="") as f:
    for row in csv.DictReader(f):
        if row["scope"] != "national" or not row["year"].isdigit():
            continue
        name = row["metric"].split(" ")[0]
        try:
            float(row["value"])
        except ValueError:  # "4.3759 / 30.1066": two figures in one cell, not a series value
            continue
        for column, prefix in metrics:
            if name == prefix:
                year = int(row["year"])
                values[(year, column)] = row["value"]
                s = row["status"] if row["status"] in order else "unverified"
                old = status.get(year, "verified")
                status[year] = max(old, s, key=order.index)
years = sorted({y for y, _ in values})
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["year"] + [c for c, _ in metrics] + ["status", "note", "source"])
for y in years:
    out.writerow([y] + [values.get((y, c), "") for c, _ in metrics]
                 + [status[y], "pivot of the national rows of levels.csv (one column per metric, values as written)",
                    "levels.csv (each value's own source and status there)"])
