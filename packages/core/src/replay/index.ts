/*
 * Replaying recorded history through the SDK itself: `@upgradekit/core/replay`.
 * What-if simulations (`upgradekit simulate`, the server's simulate route) and
 * a customer's explanations are computed with the client and prompt engine a
 * browser runs, on a virtual clock, never with a re-implementation.
 */
export { replayCustomerState, replayHistories, simulateHistories, simulationResults } from './simulate.js';
export type { CustomerReplayState, SimulationPart, SimulationResult, SimulationSpan, TriggerSimulation, WeeklyLoad } from './simulate.js';
export { createVirtualPlatform } from '../platform/virtual.js';
export type { VirtualPlatform } from '../platform/virtual.js';
