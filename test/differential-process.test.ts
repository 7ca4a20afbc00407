// The process section of the differential suite: fork, wait, exit, signals, run on the simulated
// kernel and compared byte for byte with the same programs run natively (stdout piped).
import { fileURLToPath } from 'node:url';
import { differentialSuite } from './support/differential-suite';

differentialSuite({
  title: 'processes',
  programsDir: fileURLToPath(new URL('./differential/process-programs/', import.meta.url)),
  expectedDir: fileURLToPath(new URL('./differential/process-expected/', import.meta.url)),
  minPrograms: 15,
  updateCommand: 'node scripts/update-process-expected.mjs',
});
