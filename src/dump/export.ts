// `trail export`: streams the database into a dump, batch by batch, from one consistent snapshot.
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { DumpRepository, DumpTable } from '../persistence/contract.js'
import { type Counts, emptyCounts, FORMAT, FORMAT_VERSION, type Header, rowLine } from './format.js'
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
  options: { includeTokens?: boolean } = {},
): Promise<DumpSummary> {
  // API tokens leave the database only when asked (--include-tokens), and then only as hashes.
  const included = (table: DumpTable) => table !== 'api_tokens' || options.includeTokens === true
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
    if (!included('api_tokens')) expected.api_tokens = 0
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
