// Actor names, wherever they come from (X-Actor, `trail tokens create --actor`): one line of printable text.

const ACTOR = /^[^\p{Cc}]*[^\p{Cc}\s][^\p{Cc}]*$/u
/** With the u flag a surrogate pair is one code point, so this matches only a surrogate standing alone. */
const LONE_SURROGATE = /\p{Cs}/u

/** Not blank, no control characters (C0, DEL, C1), no lone surrogates. */
export const isActorName = (name: string) => ACTOR.test(name) && !LONE_SURROGATE.test(name)
