// Actor names, wherever they come from (X-Actor, `trail tokens create --actor`): one line of printable text.
import { isAcceptableText } from '../core/text.js'

const CONTROL = /\p{Cc}/u

/**
 * Acceptable text (well-formed, not blank by the same rule as titles) with no control characters (C0, DEL,
 * C1). Both checks are single linear passes, so a long hostile header costs no more than its length.
 */
export const isActorName = (name: string) => isAcceptableText(name) && !CONTROL.test(name)
