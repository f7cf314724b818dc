// See include/rank_kernels.h.
#include "rank_kernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define STRESSTEST_X86 1
#endif

static void count_scalar(const double *s, const int32_t *lower, const int32_t *upper, const int32_t *unit,
                         int32_t n, double tolerance, uint16_t *counts) {
    for (int32_t k = 0; k < n; k++) {
        const double limit = s[k] + tolerance;
        int32_t above = lower[k];
        for (int32_t j = lower[k]; j <= upper[k]; j++) above += s[j] > limit;
        counts[(int64_t)unit[k] * n + above] += 1;
    }
}

#ifdef STRESSTEST_X86
__attribute__((target("avx512f")))
static void count_avx512(const double *s, const int32_t *lower, const int32_t *upper, const int32_t *unit,
                         int32_t n, double tolerance, uint16_t *counts) {
    const __m512i one = _mm512_set1_epi64(1);
    for (int32_t k = 0; k < n; k++) {
        const __m512d limit = _mm512_set1_pd(s[k] + tolerance);
        int32_t j = lower[k];
        const int32_t end = upper[k] + 1;
        // Two vector counters (one per lane and iteration): no mask-to-integer moves in the loop.
        __m512i a = _mm512_setzero_si512(), b = _mm512_setzero_si512();
        for (; j + 16 <= end; j += 16) {
            a = _mm512_mask_add_epi64(a, _mm512_cmp_pd_mask(_mm512_loadu_pd(s + j), limit, _CMP_GT_OQ), a, one);
            b = _mm512_mask_add_epi64(b, _mm512_cmp_pd_mask(_mm512_loadu_pd(s + j + 8), limit, _CMP_GT_OQ), b, one);
        }
        for (; j < end; j += 8) {
            const int32_t left = end - j;
            const __mmask8 lanes = left >= 8 ? (__mmask8)0xFF : (__mmask8)((1u << left) - 1);
            a = _mm512_mask_add_epi64(a, _mm512_mask_cmp_pd_mask(lanes, _mm512_maskz_loadu_pd(lanes, s + j), limit, _CMP_GT_OQ), a, one);
        }
        const int64_t above = lower[k] + _mm512_reduce_add_epi64(_mm512_add_epi64(a, b));
        counts[(int64_t)unit[k] * n + above] += 1;
    }
}

__attribute__((target("avx2")))
static void count_avx2(const double *s, const int32_t *lower, const int32_t *upper, const int32_t *unit,
                       int32_t n, double tolerance, uint16_t *counts) {
    for (int32_t k = 0; k < n; k++) {
        const double scalarLimit = s[k] + tolerance;
        const __m256d limit = _mm256_set1_pd(scalarLimit);
        int32_t j = lower[k];
        const int32_t end = upper[k] + 1;
        int32_t above = lower[k];
        for (; j + 4 <= end; j += 4) {
            above += __builtin_popcount(_mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(s + j), limit, _CMP_GT_OQ)));
        }
        for (; j < end; j++) above += s[j] > scalarLimit;
        counts[(int64_t)unit[k] * n + above] += 1;
    }
}
#endif

typedef void (*kernel_t)(const double *, const int32_t *, const int32_t *, const int32_t *, int32_t, double, uint16_t *);

static kernel_t choose(const char **name) {
#ifdef STRESSTEST_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) { *name = "avx512"; return count_avx512; }
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

void stresstest_count_window_ranks(const double *scores, const int32_t *lower, const int32_t *upper,
                                   const int32_t *unit, int32_t units, double tolerance, uint16_t *counts) {
    kernel()(scores, lower, upper, unit, units, tolerance, counts);
}

const char *stresstest_rank_kernel_name(void) {
    kernel();
    return chosen_name;
}
