import AtelierKernel
import Testing

@testable import StandardReports

@Suite("Standard report renderers")
struct StandardReportsTests {
    @Test("offers text and HTML, each under a unique format name (CSV is the spreadsheet codec's)")
    func formats() throws {
        let formats = StandardReports.all.map(\.format)
        #expect(Set(formats).count == formats.count)
        #expect(formats == ["text", "html"])
        #expect(StandardReports.all.map(\.mediaType) == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
    }
}
