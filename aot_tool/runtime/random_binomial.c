/* np.random.binomial as numba draws it: inversion for small means, BTPE (Kachitvichyanukul
 * and Schmeiser's triangle-parallelogram-exponential rejection) for n*p > 30, with the
 * legacy Stirling-series squeeze RandomState uses.  Included by random.c. */

static double stirling_tail(double x)
{
    double x2 = x * x;
    return (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
}

static int64_t binomial_btpe(aot_rnd_state *s, int64_t n, double r)
{
    double q = 1.0 - r, fm = n * r + r;
    int64_t m = (int64_t)floor(fm);
    double p1 = floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5;
    double xm = m + 0.5, xl = xm - p1, xr = xm + p1, c = 0.134 + 20.5 / (15.3 + m);
    double a = (fm - xl) / (fm - xl * r), laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    double lamr = a * (1.0 + a / 2.0);
    double p2 = p1 * (1.0 + 2.0 * c), p3 = p2 + c / laml, p4 = p3 + c / lamr;
    double nrq = n * r * q;
    for (;;) {
        double u = next_double(s) * p4, v = next_double(s);
        int64_t y;
        if (u <= p1) {                         /* the triangle: accept at once */
            return (int64_t)floor(xm - p1 * v + u);
        }
        if (u <= p2) {                         /* the parallelograms */
            double x = xl + (u - p1) / c;
            v = v * c + 1.0 - fabs(m - x + 0.5) / p1;
            if (v > 1.0)
                continue;
            y = (int64_t)floor(x);
        } else if (u <= p3) {                  /* the left exponential tail */
            y = (int64_t)floor(xl + log(v) / laml);
            if (y < 0 || v == 0.0)
                continue;
            v = v * (u - p2) * laml;
        } else {                               /* the right exponential tail */
            y = (int64_t)floor(xr - log(v) / lamr);
            if (y > n || v == 0.0)
                continue;
            v = v * (u - p3) * lamr;
        }
        int64_t k = y > m ? y - m : m - y;
        if (!(k > 20 && k < nrq / 2.0 - 1)) {  /* explicit ratio of probabilities */
            double ratio = r / q, base = ratio * (n + 1), f = 1.0;
            if (m < y)
                for (int64_t i = m + 1; i <= y; i++)
                    f *= base / i - ratio;
            else if (m > y)
                for (int64_t i = y + 1; i <= m; i++)
                    f /= base / i - ratio;
            if (v > f)
                continue;
            return y;
        }
        double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -k * k / (2 * nrq), lv = log(v);
        if (lv < t - rho)
            return y;
        if (lv > t + rho)
            continue;
        double x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
        double bound = xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q)) +
                       stirling_tail(f1) + stirling_tail(z) + stirling_tail(x1) + stirling_tail(w);
        if (lv > bound)
            continue;
        return y;
    }
}

HIDDEN int aot_rt_rnd_binomial(int64_t n, double p, int64_t *out)
{
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "binomial(): n <= 0");
        return 1;
    }
    if (!(p >= 0.0 && p <= 1.0)) {
        PyErr_SetString(PyExc_ValueError, "binomial(): p outside of [0, 1]");
        return 1;
    }
    if (p == 0.0) {
        *out = 0;
        return 0;
    }
    if (p == 1.0) {
        *out = n;
        return 0;
    }
    aot_rnd_state *s = rnd_state(0);
    int flipped = p > 0.5;
    if (flipped)
        p = 1.0 - p;
    double q = 1.0 - p, mean = n * p;
    if (mean > 30.0) {
        int64_t x = binomial_btpe(s, n, p);
        *out = flipped ? n - x : x;
        return 0;
    }
    /* inversion; where q**n underflows, the sum of several smaller draws (as numba) */
    int64_t iters = 1;
    double qn = pow(q, (double)n);
    while (qn <= 1e-308) {
        iters <<= 2;
        n >>= 2;
        qn = pow(q, (double)n);
    }
    double bound = fmin((double)n, mean + 10.0 * sqrt(mean * q + 1));
    int64_t total = 0;
    while (iters > 0) {
        int64_t x = 0;
        double u = next_double(s), px = qn;
        while (x <= bound) {
            if (u <= px) {
                total += flipped ? n - x : x;
                iters--;
                break;
            }
            u -= px;
            x++;
            px = ((n - x + 1) * p * px) / (x * q);
        }
    }
    *out = total;
    return 0;
}

/* Fisher-Yates from the end, as numba's (and RandomState's) shuffle of a 1-d array; the
 * random module's draws its indices as CPython's randrange does. */
HIDDEN void aot_rt_rnd_shuffle_state(int which, char *data, int64_t n, int64_t stride, int64_t itemsize)
{
    char tmp[16];
    for (int64_t i = n - 1; i > 0; i--) {
        int64_t j;
        aot_rt_rnd_randrange(which, 0, i + 1, &j);
        memcpy(tmp, data + i * stride, (size_t)itemsize);
        memcpy(data + i * stride, data + j * stride, (size_t)itemsize);
        memcpy(data + j * stride, tmp, (size_t)itemsize);
    }
}
