import AtelierKernel

/// GIFT and Aiken, Moodle's plain-text question formats.
public enum GIFTFormat {
    /// The importers: GIFT and Aiken.
    public static let importers: [any ContentImporter] = [GIFTImporter(), AikenImporter()]
    /// The exporters: GIFT.
    public static let exporters: [any ContentExporter] = [GIFTExporter()]
}
