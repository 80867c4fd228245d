// Every backend the shared suites run on. TEST_BACKENDS=sqlite,postgres narrows a run (CI's matrix runs
// one backend per job); without it every backend runs.
import { memory } from './memory.js'
import { postgres } from './postgres.js'
import { sqlite } from './sqlite.js'
import type { TestBackend } from './types.js'

export type { TestBackend }

const all: TestBackend[] = [memory, sqlite, postgres]
const wanted = process.env.TEST_BACKENDS?.split(',').filter(Boolean)
export const backends: TestBackend[] = wanted ? all.filter((backend) => wanted.includes(backend.name)) : all
