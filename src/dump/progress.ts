// Progress of long dump work: a bar with rows/s and percentage on a terminal (cli-progress), and nothing
// but the final summary line otherwise, so logs and pipes stay readable.
import cliProgress from 'cli-progress'

export interface Progress {
  start(label: string, total: number): void
  advance(rows: number): void
  stop(): void
}

export function progressOn(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { start() {}, advance() {}, stop() {} }
  let bar: cliProgress.SingleBar | undefined
  let done = 0
  let started = 0
  return {
    start(label, total) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label.padEnd(10)} [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s | {eta_formatted}`,
          etaBuffer: 1000,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      )
      done = 0
      started = Date.now()
      bar.start(Math.max(total, 1), 0, { speed: 0 })
    },
    advance(rows) {
      done += rows
      const seconds = (Date.now() - started) / 1000
      bar?.update(done, { speed: seconds > 0 ? Math.round(done / seconds) : 0 })
    },
    stop() {
      bar?.stop()
      bar = undefined
    },
  }
}
