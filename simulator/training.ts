/**
 * The simulator as the till's training mode sees it (the core's TrainingProvider port, matched by
 * shape so the simulator depends on nothing of the core): the training key and a private simulator
 * started with the default keys. Loaded by the hosts through a dynamic import, only when training.
 */
import { TRAINING_API_KEY } from './constants';
import { startSimulator } from './index';

export const trainingProvider = {
  apiKey: TRAINING_API_KEY,
  start: (options: { handlingMs: number }) => startSimulator({ handlingMs: options.handlingMs }),
};
