// The terminal table and the SVG chart of the trail/reference ratios.

const num = (value, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '—'
const figure = (s, digits) =>
  s ? `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})` : '—'
const pad = (text, width) => String(text).padEnd(width)
const padStart = (text, width) => String(text).padStart(width)
const mark = (ok) => (ok === undefined ? ' ' : ok ? '✓' : '✗')

export const TARGETS = {
  rpsRatioMin: 0.8,
  p99RatioMax: 1.5,
  scaleP99GrowthMax: 1.5,
  rssMiBMax: 200,
  startMsMax: 1000,
}

export const BACKEND_NAMES = { memory: 'memory', sqlite: 'SQLite', postgres: 'PostgreSQL' }

/** The table of one backend's results, as lines. */
export function backendTable(backend) {
  const lines = []
  const ref = backend.routes.some((r) => r.reference)
  lines.push(
    `${BACKEND_NAMES[backend.kind]}: ${num(backend.rows)} rows per table; median (min–max) of ${backend.repeat} runs of ${backend.durationS} s` +
      (ref ? '; ratio = trail / reference' : ' (no reference for this backend)'),
  )
  const header = [
    pad('route', 44),
    padStart('conn', 4),
    padStart('trail req/s', 24),
    ...(ref ? [padStart('ref req/s', 24), padStart('ratio', 7)] : []),
    padStart('trail p99 ms', 22),
    ...(ref ? [padStart('ref p99 ms', 22), padStart('ratio', 7)] : []),
    padStart('non-2xx', 9),
  ]
  lines.push(header.join('  '))
  for (const r of backend.routes) {
    const notOk = r.trail.notOk + (r.reference?.notOk ?? 0)
    lines.push(
      [
        pad(r.route, 44),
        padStart(r.connections, 4),
        padStart(figure(r.trail.rps, 0), 24),
        ...(ref
          ? [
              padStart(figure(r.reference?.rps, 0), 24),
              padStart(`${num(r.ratio?.rps, 2)} ${mark(r.meets?.rps)}`, 7),
            ]
          : []),
        padStart(figure(r.trail.p99, 2), 22),
        ...(ref
          ? [
              padStart(figure(r.reference?.p99, 2), 22),
              padStart(`${num(r.ratio?.p99, 2)} ${mark(r.meets?.p99)}`, 7),
            ]
          : []),
        padStart(notOk === 0 ? '0' : `${notOk} !`, 9),
      ].join('  '),
    )
  }
  const s = backend.startup
  const m = backend.memory
  const othersStart = Object.keys(s)
    .filter((role) => !['trail', 'reference', 'runsMs'].includes(role))
    .map((role) => `, ${roleName(role)} ${figure(s[role], 0)} ms`)
    .join('')
  lines.push(
    `start-to-healthy: trail ${figure(s.trail, 0)} ms ${mark(s.trail.median < TARGETS.startMsMax)}` +
      (s.reference ? `, reference ${figure(s.reference, 0)} ms` : '') +
      othersStart +
      `;  peak RSS under load: trail ${num(m.trail?.peakRssMiB, 0)} MiB ${mark(m.trail?.peakRssMiB < TARGETS.rssMiBMax)}` +
      ` (VmHWM ${num(m.trail?.hwmMiB, 0)})` +
      (m.reference ? `, reference ${num(m.reference.peakRssMiB, 0)} MiB` : ''),
  )
  lines.push(...comparisonTable(backend))
  return lines
}

const ROLE_NAMES = { reference: 'reference', minimal: 'minimal', platformatic: 'Platformatic DB' }
const roleName = (role) => ROLE_NAMES[role] ?? role

/** The roles trail was compared with beside the reference (minimal server, peers), in the order first met. */
const othersOf = (backend) => [...new Set(backend.routes.flatMap((r) => Object.keys(r.ratios ?? {})))]

/**
 * trail beside the reference, the minimal server and the peers: req/s of each and trail's ratio to each, one
 * row per route and connection count (a peer serves only some routes: — elsewhere).
 */
export function comparisonRows(backend) {
  const others = othersOf(backend)
  if (others.length === 0) return undefined
  const header = [
    'route',
    'conn',
    'trail req/s',
    'reference req/s',
    'trail ÷ reference',
    ...others.flatMap((role) => [`${roleName(role)} req/s`, `trail ÷ ${roleName(role)}`]),
  ]
  const rows = backend.routes.map((r) => [
    r.route,
    String(r.connections),
    num(r.trail.rps.median),
    num(r.reference?.rps.median),
    num(r.ratio?.rps, 2),
    ...others.flatMap((role) => [num(r[role]?.rps.median), num(r.ratios?.[role]?.rps, 2)]),
  ])
  return { header, rows }
}

/** Answer sizes per route and server: body bytes, and header lines (count, bytes). */
export function sizeRows(backend) {
  if (!backend.sizes) return undefined
  const roles = ['trail', 'reference', ...othersOf(backend)].filter((role) =>
    Object.values(backend.sizes).some((bySize) => bySize[role]),
  )
  const header = [
    'route',
    ...roles.map((role) => `${role === 'trail' ? 'trail' : roleName(role)} body B / headers`),
  ]
  const routeOf = (key) => backend.routes.find((r) => r.key === key)?.route ?? key
  const rows = Object.entries(backend.sizes).map(([key, bySize]) => [
    routeOf(key),
    ...roles.map((role) => {
      const size = bySize[role]
      return size ? `${size.bodyBytes} / ${size.headers} (${size.headerBytes} B)` : '—'
    }),
  ])
  return { header, rows }
}

const textTable = ({ header, rows }) => {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k].length)))
  return [header, ...rows].map((row) =>
    row.map((c, k) => (k === 0 ? pad(c, widths[k]) : padStart(c, widths[k]))).join('  '),
  )
}
const markdownTable = ({ header, rows }) => [
  `| ${header.join(' | ')} |`,
  `| ${header.map((_, k) => (k === 0 ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((row) => `| ${row.map((c, k) => (k === 0 ? `\`${c}\`` : c)).join(' | ')} |`),
]

/** The comparison and size tables of one backend, as terminal lines (empty when it ran trail alone). */
export function comparisonTable(backend) {
  const lines = []
  const comparison = comparisonRows(backend)
  if (comparison) lines.push('', 'trail beside the others (req/s, medians):', ...textTable(comparison))
  const sizes = sizeRows(backend)
  if (sizes) lines.push('', 'answer sizes:', ...textTable(sizes))
  return lines
}

export function scaleTable(scale) {
  const lines = []
  for (const backend of scale.backends) {
    lines.push(
      `${BACKEND_NAMES[backend.kind]} scale: GET /status-updates?limit=50 at ${backend.connections} connections, p99 ms median (min–max) of ${scale.options.repeat} runs`,
    )
    lines.push(
      [
        padStart('rows', 10),
        padStart('seed s', 7),
        padStart('start ms', 9),
        padStart('trail first page', 22),
        padStart('ref first page', 22),
        padStart('trail deep page', 22),
        padStart('ref deep page', 22),
        padStart('trail req/s first', 18),
        padStart('non-2xx', 8),
      ].join('  '),
    )
    for (const step of backend.steps) {
      const notOk =
        step.first.trail.notOk +
        step.deep.trail.notOk +
        (step.first.reference?.notOk ?? 0) +
        (step.deep.reference?.notOk ?? 0)
      lines.push(
        [
          padStart(num(step.rows), 10),
          padStart(num(step.seedSeconds, 1), 7),
          padStart(num(step.startMs.trail, 0), 9),
          padStart(figure(step.first.trail.p99, 2), 22),
          padStart(figure(step.first.reference?.p99, 2), 22),
          padStart(figure(step.deep.trail.p99, 2), 22),
          padStart(figure(step.deep.reference?.p99, 2), 22),
          padStart(num(step.first.trail.rps.median, 0), 18),
          padStart(notOk === 0 ? '0' : `${notOk} !`, 8),
        ].join('  '),
      )
    }
    const g = backend.growth
    if (g) {
      lines.push(
        `p99 at ${num(g.toRows)} rows / p99 at ${num(g.fromRows)} rows (target ≤ ${TARGETS.scaleP99GrowthMax}): ` +
          `first page ${num(g.first, 2)} ${mark(g.first <= TARGETS.scaleP99GrowthMax)}, deep page ${num(g.deep, 2)} ${mark(g.deep <= TARGETS.scaleP99GrowthMax)}`,
      )
    }
    lines.push('')
  }
  return lines
}

const xml = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * A horizontal bar chart of the trail/reference ratios: throughput on the left (target ≥ 0.8, higher is better),
 * p99 latency on the right (target ≤ 1.5, lower is better), one row per backend, route and connection count.
 */
export function ratiosSvg(results) {
  const rows = []
  for (const backend of results.backends) {
    for (const r of backend.routes) {
      if (r.ratio) rows.push({ backend: BACKEND_NAMES[backend.kind], ...r })
    }
  }
  const rowHeight = 18
  const labelWidth = 370
  const panelWidth = 300
  const gap = 40
  const top = 70
  const width = labelWidth + 2 * panelWidth + gap + 30
  const height = top + rows.length * rowHeight + 40
  const maxRps = Math.max(1.2, ...rows.map((r) => r.ratio.rps || 0))
  const maxP99 = Math.max(2, ...rows.map((r) => r.ratio.p99 || 0))
  const panels = [
    {
      x: labelWidth,
      key: 'rps',
      max: maxRps,
      target: TARGETS.rpsRatioMin,
      ok: (v) => v >= TARGETS.rpsRatioMin,
    },
    {
      x: labelWidth + panelWidth + gap,
      key: 'p99',
      max: maxP99,
      target: TARGETS.p99RatioMax,
      ok: (v) => v <= TARGETS.p99RatioMax,
    },
  ]
  const out = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">trail / raw reference, per route (median of ${results.options.repeat} runs of ${results.options.durationS} s)</text>`,
    `<text x="10" y="38" fill="#555">${xml(results.machine.summary)} · ${xml(results.date.slice(0, 10))}</text>`,
    `<text x="${panels[0].x}" y="${top - 12}" font-weight="bold">throughput ratio (target ≥ ${TARGETS.rpsRatioMin})</text>`,
    `<text x="${panels[1].x}" y="${top - 12}" font-weight="bold">p99 latency ratio (target ≤ ${TARGETS.p99RatioMax})</text>`,
  )
  let previous
  rows.forEach((r, i) => {
    const y = top + i * rowHeight
    if (i % 2 === 0) out.push(`<rect x="0" y="${y}" width="${width}" height="${rowHeight}" fill="#f6f7f9"/>`)
    const group = `${r.backend}`
    if (group !== previous) {
      out.push(`<line x1="0" x2="${width}" y1="${y}" y2="${y}" stroke="#999"/>`)
      previous = group
    }
    out.push(`<text x="10" y="${y + 13}">${xml(`${r.backend} · ${r.route} · c${r.connections}`)}</text>`)
    for (const p of panels) {
      const value = r.ratio[p.key]
      if (!Number.isFinite(value)) continue
      const w = Math.max(1, (value / p.max) * (panelWidth - 40))
      const fill = p.ok(value) ? '#3a8d5c' : '#c8453b'
      out.push(
        `<rect x="${p.x}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${fill}"/>`,
        `<text x="${(p.x + w + 4).toFixed(1)}" y="${y + 13}">${value.toFixed(2)}</text>`,
      )
    }
  })
  for (const p of panels) {
    const tx = p.x + (p.target / p.max) * (panelWidth - 40)
    const one = p.x + (1 / p.max) * (panelWidth - 40)
    const bottom = top + rows.length * rowHeight
    out.push(
      `<line x1="${p.x}" x2="${p.x}" y1="${top}" y2="${bottom}" stroke="#333"/>`,
      `<line x1="${one.toFixed(1)}" x2="${one.toFixed(1)}" y1="${top}" y2="${bottom}" stroke="#888" stroke-dasharray="2,3"/>`,
      `<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${top - 4}" y2="${bottom}" stroke="#d08a00" stroke-width="2" stroke-dasharray="5,3"/>`,
      `<text x="${tx.toFixed(1)}" y="${bottom + 14}" text-anchor="middle" fill="#d08a00">${p.target}</text>`,
      `<text x="${one.toFixed(1)}" y="${bottom + 26}" text-anchor="middle" fill="#888">1.0</text>`,
    )
  }
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

const cell = (s, digits) =>
  s ? `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})` : '—'

/** The results as Markdown: what ran where, then one table per backend (and the scale steps). */
export function resultsMarkdown(results) {
  const o = results.options
  const source = results.source
    ? `commit \`${results.source.commit.slice(0, 7)}\`${results.source.srcChanged ? ' with uncommitted changes in src/' : ''}`
    : 'no git checkout'
  const lines = [
    `Run ${results.date.replace('T', ' ').slice(0, 16)} UTC on ${results.machine.summary}; ${source}.`,
    `Load average ${results.machine.loadAverageAtStart.join(' ')} before, ${results.machine.loadAverageAtEnd?.join(' ')} after; ${results.elapsedS} s in all.`,
    '',
  ]
  if (results.format === 'trail-bench-scale') {
    for (const backend of results.backends) {
      lines.push(
        `**${BACKEND_NAMES[backend.kind]}**, \`GET /status-updates?limit=50\` at ${backend.connections} connections, p99 ms, median (min–max) of ${o.repeat} runs of ${o.durationS} s:`,
        '',
        '| rows per table | seeding s | trail start ms | trail first page | reference first page | trail deep page | reference deep page |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      )
      for (const step of backend.steps) {
        lines.push(
          `| ${num(step.rows)} | ${num(step.seedSeconds, 1)} | ${num(step.startMs.trail)} | ${cell(step.first.trail.p99, 2)} | ${cell(step.first.reference?.p99, 2)} | ${cell(step.deep.trail.p99, 2)} | ${cell(step.deep.reference?.p99, 2)} |`,
        )
      }
      if (backend.growth) {
        lines.push(
          '',
          `trail p99 at ${num(backend.growth.toRows)} rows over p99 at ${num(backend.growth.fromRows)} (target ≤ ${TARGETS.scaleP99GrowthMax}): first page ${num(backend.growth.first, 2)}, deep page ${num(backend.growth.deep, 2)}.`,
        )
      }
      lines.push('')
    }
    return `${lines.join('\n')}\n`
  }
  for (const backend of results.backends) {
    const ref = backend.routes.some((r) => r.reference)
    lines.push(
      `**${BACKEND_NAMES[backend.kind]}**, ${num(backend.rows)} rows per table; median (min–max) of ${o.repeat} runs of ${o.durationS} s${ref ? '; ratio = trail / reference (targets: req/s ≥ 0.8, p99 ≤ 1.5)' : ''}:`,
      '',
      ref
        ? '| route | conn | trail req/s | reference req/s | ratio | trail p99 ms | reference p99 ms | ratio | non-2xx |'
        : '| route | conn | trail req/s | trail p99 ms | non-2xx |',
      ref
        ? '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
        : '| --- | ---: | ---: | ---: | ---: |',
    )
    for (const r of backend.routes) {
      const notOk = r.trail.notOk + (r.reference?.notOk ?? 0)
      lines.push(
        ref
          ? `| \`${r.route}\` | ${r.connections} | ${cell(r.trail.rps)} | ${cell(r.reference?.rps)} | ${num(r.ratio?.rps, 2)} ${mark(r.meets?.rps)} | ${cell(r.trail.p99, 2)} | ${cell(r.reference?.p99, 2)} | ${num(r.ratio?.p99, 2)} ${mark(r.meets?.p99)} | ${notOk} |`
          : `| \`${r.route}\` | ${r.connections} | ${cell(r.trail.rps)} | ${cell(r.trail.p99, 2)} | ${notOk} |`,
      )
    }
    const s = backend.startup
    const m = backend.memory
    const othersStart = Object.keys(s)
      .filter((role) => !['trail', 'reference', 'runsMs'].includes(role))
      .map((role) => `, ${roleName(role)} ${cell(s[role])} ms`)
      .join('')
    lines.push(
      '',
      `Start-to-healthy: trail ${cell(s.trail)} ms${s.reference ? `, reference ${cell(s.reference)} ms` : ''}${othersStart}. ` +
        `Peak RSS under load: trail ${num(m.trail?.peakRssMiB)} MiB${m.reference ? `, reference ${num(m.reference.peakRssMiB)} MiB` : ''}.`,
      '',
    )
    const comparison = comparisonRows(backend)
    if (comparison) {
      lines.push(
        'trail beside the minimal server (Fastify + better-sqlite3 by hand, integer keys, task + audit row) and the peers, req/s medians:',
        '',
        ...markdownTable(comparison),
        '',
      )
    }
    const sizes = sizeRows(backend)
    if (sizes) lines.push('Answer sizes (pre-flight request):', '', ...markdownTable(sizes), '')
  }
  return `${lines.join('\n')}\n`
}
