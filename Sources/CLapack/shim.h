// OpenBLAS's CBLAS interface and the C interface to LAPACK (LAPACKE).
// Debian installs cblas.h in the multiarch include folder, which the compiler searches by default.
#include <cblas.h>
#include <lapacke.h>
