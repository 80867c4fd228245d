// The memory backend: map-backed repositories, nothing survives a restart. For tests and demos.
export { type AuditLog, arrayAuditLog } from './apply.js'
export { createMemoryRepos, type MemoryReposOptions } from './repositories.js'
