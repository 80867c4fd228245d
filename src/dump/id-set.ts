/**
 * A set of UUIDs in 16 bytes each (open addressing over a Uint32Array), so validating a dump of a
 * million rows for duplicate ids and dangling references keeps memory flat: a Set<string> would take
 * about six times as much.
 */
export class UuidSet {
  private slots = new Uint32Array(4 * 1024)
  private used = new Uint8Array(1024)
  private count = 0

  get size() {
    return this.count
  }

  has(uuid: string): boolean {
    return this.used[this.find(toWords(uuid))] === 1
  }

  /** Adds the id; false when it was already there. */
  add(uuid: string): boolean {
    if ((this.count + 1) * 2 > this.used.length) this.grow()
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

function toWords(uuid: string): Uint32Array {
  const hex = uuid.replaceAll('-', '').toLowerCase()
  const words = new Uint32Array(4)
  // The low bits of UUIDv7's random tail spread best, so they come first (they seed the slot).
  words[0] = Number.parseInt(hex.slice(24, 32), 16)
  words[1] = Number.parseInt(hex.slice(0, 8), 16)
  words[2] = Number.parseInt(hex.slice(8, 16), 16)
  words[3] = Number.parseInt(hex.slice(16, 24), 16)
  return words
}
