// The language section of the differential suite: C programs without processes (see
// test/support/differential-suite.ts for how each is compared with gcc's build).
import { expectedDir, programsDir } from '../scripts/differential-native.mjs';
import { differentialSuite } from './support/differential-suite';

differentialSuite({
  title: 'language',
  programsDir,
  expectedDir,
  minPrograms: 40,
  updateCommand: 'node scripts/update-differential-expected.mjs',
});
