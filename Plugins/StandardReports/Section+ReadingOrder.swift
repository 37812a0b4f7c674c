import AtelierKernel

extension ReportDocument.Section {
    /// The blocks in the order readers meet them: highlights first (the sentence a manager copies is
    /// the first thing under the heading), then everything else in the document's order.
    var blocksInReadingOrder: [ReportDocument.Block] {
        let highlights = blocks.filter {
            if case .highlight = $0 { return true }
            return false
        }
        let others = blocks.filter {
            if case .highlight = $0 { return false }
            return true
        }
        return highlights + others
    }
}
