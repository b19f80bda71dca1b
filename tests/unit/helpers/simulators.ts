import { afterEach } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../simulator';

/**
 * For a test file of in-process simulators: returns `start`, which starts one with `defaults` (and
 * the options it is given on top), and closes every simulator so started after each test.
 * Call it once, at the top of the file.
 */
export function simulatorsClosedAfterEach(defaults: SimulatorOptions): (options?: SimulatorOptions) => Promise<RunningSimulator> {
  const running: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  return async (options = {}) => {
    const sim = await startSimulator({ ...defaults, ...options });
    running.push(sim);
    return sim;
  };
}
