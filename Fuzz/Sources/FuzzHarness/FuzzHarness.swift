import AtelierKernel
import Foundation
import FuzzCaseAnalysis
import FuzzStandardItems

/// What the fuzzers share: the plugin registry the app uses, the repository root, a scratch file.
public enum FuzzHarness {
    /// The item types of the app's composition root (`Sources/atelier`).
    public static let registry: PluginRegistry = {
        do {
            return try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()])
        } catch {
            fatalError("registry: \(error)")
        }
    }()

    /// The repository root: `$ATELIER_ROOT`, else found from this source file (Fuzz/Sources/FuzzHarness/…).
    public static let root: String = {
        if let root = ProcessInfo.processInfo.environment["ATELIER_ROOT"], !root.isEmpty { return root }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// A per-process scratch file (in /dev/shm when there is one), for the APIs that read paths.
    public static func scratchFile(extension pathExtension: String) -> String {
        let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(directory)/atelier-fuzz-\(getpid()).\(pathExtension)"
    }

    /// The input as `Data`.
    public static func data(_ start: UnsafeRawPointer, _ count: Int) -> Data {
        Data(bytes: start, count: count)
    }
}
