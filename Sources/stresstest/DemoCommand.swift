import ArgumentParser
import Foundation
import StressTest

/// `stresstest demo ...`: the synthetic demo data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The synthetic demo data (26 fictional regions, two waves, example survey responses).",
        subcommands: [DemoGenerateCommand.self]
    )
}

/// `stresstest demo generate [--output DIR] [--seed N] [--check]`.
struct DemoGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Regenerate the demo portfolio and the example survey responses.",
        discussion: """
        Writes \(DemoGenerator.portfolioFile) and \(DemoGenerator.exampleSurveys.map(\.file).joined(separator: ", ")) \
        into the output folder, each atomically. With the default seed (\(DemoGenerator.defaultSeed)) the files \
        are byte for byte the ones the package ships. Without --output the folder is ./Data, which must \
        exist: run the command in the package's root folder (where Data/ holds the shipped files), or give \
        --output, which is created if needed. All data written is synthetic: the regions are fictional.
        Example: stresstest demo generate --check
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write into (default: ./Data, which must exist).", valueName: "dir"))
    var output: String?

    @Option(help: "The generator's seed; \(DemoGenerator.defaultSeed) gives the shipped files.")
    var seed: UInt64 = DemoGenerator.defaultSeed

    @Flag(help: "Write nothing; compare the files in the output folder with what would be written, and exit with status 1 if any differs.")
    var check = false

    func run() throws {
        let folder = output ?? "Data"
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw ValidationError("the output '\(folder)' is a file, not a folder")
        }
        if output == nil && !exists {
            throw ValidationError("there is no Data folder in the current folder: run the command in the package's root folder, or give --output DIR")
        }
        let directory = URL(fileURLWithPath: folder, isDirectory: true)
        let generator = DemoGenerator(seed: seed)

        if check {
            var differing = [String]()
            for file in generator.generate().files {
                let path = directory.appendingPathComponent(file.name).path
                if FileManager.default.contents(atPath: path) != Data(file.contents.utf8) {
                    differing.append(path)
                }
            }
            if differing.isEmpty {
                ScriptOutput.print("the demo files in \(folder) are up to date (seed \(seed))")
                return
            }
            for path in differing { ScriptOutput.printError("differs or is missing: \(path)") }
            throw ExitCode(1)
        }

        let urls: [URL]
        do {
            urls = try generator.write(to: directory)
        } catch {
            ScriptOutput.printError("error: cannot write the demo files into \(folder): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        for url in urls {
            ScriptOutput.print("wrote \(folder == "." ? url.lastPathComponent : (folder as NSString).appendingPathComponent(url.lastPathComponent))")
        }
    }
}
