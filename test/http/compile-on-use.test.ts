// Route validators and serializers are compiled by the first request that needs them, not at start-up
// (src/http/compile-on-use.ts). Every one of them still compiles, and a compiled one behaves as before.
import t from 'tap'
import type { Validate } from '../../src/core/validation.js'
import { compileOnUse } from '../../src/http/compile-on-use.js'
import { memory } from '../backends/memory.js'
import { build } from '../helper.js'

t.test('every route schema of the app compiles', async (t) => {
  const app = await build(t, memory)
  const compiled = app.compileSchemas()
  // Two per route at least (a params or body validator, a 200 serializer), and all Problem answers share one.
  t.ok(compiled > 2 * 40, `${compiled} validators and serializers compiled`)
  t.equal(app.compileSchemas(), 0, 'each is compiled once')
  const res = await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'after' } })
  t.equal(res.statusCode, 201, 'and the routes use them')
})

t.test('nothing is compiled before its first use, and then only once', async (t) => {
  const compilers = compileOnUse()
  let compiles = 0
  const tooLong = { keyword: 'maxLength', instancePath: '', schemaPath: '#/maxLength', params: {} }
  const checkShort: Validate = (data) => {
    const valid = typeof data === 'string' && data.length < 3
    checkShort.errors = valid ? null : [tooLong]
    return valid
  }
  const validate = compilers.validator(() => {
    compiles++
    return checkShort
  })
  const serialize = compilers.serializer(() => {
    compiles++
    return (doc) => JSON.stringify(doc)
  })
  t.equal(compiles, 0, 'not compiled when asked for')
  t.equal(validate('ab'), true)
  t.equal(validate.errors, null)
  t.equal(validate('abcd'), false)
  t.same(validate.errors, [tooLong], "the compiled validator's errors, where Fastify reads them")
  t.equal(serialize({ a: 1 }), '{"a":1}')
  t.equal(compiles, 2, 'each compiled by its first use, once')
  t.equal(compilers.compileAll(), 0, 'nothing left to compile')
})

t.test('in the background, one is compiled per turn of the event loop until stopped', async (t) => {
  const compilers = compileOnUse()
  const compiled: number[] = []
  for (let i = 0; i < 4; i++) {
    compilers.serializer(() => {
      compiled.push(i)
      return () => String(i)
    })
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve))
  compilers.compileInBackground()
  compilers.compileInBackground()
  t.same(compiled, [], 'not while the caller runs')
  await turn()
  t.same(compiled, [0], 'one per turn')
  await turn()
  t.same(compiled, [0, 1])
  compilers.stop()
  await turn()
  await turn()
  t.same(compiled, [0, 1], 'none after stop()')
  t.equal(compilers.compileAll(), 2, 'the rest are still there to compile')
})

t.test('a listening app compiles its schemas in the background', async (t) => {
  const app = await build(t, memory)
  await app.listen({ host: '127.0.0.1', port: 0 })
  // Each turn compiles one; a few hundred turns are more than the app has schemas.
  for (let i = 0; i < 1000; i++) await new Promise((resolve) => setImmediate(resolve))
  t.equal(app.compileSchemas(), 0, 'none was left for compileSchemas()')
})
