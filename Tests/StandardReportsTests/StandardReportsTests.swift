import AtelierKernel
import Testing

@testable import StandardReports

@Suite("Standard report renderers")
struct StandardReportsTests {
    @Test("offers text, CSV and HTML, each under a unique format name")
    func formats() throws {
        let formats = StandardReports.all.map(\.format)
        #expect(Set(formats).count == formats.count)
        #expect(formats == ["text", "csv", "html"])
        #expect(StandardReports.all.map(\.mediaType) == ["text/plain; charset=utf-8", "text/csv; charset=utf-8", "text/html; charset=utf-8"])
    }
}
