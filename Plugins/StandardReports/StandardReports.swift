import AtelierKernel

/// The report renderers shipped with Atelier: text for a terminal and a self-contained HTML page.
///
/// A report's tables as CSV are written by the spreadsheet codec (plugin `Spreadsheets`, on CSV.swift),
/// from ``AtelierKernel/ReportDocument/spreadsheetRows``.
public enum StandardReports {
    /// Every standard renderer, for the composition root's registry: text for a terminal, HTML to read,
    /// print and share.
    public static let all: [any ReportRenderer] = [
        TextReportRenderer(),
        HTMLReportRenderer(),
    ]
}
