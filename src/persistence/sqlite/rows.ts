// This dialect's rows: the shapes both SQL dialects share (their tables are checked against them in ../table-registry.ts).
export * from '../rows.js'
export * from '../webhook-rows.js'
