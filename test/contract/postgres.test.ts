import { postgres } from '../backends/postgres.js'
import { runContractSuite } from './suite.js'

runContractSuite(postgres)
