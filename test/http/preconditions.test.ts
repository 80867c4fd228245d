// The exact shape of If-Match and of 400 answers: pinned so that a change to the write path cannot loosen them.
import t from 'tap'
import { backends } from '../backends/index.js'
import { build, type TestApp } from '../helper.js'

async function taskAtVersion(app: TestApp, version: number) {
  const { id } = (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 't0' } })).json()
  for (let v = 1; v < version; v++) {
    const res = await app.inject({
      method: 'PATCH',
      url: `/tasks/${id}`,
      headers: { 'if-match': `"${v}"` },
      payload: { title: `t${v}` },
    })
    if (res.statusCode !== 200) throw new Error(`PATCH to version ${v + 1}: ${res.statusCode}`)
  }
  return id as string
}

for (const backend of backends) {
  t.test(`${backend.name}: If-Match and validation answers`, async (t) => {
    t.test('versions of two digits and more match exactly', async (t) => {
      const app = await build(t, backend)
      const id = await taskAtVersion(app, 12)
      const patch = (ifMatch: string) =>
        app.inject({
          method: 'PATCH',
          url: `/tasks/${id}`,
          headers: { 'if-match': ifMatch },
          payload: { status: 'done' },
        })
      const stale = await patch('"1"')
      t.equal(stale.statusCode, 412, '"1" is not a prefix match of 12')
      t.equal(stale.json().currentVersion, 12)
      t.equal((await patch('"120"')).statusCode, 412)
      const ok = await patch('"12"')
      t.equal(ok.statusCode, 200)
      t.equal(ok.headers.etag, '"13"')
      t.equal((await patch('W/"13"')).statusCode, 200, 'a weak tag names the same version')
    })

    t.test('junk around the entity tag is a 400 naming the header', async (t) => {
      const app = await build(t, backend)
      const id = await taskAtVersion(app, 3)
      for (const junk of ['x"3"', '"3"junk', '3', '"3", "4"', '"-3"', '*']) {
        const res = await app.inject({
          method: 'PATCH',
          url: `/tasks/${id}`,
          headers: { 'if-match': junk },
          payload: { status: 'done' },
        })
        t.equal(res.statusCode, 400, `If-Match: ${junk}`)
        t.match(res.json(), { code: 'VALIDATION_FAILED', errors: [{ path: '/headers/if-match' }] })
      }
      t.equal((await app.inject({ method: 'GET', url: `/tasks/${id}` })).json().version, 3, 'nothing written')
    })

    t.test('If-Match with a body version: equal is fine, different is a 400', async (t) => {
      const app = await build(t, backend)
      const id = await taskAtVersion(app, 2)
      const agree = await app.inject({
        method: 'PATCH',
        url: `/tasks/${id}`,
        headers: { 'if-match': '"2"' },
        payload: { status: 'done', version: 2 },
      })
      t.equal(agree.statusCode, 200)
      const disagree = await app.inject({
        method: 'PATCH',
        url: `/tasks/${id}`,
        headers: { 'if-match': '"3"' },
        payload: { status: 'todo', version: 2 },
      })
      t.equal(disagree.statusCode, 400)
      t.match(disagree.json(), { code: 'VALIDATION_FAILED', errors: [{ path: '/version' }] })
    })

    t.test('a 400 names the path of each bad field', async (t) => {
      const app = await build(t, backend)
      const cases: [string, string, object, string][] = [
        ['POST', '/tasks', { title: '' }, '/title'],
        ['POST', '/tasks', { title: 'a', priority: 'urgent' }, '/priority'],
        ['POST', '/tasks', { title: 'a', assignees: ['ok', 7] }, '/assignees/1'],
        ['POST', '/tasks', { title: 'a', colour: 'red' }, '/colour'],
        ['POST', '/bugs', { title: 'b', severity: 'low', reproSteps: [''] }, '/reproSteps/0'],
        ['POST', '/status-updates', { message: 'm', taskId: 'nope' }, '/taskId'],
      ]
      for (const [method, url, payload, path] of cases) {
        const res = await app.inject({ method: method as 'POST', url, payload })
        t.equal(res.statusCode, 400, `${url} ${JSON.stringify(payload)}`)
        t.match(res.json().errors, [{ path }], `names ${path}`)
      }
      const query = await app.inject({ method: 'GET', url: '/tasks?status=nope' })
      t.equal(query.statusCode, 400)
      t.match(query.json().errors, [{ path: '/querystring/status' }])
    })
  })
}
