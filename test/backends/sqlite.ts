import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import { openSqliteBackend, type SqliteDatabase } from '../../src/persistence/sqlite/index.js'
import { AUDIT_REFUSED, type BackendHooks, SQL_TABLES, type TestBackend } from './types.js'

/**
 * A fresh database file (not :memory:, so WAL and the file-level pragmas are what runs) per open, in a
 * folder of its own: a test may open several, and t.testdir() is one folder per test that it would empty.
 */
async function openFresh(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'trail-test-'))
  const opened = await openSqliteBackend({ path: join(dir, 'trail.db'), synchronous: 'NORMAL' })
  t.teardown(async () => {
    await opened.repos.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return opened
}

function hooksOn(sqlite: SqliteDatabase): BackendHooks {
  return {
    async refuseAuditWrites({ action } = {}) {
      const when = action === undefined ? '' : `WHEN NEW.action = '${action}'`
      sqlite.exec(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries ${when}
        BEGIN SELECT RAISE(ABORT, '${AUDIT_REFUSED}'); END`)
    },
    async allowAuditWrites() {
      sqlite.exec('DROP TRIGGER IF EXISTS refuse_audit')
    },
    // Not a fault of the database: it propagates as itself (and becomes a 500), not as a 503.
    auditRefusal: { code: 'SQLITE_CONSTRAINT_TRIGGER', message: new RegExp(AUDIT_REFUSED) },
    async pruneAuditEntries(throughSeq) {
      sqlite.prepare('DELETE FROM audit_entries WHERE seq <= ?').run(throughSeq)
    },
    async rawRows() {
      return Object.fromEntries(
        Object.entries(SQL_TABLES).map(([table, order]) => [
          table,
          sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all(),
        ]),
      )
    },
  }
}

export const sqlite: TestBackend = {
  name: 'sqlite',
  open: async (t) => (await openFresh(t)).repos,
  async openWithHooks(t) {
    const { repos, sqlite } = await openFresh(t)
    return { repos, hooks: hooksOn(sqlite) }
  },
}
