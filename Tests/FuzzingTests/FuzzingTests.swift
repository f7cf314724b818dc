import Foundation
import Testing
import Fuzzing

/// The package folder, from this file's place in it.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The files of `folder`/TARGET/ as (target, file name) pairs, sorted.
private func inputs(under folder: URL) -> [(FuzzTarget, String)] {
    FuzzTarget.allCases.flatMap { target in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target.rawValue).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (target, $0) }
    }
}

private let seeds = root.appendingPathComponent("Fuzz/corpus")
private let regressions = root.appendingPathComponent("Tests/FuzzingTests/Regressions")

/// Every target keeps its promises (the input loads consistently, or fails with an error that
/// names where) on the committed seed corpus and on every input that once broke one; a broken
/// promise stops the test process, as it stops the fuzzer.
@Suite("Fuzz targets: the seed corpus and the regression inputs")
struct FuzzingTests {
    @Test("every target has seeds")
    func everyTargetHasSeeds() {
        let counts = Dictionary(grouping: inputs(under: seeds), by: \.0).mapValues(\.count)
        for target in FuzzTarget.allCases {
            #expect((counts[target] ?? 0) >= 4, "\(target.rawValue) has \(counts[target] ?? 0) seeds")
        }
    }

    @Test("the seed corpus", arguments: inputs(under: seeds).map { "\($0.0.rawValue)/\($0.1)" })
    func seed(_ path: String) throws {
        try replay(seeds, path)
    }

    @Test("inputs that once crashed, hung or were misreported", arguments: inputs(under: regressions).map { "\($0.0.rawValue)/\($0.1)" })
    func regression(_ path: String) throws {
        try replay(regressions, path)
    }

    private func replay(_ folder: URL, _ path: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(path.prefix { $0 != "/" })))
        let data = try Data(contentsOf: folder.appendingPathComponent(path))
        target.run([UInt8](data))
    }
}
