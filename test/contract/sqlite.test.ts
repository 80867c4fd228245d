import { sqlite } from '../backends/sqlite.js'
import { runContractSuite, runTokenSuite } from './suite.js'

runContractSuite(sqlite)
runTokenSuite(sqlite)
