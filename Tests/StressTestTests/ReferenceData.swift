import Foundation
import Testing

/// The external reference data (RIS, RCI, COINr ASEM) that tests read but the package does not
/// ship: `$STRESSTEST_FIXTURES` if set, else `../shared/data` next to the package root.
///
/// A test that needs a file says so with a trait, and looks the file up in its body:
///
///     @Test(.referenceData("ris/ris2023_regions.csv"))
///     func readsTheRIS() throws {
///         guard let url = ReferenceData.url("ris/ris2023_regions.csv") else { return }
///         ...
///     }
///
/// When the file is absent the test is skipped, and the skip names the missing path. Under CI
/// (`CI=true`) absence is a failure instead: the trait lets the test run, and `url` records an
/// issue naming the path and returns nil.
enum ReferenceData {
    /// The folder holding `ris/`, `rci/`, `asem/`.
    static let root: URL = {
        if let custom = ProcessInfo.processInfo.environment["STRESSTEST_FIXTURES"], !custom.isEmpty {
            return URL(fileURLWithPath: custom, isDirectory: true).standardizedFileURL
        }
        // Tests/StressTestTests/ReferenceData.swift -> the package root -> ../shared/data
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("../shared/data", isDirectory: true)
            .standardizedFileURL
    }()

    /// True when running under CI (`CI=true`), where reference data must be present.
    static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    /// Where `path` (relative to the root, e.g. "ris/ris2023_regions.csv") would be.
    static func location(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// Whether the file at `path` exists.
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: location(path).path)
    }

    /// The file at `path`, or nil when it is absent; under CI its absence is also recorded as an
    /// issue (a test failure) at the caller's source location.
    static func url(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let url = location(path)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if isCI {
            let message = "reference data \(path) not found at \(url.path); CI=true requires it "
                + "(set STRESSTEST_FIXTURES to the folder holding ris/, rci/, asem/)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Why a test needing `paths` is skipped, or nil when it should run (all present, or CI).
    static func skipReason(_ paths: [String]) -> String? {
        if isCI { return nil }
        let missing = paths.filter { !exists($0) }
        guard !missing.isEmpty else { return nil }
        return "reference data absent: \(missing.map { location($0).path }.joined(separator: ", ")) "
            + "(set STRESSTEST_FIXTURES to the folder holding ris/, rci/, asem/)"
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when the reference files are present (or under CI, where their absence
    /// fails through `ReferenceData.url`); otherwise skips it, naming what is missing.
    static func referenceData(_ paths: String..., sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        let reason = ReferenceData.skipReason(paths)
        return .enabled(if: reason == nil, reason.map { Comment(rawValue: $0) }, sourceLocation: sourceLocation)
    }
}
