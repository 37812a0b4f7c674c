/// The HTML report's style sheet, inlined in its `<style>` element.
///
/// Logical properties throughout (`margin-inline-start`, `text-align: start`…) so one sheet serves left-to-right
/// and right-to-left reports; fonts commonly installed, never downloaded; an A4 print layout that keeps
/// charts, table rows and highlights whole and headings with what follows them; tables and charts that
/// scroll sideways on a phone instead of squeezing.
enum HTMLStyleSheet {
    /// The CSS.
    static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; background: #ffffff; color: #1b1f24; line-height: 1.55; font-size: 1rem;
          font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, "DejaVu Sans", sans-serif;
        }
        :lang(ar) body, body:lang(ar) {
          font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, system-ui, "Noto Sans", "DejaVu Sans", sans-serif;
          line-height: 1.7;
        }
        main { max-width: 62rem; margin-inline: auto; padding-block: 1.5rem 3rem; padding-inline: 1rem; }
        h1 { font-size: 1.65rem; line-height: 1.25; margin-block: 0 1rem; color: #12324f; }
        h2 {
          font-size: 1.3rem; line-height: 1.3; margin-block: 2.25rem 0.9rem; padding-block-end: 0.3rem;
          border-block-end: 2px solid #1f4e79; color: #12324f;
        }
        p { margin-block: 0 0.85rem; orphans: 3; widows: 3; }
        .metadata {
          display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1.25rem; margin: 0 0 1.5rem;
          padding-block: 0.75rem; padding-inline: 1rem; background: #f4f6f8; border-inline-start: 4px solid #9aa6b2;
        }
        .metadata div { display: contents; }
        .metadata dt { font-weight: 600; color: #3b4450; }
        .metadata dd { margin: 0; }
        .highlight {
          margin-block: 0 1.1rem; padding-block: 0.85rem; padding-inline: 1.1rem 1.25rem; font-size: 1.15rem;
          font-weight: 600; line-height: 1.5; color: #12324f; background: #eaf1f8; border-inline-start: 0.4rem solid #1f4e79;
        }
        .table-wrap { overflow-x: auto; max-width: 100%; margin-block: 0.25rem 0.5rem; }
        table { border-collapse: collapse; font-size: 0.92rem; }
        th, td {
          padding-block: 0.3rem; padding-inline: 0.6rem; text-align: start; vertical-align: top;
          border-block-end: 1px solid #d5dbe1;
        }
        thead th { vertical-align: bottom; font-weight: 600; border-block-end: 2px solid #55606b; }
        tbody th { font-weight: 400; }
        .num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .code { white-space: nowrap; }
        .missing { color: #6b7580; }
        .table-note { font-size: 0.85rem; color: #4a545e; margin-block: 0.25rem 1rem; }
        .no-data { color: #55606b; font-style: italic; }
        figure.chart { margin-block: 1.25rem 1.75rem; margin-inline: 0; }
        figcaption { margin-block-end: 0.4rem; }
        .chart-title { display: block; font-weight: 600; font-size: 1.05rem; color: #12324f; }
        .chart-caption { display: block; font-size: 0.9rem; color: #4a545e; }
        .chart-scroll { overflow-x: auto; }
        .chart-svg { display: block; width: 100%; min-width: 34rem; height: auto; }
        details { margin-block-start: 0.4rem; font-size: 0.9rem; }
        summary { cursor: pointer; color: #1f4e79; padding-block: 0.2rem; }
        @page { size: A4; margin: 16mm 15mm 18mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h1, h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
          figure.chart, tr, .highlight, .metadata { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          .table-wrap, .chart-scroll { overflow: visible; }
          .chart-svg { min-width: 0; }
          details { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
