// Atomics of long computations' progress and interruption (Stats/WorkProgress.swift), in C so
// that a signal handler can set the interrupt flag and workers can count without locks (Swift's
// Synchronization.Atomic needs macOS 15, the package supports 14).
#ifndef STRESSTEST_WORK_PROGRESS_H
#define STRESSTEST_WORK_PROGRESS_H

#include <stdint.h>

/// Sets the process-wide interrupt flag. Async-signal-safe: one lock-free atomic store (relaxed
/// order; the flag carries no data), no allocation, no lock.
void stresstest_interrupt_request(void);

/// Clears the interrupt flag.
void stresstest_interrupt_clear(void);

/// 1 when the interrupt flag is set, else 0 (one relaxed atomic load).
int stresstest_interrupt_requested(void);

/// Adds `value` to `*counter` atomically (relaxed) and returns the new value.
int64_t stresstest_counter_add(int64_t *counter, int64_t value);

/// Reads `*counter` atomically (relaxed).
int64_t stresstest_counter_load(const int64_t *counter);

/// Writes `*counter` atomically (relaxed).
void stresstest_counter_store(int64_t *counter, int64_t value);

/// Nanoseconds of a monotonic clock (CLOCK_MONOTONIC).
int64_t stresstest_monotonic_nanoseconds(void);

#endif
