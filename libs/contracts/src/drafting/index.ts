export { draftingProcessManager, DRAFTING_EVENTS } from './drafting.process-manager.js';
export { decideDrafting, decideDraftOnWin, decideHandOffOnHandover } from './drafting.decide.js';
