import AtelierCLI
import AtelierKernel
import CaseAnalysis
import Foundation
import GIFTFormat
import MoodleXML
import QTI
import Spreadsheets
import StandardItems
import StandardReports
import XAPI

// The composition root: the one place that knows which plugins exist.
do {
    let registry = try PluginRegistry(
        itemTypes: StandardItems.all + [CaseAnalysisItem()],
        importers: GIFTFormat.importers + MoodleXML.importers,
        exporters: GIFTFormat.exporters + MoodleXML.exporters + QTI.exporters,
        renderers: StandardReports.all,
        attemptExporters: XAPI.exporters,
        spreadsheets: Spreadsheets.codecs
    )
    exit(await AtelierCLI.run(Array(CommandLine.arguments.dropFirst()), in: .process(registry: registry)))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(70)
}
