import { examplePack } from '../fixtures/example-pack.js';
import { describePackCases } from './vitest.js';

// The helper registers one test per case of the example pack (and one that cases exist).
describePackCases({ id: 'example', name: 'Example Council', pack: examplePack() });
