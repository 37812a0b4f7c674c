import AtelierKernel

/// xAPI statements for learning record stores (plain xAPI 1.0.3, readable alongside cmi5 data).
public enum XAPI {
    /// The attempt exporters of this plugin: ``XAPIStatementExporter`` (`xapi`).
    public static let exporters: [any AttemptExporter] = [XAPIStatementExporter()]
}
