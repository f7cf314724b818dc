// See include/rank_kernels.h.
#include "rank_kernels.h"

#include <math.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define STRESSTEST_X86 1
#endif

enum { GROUP = STRESSTEST_RANK_GROUP };

int64_t stresstest_rank_scratch_count(int32_t units) {
    const int64_t segments = (units + GROUP - 1) / GROUP;
    return (GROUP + 4) * (segments > 0 ? segments : 1);
}

/// One sample in nominal order and its summaries, in the caller's scratch.
typedef struct {
    /// The scores by nominal position, then -infinity up to a whole number of segments.
    double *t;
    /// Per segment: its minimum and maximum, the minimum of it and every segment before it
    /// (`front`), the maximum of it and every segment after it (`back`).
    double *minimum, *maximum, *front, *back;
    int32_t segments;
    double tolerance;
} summary;

/// Gathers the scores into nominal order and summarises them. O(units).
static summary summarise(const double *scores, const stresstest_rank_windows *w, double *scratch) {
    const int32_t n = w->units, segments = (n + GROUP - 1) / GROUP;
    summary s = {scratch, scratch + GROUP * segments, scratch + (GROUP + 1) * segments,
                 scratch + (GROUP + 2) * segments, scratch + (GROUP + 3) * segments, segments, 0};
    double largest = 1;
    for (int32_t m = 0; m < segments; m++) {
        double low = INFINITY, high = -INFINITY;
        for (int32_t l = 0; l < GROUP; l++) {
            const int32_t k = GROUP * m + l;
            const double x = k < n ? scores[w->unit[k]] : -INFINITY;
            s.t[k] = x;
            low = x < low ? x : low;
            high = x > high ? x : high;
            if (k < n) largest = fabs(x) > largest ? fabs(x) : largest;
        }
        s.minimum[m] = low;
        s.maximum[m] = high;
    }
    s.tolerance = 1e-12 * largest;
    double front = INFINITY, back = -INFINITY;
    for (int32_t m = 0; m < segments; m++) {
        front = s.minimum[m] < front ? s.minimum[m] : front;
        s.front[m] = front;
        const int32_t r = segments - 1 - m;
        back = s.maximum[r] > back ? s.maximum[r] : back;
        s.back[r] = back;
    }
    return s;
}

/// The segments of group g that must be compared element by element, `*lo...*hi`: within the
/// windows' segments, those before `*lo` lie wholly above every threshold of the group (its
/// smallest score + tolerance ... its largest score + tolerance), those after `*hi` wholly at or
/// below them. O(window segments of the group).
static inline void compared_segments(const summary *s, const stresstest_rank_windows *w, int32_t g,
                                     int32_t *lo, int32_t *hi) {
    const double least = s->minimum[g] + s->tolerance, most = s->maximum[g] + s->tolerance;
    const int32_t first = w->segment_first[g], last = w->segment_last[g];
    int32_t above = 0, below = 0;
    for (int32_t m = first; m <= last; m++) {
        above += s->front[m] > most;
        below += s->back[m] <= least;
    }
    *lo = first + above;
    *hi = last - below;
}

/// Adds rank `rank0` + 1 of nominal position k to the band.
static inline void add_rank(uint16_t *band, const stresstest_rank_windows *w, int64_t rank0, int32_t k) {
    band[(rank0 - k + w->before) * w->units + k] += 1;
}

static void count_scalar(const double *scores, const stresstest_rank_windows *w, double *scratch, uint16_t *band) {
    const summary s = summarise(scores, w, scratch);
    for (int32_t g = 0; g < s.segments; g++) {
        int32_t lo, hi;
        compared_segments(&s, w, g, &lo, &hi);
        for (int32_t k = GROUP * g; k < GROUP * g + GROUP && k < w->units; k++) {
            const double limit = s.t[k] + s.tolerance;
            int64_t rank0 = GROUP * (int64_t)lo;
            for (int32_t j = GROUP * lo; j < GROUP * hi + GROUP; j++) rank0 += s.t[j] > limit;
            add_rank(band, w, rank0, k);
        }
    }
}

#ifdef STRESSTEST_X86
// The vector kernels compare one broadcast score with the 8 thresholds of a group at once.

/// `compared_segments` with AVX-512: the group's own segment is always compared, so `*lo` is
/// searched before it and `*hi` after it, 8 segments per comparison.
__attribute__((target("avx512f,avx512dq,popcnt")))
static inline void compared_segments_avx512(const summary *s, const stresstest_rank_windows *w, int32_t g,
                                            int32_t *lo, int32_t *hi) {
    const __m512d least = _mm512_set1_pd(s->minimum[g] + s->tolerance), most = _mm512_set1_pd(s->maximum[g] + s->tolerance);
    const int32_t first = w->segment_first[g], last = w->segment_last[g];
    int32_t above = 0, below = 0;
    for (int32_t m = first; m < g; m += 8) {
        const __mmask8 valid = (__mmask8)((1u << (g - m < 8 ? g - m : 8)) - 1);
        above += __builtin_popcount(_mm512_mask_cmp_pd_mask(valid, _mm512_maskz_loadu_pd(valid, s->front + m), most, _CMP_GT_OQ));
    }
    for (int32_t m = g + 1; m <= last; m += 8) {
        const __mmask8 valid = (__mmask8)((1u << (last - m + 1 < 8 ? last - m + 1 : 8)) - 1);
        below += __builtin_popcount(_mm512_mask_cmp_pd_mask(valid, _mm512_maskz_loadu_pd(valid, s->back + m), least, _CMP_LE_OQ));
    }
    *lo = first + above;
    *hi = last - below;
}

__attribute__((target("avx512f,avx512dq,popcnt")))
static void count_avx512(const double *scores, const stresstest_rank_windows *w, double *scratch, uint16_t *band) {
    const summary s = summarise(scores, w, scratch);
    const int64_t n = w->units;
    const __m512d tolerance = _mm512_set1_pd(s.tolerance);
    const __m512i step = _mm512_set1_epi64(n);
    const __m512i lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    // The counters hold rank0 · n; adding (before - k) · n + k gives the band index.
    __m512i offset = _mm512_add_epi64(_mm512_mullo_epi64(_mm512_sub_epi64(_mm512_set1_epi64(w->before), lane), step), lane);
    const __m512i next = _mm512_set1_epi64(GROUP - GROUP * n);
    int64_t index[GROUP];
    for (int32_t g = 0; g < s.segments; g++, offset = _mm512_add_epi64(offset, next)) {
        int32_t lo, hi;
        compared_segments_avx512(&s, w, g, &lo, &hi);
        const __m512d limit = _mm512_add_pd(_mm512_loadu_pd(s.t + GROUP * g), tolerance);
        __m512i a = _mm512_set1_epi64(GROUP * (int64_t)lo * n), b = _mm512_setzero_si512();
        for (int32_t j = GROUP * lo; j < GROUP * hi + GROUP; j += GROUP) {
            for (int32_t i = 0; i < GROUP; i += 2) {
                a = _mm512_mask_add_epi64(a, _mm512_cmp_pd_mask(_mm512_set1_pd(s.t[j + i]), limit, _CMP_GT_OQ), a, step);
                b = _mm512_mask_add_epi64(b, _mm512_cmp_pd_mask(_mm512_set1_pd(s.t[j + i + 1]), limit, _CMP_GT_OQ), b, step);
            }
        }
        // The band indices of a group are added one group later: reading them back right after
        // the vector store would wait for it (no store forwarding from a vector to its lanes).
        if (g > 0)
            for (int32_t l = 0; l < GROUP; l++) band[index[l]] += 1;
        _mm512_storeu_si512((void *)index, _mm512_add_epi64(_mm512_add_epi64(a, b), offset));
    }
    if (s.segments > 0)
        for (int32_t l = 0; l < n - GROUP * (s.segments - 1); l++) band[index[l]] += 1;
}

__attribute__((target("avx2")))
static void count_avx2(const double *scores, const stresstest_rank_windows *w, double *scratch, uint16_t *band) {
    const summary s = summarise(scores, w, scratch);
    const __m256d tolerance = _mm256_set1_pd(s.tolerance);
    for (int32_t g = 0; g < s.segments; g++) {
        int32_t lo, hi;
        compared_segments(&s, w, g, &lo, &hi);
        const __m256d low = _mm256_add_pd(_mm256_loadu_pd(s.t + GROUP * g), tolerance);
        const __m256d high = _mm256_add_pd(_mm256_loadu_pd(s.t + GROUP * g + 4), tolerance);
        __m256i a = _mm256_setzero_si256(), b = _mm256_setzero_si256();
        for (int32_t j = GROUP * lo; j < GROUP * hi + GROUP; j++) {
            // A lane that compares true is all ones, i.e. -1: subtracting counts it.
            const __m256d x = _mm256_broadcast_sd(s.t + j);
            a = _mm256_sub_epi64(a, _mm256_castpd_si256(_mm256_cmp_pd(x, low, _CMP_GT_OQ)));
            b = _mm256_sub_epi64(b, _mm256_castpd_si256(_mm256_cmp_pd(x, high, _CMP_GT_OQ)));
        }
        int64_t above[GROUP];
        _mm256_storeu_si256((__m256i *)above, a);
        _mm256_storeu_si256((__m256i *)(above + 4), b);
        for (int32_t k = GROUP * g; k < GROUP * g + GROUP && k < w->units; k++)
            add_rank(band, w, GROUP * (int64_t)lo + above[k - GROUP * g], k);
    }
}
#endif

typedef void (*kernel_t)(const double *, const stresstest_rank_windows *, double *, uint16_t *);

static kernel_t choose(const char **name) {
#ifdef STRESSTEST_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) { *name = "avx512"; return count_avx512; }
    if (__builtin_cpu_supports("avx2")) { *name = "avx2"; return count_avx2; }
#endif
    *name = "scalar";
    return count_scalar;
}

static kernel_t chosen_kernel = 0;
static const char *chosen_name = "scalar";

static kernel_t kernel(void) {
    // Concurrent first calls all choose the same kernel and store the same values.
    kernel_t k = __atomic_load_n(&chosen_kernel, __ATOMIC_ACQUIRE);
    if (!k) {
        const char *name;
        k = choose(&name);
        __atomic_store_n(&chosen_name, name, __ATOMIC_RELAXED);
        __atomic_store_n(&chosen_kernel, k, __ATOMIC_RELEASE);
    }
    return k;
}

void stresstest_count_window_ranks(const double *scores, const stresstest_rank_windows *windows, double *scratch,
                                   uint16_t *band) {
    kernel()(scores, windows, scratch, band);
}

const char *stresstest_rank_kernel_name(void) {
    kernel();
    return chosen_name;
}

int stresstest_count_window_ranks_with(int which, const double *scores, const stresstest_rank_windows *windows,
                                       double *scratch, uint16_t *band) {
    switch (which) {
    case 0:
        count_scalar(scores, windows, scratch, band);
        return 0;
#ifdef STRESSTEST_X86
    case 1:
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx2")) return -1;
        count_avx2(scores, windows, scratch, band);
        return 0;
    case 2:
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx512f") || !__builtin_cpu_supports("avx512dq")) return -1;
        count_avx512(scores, windows, scratch, band);
        return 0;
#endif
    default:
        return -1;
    }
}
