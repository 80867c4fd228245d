// Map-backed repositories: nothing survives a restart. For tests and demos. Writes go through the one write
// path (../writes.ts); apply.ts applies their plans all or nothing.
import { type Clock, systemClock, writeTime } from '../../domains/audit/entries.js'
import { createAppendSignal } from '../append-signal.js'
import type { Repos } from '../contract.js'
import { SCHEMA_VERSION } from '../schema-version.js'
import { entityRepositories } from '../writes.js'
import { type AuditLog, arrayAuditLog, auditTail, createMemoryTransact } from './apply.js'
import { createMemoryChain } from './chain.js'
import { createMemoryDump } from './dump.js'
import { createMemoryFeed } from './feed.js'
import { createMemoryLists } from './lists.js'
import { emptyTables } from './reads.js'
import { createMemorySearch } from './search.js'
import { createMemoryTokens, type MemoryTokens } from './tokens.js'
import { createMemoryWebhooks, emptyWebhooks } from './webhooks.js'

export interface MemoryReposOptions {
  /** Where audit entries go (a test may make appending fail); an array by default. */
  auditLog?: AuditLog
  /** Epoch milliseconds now; Date.now by default. */
  clock?: Clock
}

export function createMemoryRepos(options: MemoryReposOptions = {}): Repos {
  const auditLog = options.auditLog ?? arrayAuditLog()
  const clock = options.clock ?? systemClock
  const tables = emptyTables()
  const tokens: MemoryTokens = new Map()
  const webhooks = emptyWebhooks()
  const now = () => writeTime(clock, auditTail(auditLog))
  const search = createMemorySearch(tables)
  const appended = createAppendSignal()

  return {
    kind: 'memory',
    ...entityRepositories(
      createMemoryTransact(tables, auditLog, clock),
      createMemoryLists(tables, auditLog, search),
      createMemoryChain(auditLog),
      appended.notify,
    ),
    search: { search: search.search },
    feed: createMemoryFeed(auditLog, appended),
    dump: createMemoryDump(tables, auditLog, tokens, webhooks),
    tokens: createMemoryTokens(tokens, now),
    webhooks: createMemoryWebhooks(webhooks, auditLog, now),
    async health() {
      return { schemaVersion: SCHEMA_VERSION }
    },
    async close() {},
  }
}
