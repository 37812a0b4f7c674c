import AtelierKernel
import CaseAnalysis
import Foundation
import Spreadsheets
import StandardItems

/// The repository this test runs in, and the registry the executable builds.
enum Repository {
    /// The repository's root folder.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A path inside the repository.
    static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// A test fixture's path.
    static func fixture(_ relative: String) -> String { path("Tests/AtelierContentTests/Fixtures/" + relative) }

    /// The same registry as `Sources/atelier/main.swift`.
    static let registry: PluginRegistry = {
        do {
            return try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()], spreadsheets: Spreadsheets.codecs)
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The shipped content, loaded once.
    static let shipped: ContentLoadResult = ContentLoader(registry: registry).load(paths: [path("Curricula"), path("Assessments")])
}
