// Change feed wake-ups (src/persistence/append-signal.ts): the signals of one turn wake each listener once, a
// signal after a quiet spell wakes them in the next turn, and under a steady stream of signals the listeners
// are woken at most once every WAKE_INTERVAL_MS, every signal of the meantime answered by that one wake.
//
// The tests run on a mock clock (clock-mock): Node's timers count from the time the event loop cached at the
// start of its turn, so a real timer may fire a few milliseconds early by performance.now() on a busy machine,
// and a real quiet spell may not be quiet enough. On the mock clock, timers and immediates run only when the
// test advances it, and performance.now() is the clock's own time.

import { Clock } from 'clock-mock'
import t, { type Test } from 'tap'
import { createAppendSignal, WAKE_INTERVAL_MS } from '../../src/persistence/append-signal.js'

/** A signal with one listener that counts its wakes, on a mock clock entered for this test only. */
function watched(t: Test) {
  const clock = new Clock()
  t.teardown(clock.enter())
  const signal = createAppendSignal()
  let wakes = 0
  signal.subscribe(() => {
    wakes += 1
  })
  return {
    signal,
    clock,
    wakes: () => wakes,
    /** The next turn of the event loop: immediates run; no timer of a millisecond or more is due yet. */
    nextTurn: () => clock.advance(0.001),
  }
}

t.test('the signals of one turn wake each listener once, in the next turn', async (t) => {
  const { signal, wakes, nextTurn } = watched(t)
  signal.notify()
  signal.notify()
  signal.notify()
  t.equal(wakes(), 0, 'not while the turn runs')
  nextTurn()
  t.equal(wakes(), 1)
})

t.test('signals soon after a wake are answered by one wake, WAKE_INTERVAL_MS after it', async (t) => {
  const { signal, clock, wakes, nextTurn } = watched(t)
  signal.notify()
  nextTurn()
  signal.notify()
  nextTurn()
  signal.notify()
  t.equal(wakes(), 1, 'no second wake in the next turn')
  clock.advance(WAKE_INTERVAL_MS - 1)
  t.equal(wakes(), 1, 'nor a millisecond before the interval ends')
  clock.advance(1)
  t.equal(wakes(), 2, 'one wake for both signals when it ends')
  clock.advance(WAKE_INTERVAL_MS)
  t.equal(wakes(), 2, 'and nothing left to answer')
})

t.test('a signal after a quiet spell wakes at once', async (t) => {
  const { signal, clock, wakes, nextTurn } = watched(t)
  signal.notify()
  nextTurn()
  clock.advance(WAKE_INTERVAL_MS)
  signal.notify()
  nextTurn()
  t.equal(wakes(), 2, 'woken in the next turn')
})
