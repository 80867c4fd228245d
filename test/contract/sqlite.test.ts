import { sqlite } from '../backends/sqlite.js'
import { runContractSuite } from './suite.js'

runContractSuite(sqlite)
