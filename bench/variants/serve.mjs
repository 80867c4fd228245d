// What every variant does once its app is built: listen where trail would, and close on SIGTERM or SIGINT (the
// bench stops its servers so).
export async function serve(app, config) {
  const stop = async () => {
    await app.close()
    process.exit(0)
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  await app.listen({ host: config.host, port: config.port })
}
