// Fuzzes the Moodle XML importer (`atelier import --format moodle-xml`).
import AtelierKernel
import Foundation
import FuzzDriver
import FuzzHarness
import FuzzMoodleXML

/// FoundationXML traps (SIGILL in _NSXMLParserStartElementNs) on an element or attribute name that is not
/// valid UTF-8: Fuzz/Regressions/moodle-xml/. Until the importer guards against it, FUZZ_SKIP_INVALID_UTF8=1
/// skips such inputs so that a run can look for other crashes (Fuzz/run.sh sets it for long runs on request).
private let skipInvalidUTF8 = ProcessInfo.processInfo.environment["FUZZ_SKIP_INVALID_UTF8"] == "1"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzHarness.data(start, count)
    if skipInvalidUTF8, String(validating: data, as: UTF8.self) == nil { return 0 }
    let result = MoodleXMLImporter().importItems(from: data, file: "fuzz.xml", languages: ["fr"])
    for item in result.items { _ = item.serialized() }
    for diagnostic in result.diagnostics { _ = "\(diagnostic)" }
    return 0
}

/// The entry point SwiftPM's link expects (`main=MoodleXMLFuzzer_main`): hands over to libFuzzer.
@_cdecl("MoodleXMLFuzzer_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    atelier_fuzz_main(argc, argv)
}
