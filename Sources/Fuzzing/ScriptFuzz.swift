import Foundation
import Script
import Stats

/// A script: parsed and run in an interpreter that may write only under a temporary folder, with
/// an interrupt after `budget` (a long computation ends as the error "interrupted", as Ctrl-C
/// ends it in the REPL). Each value is displayed and converted to JSON; an error must point into
/// the text that was run.
enum ScriptFuzz {
    /// The time a script may run before it is interrupted.
    static let budget = DispatchTimeInterval.seconds(2)

    /// The folder scripts run in and may write under: one per process, emptied between inputs.
    static let folder: String = {
        let path = NSTemporaryDirectory() + "stresstest-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func run(_ bytes: [UInt8]) {
        let source = Source(name: "fuzz", text: String(decoding: bytes, as: UTF8.self))
        let interpreter = Interpreter()
        interpreter.environment.workingDirectory = folder
        interpreter.environment.writableFolders = [folder]
        interpreter.printer = { value, _ in _ = Format.display(value) }
        WorkProgress.clearInterrupt()
        let finished = DispatchSemaphore(value: 0), watchdogDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if finished.wait(timeout: .now() + budget) == .timedOut { WorkProgress.requestInterrupt() }
            watchdogDone.signal()
        }
        defer {
            finished.signal()
            watchdogDone.wait()
            WorkProgress.clearInterrupt()
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
        do throws(ScriptError) {
            try interpreter.run(source) { outcome in
                _ = Format.display(outcome.value, width: 100)
                _ = Format.json(outcome.value)
            }
        } catch {
            let length = source.text.utf8.count
            if error.source == nil {
                FuzzCheck.require(0 <= error.range.start && error.range.start <= error.range.end && error.range.end <= length,
                                  "an error pointing outside the script: \(error.range.start)..<\(error.range.end) of \(length) bytes")
            }
            FuzzCheck.require(!error.message.isEmpty, "an error without a message")
            FuzzCheck.require(error.rendered(in: source).contains("--> fuzz:") || error.source != nil, "a diagnostic without its place")
        }
    }
}
