import AtelierCLI
import AtelierKernel
import CaseAnalysis
import Foundation
import StandardItems
import StandardReports

// The composition root: the one place that knows which plugins exist.
do {
    let registry = try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()], renderers: StandardReports.all)
    exit(await AtelierCLI.run(Array(CommandLine.arguments.dropFirst()), in: .process(registry: registry)))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(70)
}
