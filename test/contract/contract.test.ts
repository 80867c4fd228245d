// The repository contract: every backend runs exactly these behaviours, one file per domain in this folder.
// TEST_BACKENDS=memory,sqlite narrows the run (test/backends/index.ts); PostgreSQL runs on PGlite unless
// TEST_DATABASE_URL names a real server.
import { backends } from '../backends/index.js'
import { atomicityContract } from './atomicity.js'
import { auditContract } from './audit.js'
import { bugsContract } from './bugs.js'
import { designNoteLifecycleContract } from './design-note-lifecycle.js'
import { designNotesContract } from './design-notes.js'
import { healthContract } from './health.js'
import { searchContract } from './search.js'
import { statusUpdatesContract } from './status-updates.js'
import { tasksContract } from './tasks.js'
import { tokensContract } from './tokens.js'

for (const backend of backends) {
  tasksContract(backend)
  bugsContract(backend)
  statusUpdatesContract(backend)
  designNotesContract(backend)
  designNoteLifecycleContract(backend)
  searchContract(backend)
  auditContract(backend)
  healthContract(backend)
  tokensContract(backend)
  atomicityContract(backend)
}
