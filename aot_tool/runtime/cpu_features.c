/* Which per-ISA clone of the kernels runs (issue 12), decided once at import.
 *
 * A module built for the generic x86-64 CPU may also carry clones of its loop kernels
 * compiled for x86-64-v3 (AVX2, FMA, BMI2) and x86-64-v4 (AVX-512 F/BW/CD/DQ/VL).  The
 * init reads the CPU's features with CPUID (and XGETBV: the OS must save the YMM/ZMM
 * state) and sets aot_rt_isa_level, which each export's dispatch reads on every call.
 * AOT_TOOL_ISA=baseline|x86-64-v3|x86-64-v4 forces a level, clamped to what the CPU and
 * the module support, with a RuntimeWarning when clamped.  `__aot_isa__` names the level.
 *
 * The v4 clone vectorises 512 bits wide.  Skylake-SP cores (Skylake-X, Cascade Lake,
 * Cooper Lake: Intel family 6, model 0x55) lower their clock for 512-bit work, which is
 * why LLVM tunes for 256-bit vectors there: they run the v3 clone unless forced. */

int PyModule_AddStringConstant(PyObject *, const char *, const char *);

HIDDEN int aot_rt_isa_level = 0;     /* 0 baseline, 1 x86-64-v3, 2 x86-64-v4 */

static const char *const isa_names[] = {"baseline", "x86-64-v3", "x86-64-v4"};

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>

static uint64_t xgetbv0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

#define BIT(r, n) (((r) >> (n)) & 1u)

/* The highest of the levels above this CPU and OS support. */
static int cpu_isa_level(void)
{
    unsigned a, b, c, d, b7, c7, d7, c81 = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    /* v2: SSE3, SSSE3, SSE4.1, SSE4.2, POPCNT, CX16; v3: + AVX, FMA, F16C, MOVBE, OSXSAVE */
    int v2 = BIT(c, 0) && BIT(c, 9) && BIT(c, 19) && BIT(c, 20) && BIT(c, 23) && BIT(c, 13);
    int v3 = v2 && BIT(c, 28) && BIT(c, 12) && BIT(c, 29) && BIT(c, 22) && BIT(c, 27);
    if (!v3 || !__get_cpuid_count(7, 0, &a, &b7, &c7, &d7))
        return 0;
    if (__get_cpuid(0x80000001u, &a, &b, &c81, &d))
        v3 = v3 && BIT(c81, 5) && BIT(c81, 0);          /* LZCNT (ABM), LAHF/SAHF */
    uint64_t xcr0 = xgetbv0();
    v3 = v3 && BIT(b7, 3) && BIT(b7, 5) && BIT(b7, 8)   /* BMI1, AVX2, BMI2 */
         && (xcr0 & 0x6) == 0x6;                        /* XMM and YMM state saved */
    if (!v3)
        return 0;
    int v4 = BIT(b7, 16) && BIT(b7, 17) && BIT(b7, 28) && BIT(b7, 30) && BIT(b7, 31)  /* F DQ CD BW VL */
             && (xcr0 & 0xe6) == 0xe6;                  /* opmask, ZMM_Hi256, Hi16_ZMM */
    return v4 ? 2 : 1;
}

/* Whether 512-bit vectors slow this CPU down (see the top of this file). */
static int slow_512_bit(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(0, &a, &b, &c, &d) || b != 0x756e6547u || d != 0x49656e69u || c != 0x6c65746eu)
        return 0;                                       /* not "GenuineIntel" */
    __get_cpuid(1, &a, &b, &c, &d);
    unsigned family = (a >> 8) & 0xf, model = ((a >> 4) & 0xf) | (((a >> 16) & 0xf) << 4);
    return family == 6 && model == 0x55;
}
#else
static int cpu_isa_level(void) { return 0; }
static int slow_512_bit(void) { return 0; }
#endif

static int same(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* `have`: the highest level the module's kernels were built for; `cpu`: NULL, or the one
 * CPU a module built for a named target CPU runs.  Returns m, or NULL with an exception
 * set (a warning turned into an error) after releasing m. */
HIDDEN PyObject *aot_rt_module_isa(PyObject *m, int have, const char *cpu)
{
    static const char *const clamped[] = {
        "AOT_TOOL_ISA: running baseline, the best clone this CPU and module support",
        "AOT_TOOL_ISA: running x86-64-v3, the best clone this CPU and module support",
        "AOT_TOOL_ISA: running x86-64-v4, the best clone this CPU and module support"};
    if (m == NULL)
        return NULL;
    int level = 0;
    if (cpu == NULL) {
        int best = cpu_isa_level();
        best = best < have ? best : have;
        level = best == 2 && slow_512_bit() ? 1 : best;
        const char *forced = getenv("AOT_TOOL_ISA");
        if (forced && *forced) {
            int want = -1;
            for (int k = 0; k < 3; k++)
                if (same(forced, isa_names[k]))
                    want = k;
            if (want < 0 || want > best) {
                if (PyErr_WarnEx(PyExc_RuntimeWarning, clamped[level], 1) < 0)
                    goto fail;
            } else {
                level = want;
            }
        }
        cpu = isa_names[level];
    }
    aot_rt_isa_level = level;
    if (PyModule_AddStringConstant(m, "__aot_isa__", cpu) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
