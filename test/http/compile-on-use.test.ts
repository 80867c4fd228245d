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
