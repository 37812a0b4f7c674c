// Fuzzes the GIFT importer (`atelier import --format gift`).
import AtelierKernel
import Foundation
import FuzzDriver
import FuzzGIFTFormat
import FuzzHarness

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let result = GIFTImporter().importItems(from: FuzzHarness.data(start, count), file: "fuzz.gift", languages: ["fr"])
    for item in result.items { _ = item.serialized() }
    for diagnostic in result.diagnostics { _ = "\(diagnostic)" }
    return 0
}

/// The entry point SwiftPM's link expects (`main=GIFTFuzzer_main`): hands over to libFuzzer.
@_cdecl("GIFTFuzzer_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    atelier_fuzz_main(argc, argv)
}
