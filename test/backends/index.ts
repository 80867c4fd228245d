// Every backend the shared suites run on. Each backend adds itself here with one line.
import { memory } from './memory.js'
import { postgres } from './postgres.js'
import { sqlite } from './sqlite.js'
import type { TestBackend } from './types.js'

export type { TestBackend }
export const backends: TestBackend[] = [memory, sqlite, postgres]
