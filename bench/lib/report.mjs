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
/** A ratio, with ✓ or ✗ after it where a target applies. */
const judgedRatio = (value, ok) => (ok === undefined ? num(value, 2) : `${num(value, 2)} ${mark(ok)}`)

/**
 * The targets every figure is judged by: issue 16's, which raised the first benchmark issue's (req/s ≥ 0.8 and
 * p99 ≤ 1.5 × the reference everywhere, start-up under 1 s) for SQLite and added the minimal server and the peers.
 */
export const TARGETS = {
  /** trail ÷ the same-work reference, on every route. */
  reference: {
    sqlite: { rpsRatioMin: 0.9, p99RatioMax: 1.3 },
    postgres: { rpsRatioMin: 0.8, p99RatioMax: 1.5 },
  },
  /** trail ÷ the minimal server: reads by id and the writes (its other routes have none). */
  minimalRpsRatioMin: { 'get-task': 0.8, 'post-task': 0.6, 'patch-task': 0.6, 'post-status-update': 0.6 },
  /** trail ÷ a peer (Platformatic DB), on every route the peer serves. */
  peerRpsRatioMin: 1.5,
  scaleP99GrowthMax: 1.5,
  rssMiBMax: 200,
  startMsMax: { memory: 1000, sqlite: 500, postgres: 1000 },
}

/**
 * Whether a route's figures meet their targets: against the reference (`rps`, `p99`) and against each other
 * server it ran beside (by role); undefined where no target applies. Judged when the results are shown, so
 * results rendered again (`--render`) are judged by the targets of the day.
 */
function meets(kind, route) {
  const judged = {}
  // Only SQLite and PostgreSQL have a reference, and both have targets against it.
  if (route.ratio) {
    const { rpsRatioMin, p99RatioMax } = TARGETS.reference[kind]
    judged.rps = route.ratio.rps >= rpsRatioMin
    judged.p99 = route.ratio.p99 <= p99RatioMax
  }
  for (const [role, ratio] of Object.entries(route.ratios ?? {})) {
    const least = role === 'minimal' ? TARGETS.minimalRpsRatioMin[route.key] : TARGETS.peerRpsRatioMin
    if (least !== undefined) judged[role] = ratio.rps >= least
  }
  return judged
}

const referenceTargets = (kind) => {
  const { rpsRatioMin, p99RatioMax } = TARGETS.reference[kind]
  return `targets: req/s ≥ ${rpsRatioMin}, p99 ≤ ${p99RatioMax}`
}
const comparisonTargets =
  `targets: ÷ minimal ≥ ${TARGETS.minimalRpsRatioMin['get-task']} by id and ≥ ${TARGETS.minimalRpsRatioMin['post-task']} on writes,` +
  ` ÷ a peer ≥ ${TARGETS.peerRpsRatioMin}`

/** trail's start-to-healthy and peak RSS against their targets. */
const startupMeets = (backend) => backend.startup.trail.median < TARGETS.startMsMax[backend.kind]
const rssMeets = (backend) => backend.memory.trail?.peakRssMiB < TARGETS.rssMiBMax

export const BACKEND_NAMES = { memory: 'memory', sqlite: 'SQLite', postgres: 'PostgreSQL' }

/** The table of one backend's results, as lines. */
export function backendTable(backend) {
  const lines = []
  const ref = backend.routes.some((r) => r.reference)
  lines.push(
    `${BACKEND_NAMES[backend.kind]}: ${num(backend.rows)} rows per table; median (min–max) of ${backend.repeat} runs of ${backend.durationS} s` +
      (ref
        ? `; ratio = trail / reference (${referenceTargets(backend.kind)})`
        : ' (no reference for this backend)'),
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
    const judged = meets(backend.kind, r)
    lines.push(
      [
        pad(r.route, 44),
        padStart(r.connections, 4),
        padStart(figure(r.trail.rps, 0), 24),
        ...(ref
          ? [padStart(figure(r.reference?.rps, 0), 24), padStart(judgedRatio(r.ratio?.rps, judged.rps), 7)]
          : []),
        padStart(figure(r.trail.p99, 2), 22),
        ...(ref
          ? [padStart(figure(r.reference?.p99, 2), 22), padStart(judgedRatio(r.ratio?.p99, judged.p99), 7)]
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
    `start-to-healthy: trail ${figure(s.trail, 0)} ms ${mark(startupMeets(backend))}` +
      (s.reference ? `, reference ${figure(s.reference, 0)} ms` : '') +
      othersStart +
      `;  peak RSS under load: trail ${num(m.trail?.peakRssMiB, 0)} MiB ${mark(rssMeets(backend))}` +
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
  const rows = backend.routes.map((r) => {
    const judged = meets(backend.kind, r)
    return [
      r.route,
      String(r.connections),
      num(r.trail.rps.median),
      num(r.reference?.rps.median),
      judgedRatio(r.ratio?.rps, judged.rps),
      ...others.flatMap((role) => [
        num(r[role]?.rps.median),
        judgedRatio(r.ratios?.[role]?.rps, judged[role]),
      ]),
    ]
  })
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
  if (comparison)
    lines.push('', `trail beside the others (req/s, medians; ${comparisonTargets})`, ...textTable(comparison))
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
 * A horizontal bar chart of the trail/reference ratios: throughput on the left (higher is better), p99 latency on
 * the right (lower is better), one row per backend, route and connection count; each backend's rows with its
 * own targets.
 */
export function ratiosSvg(results) {
  const rows = []
  for (const backend of results.backends) {
    for (const r of backend.routes) {
      if (r.ratio) rows.push({ kind: backend.kind, judged: meets(backend.kind, r), ...r })
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
    { x: labelWidth, key: 'rps', max: maxRps, target: (kind) => TARGETS.reference[kind].rpsRatioMin },
    {
      x: labelWidth + panelWidth + gap,
      key: 'p99',
      max: maxP99,
      target: (kind) => TARGETS.reference[kind].p99RatioMax,
    },
  ]
  const xOf = (p, value) => p.x + (value / p.max) * (panelWidth - 40)
  const kinds = [...new Set(rows.map((r) => r.kind))]
  const targetsText = (p) => kinds.map((kind) => `${p.target(kind)} ${BACKEND_NAMES[kind]}`).join(', ')
  const out = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">trail / raw reference, per route (median of ${results.options.repeat} runs of ${results.options.durationS} s)</text>`,
    `<text x="10" y="38" fill="#555">${xml(results.machine.summary)} · ${xml(results.date.slice(0, 10))}</text>`,
    `<text x="${panels[0].x}" y="${top - 12}" font-weight="bold">throughput ratio (target ≥ ${targetsText(panels[0])})</text>`,
    `<text x="${panels[1].x}" y="${top - 12}" font-weight="bold">p99 latency ratio (target ≤ ${targetsText(panels[1])})</text>`,
  )
  rows.forEach((r, i) => {
    const y = top + i * rowHeight
    if (i % 2 === 0) out.push(`<rect x="0" y="${y}" width="${width}" height="${rowHeight}" fill="#f6f7f9"/>`)
    if (r.kind !== rows[i - 1]?.kind)
      out.push(`<line x1="0" x2="${width}" y1="${y}" y2="${y}" stroke="#999"/>`)
    out.push(
      `<text x="10" y="${y + 13}">${xml(`${BACKEND_NAMES[r.kind]} · ${r.route} · c${r.connections}`)}</text>`,
    )
    for (const p of panels) {
      const value = r.ratio[p.key]
      if (!Number.isFinite(value)) continue
      const w = Math.max(1, xOf(p, value) - p.x)
      const fill = r.judged[p.key] ? '#3a8d5c' : '#c8453b'
      out.push(
        `<rect x="${p.x}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${fill}"/>`,
        `<text x="${(p.x + w + 4).toFixed(1)}" y="${y + 13}">${value.toFixed(2)}</text>`,
      )
    }
  })
  const bottom = top + rows.length * rowHeight
  for (const p of panels) {
    const one = xOf(p, 1)
    out.push(
      `<line x1="${p.x}" x2="${p.x}" y1="${top}" y2="${bottom}" stroke="#333"/>`,
      `<line x1="${one.toFixed(1)}" x2="${one.toFixed(1)}" y1="${top}" y2="${bottom}" stroke="#888" stroke-dasharray="2,3"/>`,
      `<text x="${one.toFixed(1)}" y="${bottom + 14}" text-anchor="middle" fill="#888">1.0</text>`,
    )
    // Each backend's target, over its own rows.
    for (const kind of kinds) {
      const first = rows.findIndex((r) => r.kind === kind)
      const count = rows.filter((r) => r.kind === kind).length
      const tx = xOf(p, p.target(kind)).toFixed(1)
      out.push(
        `<line x1="${tx}" x2="${tx}" y1="${top + first * rowHeight}" y2="${top + (first + count) * rowHeight}" stroke="#d08a00" stroke-width="2" stroke-dasharray="5,3"/>`,
      )
    }
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
      `**${BACKEND_NAMES[backend.kind]}**, ${num(backend.rows)} rows per table; median (min–max) of ${o.repeat} runs of ${o.durationS} s${ref ? `; ratio = trail / reference (${referenceTargets(backend.kind)})` : ''}:`,
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
      const judged = meets(backend.kind, r)
      lines.push(
        ref
          ? `| \`${r.route}\` | ${r.connections} | ${cell(r.trail.rps)} | ${cell(r.reference?.rps)} | ${judgedRatio(r.ratio?.rps, judged.rps)} | ${cell(r.trail.p99, 2)} | ${cell(r.reference?.p99, 2)} | ${judgedRatio(r.ratio?.p99, judged.p99)} | ${notOk} |`
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
        `trail beside the minimal server (Fastify + better-sqlite3 by hand, integer keys, task + audit row) and the peers, req/s medians (${comparisonTargets}):`,
        '',
        ...markdownTable(comparison),
        '',
      )
    }
    const sizes = sizeRows(backend)
    if (sizes) lines.push('Answer sizes (pre-flight request):', '', ...markdownTable(sizes), '')
  }
  // The rest of what issue 16 asks these results to show is measured by other benches, not by this run.
  lines.push(
    "Read with the README's [performance section](../../README.md#performance): the profiles' top frames " +
      'before and after each change, the dump table at 1,000,000 rows, and the measured cause of each target ' +
      'not met. The change feed with open streams and webhooks attached: [`feed.md`](feed.md).',
  )
  return `${lines.join('\n')}\n`
}
