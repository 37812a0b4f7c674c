import AtelierKernel

/// CSV that spreadsheets open correctly, written and read with CSV.swift (yaslab), never hand-rolled.
public enum Spreadsheets {
    /// The codecs of this plugin, for the composition root's registry.
    public static let codecs: [any SpreadsheetCodec] = [CSVSpreadsheetCodec()]
}
