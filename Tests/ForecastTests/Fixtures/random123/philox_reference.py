#!/usr/bin/env python3
"""Reference values for Tests/ForecastTests/MonteCarlo/RandomTests.swift.

Run from the package root:

    python3 Tests/ForecastTests/Fixtures/random123/philox_reference.py

An independent, pure-Python Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random
numbers: as easy as 1, 2, 3", SC 2011; Random123's philox.h), checked first against the
Random123 known-answer vectors, then used to print:

  * two consecutive blocks (8 words) for one key and counter;
  * the first words, uniforms and normals of the stream PhiloxStream(seed:path:) builds,
    with the same key/counter layout and the same uniform and normal mappings.

numpy's np.random.Philox cannot serve as the reference: it is Philox4x64-10 (64-bit words,
counter of 4 x uint64, key of 2 x uint64) and increments the counter before each block. It does
reproduce Random123's philox4x64 10-round vectors (checked below when numpy is installed), which
confirms the shared round structure, but there is no 4x32 variant to compare raw words with.

Normals use statistics.NormalDist().inv_cdf, CPython's implementation of Wichura's AS 241 with
the published coefficients; its evaluation order may differ from Swift's Horner scheme by an
ulp, so the test compares normals to 1e-15 relative.
"""

from statistics import NormalDist

MASK32 = 0xFFFFFFFF
M0, M1 = 0xD2511F53, 0xCD9E8D57
W0, W1 = 0x9E3779B9, 0xBB67AE85


def philox4x32_10(ctr, key):
    """One Philox4x32-10 block: 10 rounds, key bumped by the Weyl constants between rounds."""
    c0, c1, c2, c3 = ctr
    k0, k1 = key
    for round_index in range(10):
        if round_index > 0:
            k0, k1 = (k0 + W0) & MASK32, (k1 + W1) & MASK32
        p0, p1 = M0 * c0, M1 * c2
        c0, c1, c2, c3 = (
            (p1 >> 32) ^ c1 ^ k0,
            p1 & MASK32,
            (p0 >> 32) ^ c3 ^ k1,
            p0 & MASK32,
        )
    return (c0, c1, c2, c3)


# Random123 kat_vectors, philox4x32 R=10 (as copied into Random123-Boost's test_philox.cpp).
KAT = [
    ((0, 0, 0, 0), (0, 0), (0x6627E8D5, 0xE169C58D, 0xBC57AC4C, 0x9B00DBD8)),
    ((MASK32,) * 4, (MASK32,) * 2, (0x408F276D, 0x41C83B0E, 0xA20BC7C6, 0x6D5451FD)),
    (
        (0x243F6A88, 0x85A308D3, 0x13198A2E, 0x03707344),
        (0xA4093822, 0x299F31D0),
        (0xD16CFE09, 0x94FDCCEB, 0x5001E420, 0x24126EA1),
    ),
]


def stream_words(seed, path, count):
    """Words of PhiloxStream(seed:path:): key = seed halves, counter = (block, path) halves."""
    key = (seed & MASK32, seed >> 32)
    words = []
    block = 0
    while len(words) < count:
        words += philox4x32_10((block & MASK32, block >> 32, path & MASK32, path >> 32), key)
        block += 1
    return words[:count]


def uniforms(words):
    """(m + 1/2) / 2^52 with m the top 52 bits of lo | hi << 32 from each pair of words."""
    out = []
    for i in range(0, len(words) - 1, 2):
        x = words[i] | (words[i + 1] << 32)
        out.append(((x >> 12) + 0.5) * 2.0**-52)
    return out


def main():
    for ctr, key, expected in KAT:
        assert philox4x32_10(ctr, key) == expected, (ctr, key)
    print("// Random123 philox4x32-10 known-answer vectors: all 3 reproduced")

    try:
        import numpy as np

        mask64 = (1 << 64) - 1
        for ctr, key, expected in [
            ((0,) * 4, (0, 0),
             (0x16554D9ECA36314C, 0xDB20FE9D672D0FDC, 0xD7E772CEE186176B, 0x7E68B68AEC7BA23B)),
            ((mask64,) * 4, (mask64,) * 2,
             (0x87B092C3013FE90B, 0x438C3C67BE8D0224, 0x9CC7D7C69CD777B6, 0xA09CAEBF594F0BA0)),
        ]:
            bit_generator = np.random.Philox(key=np.array(key, dtype=np.uint64))
            state = bit_generator.state
            # numpy adds one to the 256-bit counter before each block, so start one below.
            below = (sum(c << (64 * i) for i, c in enumerate(ctr)) - 1) % (1 << 256)
            words64 = [(below >> (64 * i)) & mask64 for i in range(4)]
            state["state"]["counter"] = np.array(words64, dtype=np.uint64)
            state["buffer_pos"] = 4
            bit_generator.state = state
            assert tuple(int(w) for w in bit_generator.random_raw(4)) == expected
        print("// numpy Philox (4x64-10) reproduces Random123's philox4x64-10 vectors")
    except ImportError:
        pass

    key, ctr = (0xA4093822, 0x299F31D0), (0x243F6A88, 0x85A308D3, 0x13198A2E, 0x03707344)
    ctr2 = ((ctr[0] + 1) & MASK32,) + ctr[1:]
    words = philox4x32_10(ctr, key) + philox4x32_10(ctr2, key)
    print("// blocks at counter", ", ".join(f"0x{c:08X}" for c in ctr), "and +1")
    print("[" + ", ".join(f"0x{w:08X}" for w in words) + "]")

    seed, path = 0x0123_4567_89AB_CDEF, 7
    words = stream_words(seed, path, 16)
    print(f"// stream seed 0x{seed:016X}, path {path}: first 8 words")
    print("[" + ", ".join(f"0x{w:08X}" for w in words[:8]) + "]")
    print("// its first 4 uniforms")
    print("[" + ", ".join(repr(u) for u in uniforms(words[:8])) + "]")
    print("// its first 8 normals (AS 241 of the first 8 uniforms)")
    normal = NormalDist()
    print("[" + ", ".join(repr(normal.inv_cdf(u)) for u in uniforms(words)) + "]")


if __name__ == "__main__":
    main()
