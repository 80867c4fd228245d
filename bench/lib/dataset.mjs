// The seeded data set as pure functions of a row's index, so that trail's database and the reference's get
// the same rows, a scale run can add rows to an existing database, and the bench knows ids without reading
// them back. Row i of each table is created at `base + i` ms (one row per millisecond keeps created_at and
// the UUIDv7-shaped id in the same order), older than anything the bench writes later.

/** A 32-bit integer hash (the finaliser of MurmurHash3): deterministic "random" bits per row. */
function mix(x) {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const hex8 = (v) => HEX[(v >>> 24) & 255] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255]
const hex4 = (v) => HEX[(v >>> 8) & 255] + HEX[v & 255]

/** A UUIDv7-shaped id for `ms`, its random bits drawn from (salt, index). */
export function uuidv7At(ms, salt, index) {
  const r1 = mix(index * 0x9e3779b1 + salt)
  const r2 = mix(r1 ^ (index + 0x632be5ab))
  const r3 = mix(r2 ^ salt)
  const high = Math.floor(ms / 0x10000)
  return `${hex8(high)}-${hex4(ms % 0x10000)}-${hex4(0x7000 | (r1 & 0xfff))}-${hex4(0x8000 | ((r1 >>> 12) & 0x3fff))}-${hex8(r2)}${hex4(r3)}`
}

const SALT = { task: 0x7a5c, statusUpdate: 0x5a7e, audit: 0xa0d1 }
const PRIORITIES = ['low', 'medium', 'high', 'critical']
const ACTORS = ['ada', 'bob', 'cyd', 'dee']

/**
 * The data set for at most `maxRows` rows per table. The first tenth of the tasks own the audit entries, ten
 * each when the table is full, so `GET /audit-entries?entityId=` of one of them answers a page of ten.
 */
export function dataset(maxRows, base = Date.now() - 3_600_000 - maxRows) {
  const at = (i) => base + i
  const iso = (i) => new Date(at(i)).toISOString()
  const taskId = (i) => uuidv7At(at(i), SALT.task, i)
  const statusUpdateId = (i) => uuidv7At(at(i), SALT.statusUpdate, i)
  const auditId = (k) => uuidv7At(at(k), SALT.audit, k)

  /** Tasks that own the audit entries: entry k belongs to task k mod hot, so each gets ten in a full table. */
  const hot = Math.max(1, Math.floor(maxRows / 10))

  const task = (i) => ({
    id: taskId(i),
    title: `Seeded task ${i}: keep the engineering record straight`,
    status: 'todo',
    priority: PRIORITIES[i % 4],
    assignees: JSON.stringify([ACTORS[i % 4]]),
    rationaleLog: '[]',
    version: 1,
    createdAt: at(i),
    updatedAt: at(i),
  })

  const statusUpdate = (i) => ({
    id: statusUpdateId(i),
    actor: ACTORS[i % 4],
    taskId: taskId(i),
    message: `Seeded status update ${i}: the reader streams, the writer is next, nothing is blocked`,
    createdAt: at(i),
  })

  const auditEntry = (k) => {
    const owner = k % hot
    const t = task(owner)
    const create = k < hot
    const diff = create
      ? {
          id: [null, t.id],
          title: [null, t.title],
          status: [null, t.status],
          priority: [null, t.priority],
          assignees: [null, JSON.parse(t.assignees)],
          rationaleLog: [null, []],
          version: [null, 1],
          createdAt: [null, iso(owner)],
          updatedAt: [null, iso(owner)],
        }
      : { status: ['todo', 'in_progress'], version: [1, 2], updatedAt: [iso(owner), iso(k)] }
    return {
      id: auditId(k),
      seq: k + 1,
      actor: ACTORS[k % 4],
      entity: 'task',
      entityId: t.id,
      action: create ? 'create' : 'update',
      at: at(k),
      diff: JSON.stringify(diff),
    }
  }

  return { maxRows, base, at, iso, taskId, statusUpdateId, hot, task, statusUpdate, auditEntry }
}

/** The opaque list cursor trail and the reference both use: base64url JSON of the last row's position. */
export const createdCursor = (createdAt, id) =>
  Buffer.from(JSON.stringify({ createdAt, id })).toString('base64url')
