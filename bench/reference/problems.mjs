// The few problem+json answers the reference can give on the benchmarked routes.
export class Problem extends Error {
  constructor(status, code, detail, extra = {}) {
    super(detail)
    this.status = status
    this.code = code
    this.extra = extra
  }
}

export const notFound = (what, id) => new Problem(404, 'NOT_FOUND', `${what} ${id} does not exist`)
export const versionMismatch = (current, status = 409) =>
  new Problem(status, 'VERSION_MISMATCH', `The resource has changed; its current version is ${current}`, {
    currentVersion: current,
  })
export const preconditionRequired = () =>
  new Problem(428, 'PRECONDITION_REQUIRED', 'Send If-Match or version with the version you last saw')
export const referenceNotFound = (field, id) =>
  new Problem(422, 'REFERENCE_NOT_FOUND', `${field} ${id} names nothing`)
export const badRequest = (detail) => new Problem(400, 'VALIDATION_FAILED', detail)
export const notImplemented = (what) =>
  new Problem(501, 'NOT_IMPLEMENTED', `The reference does not implement ${what}`)
