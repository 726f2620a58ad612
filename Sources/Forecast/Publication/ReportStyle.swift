/// The report's style sheet, inline in the page: a readable column on screen, clean A4 pages
/// when printed (margins, no figure or table row split across pages, headers repeated), and
/// the charts' font stack, which Debian's `fonts-noto-cjk` satisfies for Chinese names and
/// sources.
enum ReportStyle {
  static let css = """
    :root { color-scheme: light; }
    html { font-family: \(SVGDocument.fontFamily); color: #222; background: #fff; }
    body { max-width: 190mm; margin: 0 auto; padding: 12px 16px 40px; font-size: 15px; line-height: 1.45; }
    h1 { font-size: 26px; line-height: 1.25; margin: 18px 0 6px; }
    h2 { font-size: 20px; margin: 28px 0 8px; padding-top: 6px; border-top: 1px solid #ccc; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    p.question { font-size: 17px; color: #333; }
    p.meta, p.note, figcaption, caption { color: #555; font-size: 13px; }
    caption { text-align: left; caption-side: top; padding: 4px 0; }
    figure { margin: 16px 0; }
    figure svg { width: 100%; height: auto; display: block; }
    table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
    table.data { width: 100%; }
    th, td { padding: 3px 8px; border-bottom: 1px solid #e5e5e5; vertical-align: top; text-align: left; }
    th { border-bottom: 1px solid #767676; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    table.assumptions { table-layout: fixed; }
    table.assumptions th:nth-child(1) { width: 22%; }
    table.assumptions th:nth-child(2) { width: 28%; }
    table.assumptions td { overflow-wrap: anywhere; }
    table.provenance td:first-child { width: 30%; }
    td.pass { color: #006b4f; font-weight: 600; }
    td.fail { color: #b33c00; font-weight: 600; }
    code, .mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 12px; overflow-wrap: anywhere; }
    .keynumbers td.num { font-size: 14px; }
    .interval { color: #555; font-size: 12px; }
    ul.warnings li { margin-bottom: 4px; }
    nav ol { columns: 2; font-size: 14px; }
    @page { size: A4; margin: 16mm 14mm 18mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      h2 { break-before: auto; break-after: avoid; }
      h3 { break-after: avoid; }
      figure, tr, .keep { break-inside: avoid; }
      thead { display: table-header-group; }
      nav { display: none; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
