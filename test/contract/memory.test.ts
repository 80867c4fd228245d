import { memory } from '../backends/memory.js'
import { runContractSuite, runTokenSuite } from './suite.js'

runContractSuite(memory)
runTokenSuite(memory)
