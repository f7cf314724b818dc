import Foundation
import StressTest

/// A portfolio file with the StressTest framework: read and validated, then the composites and
/// the benchmark of its first region, which must either work or fail with a typed error.
enum PortfolioFuzz {
    static func run(_ bytes: [UInt8]) {
        let lines = FuzzCheck.lineCount(bytes)
        let portfolio: Portfolio
        do throws(DataErrors) {
            portfolio = try Portfolio.parse(try CSVReader.parse(Data(bytes), file: "portfolio.csv", deferringRowProblems: true),
                                            framework: .stressTest)
        } catch {
            FuzzCheck.located(error, file: "portfolio.csv", lines: lines)
            return
        }
        FuzzCheck.require(portfolio.values.count == portfolio.regions.count, "a value row per region")
        FuzzCheck.require(portfolio.values.allSatisfy { $0.count == portfolio.framework.indicators.count }, "a value per indicator")
        FuzzCheck.require(portfolio.values.joined().allSatisfy { $0.isNaN || $0.isFinite }, "an infinite value was loaded")
        guard let first = portfolio.regions.first else { return }
        do throws(PortfolioError) {
            let benchmark = try Benchmark(portfolio, region: first.id)
            FuzzCheck.require(!benchmark.entries.isEmpty, "a benchmark without entries")
        } catch {
            FuzzCheck.require(!error.message.isEmpty, "an error without a message")
        }
    }
}
