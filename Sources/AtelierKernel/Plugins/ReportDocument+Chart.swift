import Foundation

extension ReportDocument {
    /// A chart as data: what to draw, with its title, axis labels and values, never how.
    ///
    /// Values on a percentage scale are in 0...100; a renderer chooses sizes, colours and layout.
    /// Every chart can also be shown as a table (``table``), for text and CSV output and for readers
    /// who cannot see the drawing.
    public struct Chart: Sendable, Codable, Equatable {
        /// The chart's title.
        public var title: String
        /// A sentence saying what the chart shows, for screen readers and captions.
        public var caption: String
        /// What is drawn.
        public var content: Content

        /// Creates a chart.
        public init(title: String, caption: String, content: Content) {
            self.title = title
            self.caption = caption
            self.content = content
        }

        /// The kinds of chart a report uses.
        public enum Content: Sendable, Codable, Equatable {
            /// One row per subject with a value before and after (each participant's pre → post).
            case dumbbell(Dumbbell)
            /// Counts per bin for one or more series (distributions of pre and post scores).
            case histogram(Histogram)
            /// Grouped bars: categories, each with one value per series (mastery per objective).
            case bars(Bars)
            /// Points in a plane (item difficulty vs discrimination; facility before vs after).
            case scatter(Scatter)
        }

        /// Each subject's value before and after, on one axis.
        public struct Dumbbell: Sendable, Codable, Equatable {
            /// The axis (for example "Score (%)").
            public var axis: Axis
            /// The two ends' names, for the legend ("Pre-test", "Post-test").
            public var fromName: String
            public var toName: String
            /// One row per subject; `nil` ends are missing.
            public var rows: [Row]
            public init(axis: Axis, fromName: String, toName: String, rows: [Row]) {
                self.axis = axis
                self.fromName = fromName
                self.toName = toName
                self.rows = rows
            }
            /// A subject and its two values.
            public struct Row: Sendable, Codable, Equatable {
                public var label: String
                public var from: Double?
                public var to: Double?
                public init(label: String, from: Double?, to: Double?) {
                    self.label = label
                    self.from = from
                    self.to = to
                }
            }
        }

        /// Counts of values in consecutive bins, for one or more series drawn side by side.
        public struct Histogram: Sendable, Codable, Equatable {
            /// The value axis (the bins' scale).
            public var axis: Axis
            /// The bins' edges, ascending: bin `i` is `[edges[i], edges[i+1])`, the last one closed.
            public var edges: [Double]
            /// One series per group (for example pre and post), each with one count per bin.
            public var series: [Series]
            public init(axis: Axis, edges: [Double], series: [Series]) {
                self.axis = axis
                self.edges = edges
                self.series = series
            }
        }

        /// Categories with one bar per series.
        public struct Bars: Sendable, Codable, Equatable {
            /// The value axis.
            public var axis: Axis
            /// The categories' labels, in order.
            public var categories: [String]
            /// One series per group, each with one value per category (`nil` = no data).
            public var series: [Series]
            public init(axis: Axis, categories: [String], series: [Series]) {
                self.axis = axis
                self.categories = categories
                self.series = series
            }
        }

        /// Labelled points.
        public struct Scatter: Sendable, Codable, Equatable {
            public var xAxis: Axis
            public var yAxis: Axis
            public var points: [Point]
            /// Optional reference lines (for example y = x, or a threshold), drawn behind the points.
            public var guides: [Guide]
            public init(xAxis: Axis, yAxis: Axis, points: [Point], guides: [Guide] = []) {
                self.xAxis = xAxis
                self.yAxis = yAxis
                self.points = points
                self.guides = guides
            }
            /// A point; `flagged` points are drawn so they stand out.
            public struct Point: Sendable, Codable, Equatable {
                public var label: String
                public var x: Double
                public var y: Double
                public var flagged: Bool
                public init(label: String, x: Double, y: Double, flagged: Bool = false) {
                    self.label = label
                    self.x = x
                    self.y = y
                    self.flagged = flagged
                }
            }
            /// A straight reference line from one point to another, with a label.
            public struct Guide: Sendable, Codable, Equatable {
                public var label: String
                public var from: [Double]
                public var to: [Double]
                public init(label: String, from: (Double, Double), to: (Double, Double)) {
                    self.label = label
                    self.from = [from.0, from.1]
                    self.to = [to.0, to.1]
                }
            }
        }

        /// A named list of values (or counts) in category or bin order.
        public struct Series: Sendable, Codable, Equatable {
            public var name: String
            public var values: [Double?]
            public init(name: String, values: [Double?]) {
                self.name = name
                self.values = values
            }
        }

        /// An axis: its label and the range the renderer must show.
        public struct Axis: Sendable, Codable, Equatable {
            public var label: String
            public var minimum: Double
            public var maximum: Double
            /// Whether values are percentages (a renderer may add "%" to ticks).
            public var isPercent: Bool
            public init(label: String, minimum: Double, maximum: Double, isPercent: Bool = false) {
                self.label = label
                self.minimum = minimum
                self.maximum = maximum
                self.isPercent = isPercent
            }
        }
    }
}

extension ReportDocument.Chart {
    /// The chart's data as a table, for renderers that do not draw (text, CSV) and as an accessible
    /// alternative to the drawing.
    public var table: ReportDocument.Table {
        switch content {
        case .dumbbell(let chart):
            return ReportDocument.Table(
                columns: ["", chart.fromName, chart.toName],
                rows: chart.rows.map { [$0.label, $0.from.map(Self.format), $0.to.map(Self.format)] }
            )
        case .histogram(let chart):
            let bins = chart.edges.indices.dropLast().map { index in
                "\(Self.format(chart.edges[index]))–\(Self.format(chart.edges[index + 1]))"
            }
            return ReportDocument.Table(
                columns: [chart.axis.label] + chart.series.map(\.name),
                rows: bins.enumerated().map { index, bin in
                    [bin] + chart.series.map { series in series.values.indices.contains(index) ? series.values[index].map(Self.format) : nil }
                }
            )
        case .bars(let chart):
            return ReportDocument.Table(
                columns: [""] + chart.series.map(\.name),
                rows: chart.categories.enumerated().map { index, category in
                    [category] + chart.series.map { series in series.values.indices.contains(index) ? series.values[index].map(Self.format) : nil }
                }
            )
        case .scatter(let chart):
            return ReportDocument.Table(
                columns: ["", chart.xAxis.label, chart.yAxis.label],
                rows: chart.points.map { [$0.label, Self.format($0.x), Self.format($0.y)] }
            )
        }
    }

    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
