// `trail export`: streams the database into a dump, batch by batch, from one consistent snapshot.
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { DUMP_TABLES, type DumpRepository, type DumpTable } from '../persistence/contract.js'
import {
  type Counts,
  carries,
  emptyCounts,
  FORMAT,
  FORMAT_VERSION,
  type Header,
  rowLine,
  type SecretOptions,
} from './format.js'
import type { Progress } from './progress.js'

export interface DumpSummary {
  counts: Counts
  bytes: number
  seconds: number
}

const FLUSH_BYTES = 64 * 1024

export async function writeDump(
  dump: DumpRepository,
  schemaVersion: number,
  out: Writable,
  progress: Progress,
  options: SecretOptions = {},
): Promise<DumpSummary> {
  // API tokens leave the database only when asked (--include-tokens), and then only as hashes; webhooks only
  // with --include-secrets, since their secrets sign as trail.
  const included = (table: DumpTable) => carries(table, options)
  const started = performance.now()
  let bytes = 0
  let pending = ''
  const write = async (text: string, force = false) => {
    pending += text
    if (pending.length < FLUSH_BYTES && !force) return
    bytes += Buffer.byteLength(pending)
    // Respect back-pressure: a slow disk or pipe must not make the dump pile up in memory.
    if (!out.write(pending)) await once(out, 'drain')
    pending = ''
  }

  const counts = await dump.snapshot(async (snapshot) => {
    const expected = await snapshot.counts()
    for (const table of DUMP_TABLES) if (!included(table)) expected[table] = 0
    const header: Header = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      schemaVersion,
      exportedAt: new Date().toISOString(),
      counts: expected,
    }
    await write(`${JSON.stringify(header)}\n`)
    const total = Object.values(expected).reduce((a, b) => a + b, 0)
    progress.start('exporting', total)
    const hash = createHash('sha256')
    const written = emptyCounts()
    let sinceTick = 0
    for await (const row of snapshot.rows()) {
      if (!included(row.table)) continue
      const line = `${rowLine(row)}\n`
      hash.update(line)
      written[row.table]++
      await write(line)
      if (++sinceTick === 1000) {
        progress.advance(sinceTick)
        sinceTick = 0
      }
    }
    progress.advance(sinceTick)
    progress.stop()
    await write(`${JSON.stringify({ end: true, counts: written, sha256: hash.digest('hex') })}\n`, true)
    return written
  })
  return { counts, bytes, seconds: (performance.now() - started) / 1000 }
}
