/* Random numbers with numba's semantics: each module has its own two Mersenne Twister
 * (MT19937) states, one for np.random and one for the random module, seeded from the
 * OS at first use; seed(s) initialises a state as NumPy's legacy RandomState(s) does,
 * so seeded streams give RandomState's numbers for the same calls (numba's promise).
 * The distributions draw exactly as numba's do (NumPy's legacy algorithms).
 * The states are plain globals: compiled code holds the GIL (a nogil kernel would need
 * a state per thread, as numba keeps).  Included by aot_runtime.c.
 */
#include <math.h>
#include <time.h>
#if defined(__linux__) || defined(__APPLE__)
#include <unistd.h>
#if defined(__APPLE__)
#include <sys/random.h>
#endif
#endif

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#define MT_N 624
#define MT_M 397

typedef struct {
    uint32_t mt[MT_N];
    int index;          /* next word of mt to temper; MT_N: regenerate first */
    int has_gauss;      /* the second normal of the last polar-method pair is waiting */
    double gauss;
    int seeded;
} aot_rnd_state;

static aot_rnd_state rnd_states[2];   /* 0: np.random, 1: random */

static void mt_init(aot_rnd_state *s, uint32_t seed)
{
    s->mt[0] = seed;
    for (int i = 1; i < MT_N; i++)
        s->mt[i] = 1812433253U * (s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) + (uint32_t)i;
    s->index = MT_N;
    s->has_gauss = 0;
    s->gauss = 0.0;
    s->seeded = 1;
}

static void mt_init_by_array(aot_rnd_state *s, const uint32_t *key, int len)
{
    mt_init(s, 19650218U);
    int i = 1, j = 0;
    for (int k = MT_N > len ? MT_N : len; k; k--) {
        s->mt[i] = (s->mt[i] ^ ((s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        if (++i >= MT_N) {
            s->mt[0] = s->mt[MT_N - 1];
            i = 1;
        }
        if (++j >= len)
            j = 0;
    }
    for (int k = MT_N - 1; k; k--) {
        s->mt[i] = (s->mt[i] ^ ((s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        if (++i >= MT_N) {
            s->mt[0] = s->mt[MT_N - 1];
            i = 1;
        }
    }
    s->mt[0] = 0x80000000U;
}

static void mt_regenerate(aot_rnd_state *s)
{
    uint32_t *mt = s->mt;
#define MT_TWIST(i, next, far)                                                            \
    do {                                                                                  \
        uint32_t y = (mt[i] & 0x80000000U) | (mt[next] & 0x7fffffffU);                    \
        mt[i] = mt[far] ^ (y >> 1) ^ (-(y & 1U) & 0x9908b0dfU);                           \
    } while (0)
    int i = 0;
    for (; i < MT_N - MT_M; i++)
        MT_TWIST(i, i + 1, i + MT_M);
    for (; i < MT_N - 1; i++)
        MT_TWIST(i, i + 1, i + MT_M - MT_N);
    MT_TWIST(MT_N - 1, 0, MT_M - 1);
#undef MT_TWIST
    s->index = 0;
}

/* The state for `which`, seeded from the OS (else the clock) at first use. */
static void rnd_seed_from_os(aot_rnd_state *s);

static inline __attribute__((always_inline)) aot_rnd_state *rnd_state(int which)
{
    aot_rnd_state *s = &rnd_states[which];
    if (__builtin_expect(!s->seeded, 0))
        rnd_seed_from_os(s);
    return s;
}

static void rnd_seed_from_os(aot_rnd_state *s)
{
    {
        uint32_t key[8] = {0};
        int got = -1;
#if defined(__linux__) || defined(__APPLE__)
        got = getentropy(key, sizeof key);
#endif
        if (got != 0) {
            key[0] = (uint32_t)time(NULL);
            key[1] = (uint32_t)(uintptr_t)s;
            key[2] = (uint32_t)clock();
        }
        mt_init_by_array(s, key, 8);
    }
}

static inline __attribute__((always_inline)) uint32_t next_u32(aot_rnd_state *s)
{
    if (s->index >= MT_N)
        mt_regenerate(s);
    uint32_t y = s->mt[s->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    return y ^ (y >> 18);
}

static inline __attribute__((always_inline)) double next_double(aot_rnd_state *s)
{
    uint32_t a = next_u32(s) >> 5, b = next_u32(s) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

HIDDEN void aot_rt_rnd_seed(int which, uint32_t seed)
{
    mt_init(&rnd_states[which], seed);
}

HIDDEN double aot_rt_rnd_double(int which)
{
    return next_double(rnd_state(which));
}

/* A standard normal by the polar method, keeping the pair's second value. */
HIDDEN double aot_rt_rnd_gauss(int which)
{
    aot_rnd_state *s = rnd_state(which);
    if (s->has_gauss) {
        s->has_gauss = 0;
        return s->gauss;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * next_double(s) - 1.0;
        x2 = 2.0 * next_double(s) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    s->gauss = f * x1;
    s->has_gauss = 1;
    return f * x2;
}

/* `nbits` random bits: the low bits of each word for np.random, the high bits (in the
 * other word order) for the random module, as NumPy and CPython take them. */
static uint64_t next_bits(aot_rnd_state *s, int nbits, int numpy)
{
    if (nbits <= 32) {
        uint32_t y = next_u32(s);
        return numpy ? (y & (0xffffffffU >> (32 - nbits))) : (y >> (32 - nbits));
    }
    uint64_t high, low;
    if (numpy) {
        high = next_u32(s) & (0xffffffffU >> (64 - nbits));
        low = next_u32(s);
    } else {
        low = next_u32(s);
        high = next_u32(s) >> (64 - nbits);
    }
    return (high << 32) | low;
}

static int bit_length(uint64_t v)
{
    return v ? 64 - __builtin_clzll(v) : 0;
}

/* A uniform integer of range(start, stop) by rejection, as numba's randrange/randint. */
HIDDEN int aot_rt_rnd_randrange(int which, int64_t start, int64_t stop, int64_t *out)
{
    if (stop <= start) {
        PyErr_SetString(PyExc_ValueError, which == 0 ? "low >= high" : "empty range for randrange()");
        return 1;
    }
    aot_rnd_state *s = rnd_state(which);
    uint64_t n = (uint64_t)stop - (uint64_t)start, r = 0;
    if (which == 0) {
        if (n > 1) {
            int nbits = bit_length(n - 1);
            do
                r = next_bits(s, nbits, 1);
            while (r >= n);
        }
    } else {
        int nbits = bit_length(n);
        do
            r = next_bits(s, nbits > 64 ? 64 : nbits, 0);
        while (r >= n);
    }
    *out = (int64_t)((uint64_t)start + r);
    return 0;
}

/* log(gamma(x)) by Stirling's series with the upward recurrence below 7. */
static double log_gamma(double x)
{
    static const double coef[10] = {8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
                                    -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
                                    6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
                                    -1.39243221690590e+00};
    if (x == 1.0 || x == 2.0)
        return 0.0;
    int64_t shift = x < 7.0 ? (int64_t)(7 - x) : 0;
    double x0 = x + (double)shift, inv2 = 1.0 / (x0 * x0), series = coef[9];
    for (int k = 8; k >= 0; k--)
        series = series * inv2 + coef[k];
    double value = series / x0 + 0.5 * log(2.0 * M_PI) + (x0 - 0.5) * log(x0) - x0;
    for (int64_t k = 1; k <= shift; k++) {
        value -= log(x0 - 1.0);
        x0 -= 1.0;
    }
    return value;
}

HIDDEN int aot_rt_rnd_poisson(double lam, int64_t *out)
{
    aot_rnd_state *s = rnd_state(0);
    if (lam >= 10.0) {   /* transformed rejection (Hörmann's PTRS) */
        double slam = sqrt(lam), loglam = log(lam), b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = next_double(s) - 0.5, v = next_double(s), us = 0.5 - fabs(u);
            int64_t k = (int64_t)floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                *out = k;
                return 0;
            }
            if (k < 0 || (us < 0.013 && v > us))
                continue;
            if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + (double)k * loglam - log_gamma((double)k + 1)) {
                *out = k;
                return 0;
            }
        }
    }
    if (!(lam >= 0.0)) {
        PyErr_SetString(PyExc_ValueError, "poisson(): lambda < 0");
        return 1;
    }
    int64_t x = 0;
    if (lam > 0.0) {   /* multiply uniforms until the product drops below exp(-lam) */
        double limit = exp(-lam), prod = 1.0;
        for (;;) {
            prod *= next_double(s);
            if (prod <= limit)
                break;
            x++;
        }
    }
    *out = x;
    return 0;
}

#include "random_binomial.c"
