import type { Me } from '../access'

/** What every view is given: who is signed in. */
export interface ViewProps {
  me: Me
}
