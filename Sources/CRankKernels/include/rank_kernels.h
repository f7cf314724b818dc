// Counting kernels of the Monte Carlo rank analysis (Stats/UncertaintyAnalysis.swift), in C so
// that they can use the CPU's vector instructions (AVX-512 or AVX2, chosen at run time, with a
// portable fallback): Swift compiles for the baseline x86-64 and has no per-function target.
#ifndef STRESSTEST_RANK_KERNELS_H
#define STRESSTEST_RANK_KERNELS_H

#include <stdint.h>

/// Adds one sample's ranks to `counts` (units x units, row = unit, column = rank - 1).
///
/// `scores[k]` is the score of the unit at nominal position k (units by descending nominal score),
/// `unit[k]` that unit's row. Every unit at a position before `lower[k]` scores more than position
/// k in every sample, every unit after `upper[k]` less (`lower[k] <= k <= upper[k]`), so position
/// k's rank is 1 + lower[k] + the number of positions j in [lower[k], upper[k]] with
/// scores[j] > scores[k] + tolerance. Scores are finite. O(sum of the window widths).
void stresstest_count_window_ranks(const double *scores, const int32_t *lower, const int32_t *upper,
                                   const int32_t *unit, int32_t units, double tolerance, uint16_t *counts);

/// The instruction set `stresstest_count_window_ranks` uses: "avx512", "avx2" or "scalar".
const char *stresstest_rank_kernel_name(void);

/// `stresstest_count_window_ranks` with a given kernel (0 scalar, 1 AVX2, 2 AVX-512), for tests
/// that compare them; returns 0, or -1 (doing nothing) when the CPU lacks the instructions.
int stresstest_count_window_ranks_with(int kernel, const double *scores, const int32_t *lower, const int32_t *upper,
                                       const int32_t *unit, int32_t units, double tolerance, uint16_t *counts);

#endif
