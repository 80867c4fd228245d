/**
 * A set of UUIDs in 16 bytes each (open addressing over a Uint32Array), so validating a dump of a
 * million rows for duplicate ids and dangling references keeps memory flat: a Set<string> would take
 * about six times as much. It is exact: every id is kept whole.
 */
export class UuidSet {
  private slots: Uint32Array
  private used: Uint8Array
  private count = 0

  /**
   * `expected` sizes the table for that many ids at once (a dump's header says how many rows each table
   * has), so it need not grow: growing doubles the table and holds the old one beside it while it copies.
   * More ids than expected still fit; the set grows as it would without the hint.
   */
  constructor(expected = 0) {
    let capacity = MIN_CAPACITY
    while (expected > capacity * MAX_LOAD) capacity *= 2
    this.slots = new Uint32Array(capacity * 4)
    this.used = new Uint8Array(capacity)
  }

  get size() {
    return this.count
  }

  has(uuid: string): boolean {
    return this.used[this.find(toWords(uuid))] === 1
  }

  /** Adds the id; false when it was already there. */
  add(uuid: string): boolean {
    if (this.count + 1 > this.used.length * MAX_LOAD) this.grow()
    const words = toWords(uuid)
    const slot = this.find(words)
    if (this.used[slot] === 1) return false
    this.used[slot] = 1
    this.slots.set(words, slot * 4)
    this.count++
    return true
  }

  /** The slot holding `words`, or the empty slot where they would go. */
  private find(words: Uint32Array): number {
    const capacity = this.used.length
    let slot = ((words[0] as number) ^ (words[3] as number)) & (capacity - 1)
    while (this.used[slot] === 1) {
      const at = slot * 4
      if (
        this.slots[at] === words[0] &&
        this.slots[at + 1] === words[1] &&
        this.slots[at + 2] === words[2] &&
        this.slots[at + 3] === words[3]
      ) {
        return slot
      }
      slot = (slot + 1) & (capacity - 1)
    }
    return slot
  }

  private grow() {
    const oldSlots = this.slots
    const oldUsed = this.used
    this.slots = new Uint32Array(oldSlots.length * 2)
    this.used = new Uint8Array(oldUsed.length * 2)
    for (let slot = 0; slot < oldUsed.length; slot++) {
      if (oldUsed[slot] !== 1) continue
      const words = oldSlots.subarray(slot * 4, slot * 4 + 4)
      const target = this.find(words)
      this.used[target] = 1
      this.slots.set(words, target * 4)
    }
  }
}

/** A power of two (the slot is the hash's low bits). */
const MIN_CAPACITY = 1024
/**
 * Linear probing stays short up to about three quarters full (2.5 probes on average for an id not there), and
 * a table sized for a dump's counts is then 64–75% full, instead of the 25–50% a half-full limit gives.
 */
const MAX_LOAD = 0.75

/** Reused by every call: find() reads it and add() copies it into the table, so none keeps it. */
const scratch = new Uint32Array(4)

/**
 * The UUID's 128 bits as four words, read from its hex digits (either case) without building strings. The
 * low bits of UUIDv7's random tail spread best, so they come first (they seed the slot). The id was checked
 * against the uuid format before it gets here.
 */
function toWords(uuid: string): Uint32Array {
  // The format allows a `urn:uuid:` prefix: the digits are the last 36 characters either way.
  const offset = uuid.length - 36
  scratch[0] = hexWord(uuid, offset, TAIL)
  scratch[1] = hexWord(uuid, offset, FIRST)
  scratch[2] = hexWord(uuid, offset, SECOND)
  scratch[3] = hexWord(uuid, offset, THIRD)
  return scratch
}

// Where each word's eight hex digits are in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
const FIRST = [0, 1, 2, 3, 4, 5, 6, 7]
const SECOND = [9, 10, 11, 12, 14, 15, 16, 17]
const THIRD = [19, 20, 21, 22, 24, 25, 26, 27]
const TAIL = [28, 29, 30, 31, 32, 33, 34, 35]

function hexWord(uuid: string, offset: number, at: readonly number[]): number {
  let word = 0
  for (const index of at) word = (word << 4) | hexValue(uuid.charCodeAt(offset + index))
  return word >>> 0
}

/** 0–15 for 0-9, a-f and A-F. */
const hexValue = (code: number) => (code <= 57 ? code - 48 : (code | 32) - 87)
