/* The thread pool behind `prange` loops and the GIL brackets of code that runs without
 * the GIL (nogil kernels and loop bodies, backend/gil.py); aot_pool_shared.c shares it
 * across modules and gives Python get_num_threads()/set_num_threads().  Included by
 * aot_runtime.c; pthreads only.
 *
 * A parallel loop is split into `nblocks` blocks that depend only on the trip count
 * (backend/parallel_outline.py picks them), so reductions combine per-block partial
 * results in block order: the same bits for any thread count.  Threads take contiguous
 * runs of blocks (static scheduling); the caller runs the first blocks alone, for about
 * the time waking the pool takes (a small region never wakes it), then the first run of
 * what is left.  A block
 * that raises stops every block after it; the caller re-raises the exception of the
 * lowest failing block, which is the one a serial run raises first.
 *
 * The pool starts on first use with AOT_NUM_THREADS (else the CPU count) threads,
 * the caller included, and is shared by every module of the process (a capsule on `sys`).
 * One region runs at a time; a prange inside a prange body runs serially, as numba does.
 * After fork() the child starts afresh.
 *
 * Workers, and the caller waiting for them, spin for a while (AOT_PARALLEL_SPIN_TICKS)
 * before they sleep: a thread woken from sleep is often placed on the CPU of the thread
 * that woke it, where the two then take turns, and a region of a millisecond or less
 * ran no faster than serially in about half the processes on a 2-core machine.  A worker
 * still spinning when the next region starts takes it on its own CPU, as OpenMP's and
 * numba's do. */
#include <pthread.h>
#include <unistd.h>

typedef struct _ts PyThreadState;
int PyGILState_Ensure(void);
void PyGILState_Release(int);
PyThreadState *PyEval_SaveThread(void);
void PyEval_RestoreThread(PyThreadState *);
void PyErr_Fetch(PyObject **, PyObject **, PyObject **);
void PyErr_Restore(PyObject *, PyObject *, PyObject *);

#define AOT_MAX_THREADS 64

/* glibc's pthread_atfork (libc_nonshared.a) names the calling shared object by
   __dso_handle, which the C start files define; modules link without them
   (drivers/link.py -nostartfiles), so define it here, weak for links that have them.
   CPython never unloads an extension module, the one time the handle is used. */
__attribute__((weak, visibility("hidden"))) void *__dso_handle = &__dso_handle;

typedef int (*aot_block_fn)(void *env, int64_t start, int64_t stop, int64_t block);

/* This thread's part, in one thread-local struct: a module's thread-locals are reached
   through __tls_get_addr (general-dynamic model), so a region looks it up once. */
typedef struct {
    int is_worker;           /* a pool thread */
    int has_tstate;          /* a pool thread that keeps a Python thread state */
    int region_depth;        /* inside a parallel region on this thread */
    int threads_wanted;      /* set_num_threads() on this thread; 0: all */
} aot_thread_state;
static __thread aot_thread_state aot_me;

static struct {
    pthread_mutex_t region;              /* one region at a time */
    pthread_mutex_t mu;                  /* guards the task fields below */
    pthread_cond_t wake, done;
    int size;                            /* threads, the caller included; 0: not decided */
    int started;                         /* worker threads running */
    int active;                          /* threads the current region uses */
    unsigned long pending;               /* active workers not finished */
    unsigned long generation;            /* bumped per region (atomic: spinning threads read it unlocked) */
    unsigned long born;                  /* the generation new workers start from */
    aot_block_fn body;
    void *env;
    int64_t n, nblocks;
    int64_t first;                       /* blocks before it ran in the caller, alone */
    unsigned long long solo_ticks;       /* how long the caller runs blocks alone */
    unsigned long long spin_ticks;       /* how long a waiting thread spins before it sleeps */
    int64_t failed;                      /* lowest failed block (nblocks: none) */
    PyObject *exc[3];
} aot_pool = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
              PTHREAD_COND_INITIALIZER};

/* ---- the GIL around one interpreter call from code that runs without it ---- */
static int aot_gil_take_own(void)
{
    if (aot_me.is_worker && !aot_me.has_tstate) {
        /* a thread state kept for the thread's life: an exception set under one bracket
           must still be there when the block's failure is recorded */
        PyGILState_Ensure();
        PyEval_SaveThread();
        aot_me.has_tstate = 1;
    }
    return PyGILState_Ensure();
}

static void aot_gil_drop_own(int state)
{
    PyGILState_Release(state);
}

/* A cheap clock for the caller's solo start: the time-stamp counter where there is one
   (a few ns to read; its rate differs between CPUs, which only moves the hand-over point). */
#if defined(__x86_64__) || defined(__i386__)
static inline uint64_t aot_ticks(void) { return __builtin_ia32_rdtsc(); }
#define AOT_SOLO_TICKS 30000u      /* 10 us at 3 GHz: about what waking the pool costs */
#define AOT_SPIN_TICKS 600000u     /* 200 us at 3 GHz: back-to-back calls find the pool awake */
static inline void aot_relax(void) { __builtin_ia32_pause(); }
#else
#include <time.h>
static inline uint64_t aot_ticks(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#define AOT_SOLO_TICKS 10000u      /* ns */
#define AOT_SPIN_TICKS 200000u     /* ns */
static inline void aot_relax(void) {}
#endif

/* Spin while (*word == value) is `equal`, for at most `ticks`; whether that ended. */
static int aot_spin_while(const unsigned long *word, unsigned long value, int equal, unsigned long long ticks)
{
    uint64_t began = aot_ticks();
    while ((__atomic_load_n(word, __ATOMIC_ACQUIRE) == value) == equal) {
        if (aot_ticks() - began >= ticks)
            return 0;
        for (int k = 0; k < 32; k++)
            aot_relax();
    }
    return 1;
}

/* ---- the pool ---- */
static int aot_pool_size(void)
{
    if (aot_pool.size == 0) {
        const char *env = getenv("AOT_NUM_THREADS");
        long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
        aot_pool.size = n < 1 ? 1 : n > AOT_MAX_THREADS ? AOT_MAX_THREADS : (int)n;
        env = getenv("AOT_PARALLEL_SOLO_TICKS");   /* 0: every region goes to the pool at once */
        aot_pool.solo_ticks = env && *env ? strtoull(env, NULL, 10) : AOT_SOLO_TICKS;
        env = getenv("AOT_PARALLEL_SPIN_TICKS");   /* 0: waiting threads sleep at once */
        aot_pool.spin_ticks = env && *env ? strtoull(env, NULL, 10)
                              : n > sysconf(_SC_NPROCESSORS_ONLN) ? 0     /* more threads than CPUs: a */
                              : AOT_SPIN_TICKS;                          /* spinner takes a core from one */
    }
    return aot_pool.size;
}

static int aot_threads_for(const aot_thread_state *me)
{
    int size = aot_pool_size();
    return me->threads_wanted > 0 && me->threads_wanted < size ? me->threads_wanted : size;
}

static int aot_threads_now(void)
{
    return aot_threads_for(&aot_me);
}

/* Block b of `nblocks` blocks of [0, n): the first n % nblocks blocks get one more. */
static void aot_block_bounds(int64_t n, int64_t nblocks, int64_t b, int64_t *start, int64_t *stop)
{
    int64_t q = n / nblocks, r = n % nblocks;
    *start = b * q + (b < r ? b : r);
    *stop = *start + q + (b < r);
}

static void aot_record_failure(int64_t b)
{
    PyObject *t, *v, *tb;
    int g = aot_gil_take_own();
    PyErr_Fetch(&t, &v, &tb);
    pthread_mutex_lock(&aot_pool.mu);
    if (b < aot_pool.failed) {
        PyObject *old[3] = {aot_pool.exc[0], aot_pool.exc[1], aot_pool.exc[2]};
        aot_pool.exc[0] = t, aot_pool.exc[1] = v, aot_pool.exc[2] = tb;
        __atomic_store_n(&aot_pool.failed, b, __ATOMIC_RELEASE);
        t = old[0], v = old[1], tb = old[2];
    }
    pthread_mutex_unlock(&aot_pool.mu);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    aot_gil_drop_own(g);
}

/* Thread `t` of `nthreads` runs every nthreads-th block from first + t, stopping after
   a failure of an earlier block.  Dealt out in turn rather than in contiguous runs, the
   blocks give each thread a like share of a loop whose cost drifts along its range (the
   rows of a Mandelbrot image, a triangle's rows); which block a thread runs does not
   change any result: each block has its own reduction partials, combined in block
   order. */
static void aot_run_share(int t, int nthreads)
{
    for (int64_t b = aot_pool.first + t; b < aot_pool.nblocks; b += nthreads) {
        int64_t start, stop;
        if (__atomic_load_n(&aot_pool.failed, __ATOMIC_ACQUIRE) < b)
            return;
        aot_block_bounds(aot_pool.n, aot_pool.nblocks, b, &start, &stop);
        if (aot_pool.body(aot_pool.env, start, stop, b) != 0) {
            aot_record_failure(b);
            return;
        }
    }
}

static void *aot_worker_main(void *arg)
{
    int index = (int)(intptr_t)arg;
    unsigned long seen;
    aot_me.is_worker = 1;
    pthread_mutex_lock(&aot_pool.mu);
    seen = aot_pool.born;      /* not .generation: the first region may have begun already */
    pthread_mutex_unlock(&aot_pool.mu);
    for (;;) {
        int active;
        aot_spin_while(&aot_pool.generation, seen, 1, aot_pool.spin_ticks);
        pthread_mutex_lock(&aot_pool.mu);
        while (__atomic_load_n(&aot_pool.generation, __ATOMIC_ACQUIRE) == seen)
            pthread_cond_wait(&aot_pool.wake, &aot_pool.mu);
        seen = aot_pool.generation;
        active = aot_pool.active;
        pthread_mutex_unlock(&aot_pool.mu);
        if (index >= active)
            continue;
        aot_run_share(index, active);
        pthread_mutex_lock(&aot_pool.mu);
        if (__atomic_sub_fetch(&aot_pool.pending, 1, __ATOMIC_RELEASE) == 0)
            pthread_cond_signal(&aot_pool.done);
        pthread_mutex_unlock(&aot_pool.mu);
    }
    return NULL;
}

/* In the child of a fork() the workers are gone and the locks may be held by threads
   that no longer exist: forget them; the next region starts a new pool. */
static void aot_pool_after_fork(void)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    aot_pool.region = m;
    aot_pool.mu = m;
    aot_pool.wake = c;
    aot_pool.done = c;
    aot_pool.started = 0;
    aot_pool.pending = 0;
    aot_pool.active = 0;
    aot_me.region_depth = 0;
}

/* Called with the region lock held and no GIL. */
static void aot_pool_start(void)
{
    static int registered;
    int size = aot_pool_size();
    if (!registered) {
        pthread_atfork(NULL, NULL, aot_pool_after_fork);
        registered = 1;
    }
    pthread_mutex_lock(&aot_pool.mu);
    aot_pool.born = aot_pool.generation;
    pthread_mutex_unlock(&aot_pool.mu);
    while (aot_pool.started + 1 < size) {
        pthread_t tid;
        pthread_attr_t attr;
        int ok;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        ok = pthread_create(&tid, &attr, aot_worker_main, (void *)(intptr_t)(aot_pool.started + 1)) == 0;
        pthread_attr_destroy(&attr);
        if (!ok) {
            aot_pool.size = aot_pool.started + 1;    /* run with the threads we have */
            break;
        }
        aot_pool.started++;
    }
}

/* Loop bodies whose last region outgrew the solo time, with its trip count: the next
   region of the body over at least half as many iterations wakes the pool at once.
   The solo blocks cost a heavy loop the time of its first block (or first four): the
   workers can start only after it, and a 0.5 ms loop of 64 blocks took 3% longer than
   an even split.  Entries are looked up by the body's address; a stale or torn entry
   only changes when the pool wakes, never a result. */
#define AOT_HEAVY_SLOTS 64
static struct { aot_block_fn body; int64_t n; } aot_heavy[AOT_HEAVY_SLOTS];

static int aot_heavy_index(aot_block_fn body)
{
    return (int)(((uintptr_t)body >> 4) % AOT_HEAVY_SLOTS);
}

static int aot_known_heavy(aot_block_fn body, int64_t n)
{
    int k = aot_heavy_index(body);
    return __atomic_load_n(&aot_heavy[k].body, __ATOMIC_RELAXED) == body
           && n >= __atomic_load_n(&aot_heavy[k].n, __ATOMIC_RELAXED) / 2;
}

/* Notes a body as heavy (heavy != 0) or forgets it: a region sent to the pool at once
   whose blocks run by the caller took less than the solo time was not heavy after all
   (one slow first block, a loop whose trip count no longer says its cost), and its next
   small regions run alone again instead of waking the pool at every call.  The caller's
   own blocks are timed, not the region: waking a sleeping worker on a loaded machine
   takes longer than the solo time by itself. */
static void aot_note_heavy(aot_block_fn body, int64_t n, int heavy)
{
    int k = aot_heavy_index(body);
    if (heavy) {
        __atomic_store_n(&aot_heavy[k].body, body, __ATOMIC_RELAXED);
        __atomic_store_n(&aot_heavy[k].n, n, __ATOMIC_RELAXED);
    } else if (__atomic_load_n(&aot_heavy[k].body, __ATOMIC_RELAXED) == body) {
        __atomic_store_n(&aot_heavy[k].body, (aot_block_fn)NULL, __ATOMIC_RELAXED);
    }
}

/* This copy's pool (aot_rt_parallel_for below picks the process's). */
static int aot_parallel_for_own(aot_block_fn body, void *env, int64_t n, int64_t nblocks)
{
    int nthreads, gil, status = 0;
    PyThreadState *saved;
    aot_thread_state *me = &aot_me;
    if (n <= 0 || nblocks <= 0)
        return 0;
    nthreads = aot_threads_for(me);
    int serial = me->region_depth > 0 || me->is_worker || nthreads == 1 || nblocks == 1;
    /* Blocks run here, in order, until the region has taken the solo time: a small
       region ends before waking a thread would have (and costs about a serial call);
       AOT_PARALLEL_SOLO_TICKS in the environment sets the time (0: wake the pool at once);
       a larger one hands the remaining blocks to the pool, and so does a loop known to
       be heavy from the start.  The blocks and their combining order are the same
       either way, so are the results. */
    uint64_t began = aot_ticks();
    int64_t first = 0;
    int solo = serial || (aot_pool.solo_ticks > 0 && !aot_known_heavy(body, n));
    me->region_depth++;                  /* a prange inside runs serially, as in the pool */
    while (first < nblocks && solo) {
        int64_t start, stop;
        aot_block_bounds(n, nblocks, first, &start, &stop);
        if (body(env, start, stop, first) != 0) {
            me->region_depth--;
            return 1;
        }
        first++;
        /* the clock read after blocks 1, 4, 16, 64 (not after the last): two reads for
           a loop of 8 blocks (reading the time-stamp counter costs tens of cycles, a
           tiny block a few), at most about four times the solo time before a loop of
           even blocks is handed over, and a heavy loop handed over after one block */
        if (!serial && first < nblocks && (first & (first - 1)) == 0 && (first & 0x5555555555555555LL) != 0
            && aot_ticks() - began >= aot_pool.solo_ticks)
            break;
    }
    me->region_depth--;
    if (first == nblocks)
        return 0;
    if (solo)
        aot_note_heavy(body, n, 1);       /* outgrew the solo time: heavy next time */
    gil = PyGILState_Ensure();       /* held now, whatever the caller held ... */
    saved = PyEval_SaveThread();      /* ... and released while the region runs */
    pthread_mutex_lock(&aot_pool.region);
    aot_pool_start();
    if (nthreads > aot_pool.size)
        nthreads = aot_pool.size;
    if (nthreads > nblocks - first)
        nthreads = (int)(nblocks - first);
    pthread_mutex_lock(&aot_pool.mu);
    aot_pool.body = body, aot_pool.env = env, aot_pool.n = n, aot_pool.nblocks = nblocks;
    aot_pool.first = first;
    aot_pool.failed = nblocks;
    aot_pool.exc[0] = aot_pool.exc[1] = aot_pool.exc[2] = NULL;
    aot_pool.active = nthreads;
    aot_pool.pending = nthreads - 1;
    __atomic_add_fetch(&aot_pool.generation, 1, __ATOMIC_RELEASE);
    pthread_cond_broadcast(&aot_pool.wake);
    pthread_mutex_unlock(&aot_pool.mu);
    me->region_depth++;
    uint64_t share_began = aot_ticks();
    aot_run_share(0, nthreads);
    uint64_t share_ticks = aot_ticks() - share_began;
    me->region_depth--;
    aot_spin_while(&aot_pool.pending, 0, 0, aot_pool.spin_ticks);
    pthread_mutex_lock(&aot_pool.mu);
    while (__atomic_load_n(&aot_pool.pending, __ATOMIC_ACQUIRE) > 0)
        pthread_cond_wait(&aot_pool.done, &aot_pool.mu);
    PyObject *t = aot_pool.exc[0], *v = aot_pool.exc[1], *tb = aot_pool.exc[2];
    aot_pool.exc[0] = aot_pool.exc[1] = aot_pool.exc[2] = NULL;
    pthread_mutex_unlock(&aot_pool.mu);
    pthread_mutex_unlock(&aot_pool.region);
    PyEval_RestoreThread(saved);
    if (!solo && aot_pool.solo_ticks > 0 && share_ticks < aot_pool.solo_ticks)
        aot_note_heavy(body, n, 0);       /* sent at once, yet the caller's share was short */
    if (t != NULL) {
        PyErr_Restore(t, v, tb);
        status = 1;
    }
    PyGILState_Release(gil);
    return status;
}

static void aot_set_threads_own(int n)
{
    aot_me.threads_wanted = n;
}
