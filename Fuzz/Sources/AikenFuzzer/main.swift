// Fuzzes the Aiken importer (`atelier import --format aiken`).
import AtelierKernel
import Foundation
import FuzzDriver
import FuzzGIFTFormat
import FuzzHarness

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let result = AikenImporter().importItems(from: FuzzHarness.data(start, count), file: "fuzz.aiken", languages: ["fr"])
    for item in result.items { _ = item.serialized() }
    for diagnostic in result.diagnostics { _ = "\(diagnostic)" }
    return 0
}

/// The entry point SwiftPM's link expects (`main=AikenFuzzer_main`): hands over to libFuzzer.
@_cdecl("AikenFuzzer_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    atelier_fuzz_main(argc, argv)
}
