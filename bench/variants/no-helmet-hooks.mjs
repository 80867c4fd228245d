// Module hooks (node:module register) for without.mjs: `helmet` resolves to a middleware that sets no header.
const NO_HELMET = 'data:text/javascript,export default () => (_request, _response, next) => next()'

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'helmet') return { url: NO_HELMET, shortCircuit: true }
  return nextResolve(specifier, context)
}
