import AtelierKernel

/// Moodle XML question files: an importer and an exporter for the format Moodle's question bank reads
/// and writes losslessly (`question/format/xml/format.php`).
public enum MoodleXML {
    /// The importers of this plugin.
    public static let importers: [any ContentImporter] = [MoodleXMLImporter()]
    /// The exporters of this plugin.
    public static let exporters: [any ContentExporter] = [MoodleXMLExporter()]
}
