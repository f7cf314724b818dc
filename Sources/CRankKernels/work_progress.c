// See include/work_progress.h.
#include "work_progress.h"
#include <stdatomic.h>
#include <time.h>

// A signal handler may only touch lock-free atomics (C11 7.14.1.1): an int is lock-free on every
// platform the package builds for, and the build fails otherwise.
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "the interrupt flag must be a lock-free atomic int");

static atomic_int interrupt_requested = 0;

void stresstest_interrupt_request(void) {
    atomic_store_explicit(&interrupt_requested, 1, memory_order_relaxed);
}

void stresstest_interrupt_clear(void) {
    atomic_store_explicit(&interrupt_requested, 0, memory_order_relaxed);
}

int stresstest_interrupt_requested(void) {
    return atomic_load_explicit(&interrupt_requested, memory_order_relaxed);
}

// The GCC/Clang __atomic builtins work on plain (suitably aligned) integers, which is what Swift
// allocates.
int64_t stresstest_counter_add(int64_t *counter, int64_t value) {
    return __atomic_add_fetch(counter, value, __ATOMIC_RELAXED);
}

int64_t stresstest_counter_load(const int64_t *counter) {
    return __atomic_load_n(counter, __ATOMIC_RELAXED);
}

void stresstest_counter_store(int64_t *counter, int64_t value) {
    __atomic_store_n(counter, value, __ATOMIC_RELAXED);
}

int64_t stresstest_monotonic_nanoseconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}
