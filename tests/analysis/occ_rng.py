"""The random generator of libocc's analyses, in Python (docs/analysis.md).

xoshiro256** seeded through SplitMix64, one stream per (seed, stream,
substream): the tests reproduce libocc's bootstrap resampling and Monte
Carlo draws number for number with it.
"""

import math

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15

STREAM_BOOTSTRAP = 1 << 56  # | (country × phases + phase)
STREAM_ALPHA = 2 << 56      # | ((country × phases + phase) × scopes + scope)
STREAM_SENSITIVITY = 3 << 56


def mix(z):
    z &= MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def _rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Rng:
    def __init__(self, seed, stream, substream):
        h = mix(seed + GOLDEN * (stream + 1))
        h = mix(h + GOLDEN * (substream + 1))
        self.s = [mix(h + GOLDEN * (i + 1)) for i in range(4)]

    def next(self):
        s = self.s
        result = (_rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = _rotl(s[3], 45)
        return result

    def below(self, n):
        """An integer in [0, n): the high 64 bits of next × n."""
        return (self.next() * n) >> 64

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normal(self):
        u1 = 1.0 - self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def gamma(self, shape):
        if shape < 1.0:
            g = self.gamma(shape + 1.0)
            u = 1.0 - self.uniform()
            return g * u ** (1.0 / shape)
        d = shape - 1.0 / 3.0
        c = 1.0 / math.sqrt(9.0 * d)
        while True:
            x = self.normal()
            v = 1.0 + c * x
            if v <= 0:
                continue
            v = v * v * v
            u = 1.0 - self.uniform()
            if math.log(u) < 0.5 * x * x + d - d * v + d * math.log(v):
                return d * v
