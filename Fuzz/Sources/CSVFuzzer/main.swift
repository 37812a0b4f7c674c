// Fuzzes the CSV readers: the Spreadsheets plugin's codec (CSV.swift) and the kernel's marks table
// (`atelier analyze --marks`). Each input goes through both.
import AtelierKernel
import Foundation
import FuzzDriver
import FuzzHarness
import FuzzSpreadsheets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzHarness.data(start, count)
    if let table = try? CSVSpreadsheetCodec().read(data) { _ = "\(table)" }
    if let marks = try? MarksTable(csv: data, file: "fuzz.csv") {
        for row in 0..<marks.rowCount { _ = marks.score(row: row) }
    }
    return 0
}

/// The entry point SwiftPM's link expects (`main=CSVFuzzer_main`): hands over to libFuzzer.
@_cdecl("CSVFuzzer_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    atelier_fuzz_main(argc, argv)
}
