// Counting kernels of the Monte Carlo rank analysis (Stats/UncertaintyAnalysis.swift), in C so
// that they can use the CPU's vector instructions (AVX-512 or AVX2, chosen at run time, with a
// portable fallback): Swift compiles for the baseline x86-64 and has no per-function target.
#ifndef STRESSTEST_RANK_KERNELS_H
#define STRESSTEST_RANK_KERNELS_H

#include <stdint.h>

/// The positions per group of the kernels: ranks are counted for 8 consecutive nominal positions
/// at once, and the scores are summarised per segment of 8 positions.
#define STRESSTEST_RANK_GROUP 8

/// Which units can change order (Stats/RankWindows.swift), in the form the kernels read.
/// Positions are nominal positions (units by descending nominal score). The windows bound, for
/// each position k, the positions lower[k] <= k <= upper[k] it can swap with: every unit before
/// lower[k] scores more than the unit at k in every sample, every unit after upper[k] less.
typedef struct {
    /// The number of units.
    int32_t units;
    /// `unit[k]`: the unit (row of the scores) at nominal position k.
    const int32_t *unit;
    /// Per group g of positions 8g..<8g + 8: the segments (of 8 positions) holding the smallest
    /// lower and the largest upper bound of the group.
    const int32_t *segment_first;
    const int32_t *segment_last;
    /// max over k of k - lower[k], and of upper[k] - k: the band of ranks a position can take.
    int32_t before;
    int32_t after;
} stresstest_rank_windows;

/// The number of doubles of scratch `stresstest_count_window_ranks` needs for `units` units.
int64_t stresstest_rank_scratch_count(int32_t units);

/// Adds one sample's ranks to `band`, a table of (before + 1 + after) rows of `units` counts: the
/// sample in which the unit at nominal position k takes rank r (1-based) adds 1 to
/// `band[(r - 1 - k + before) * units + k]`.
///
/// `scores[u]` is the score of unit u (finite, in data order). The rank of a unit is 1 + the
/// number of units scoring more than its score + tolerance, tolerance = 1e-12 max(1, largest
/// absolute score), as `scoreRanks`. The kernels gather the scores into nominal order, take the
/// minimum and maximum of every segment of 8 positions and their running minimum from the front
/// and maximum from the back; for each group of 8 positions, every segment whose running minimum
/// exceeds all the group's thresholds (score + tolerance) lies wholly above them, every segment
/// whose running maximum from the back does not exceed the least threshold wholly below, and only
/// the segments in between (searched within the windows' segments) are compared element by
/// element, 8 positions at a time. A sample close to the nominal order compares about 3 segments
/// per group: O(units) for a typical sample, O(sum of the window widths) at worst. `scratch` holds
/// `stresstest_rank_scratch_count(units)` doubles.
void stresstest_count_window_ranks(const double *scores, const stresstest_rank_windows *windows, double *scratch,
                                   uint16_t *band);

/// The instruction set `stresstest_count_window_ranks` uses: "avx512", "avx2" or "scalar".
const char *stresstest_rank_kernel_name(void);

/// `stresstest_count_window_ranks` with a given kernel (0 scalar, 1 AVX2, 2 AVX-512), for tests
/// that compare them; returns 0, or -1 (doing nothing) when the CPU lacks the instructions.
int stresstest_count_window_ranks_with(int kernel, const double *scores, const stresstest_rank_windows *windows,
                                       double *scratch, uint16_t *band);

#endif
