import { postgres } from '../backends/postgres.js'
import { runContractSuite, runTokenSuite } from './suite.js'

runContractSuite(postgres)
runTokenSuite(postgres)
