import CLapack
import Glibc

/// Makes OpenBLAS use the kernels the CPU supports.
///
/// OpenBLAS built for several CPUs (Debian's 0.3.21) picks its kernels by the CPU's model number
/// and falls back to the slowest, Prescott (SSE3), on a CPU it does not know, such as a virtual
/// one reporting a generic "Intel Xeon Processor": matrix products then run 4 to 5 times slower
/// than the CPU allows (a 1024 x 21 by 21 x 246 product: 1.29 µs per row with Prescott, 0.24 µs
/// with SkylakeX on the development machine). `OPENBLAS_CORETYPE` chooses the kernels, but only
/// when it is set before the library loads. `ensure()` does the same at run time, once, before
/// the first BLAS call of this module: when OpenBLAS chose Prescott, `OPENBLAS_CORETYPE` is not
/// set, and `/proc/cpuinfo` lists avx512f (the SkylakeX kernels) or avx2 and fma (Haswell), it
/// sets the variable and re-runs OpenBLAS's own kernel selection (`gotoblas_dynamic_quit` and
/// `gotoblas_dynamic_init`, looked up with `dlsym`: a build for one CPU has neither and is left
/// alone). Results agree with the Prescott kernels' up to rounding. Set `OPENBLAS_CORETYPE`
/// yourself to choose otherwise.
enum OpenBLASKernel {
    private static let chosen: String = {
        let current = String(cString: openblas_get_corename())
        guard current.lowercased() == "prescott", getenv("OPENBLAS_CORETYPE") == nil,
              let quit = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gotoblas_dynamic_quit"),
              let initialise = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gotoblas_dynamic_init"),
              let flags = cpuFlags() else { return current }
        let kernel: String
        if flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512vl") {
            kernel = "SkylakeX"
        } else if flags.contains("avx2") && flags.contains("fma") {
            kernel = "Haswell"
        } else {
            return current
        }
        setenv("OPENBLAS_CORETYPE", kernel, 1)
        typealias Function = @convention(c) () -> Void
        unsafeBitCast(quit, to: Function.self)()
        unsafeBitCast(initialise, to: Function.self)()
        unsetenv("OPENBLAS_CORETYPE")  // child processes choose for themselves
        return String(cString: openblas_get_corename())
    }()

    /// Chooses the kernels (once); returns OpenBLAS's name for them.
    @discardableResult
    static func ensure() -> String { chosen }

    /// The flags of the first processor in `/proc/cpuinfo`, or nil when it cannot be read.
    private static func cpuFlags() -> Set<Substring>? {
        guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            if text.hasPrefix("flags") {
                return Set(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == ":" }))
            }
        }
        return nil
    }
}
