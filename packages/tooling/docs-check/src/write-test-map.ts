/** Writes `docs/tests.md` from the test files (see `test-map.ts`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testMap } from './test-map.js';

writeFileSync(join(ROOT, 'docs', 'tests.md'), testMap());
console.log('docs/tests.md written');
