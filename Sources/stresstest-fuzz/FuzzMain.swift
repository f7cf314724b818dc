import Foundation
import Fuzzing

#if FUZZING
// Built with `--sanitize fuzzer -Xswiftc -DFUZZING` (`make fuzz`): libFuzzer's main calls this
// with each input; the environment variable STRESSTEST_FUZZ_TARGET chooses the target.
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["STRESSTEST_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("set STRESSTEST_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")), not `\(name)`")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Without libFuzzer: `stresstest-fuzz TARGET FILE...` runs each file through the target once,
/// to replay an input that failed without the instrumented build.
@main
enum FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first, let target = FuzzTarget(rawValue: first), arguments.count > 1 else {
            print("usage: stresstest-fuzz TARGET FILE...  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("error: cannot read \(path)")
                exit(1)
            }
            target.run([UInt8](data))
            print("\(path): ok")
        }
    }
}
#endif
