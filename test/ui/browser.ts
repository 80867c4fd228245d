// A real browser for the web-interface tests: Debian's Chromium (package `chromium`) driven by
// playwright-core, with a fresh profile per test and no network but this machine's. Where Chromium is not
// installed the browser tests are skipped with a message that names the package; everything else runs.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import type { Test } from 'tap'

const ROOT = join(import.meta.dirname, '..', '..')
export const SCREENSHOTS = join(ROOT, 'test', 'ui', 'screenshots')

/** Where Chromium is, or undefined: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
)

export const NO_CHROMIUM =
  "Chromium is not installed: the browser tests need Debian's package `chromium` (apt-get install -y chromium)"

// Without the networking flags Chromium tries to reach Google's services at every start, and a closed
// network refuses each connection.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The UI must be built (`npm run build` does it; `npm test` runs that first). */
export function ensureUiBuilt() {
  if (existsSync(join(ROOT, 'dist', 'ui', 'index.html'))) return
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ui.mjs'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (build.status !== 0) throw new Error('node scripts/ui.mjs build failed')
}

/** A browser on a fresh --user-data-dir, closed and removed when `t` ends. Each page is its own tab. */
export async function openBrowser(t: Test): Promise<BrowserContext> {
  if (!chromiumPath) throw new Error(NO_CHROMIUM)
  const profile = mkdtempSync(join(tmpdir(), 'trail-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  })
  t.teardown(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  // Anything the page logs as an error (a CSP refusal, an uncaught exception) fails the test that made it.
  context.on('weberror', (error) => t.fail(`page error: ${error.error().message}`))
  return context
}

/** Every console error a page prints, so a test can assert there were none (CSP refusals show up there). */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return errors
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function checkAccessibility(t: Test, page: Page, view: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  t.same(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
    `${view}: axe-core finds no serious or critical violation`,
  )
}

export const cleanUp = (dir: string) => rmSync(dir, { recursive: true, force: true })
