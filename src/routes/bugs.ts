// /bugs: the HTTP rules of a versioned resource (src/http/versioned-resource.ts) over the bug repository.
// A taskId that names no task is a 422 REFERENCE_NOT_FOUND, raised by the repository.
import fp from 'fastify-plugin'
import { Bug, BugListQuery, CreateBugBody, PatchBugBody } from '../domains/bugs/schemas.js'
import { versionedResourceRoutes } from '../http/versioned-resource.js'

const bugs = versionedResourceRoutes({
  path: '/bugs',
  noun: 'Bug',
  schemas: { entity: Bug, create: CreateBugBody, patch: PatchBugBody, listQuery: BugListQuery },
  writeProblems: [422],
  repository: (app) => app.repos.bugs,
})

export default fp(bugs, {
  name: 'bugs',
  dependencies: ['persistence', 'auth', 'http-errors'],
  encapsulate: true,
})
