// The web interface in a real browser (Debian's Chromium through playwright-core), on SQLite and
// PostgreSQL: what a person does on each view, axe-core on every view, and no console error (a CSP refusal
// would be one). Each flow saves a screenshot under test/ui/screenshots/ (git-ignored).
import type { AddressInfo } from 'node:net'
import type { BrowserContext, Page } from 'playwright-core'
import t, { type Test } from 'tap'
import { backends } from '../backends/index.js'
import { tokenFor } from '../fixtures.js'
import { build, type TestApp } from '../helper.js'
import {
  checkAccessibility,
  chromiumPath,
  consoleErrors,
  ensureUiBuilt,
  NO_CHROMIUM,
  openBrowser,
  screenshot,
} from './browser.js'

// The in-process memory backend serves the very same files; the browser runs take the two databases.
const browserBackends = backends.filter((backend) => backend.name !== 'memory')

async function serve(t: Test, backend: (typeof backends)[number]): Promise<{ app: TestApp; url: string }> {
  const app = await build(t, backend)
  await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
}

async function newPage(context: BrowserContext, url: string, hash = '#/board') {
  const page = await context.newPage()
  const errors = consoleErrors(page)
  await page.goto(`${url}/ui/${hash}`)
  return { page, errors }
}

const column = (page: Page, status: string) => page.locator(`section[data-status="${status}"]`)

if (!chromiumPath) {
  t.test('web interface in a browser', { skip: NO_CHROMIUM }, async () => {})
} else {
  ensureUiBuilt()
  for (const backend of browserBackends) {
    t.test(`${backend.name}: the web interface in open mode`, async (t) => {
      const { app, url } = await serve(t, backend)
      const context = await openBrowser(t)

      t.test('/ leads to the board; a new task typed and entered lands in its column', async (t) => {
        const page = await context.newPage()
        const errors = consoleErrors(page)
        await page.goto(`${url}/`)
        t.match(page.url(), /\/ui\/$/, '/ redirects to /ui/')
        await page.getByRole('heading', { name: 'Board', level: 1 }).waitFor()
        await page.getByLabel('New task').fill('Write the release notes')
        await page.getByLabel('New task').press('Enter')
        await column(page, 'todo').getByRole('heading', { name: 'Write the release notes' }).waitFor()
        t.equal(await page.getByLabel('New task').inputValue(), '', 'the field is cleared for the next one')
        const stored = (await app.inject({ method: 'GET', url: '/tasks' })).json().items
        t.same(
          stored.map((task: { title: string; status: string }) => [task.title, task.status]),
          [['Write the release notes', 'todo']],
        )
        await checkAccessibility(t, page, 'board')
        await screenshot(page, `${backend.name}-board-created`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('a task moved to done shows in the done column and is done on the server', async (t) => {
        const { page, errors } = await newPage(context, url)
        await page.getByLabel('Move “Write the release notes” to').selectOption('done')
        await column(page, 'done').getByRole('heading', { name: 'Write the release notes' }).waitFor()
        t.equal(await column(page, 'todo').getByRole('article').count(), 0, 'gone from todo')
        const [task] = (await app.inject({ method: 'GET', url: '/tasks' })).json().items
        t.equal(task.status, 'done')
        t.equal(task.version, 2)
        await screenshot(page, `${backend.name}-board-moved`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test(
        'an edit saved from a second tab in between is shown as a conflict, with a choice',
        async (t) => {
          const first = await newPage(context, url)
          const second = await newPage(context, url)
          const edit = (page: Page) =>
            page.getByRole('button', { name: 'Edit “Write the release notes”' }).click()
          await edit(first.page)
          await first.page.getByLabel('Title').fill('Release notes for 1.0')
          await first.page.getByLabel('Priority').selectOption('high')
          await first.page.getByLabel('Assignees (comma-separated)').fill('ana, ben')
          await first.page.getByLabel('Rationale to add').fill('the version is decided')
          await edit(second.page)
          await second.page.getByLabel('Title').fill('Release notes, short')
          await second.page.getByRole('button', { name: 'Save', exact: true }).click()
          await second.page.getByRole('heading', { name: 'Release notes, short' }).waitFor()

          await first.page.getByRole('button', { name: 'Save', exact: true }).click()
          const conflict = first.page
            .getByRole('alert')
            .filter({ hasText: 'Someone else saved this task first' })
          await conflict.waitFor()
          t.match(await conflict.textContent(), /now version 3/)
          t.match(await conflict.textContent(), /Release notes, short/, 'the current state is shown')
          t.equal(
            (await app.inject({ method: 'GET', url: '/tasks' })).json().items[0].title,
            'Release notes, short',
            'nothing was overwritten',
          )
          await checkAccessibility(t, first.page, 'board with a conflict')
          await screenshot(first.page, `${backend.name}-board-conflict`)

          await first.page.getByRole('button', { name: 'Save mine over theirs' }).click()
          await first.page.getByRole('heading', { name: 'Release notes for 1.0' }).waitFor()
          const [task] = (await app.inject({ method: 'GET', url: '/tasks' })).json().items
          t.equal(task.title, 'Release notes for 1.0', 'saved over the current version only when asked')
          t.equal(task.version, 4)
          t.same([task.priority, task.assignees], ['high', ['ana', 'ben']], 'priority and assignees too')
          t.same(
            task.rationaleLog.map((entry: { text: string }) => entry.text),
            ['the version is decided'],
          )
          t.same(
            [...first.errors, ...second.errors].filter((e) => !/status of 412/.test(e)),
            [],
            'no console error but the refused save itself',
          )
          await first.page.close()
          await second.page.close()
        },
      )

      t.test(
        'a design note superseded shows the chain as a timeline; bodies are sanitised Markdown',
        async (t) => {
          const { page, errors } = await newPage(context, url, '#/notes')
          await page.getByRole('heading', { name: 'Design notes', level: 1 }).waitFor()
          await checkAccessibility(t, page, 'design notes (empty)')
          await page.getByLabel('Title').fill('Store data in SQLite')
          await page
            .getByLabel('Context (Markdown)')
            .fill('One **small** team.\n\n<img src="x" onerror="alert(1)">')
          await page.getByLabel('Decision (Markdown)').fill('Use SQLite.')
          await page.getByLabel('Consequences (Markdown)').fill('- one file\n- backups are copies')
          await page.getByRole('button', { name: 'Record note' }).click()
          await page.getByRole('status').filter({ hasText: 'Recorded “Store data in SQLite”' }).waitFor()

          await page.getByRole('button', { name: 'Supersede “Store data in SQLite”' }).click()
          t.equal(await page.getByLabel('Supersedes').inputValue(), (await notes(app))[0].id)
          await page.getByLabel('Title').fill('Also support PostgreSQL')
          await page.getByLabel('Context (Markdown)').fill('Several instances.')
          await page.getByLabel('Decision (Markdown)').fill('Add a PostgreSQL backend.')
          await page.getByLabel('Consequences (Markdown)').fill('Two dialects.')
          await page.getByRole('button', { name: 'Supersede', exact: true }).click()
          await page.getByRole('status').filter({ hasText: 'Recorded “Also support PostgreSQL”' }).waitFor()

          const timeline = page.getByRole('list', { name: 'Decisions on “Store data in SQLite”' })
          const items = timeline.getByRole('listitem')
          // The log is read again after the write; wait for that read to show the new link.
          await items
            .nth(1)
            .getByRole('heading', { name: /Also support PostgreSQL/ })
            .waitFor()
          t.equal(await items.count(), 2, 'one chain of two notes')
          t.match(await items.nth(0).textContent(), /Store data in SQLite\s*superseded/)
          t.match(await items.nth(1).textContent(), /Also support PostgreSQL\s*accepted/)
          await items.nth(0).getByText('Context, decision and consequences').click()
          t.equal(await items.nth(0).locator('.markdown strong').textContent(), 'small', 'Markdown rendered')
          t.equal(
            await items.nth(0).locator('.markdown img').count(),
            0,
            'the image and its handler are gone',
          )
          const stored = await notes(app)
          t.equal(stored[0].supersededBy, stored[1].id)
          await checkAccessibility(t, page, 'design notes')
          await screenshot(page, `${backend.name}-notes-timeline`)
          t.same(errors, [], 'no console error')
          await page.close()
        },
      )

      t.test('a proposed note is accepted, then deprecated, through its status buttons', async (t) => {
        const { page, errors } = await newPage(context, url, '#/notes')
        await page.getByLabel('Title').fill('Tabs for indentation')
        await page.getByLabel('Context (Markdown)').fill('Editors disagree.')
        await page.getByLabel('Decision (Markdown)').fill('Use tabs.')
        await page.getByLabel('Consequences (Markdown)').fill('Wider diffs.')
        await page.getByLabel('Record as').selectOption('proposed')
        await page.getByRole('button', { name: 'Record note' }).click()
        const note = page.getByRole('list', { name: 'Decisions on “Tabs for indentation”' })
        await note.getByText('proposed', { exact: true }).waitFor()
        t.equal(await note.getByRole('button', { name: 'Deprecate “Tabs for indentation”' }).count(), 0)
        await note.getByRole('button', { name: 'Accept “Tabs for indentation”' }).click()
        await note.getByText('accepted', { exact: true }).waitFor()
        t.equal(await note.getByRole('button', { name: 'Reject “Tabs for indentation”' }).count(), 0)
        await note.getByRole('button', { name: 'Deprecate “Tabs for indentation”' }).click()
        await note.getByText('deprecated', { exact: true }).waitFor()
        const stored = (await notes(app)).find((n: { title: string }) => n.title === 'Tabs for indentation')
        t.equal(stored.status, 'deprecated')
        t.equal(stored.version, 3, 'two status changes, each with If-Match')
        await checkAccessibility(t, page, 'design notes with status actions')
        await screenshot(page, `${backend.name}-notes-status`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('search finds a design note by a word of its body', async (t) => {
        const { page, errors } = await newPage(context, url, '#/search')
        await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor()
        await checkAccessibility(t, page, 'search (empty)')
        await page.getByLabel('Search everything').fill('postgresql backend')
        await page.getByRole('button', { name: 'Search', exact: true }).click()
        await page.getByRole('link', { name: 'Also support PostgreSQL' }).waitFor()
        const results = page.locator('ol.results > li')
        t.equal(await results.count(), 1, 'the one note that has both words')
        t.match(await results.first().textContent(), /design note/)
        await page.getByLabel('Search everything').fill('nothing like this anywhere')
        await page.getByRole('button', { name: 'Search', exact: true }).click()
        await page.getByRole('status').filter({ hasText: 'Nothing matches' }).waitFor()
        await page.getByLabel('Search everything').fill('release')
        await page.getByRole('button', { name: 'Search', exact: true }).click()
        await page.getByRole('link', { name: 'Release notes for 1.0' }).waitFor()
        await checkAccessibility(t, page, 'search results')
        await screenshot(page, `${backend.name}-search`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('bugs: filed with a linked task, filtered by severity and status', async (t) => {
        const { page, errors } = await newPage(context, url, '#/bugs')
        await page.getByLabel('New bug').fill('Export drops the last line')
        await page.getByLabel('Severity', { exact: true }).first().selectOption('high')
        await page.getByLabel('Task').selectOption({ label: 'Release notes for 1.0' })
        await page.getByRole('button', { name: 'File bug' }).click()
        await page.getByRole('rowheader', { name: 'Export drops the last line' }).waitFor()
        await page.getByLabel('New bug').fill('Typo on the board')
        await page.getByLabel('Severity', { exact: true }).first().selectOption('low')
        await page.getByRole('button', { name: 'File bug' }).click()
        const rows = page.locator('table.list tbody tr')
        await page.getByRole('rowheader', { name: 'Typo on the board' }).waitFor()
        t.equal(await rows.count(), 2)
        await page.locator('#filter-severity').selectOption('high')
        await page.getByRole('rowheader', { name: 'Typo on the board' }).waitFor({ state: 'detached' })
        t.equal(await rows.count(), 1)
        t.match(await rows.first().textContent(), /Export drops the last line.*high.*Release notes for 1\.0/)
        await page.locator('#filter-status').selectOption('resolved')
        await page.getByText('No bugs match.').waitFor()
        await checkAccessibility(t, page, 'bugs')
        await screenshot(page, `${backend.name}-bugs`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('history: a bug changed elsewhere is restored to an old version', async (t) => {
        const listed = (await app.inject({ method: 'GET', url: '/bugs' })).json().items
        const bug = listed.find((b: { title: string }) => b.title === 'Export drops the last line')
        const changed = await app.inject({
          method: 'PATCH',
          url: `/bugs/${bug.id}`,
          headers: { 'if-match': `"${bug.version}"` },
          payload: { title: 'Export drops lines', severity: 'critical' },
        })
        t.equal(changed.statusCode, 200)
        const { page, errors } = await newPage(context, url, '#/bugs')
        await page.getByRole('link', { name: 'Versions of “Export drops lines”' }).click()
        await page.getByRole('heading', { name: /^History of bug/, level: 1 }).waitFor()
        const versions = page.locator('ol.history > li')
        await versions.nth(1).waitFor()
        t.match(
          await versions.first().textContent(),
          /title"Export drops the last line"\s*→\s*"Export drops lines"/,
          'the newest version shows its field changes',
        )
        t.match(await versions.first().textContent(), /severity"high"\s*→\s*"critical"/)
        t.equal(
          await versions
            .first()
            .getByRole('button', { name: /^Restore/ })
            .count(),
          0,
          'no restore for the current version',
        )
        await checkAccessibility(t, page, 'history')
        await screenshot(page, `${backend.name}-history`)
        await page.getByRole('button', { name: `Restore version ${bug.version}` }).click()
        await page
          .getByRole('status')
          .filter({ hasText: `Restored version ${bug.version}; it is now version ${bug.version + 2}.` })
          .waitFor()
        await versions.nth(2).waitFor()
        const restored = (await app.inject({ method: 'GET', url: `/bugs/${bug.id}` })).json()
        t.same(
          [restored.title, restored.severity, restored.version],
          ['Export drops the last line', 'high', bug.version + 2],
        )
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('status updates: one posted appears at the top of the stream', async (t) => {
        await app.inject({
          method: 'POST',
          url: '/status-updates',
          payload: { message: 'posted by a script' },
        })
        const { page, errors } = await newPage(context, url, '#/updates')
        await page.getByText('posted by a script').waitFor()
        await page.getByLabel('Post a status update').fill('Board is live')
        await page.getByRole('button', { name: 'Post' }).click()
        const first = page.locator('ol.stream li').first()
        await first.getByText('Board is live').waitFor()
        await checkAccessibility(t, page, 'status updates')
        await screenshot(page, `${backend.name}-updates`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('a status update posted with a plain HTTP request, as curl would, appears live', async (t) => {
        const { page, errors } = await newPage(context, url, '#/updates')
        await page.getByText('Board is live').waitFor()
        // A page that reloads loses this; the update must arrive without one.
        await page.evaluate(() => {
          document.body.dataset.samePage = 'yes'
        })
        const response = await fetch(`${url}/status-updates`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-actor': 'curl' },
          body: JSON.stringify({ message: 'deployed 1.0 from a terminal' }),
        })
        t.equal(response.status, 201)
        const first = page.locator('ol.stream li').first()
        await first.getByText('deployed 1.0 from a terminal').waitFor()
        t.match(await first.textContent(), /curl/, 'with its actor')
        t.equal(await page.evaluate(() => document.body.dataset.samePage), 'yes', 'without a reload')
        t.equal(await page.getByText('deployed 1.0 from a terminal').count(), 1, 'shown once')
        await checkAccessibility(t, page, 'status updates, live')
        await screenshot(page, `${backend.name}-updates-live`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('sign-in in open mode: a name becomes the actor', async (t) => {
        const { page, errors } = await newPage(context, url, '#/signin')
        await checkAccessibility(t, page, 'sign-in')
        await page.getByLabel('Your name').fill('Zoë')
        await page.getByRole('button', { name: 'Use this name' }).click()
        await page.getByRole('heading', { name: 'Board', level: 1 }).waitFor()
        await page.getByLabel('New task').fill('Named task')
        await page.getByLabel('New task').press('Enter')
        await column(page, 'todo').getByRole('heading', { name: 'Named task' }).waitFor()
        const entries = (
          await app.inject({ method: 'GET', url: '/audit-entries?entity=task&action=create' })
        ).json()
        t.equal(entries.items[0].actor, 'Zoë', 'X-Actor carried the name, in UTF-8')
        t.same(await context.cookies(), [], 'no cookie')
        t.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage')
        await screenshot(page, `${backend.name}-signed-in`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('the audit trail lists every change with its diff', async (t) => {
        const { page, errors } = await newPage(context, url, '#/audit')
        await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor()
        await page.locator('table.audit tbody tr').first().waitFor()
        // What a new user did on the other views is all here: the task created and moved, the update posted.
        const rows = await page.locator('table.audit tbody tr').allTextContents()
        const row = (pattern: RegExp) => rows.filter((text) => pattern.test(text)).length
        t.ok(row(/task create.*title— → "Write the release notes"/), 'the task typed on the board')
        t.ok(row(/task update.*status"todo" → "done"/), 'its move to done')
        t.ok(row(/status update create.*message— → "Board is live"/), 'the status update posted')
        await page.locator('#audit-entity').selectOption('design_note')
        await page.getByText('design note supersede').first().waitFor()
        const head = (await app.inject({ method: 'GET', url: '/audit-entries/head' })).json()
        await page.getByRole('heading', { name: 'Chain head' }).waitFor()
        t.match(
          await page.locator('.audit-head').textContent(),
          `Entry ${head.seq}`,
          'the chain head is shown with its seq',
        )
        t.match(await page.locator('.audit-head').textContent(), head.hash, 'and its hash')
        await checkAccessibility(t, page, 'audit trail')
        await screenshot(page, `${backend.name}-audit`)
        t.same(errors, [], 'no console error')
        await page.close()
      })

      t.test('a task created while the board is still loading stays on it', async (t) => {
        // The board's first list is read before the create and answered after it (held here, as a slow
        // network or a busy server would): that older answer must not take the new task off the board.
        await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'Listed before' } })
        const page = await context.newPage()
        const errors = consoleErrors(page)
        let createAnswered = () => {}
        const created = new Promise<void>((resolve) => {
          createAnswered = resolve
        })
        page.on('response', (response) => {
          const { pathname } = new URL(response.url())
          if (response.request().method() === 'POST' && pathname === '/tasks') createAnswered()
        })
        await page.route(
          (address) => address.pathname === '/tasks',
          async (route) => {
            if (route.request().method() !== 'GET') {
              await route.continue()
              return
            }
            const answer = await route.fetch()
            await created
            await route.fulfill({ response: answer })
          },
        )
        await page.goto(`${url}/ui/#/board`)
        await page.getByLabel('New task').fill('Made before the list came')
        await page.getByLabel('New task').press('Enter')
        const todo = column(page, 'todo')
        // The held list has been shown once the task written before it is on the board.
        await todo.getByRole('heading', { name: 'Listed before' }).waitFor()
        t.equal(
          await todo.getByRole('heading', { name: 'Made before the list came' }).count(),
          1,
          'the new task is still on the board, once',
        )
        t.same(errors, [], 'no console error')
        await page.close()
      })
    })

    t.test(
      `${backend.name}: with tokens, a viewer sees no write control and a forced write is a 403 message`,
      async (t) => {
        const { app, url } = await serve(t, backend)
        const viewer = await tokenFor(app, 'viewer')
        const contributor = await tokenFor(app, 'contributor')
        const maintainer = await tokenFor(app, 'maintainer')
        await app.inject({
          method: 'POST',
          url: '/tasks',
          headers: contributor.headers,
          payload: { title: 'Seen by everyone' },
        })
        const bug = await changedBug(app, maintainer.headers)
        for (const [title, status] of [
          ['Spaces for indentation', 'proposed'],
          ['Keep a changelog', 'accepted'],
        ]) {
          await app.inject({
            method: 'POST',
            url: '/design-notes',
            headers: maintainer.headers,
            payload: { title, status, context: 'Why.', decision: 'What.', consequences: 'Then.' },
          })
        }
        const context = await openBrowser(t)
        const { page, errors } = await newPage(context, url)
        // The tab's token, as sign-in keeps it; the page reads it on every request.
        const useToken = (secret: string) =>
          page.evaluate((secret) => {
            sessionStorage.setItem('trail.credentials', JSON.stringify({ kind: 'token', token: secret }))
          }, secret)
        const refused = () => page.getByRole('alert').filter({ hasText: 'Your role may not do this' })
        await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor()
        t.equal(await page.getByLabel('Your name').count(), 0, 'no name field: a token is needed')
        await checkAccessibility(t, page, 'sign-in with tokens')
        await page.getByLabel('API token').fill(viewer.secret)
        await page.getByRole('button', { name: 'Sign in with token' }).click()
        await column(page, 'todo').getByRole('heading', { name: 'Seen by everyone' }).waitFor()
        t.equal(await page.getByLabel('New task').count(), 0, 'no "New task" field')
        t.equal(await page.getByRole('button', { name: /^Edit/ }).count(), 0, 'no Edit button')
        t.equal(await page.getByRole('combobox').count(), 0, 'no Move control')
        t.equal(
          await page.getByRole('link', { name: 'Audit trail' }).count(),
          0,
          'no audit link for a viewer',
        )
        await checkAccessibility(t, page, 'board as a viewer')
        await screenshot(page, `${backend.name}-viewer-board`)
        t.equal(await page.evaluate(() => localStorage.length), 0, 'the token is not in localStorage')
        t.same(await context.cookies(), [], 'nor in a cookie')
        t.match(await page.evaluate(() => sessionStorage.getItem('trail.credentials')), viewer.secret)

        // Signed in as a contributor, the controls are there; then the tab's token is swapped for the
        // viewer's behind the page's back, and the write it still offers is refused.
        await useToken(contributor.secret)
        await page.reload()
        await page.getByLabel('New task').waitFor()
        await useToken(viewer.secret)
        await page.getByLabel('New task').fill('Not allowed')
        await page.getByLabel('New task').press('Enter')
        await refused().waitFor()
        await page.getByLabel('New task').waitFor({ state: 'detached' })
        t.pass('the 403 is shown, and the controls the role lacks are hidden again')
        await screenshot(page, `${backend.name}-viewer-forbidden`)
        t.equal(
          (await app.inject({ method: 'GET', url: '/tasks', headers: viewer.headers })).json().items.length,
          1,
        )

        // A bug's history as a viewer: every version and its changes, and no restore.
        const history = `${url}/ui/#/history?kind=bug&id=${bug.id}`
        await page.goto(history)
        const versions = page.locator('ol.history > li')
        await versions.nth(1).waitFor()
        t.match(await versions.first().textContent(), /severity"high"\s*→\s*"critical"/, 'the diff is shown')
        t.equal(await page.getByRole('button', { name: /^Restore/ }).count(), 0, 'no Restore button')
        await checkAccessibility(t, page, 'history as a viewer')
        await screenshot(page, `${backend.name}-viewer-history`)

        // The design-note log as a viewer: the notes and their badges, no status action, no note form.
        await page.goto(`${url}/ui/#/notes`)
        const proposed = page.getByRole('list', { name: 'Decisions on “Spaces for indentation”' })
        await proposed.getByText('proposed', { exact: true }).waitFor()
        t.equal(
          await page.getByRole('button', { name: /^(Propose|Accept|Reject|Deprecate|Supersede)\b/ }).count(),
          0,
          'no propose, accept, reject, deprecate or supersede button',
        )
        t.equal(await page.getByRole('form', { name: 'Write a design note' }).count(), 0, 'no note form')
        t.equal(await page.getByLabel('Title').count(), 0, 'no field to write a note in')
        await checkAccessibility(t, page, 'design notes as a viewer')
        await screenshot(page, `${backend.name}-viewer-notes`)

        // The same two views offered to a maintainer, then the tab's token swapped for the viewer's: the
        // write they still show is refused with the 403 message, which stays while the controls go.
        await useToken(maintainer.secret)
        await page.goto(history)
        await page.reload()
        // The page shows the maintainer's controls once it has read its role; only then is the token swapped.
        const restore = page.getByRole('button', { name: 'Restore version 1' })
        await restore.waitFor()
        await useToken(viewer.secret)
        await restore.click()
        await refused().waitFor()
        await page.getByRole('button', { name: /^Restore/ }).waitFor({ state: 'detached' })
        t.equal(await refused().count(), 1, 'the restore refused is still explained')
        const unchanged = (
          await app.inject({ method: 'GET', url: `/bugs/${bug.id}`, headers: viewer.headers })
        ).json()
        t.same([unchanged.severity, unchanged.version], ['critical', 2], 'the bug is not restored')
        await screenshot(page, `${backend.name}-viewer-history-forbidden`)

        await useToken(maintainer.secret)
        await page.goto(`${url}/ui/#/notes`)
        await page.reload()
        const accept = proposed.getByRole('button', { name: 'Accept “Spaces for indentation”' })
        await accept.waitFor()
        await useToken(viewer.secret)
        await accept.click()
        await refused().waitFor()
        await page.getByRole('button', { name: /^Accept/ }).waitFor({ state: 'detached' })
        t.equal(await page.getByRole('button', { name: /^Supersede/ }).count(), 0, 'no Supersede left either')
        t.equal(await refused().count(), 1, 'the status change refused is still explained')
        const stored = (await notes(app, viewer.headers)).find(
          (n: { title: string }) => n.title === 'Spaces for indentation',
        )
        t.equal(stored.status, 'proposed', 'the note is not accepted')
        await checkAccessibility(t, page, 'design notes after a refused write')
        await screenshot(page, `${backend.name}-viewer-notes-forbidden`)

        // The API has no verify endpoint (`trail audit verify` checks the chain): a maintainer's audit view
        // shows the chain's head to check it against.
        await useToken(maintainer.secret)
        await page.goto(`${url}/ui/#/audit`)
        await page.reload()
        await page.getByRole('heading', { name: 'Chain head' }).waitFor()
        const head = (
          await app.inject({ method: 'GET', url: '/audit-entries/head', headers: maintainer.headers })
        ).json()
        t.match(
          await page.locator('.audit-head').textContent(),
          head.hash,
          "a maintainer sees the chain's head",
        )
        await screenshot(page, `${backend.name}-maintainer-audit`)

        t.same(
          errors.filter((e) => !/status of 40[13]/.test(e)),
          [],
          'no console error but the refused request itself',
        )
      },
    )
  }
}

/** A bug filed as high, then made critical: two versions, the first one restorable. */
async function changedBug(app: TestApp, headers: Record<string, string>) {
  const bug = (
    await app.inject({
      method: 'POST',
      url: '/bugs',
      headers,
      payload: { title: 'Sync loses edits', severity: 'high' },
    })
  ).json()
  const changed = await app.inject({
    method: 'PATCH',
    url: `/bugs/${bug.id}`,
    headers: { ...headers, 'if-match': `"${bug.version}"` },
    payload: { severity: 'critical' },
  })
  return changed.json() as { id: string; version: number }
}

async function notes(app: TestApp, headers: Record<string, string> = {}) {
  return (await app.inject({ method: 'GET', url: '/design-notes?order=asc', headers })).json().items
}
