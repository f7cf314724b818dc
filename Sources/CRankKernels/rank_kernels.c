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
// The vector kernels rank 8 (AVX-512) or 4 (AVX2) consecutive positions at once: for every
// position j of the union of their windows, one broadcast of scores[j] is compared with all of
// them. A position before a window scores more and one after it less in every draw, so
// comparing them as well gives the right answer; every position before the group's smallest
// lower bound is counted without comparison.
__attribute__((target("avx512f")))
static void count_avx512(const double *s, const int32_t *lower, const int32_t *upper, const int32_t *unit,
                         int32_t n, double tolerance, uint16_t *counts) {
    const __m512i one = _mm512_set1_epi64(1);
    int64_t above[8];
    for (int32_t k0 = 0; k0 < n; k0 += 8) {
        const int32_t lanes = n - k0 < 8 ? n - k0 : 8;
        const __mmask8 active = (__mmask8)((1u << lanes) - 1);
        int32_t first = lower[k0], last = upper[k0];
        for (int32_t l = 1; l < lanes; l++) {
            if (lower[k0 + l] < first) first = lower[k0 + l];
            if (upper[k0 + l] > last) last = upper[k0 + l];
        }
        const __m512d limit = _mm512_add_pd(_mm512_maskz_loadu_pd(active, s + k0), _mm512_set1_pd(tolerance));
        __m512i a = _mm512_setzero_si512(), b = _mm512_setzero_si512();
        int32_t j = first;
        for (; j + 1 <= last; j += 2) {
            a = _mm512_mask_add_epi64(a, _mm512_cmp_pd_mask(_mm512_set1_pd(s[j]), limit, _CMP_GT_OQ), a, one);
            b = _mm512_mask_add_epi64(b, _mm512_cmp_pd_mask(_mm512_set1_pd(s[j + 1]), limit, _CMP_GT_OQ), b, one);
        }
        if (j <= last) a = _mm512_mask_add_epi64(a, _mm512_cmp_pd_mask(_mm512_set1_pd(s[j]), limit, _CMP_GT_OQ), a, one);
        _mm512_storeu_si512((void *)above, _mm512_add_epi64(a, b));
        for (int32_t l = 0; l < lanes; l++) counts[(int64_t)unit[k0 + l] * n + first + above[l]] += 1;
    }
}

__attribute__((target("avx2")))
static void count_avx2(const double *s, const int32_t *lower, const int32_t *upper, const int32_t *unit,
                       int32_t n, double tolerance, uint16_t *counts) {
    int64_t above[4];
    for (int32_t k0 = 0; k0 < n; k0 += 4) {
        const int32_t lanes = n - k0 < 4 ? n - k0 : 4;
        int32_t first = lower[k0], last = upper[k0];
        double limits[4] = {0, 0, 0, 0};
        for (int32_t l = 0; l < lanes; l++) {
            if (lower[k0 + l] < first) first = lower[k0 + l];
            if (upper[k0 + l] > last) last = upper[k0 + l];
            limits[l] = s[k0 + l] + tolerance;
        }
        const __m256d limit = _mm256_loadu_pd(limits);
        __m256i count = _mm256_setzero_si256();
        for (int32_t j = first; j <= last; j++) {
            // A lane that compares true is all ones, i.e. -1: subtracting counts it.
            count = _mm256_sub_epi64(count, _mm256_castpd_si256(_mm256_cmp_pd(_mm256_set1_pd(s[j]), limit, _CMP_GT_OQ)));
        }
        _mm256_storeu_si256((__m256i *)above, count);
        for (int32_t l = 0; l < lanes; l++) counts[(int64_t)unit[k0 + l] * n + first + above[l]] += 1;
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

int stresstest_count_window_ranks_with(int which, const double *scores, const int32_t *lower, const int32_t *upper,
                                       const int32_t *unit, int32_t units, double tolerance, uint16_t *counts) {
    switch (which) {
    case 0:
        count_scalar(scores, lower, upper, unit, units, tolerance, counts);
        return 0;
#ifdef STRESSTEST_X86
    case 1:
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx2")) return -1;
        count_avx2(scores, lower, upper, unit, units, tolerance, counts);
        return 0;
    case 2:
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx512f")) return -1;
        count_avx512(scores, lower, upper, unit, units, tolerance, counts);
        return 0;
#endif
    default:
        return -1;
    }
}
