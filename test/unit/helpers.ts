// What the unit tests share.
import { TrailError } from '../../src/core/errors.js'

/** The TrailError `fn` throws; fails the test when it throws nothing or something else. */
export const thrown = (fn: () => unknown): TrailError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof TrailError) return error
    throw error
  }
  throw new Error('did not throw')
}
