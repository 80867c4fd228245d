// Change feed wake-ups (src/persistence/append-signal.ts): the signals of one turn wake each listener once, a
// signal after a quiet spell wakes them in the next turn, and under a steady stream of signals the listeners
// are woken at most once every WAKE_INTERVAL_MS, every signal of the meantime answered by that one wake.
import t from 'tap'
import { createAppendSignal, WAKE_INTERVAL_MS } from '../../src/persistence/append-signal.js'

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A signal with one listener that records when it was woken. */
function watched() {
  const signal = createAppendSignal()
  const wakes: number[] = []
  let woken: () => void = () => {}
  signal.subscribe(() => {
    wakes.push(performance.now())
    woken()
  })
  const nextWake = () =>
    new Promise<void>((resolve) => {
      woken = resolve
    })
  return { signal, wakes, nextWake }
}

t.test('the signals of one turn wake each listener once, in the next turn', async (t) => {
  const { signal, wakes } = watched()
  signal.notify()
  signal.notify()
  signal.notify()
  t.equal(wakes.length, 0, 'not while the turn runs')
  await nextTurn()
  t.equal(wakes.length, 1)
})

t.test('signals soon after a wake are answered by one wake, WAKE_INTERVAL_MS after it', async (t) => {
  const { signal, wakes, nextWake } = watched()
  signal.notify()
  await nextTurn()
  const second = nextWake()
  signal.notify()
  await nextTurn()
  signal.notify()
  t.equal(wakes.length, 1, 'no second wake in the next turn')
  await second
  t.equal(wakes.length, 2, 'one wake for both signals')
  // Timers count whole milliseconds, so one may fire up to a millisecond early by performance.now().
  t.ok((wakes[1] as number) - (wakes[0] as number) >= WAKE_INTERVAL_MS - 1, 'not before the interval')
  await nextTurn()
  t.equal(wakes.length, 2, 'and nothing left to answer')
})

t.test('a signal after a quiet spell wakes at once', async (t) => {
  const { signal, wakes } = watched()
  signal.notify()
  await nextTurn()
  // A quiet spell: longer than the interval.
  await new Promise((resolve) => setTimeout(resolve, WAKE_INTERVAL_MS + 1))
  signal.notify()
  await nextTurn()
  t.equal(wakes.length, 2, 'woken in the next turn')
})
