import { memory } from '../backends/memory.js'
import { runContractSuite } from './suite.js'

runContractSuite(memory)
