// Where the generated migrations live, found from this file so it works from src/ (tests) and dist/src/ (npm start).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('package.json not found above the persistence module')
    dir = parent
  }
  return dir
}

export const migrationsFolder = (dialect: 'sqlite' | 'postgres') => join(packageRoot(), 'drizzle', dialect)
