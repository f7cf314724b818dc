import Foundation

/// Runs work on a thread with a stack of a given size and waits for it, so that deep (but
/// bounded) recursion in the interpreter has room whatever stack the calling thread has. Costs
/// one thread start (tens of microseconds) per call.
enum LargeStack {
    private final class Work: @unchecked Sendable {
        let body: () -> Void

        init(_ body: @escaping () -> Void) {
            self.body = body
        }
    }

    static func run(size: Int, _ body: () throws(ScriptError) -> Void) throws(ScriptError) {
        var failure: ScriptError?
        withoutActuallyEscaping({
            do throws(ScriptError) { try body() } catch { failure = error }
        }) { escapable in
            let work = Work(escapable)
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(work).toOpaque()
            let started = pthread_create(&thread, &attributes, { context in
                Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, context)
            if started == 0 {
                pthread_join(thread, nil)
            } else {
                // No thread (resources exhausted): run here, on the caller's stack.
                Unmanaged<Work>.fromOpaque(context).release()
                work.body()
            }
        }
        if let failure { throw failure }
    }
}
