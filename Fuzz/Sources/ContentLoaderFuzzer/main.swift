// Fuzzes the content loader: JSON parsing with source map, schema validation, decoding to the content
// model and the catalog's cross-reference checks. The input is one content file (module, program, bank
// or form), loaded in the context of a small valid catalog (Tests/AtelierContentTests/Fixtures/mini)
// so that references can resolve. The loader reads paths only, so the input goes through a scratch file.
import AtelierKernel
import Foundation
import FuzzDriver
import FuzzHarness

nonisolated(unsafe) private var loader: ContentLoader?
nonisolated(unsafe) private var scratch = ""
nonisolated(unsafe) private var context: [String] = []

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    if loader == nil {
        loader = ContentLoader(registry: FuzzHarness.registry)
        scratch = FuzzHarness.scratchFile(extension: "json")
        context = [FuzzHarness.root + "/Tests/AtelierContentTests/Fixtures/mini"]
        atexit { unlink(scratch) }
    }
    let data = FuzzHarness.data(start, count)
    guard FileManager.default.createFile(atPath: scratch, contents: data) else { fatalError("cannot write \(scratch)") }
    let result = loader!.load(paths: [scratch], context: context)
    // Touch what a caller uses: rendered diagnostics and resolved forms.
    for diagnostic in result.diagnostics { _ = "\(diagnostic)" }
    for form in result.catalog.orderedForms { _ = result.catalog.resolvedForm(form.id)?.maxScore }
    return 0
}

/// The entry point SwiftPM's link expects (`main=ContentLoaderFuzzer_main`): hands over to libFuzzer.
@_cdecl("ContentLoaderFuzzer_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    atelier_fuzz_main(argc, argv)
}
