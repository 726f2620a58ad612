#!/usr/bin/env python3
"""Reference Sobol points for Tests/ForecastTests/Sensitivity/SobolSequenceTests.swift.

Run from the package root:

    python3 Tests/ForecastTests/Fixtures/sensitivity/make_sobol_points.py

Writes sobol_points.json from scipy.stats.qmc.Sobol(d, scramble=False), the
unscrambled sequence with Joe & Kuo's new-joe-kuo-6.21201 direction numbers.
Points of index below 2^m are multiples of 2^-m, so every value is stored as an
exact integer numerator:

- first_points: points 0..127 of the 64-dimensional sequence, times 2^7;
- skipped_points: points 1000..1015 of the 8-dimensional sequence
  (fast_forward(1000)), times 2^10;
- direction_numbers: for each of the 1,024 dimensions, the points of index
  2^j - 1, j = 1..16, times 2^j. The Gray code of 2^j - 1 is 2^(j-1), so that
  point is the j-th direction number alone, m_j / 2^j: these are m_1..m_16 of
  every dimension as scipy computes them (from the file and the recurrence).
"""

import json
import warnings

import numpy as np
import scipy
from scipy.stats import qmc

warnings.simplefilter("ignore")  # scipy warns that n is not a power of two


def numerators(points, bits):
    scaled = points * 2.0**bits
    assert np.all(scaled == np.round(scaled)), "not a multiple of 2^-bits"
    return [[int(v) for v in row] for row in scaled]


def main():
    first = qmc.Sobol(d=64, scramble=False).random(128)
    engine = qmc.Sobol(d=8, scramble=False)
    engine.fast_forward(1000)
    skipped = engine.random(16)
    directions = []
    engine = qmc.Sobol(d=1024, scramble=False)
    for j in range(1, 17):
        engine.reset()
        engine.fast_forward(2**j - 1)
        directions.append(numerators(engine.random(1), j)[0])
    out = {
        "source": "scipy.stats.qmc.Sobol(d, scramble=False)",
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
        "first_points": {"dimensions": 64, "first": 0, "bits": 7, "values": numerators(first, 7)},
        "skipped_points": {
            "dimensions": 8,
            "first": 1000,
            "bits": 10,
            "values": numerators(skipped, 10),
        },
        # direction_numbers[d][j - 1] = m_j of dimension d + 1
        "direction_numbers": [[directions[j][d] for j in range(16)] for d in range(1024)],
    }
    with open("Tests/ForecastTests/Fixtures/sensitivity/sobol_points.json", "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
