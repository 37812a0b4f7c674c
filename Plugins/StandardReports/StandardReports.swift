import AtelierKernel

/// The report renderers shipped with Atelier: text, CSV and a self-contained HTML page.
public enum StandardReports {
    /// Every standard renderer, for the composition root's registry: text for a terminal, CSV for
    /// spreadsheets (comma-separated; build a ``CSVReportRenderer`` with `;` for French Excel), HTML to
    /// read, print and share.
    public static let all: [any ReportRenderer] = [
        TextReportRenderer(),
        CSVReportRenderer(),
        HTMLReportRenderer(),
    ]
}
