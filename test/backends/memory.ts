import { createMemoryRepos } from '../../src/persistence/memory/index.js'
import type { TestBackend } from './types.js'

export const memory: TestBackend = { name: 'memory', open: async () => createMemoryRepos() }
