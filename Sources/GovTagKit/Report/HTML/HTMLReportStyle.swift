/// The report's style sheet: a CJK font stack, a layout readable on a laptop screen, chart and
/// table styles, evidence highlights and the agreement marks.
///
/// Self-contained by design: no web fonts, no `@import`, no `url(…)`; the fonts are the
/// reader's own (Noto Sans CJK and Source Han Sans on Linux, Microsoft YaHei on Windows).
enum HTMLReportStyle {
  /// The CSS font stack for Chinese text.
  static let fontStack = #""Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif"#

  /// The style sheet.
  static let css = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --panel: #f6f8fa; --accent: #0969da;
      --govtag-only: #cf222e; --ref-only: #bf8700; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    html { font-family: \(fontStack); color: var(--ink); background: #fff; font-size: 15px; line-height: 1.55; }
    body { margin: 0; }
    header.page { padding: 18px 32px 10px; border-bottom: 1px solid var(--line); background: var(--panel); }
    header.page h1 { margin: 0 0 4px; font-size: 24px; }
    header.page .meta { margin: 0; color: var(--muted); }
    header.page nav a { margin-right: 16px; color: var(--accent); text-decoration: none; }
    main { max-width: 1320px; margin: 0 auto; padding: 8px 32px 48px; }
    h2 { font-size: 20px; margin: 24px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 18px 0 4px; }
    .note { color: var(--muted); margin: 4px 0 10px; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); grid-auto-flow: dense; gap: 8px 28px; }
    .chart-section { min-width: 0; }
    .chart-section.wide { grid-column: 1 / -1; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg.chart text { font-family: inherit; fill: var(--ink); }
    svg.chart .tick { font-size: 12px; fill: var(--muted); }
    svg.chart .group-label { font-size: 13px; }
    svg.chart .axis-title { font-size: 13px; fill: var(--muted); }
    svg.chart .legend { font-size: 13px; }
    svg.chart .value { font-size: 11.5px; font-weight: 600; }
    svg.chart .value.inside { fill: #fff; }
    svg.chart .grid { stroke: #e6e9ed; stroke-width: 1; }
    svg.chart .axis { stroke: #8c959f; stroke-width: 1; }
    svg.chart rect:hover { opacity: 0.8; }
    details.numbers summary { cursor: pointer; color: var(--accent); font-size: 13px; }
    table { border-collapse: collapse; font-size: 13px; }
    table.numbers td, table.numbers th { padding: 2px 8px; border-bottom: 1px solid var(--line); text-align: right; }
    table.numbers td:first-child, table.numbers th:first-child { text-align: left; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 8px 0; }
    .filters label { color: var(--muted); font-size: 13px; }
    .filters select, .filters input { font: inherit; font-size: 13px; padding: 3px 6px; }
    table.cases { width: 100%; }
    table.cases th { text-align: left; background: var(--panel); border-bottom: 2px solid var(--line); padding: 6px 8px;
      cursor: pointer; user-select: none; white-space: nowrap; }
    table.cases th[aria-sort=ascending]::after { content: " ▲"; }
    table.cases th[aria-sort=descending]::after { content: " ▼"; }
    table.cases td { border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; }
    table.cases tbody tr { cursor: pointer; }
    table.cases tbody tr:hover, table.cases tbody tr.open { background: #eef4ff; }
    table.cases td.id { white-space: nowrap; font-family: ui-monospace, monospace; font-size: 12px; }
    .pager { display: flex; gap: 10px; align-items: center; margin: 8px 0; color: var(--muted); }
    .pager button { font: inherit; padding: 2px 10px; }
    .chip { display: inline-block; margin: 1px 3px 1px 0; padding: 0 6px; border-radius: 10px; font-size: 12px;
      border: 1px solid; white-space: nowrap; }
    .chip.govtag-only { background: #ffebe9; border-color: var(--govtag-only); color: var(--govtag-only); font-weight: 600; }
    .chip.ref-only { background: #fff8c5; border-color: var(--ref-only); color: #7d4e00; font-weight: 600; }
    .chip.govtag-only::before { content: "+ "; }
    .chip.ref-only::before { content: "− "; }
    .chip.not-annotated { border-style: dashed; opacity: 0.7; }
    td.not-annotated { color: var(--muted); font-style: italic; }
    .flag { color: var(--govtag-only); font-weight: 600; }
    #case-view { position: fixed; top: 20px; bottom: 20px; left: 50%; transform: translateX(-50%); z-index: 10;
      width: min(1120px, calc(100vw - 40px)); overflow: auto; border: 1px solid var(--line); border-radius: 8px;
      padding: 14px 28px 24px; background: #fff; box-shadow: 0 6px 28px rgba(0, 0, 0, 0.3); }
    #backdrop { position: fixed; inset: 0; background: rgba(31, 35, 40, 0.45); z-index: 9; }
    #case-view .close { float: right; font: inherit; font-size: 14px; padding: 2px 10px; cursor: pointer; }
    #case-view h3 { font-size: 19px; margin: 4px 0; }
    #case-view .case-meta { color: var(--muted); margin: 0 0 8px; }
    table.compare { margin: 6px 0 10px; }
    table.compare th, table.compare td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid #eee; }
    .case-text { white-space: pre-wrap; font-size: 16px; line-height: 1.9; max-width: 60em; margin: 8px 0; }
    .case-title { font-size: 19px; font-weight: 600; }
    mark.hit { background: var(--bg); border-bottom: 2px solid var(--fg); color: inherit; padding: 1px 0; border-radius: 2px; }
    mark.hit.not-counted { background: transparent; border-bottom: 2px dotted var(--fg); }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px;
      border: 1px solid; }
    .hit-legend span.item { margin-right: 14px; white-space: nowrap; font-size: 13px; }
    .legend-line { font-size: 13px; color: var(--muted); }
    .reasons { margin: 4px 0; padding-left: 20px; color: #7d4e00; }
    """
}
